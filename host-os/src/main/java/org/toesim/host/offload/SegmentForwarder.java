package org.toesim.host.offload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * Gives the adapter the segments of an offloaded connection that reached the host, in the spirit
 * of TCP Chimney's forwarding of segments that arrived during the offload: instead of holding
 * them until a later flush (which stalls the connection for a retransmission timeout), the host
 * sends them to the card with {@code ForwardFrames}, and the card classifies them as if they had
 * just arrived.
 *
 * <pre>
 *  install SUCCESS: frames = stack.takeHeld(t)   (held while QUIESCING/OFFLOADING, arrival order)
 *     for f in frames:  SYN/FIN/RST/URG -&gt; hold f and every later frame, flush once the
 *                                          frames before it are on the card (never offload again)
 *                       corrupt, fragment, IP options -&gt; hold (the card cannot process it either)
 *                       else -&gt; queue[t]
 *  slow-path frame f while OFFLOADED: forwardable and never forwarded before -&gt; queue[t]
 *                                     else -&gt; held by the stack, replayed after the next flush
 *  queue[t] non-empty, no forward in flight: adapter.forward(h, first &lt;= 64 frames, &lt;= 96 KiB)
 *     completion -&gt; next batch; queue empty and a flush is waiting -&gt; flush
 * </pre>
 * A frame is forwarded at most once: if the card still cannot process it (out-of-order data
 * whose gap is not filled) it comes back up the slow path and is held, so nothing ping-pongs.
 * One forward per connection is in flight at a time, so frames reach the card in arrival order.
 * Only used when the adapter record lists {@link OffloadFeature#FORWARD_FRAMES}; otherwise frames
 * are held as before. Each ForwardFrames batch is logged at DEBUG.
 */
final class SegmentForwarder {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentForwarder.class);
    /** Frames per ForwardFrames command at most. */
    static final int MAX_BATCH_FRAMES = 64;
    /**
     * Bytes per ForwardFrames command at most (one frame always goes). The card fetches a batch
     * longer than one DMA read in several reads (host memory answers each with a
     * {@code DmaData.Part} of the batch), so the bound only keeps the first frame's wait for the
     * whole batch short; few large batches matter more, because each forward's completion waits
     * for the command interrupt and one forward is in flight at a time.
     */
    static final int MAX_BATCH_BYTES = 96 * 1024;

    private final OffloadManager manager;
    private final AdapterPort adapter;
    private final StackPort stack;
    long framesForwarded;
    long forwardCommands;
    long forwardsNotApplied;

    SegmentForwarder(OffloadManager manager, AdapterPort adapter, StackPort stack) {
        this.manager = manager;
        this.adapter = adapter;
        this.stack = stack;
    }

    /**
     * Per-connection forwarding state, kept in the {@link OffloadRecord}. Collections start at
     * their smallest: a table of 100,000 offloaded connections holds one State each, and most
     * never forward a frame (the default sizes cost 360 bytes per connection).
     */
    static final class State {
        final ArrayDeque<Frame> queue = new ArrayDeque<>(1);
        final Set<Frame> forwarded = Collections.newSetFromMap(new IdentityHashMap<>(1));
        boolean inFlight;
        FlushCause flushWhenDrained;
    }

    private boolean enabled() {
        return adapter.capability().supports(OffloadFeature.FORWARD_FRAMES);
    }

    /** Whether the card could process {@code f} at all (it may still be out of order). */
    static boolean cardProcessable(Frame f) {
        Ipv4Header ip = f.ip();
        return !f.corrupted() && !ip.isFragment() && ip.optionsLenBytes() == 0 && !isControl(f.tcp());
    }

    /** SYN, FIN, RST or URG: the card hands such a connection back (upload request). */
    static boolean isControl(Segment s) {
        return (s.flags() & (TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST | TcpFlags.URG)) != 0;
    }

    /** The connection was just installed: forward what the stack held during the handoff. */
    void afterInstall(OffloadRecord r) {
        if (!enabled()) {
            return;
        }
        List<Frame> held = stack.takeHeld(r.tuple());
        boolean control = false;
        for (Frame f : held) {
            if (!control && isControl(f.tcp())) {
                control = true;
            }
            if (control || !cardProcessable(f)) {
                stack.hold(r.tuple(), f);
            } else {
                enqueue(r, f);
            }
        }
        if (control) {
            r.refusedUntilPs = Long.MAX_VALUE; // the connection is closing or reset: it stays on the host
            r.forward.flushWhenDrained = FlushCause.SLOW_PATH_SEGMENT;
        }
        pump(r);
    }

    /** A slow-path frame of {@code r}; true if it is forwarded (the stack must not hold it). */
    boolean offer(OffloadRecord r, Frame f) {
        if (r.state != HandoffState.OFFLOADED || !enabled() || !cardProcessable(f)
                || r.forward.forwarded.contains(f)) {
            return false;
        }
        enqueue(r, f);
        pump(r);
        return true;
    }

    private void enqueue(OffloadRecord r, Frame f) {
        r.forward.forwarded.add(f);
        r.forward.queue.addLast(f);
    }

    private void pump(OffloadRecord r) {
        State s = r.forward;
        if (s.inFlight) {
            return;
        }
        if (s.queue.isEmpty() || r.state != HandoffState.OFFLOADED) {
            // not OFFLOADED any more: reset() gave the queued frames back to the stack
            if (s.queue.isEmpty() && s.flushWhenDrained != null && r.state == HandoffState.OFFLOADED) {
                FlushCause cause = s.flushWhenDrained;
                s.flushWhenDrained = null;
                manager.flush(r.tuple(), cause, null);
            }
            return;
        }
        List<Frame> batch = new ArrayList<>(Math.min(MAX_BATCH_FRAMES, s.queue.size()));
        int bytes = 0;
        while (!s.queue.isEmpty() && batch.size() < MAX_BATCH_FRAMES
                && (batch.isEmpty() || bytes + s.queue.peekFirst().lenBytes() <= MAX_BATCH_BYTES)) {
            Frame f = s.queue.pollFirst();
            bytes += f.lenBytes();
            batch.add(f);
        }
        s.inFlight = true;
        forwardCommands++;
        framesForwarded += batch.size();
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} frame(s) of {} ({} B) forwarded to the card (ForwardFrames)",
                    Units.logTime(manager.nowPs()), manager.component(), batch.size(), r.tuple().traceText(), bytes);
        }
        if (manager.tracing()) {
            manager.traceRecord(new OffloadTrace.FramesForwarded(r.tuple(), batch.size()));
        }
        adapter.forward(r.handle, batch, status -> {
            s.inFlight = false;
            if (status != CommandStatus.SUCCESS) {
                forwardsNotApplied++; // the card fed them anyway: they went up its slow path
            }
            pump(r);
        });
    }

    /**
     * The connection leaves the adapter (flush started): frames still queued go back to the stack,
     * in order, to be replayed after the resume; the record of what was forwarded is dropped.
     */
    void reset(OffloadRecord r) {
        State s = r.forward;
        for (Frame f : s.queue) {
            stack.hold(r.tuple(), f);
        }
        s.queue.clear();
        s.forwarded.clear();
        s.flushWhenDrained = null;
    }
}
