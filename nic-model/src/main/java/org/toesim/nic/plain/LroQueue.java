package org.toesim.nic.plain;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.nic.frame.EthernetWire;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.seq.SeqNum;

/**
 * Large receive offload of one receive queue: consecutive in-order TCP segments of a flow are
 * merged into one frame, which the host then processes once. A small fixed set of contexts
 * (a CAM on real NICs: Intel 82599 RSC, Linux {@code inet_lro}) holds the flows being merged.
 *
 * <pre>
 *   segment --eligible? (ACK set, only ACK/PSH, payload &gt; 0, no IP options/fragment, no SACK)
 *     no  --&gt; flush its flow's aggregate (keeps order), deliver the segment alone
 *     yes --&gt; context of its flow?
 *              seq == next, ack not going back, same TOS/TTL, fits in maxBytes and in the
 *              next receive buffer of the queue --&gt; merge
 *              otherwise --&gt; flush, start a new aggregate with it
 *            none --&gt; free context (or flush the oldest) and start one
 *     PSH --&gt; flush at once
 *   timer: an aggregate is flushed flushTimeout after its first segment arrived
 *   flush: 1 segment --&gt; the frame as it came; n &gt; 1 --&gt; first segment's headers, seq of the
 *          first, ack/window/timestamps of the last, PSH if any had it, payload concatenated
 * </pre>
 */
final class LroQueue {
    /** Receives frames leaving LRO. */
    interface Delivery {
        void deliver(int queue, Frame frame, int flowHash, int segments);

        /**
         * Bytes the receive buffer the next frame of {@code queue} lands in can hold
         * ({@link Integer#MAX_VALUE} while no buffer was seen): an aggregate must fit one buffer,
         * as RSC on real NICs is bounded by the posted descriptors.
         */
        int rxBufferBytes(int queue);
    }

    private static final int ALLOWED_FLAGS = TcpFlags.ACK | TcpFlags.PSH;

    private final Simulator sim;
    private final int queue;
    private final Delivery delivery;
    private final QueueStats stats;
    private final long flushTimeoutPs;
    private final int maxBytes;
    private final Context[] contexts;
    private final Event timer;

    private static final class Context {
        boolean active;
        int srcIp;
        int dstIp;
        int srcPort;
        int dstPort;
        int hash;
        long startPs;
        Frame first;
        Frame last;
        int nextSeq;
        int payloadBytes;
        int segments;
        boolean push;
        final List<Payload> payloads = new ArrayList<>();

        boolean matches(Frame f) {
            return active && srcIp == f.ip().srcIp() && dstIp == f.ip().dstIp() && srcPort == f.tcp().srcPort()
                    && dstPort == f.tcp().dstPort();
        }
    }

    LroQueue(Simulator sim, int queue, PlainNicConfig config, Delivery delivery, QueueStats stats, String owner) {
        this.sim = sim;
        this.queue = queue;
        this.delivery = delivery;
        this.stats = stats;
        this.flushTimeoutPs = config.lroFlushTimeoutPs();
        this.maxBytes = Math.min(config.lroMaxBytes(), PlainNicConfig.MAX_IP_PACKET_BYTES);
        this.contexts = new Context[config.lroContextsPerQueue()];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = new Context();
        }
        this.timer = sim.newEvent("lro.flush", owner + ".q" + queue, Priority.TIMER, this::onTimer);
    }

    /** A frame steered to this queue. */
    void receive(Frame frame, int hash) {
        Context ctx = find(frame);
        if (!eligible(frame)) {
            if (ctx != null) {
                flush(ctx);
            }
            delivery.deliver(queue, frame, hash, 1);
            return;
        }
        if (ctx != null && canMerge(ctx, frame)) {
            merge(ctx, frame);
        } else {
            if (ctx != null) {
                flush(ctx);
            } else {
                ctx = freeOrOldest();
            }
            start(ctx, frame, hash);
        }
        if (frame.tcp().has(TcpFlags.PSH)) {
            flush(ctx);
        }
    }

    /** Aggregates being built. */
    int activeContexts() {
        int n = 0;
        for (Context c : contexts) {
            n += c.active ? 1 : 0;
        }
        return n;
    }

    private static boolean eligible(Frame f) {
        Segment s = f.tcp();
        return (s.flags() & ~ALLOWED_FLAGS) == 0 && s.has(TcpFlags.ACK) && s.payloadLenBytes() > 0
                && !f.ip().isFragment() && f.ip().optionsLenBytes() == 0 && s.options().sackBlocks().isEmpty();
    }

    private boolean canMerge(Context ctx, Frame f) {
        Segment s = f.tcp();
        Frame first = ctx.first;
        int headerBytes = first.ip().headerLenBytes() + s.headerLenBytes();
        return s.seq() == ctx.nextSeq && SeqNum.ge(s.ack(), ctx.last.tcp().ack())
                && f.ip().tos() == first.ip().tos() && f.ip().ttl() == first.ip().ttl()
                && s.options().hasTimestamps() == first.tcp().options().hasTimestamps()
                && ctx.payloadBytes + s.payloadLenBytes() <= maxBytes
                && headerBytes + ctx.payloadBytes + s.payloadLenBytes() <= PlainNicConfig.MAX_IP_PACKET_BYTES
                && EthernetWire.HEADER_BYTES + headerBytes + ctx.payloadBytes + s.payloadLenBytes()
                        <= delivery.rxBufferBytes(queue);
    }

    private void start(Context ctx, Frame f, int hash) {
        ctx.active = true;
        ctx.srcIp = f.ip().srcIp();
        ctx.dstIp = f.ip().dstIp();
        ctx.srcPort = f.tcp().srcPort();
        ctx.dstPort = f.tcp().dstPort();
        ctx.hash = hash;
        ctx.startPs = sim.now();
        ctx.first = f;
        ctx.last = f;
        ctx.nextSeq = SeqNum.add(f.tcp().seq(), f.tcp().payloadLenBytes());
        ctx.payloadBytes = f.tcp().payloadLenBytes();
        ctx.segments = 1;
        ctx.push = f.tcp().has(TcpFlags.PSH);
        ctx.payloads.clear();
        ctx.payloads.add(f.tcp().payload());
        if (!timer.isPending()) {
            sim.scheduleAt(timer, ctx.startPs + flushTimeoutPs);
        }
    }

    private void merge(Context ctx, Frame f) {
        ctx.last = f;
        ctx.nextSeq = SeqNum.add(f.tcp().seq(), f.tcp().payloadLenBytes());
        ctx.payloadBytes += f.tcp().payloadLenBytes();
        ctx.segments++;
        ctx.push |= f.tcp().has(TcpFlags.PSH);
        ctx.payloads.add(f.tcp().payload());
        stats.lroMerged.increment();
    }

    private void flush(Context ctx) {
        ctx.active = false;
        Frame out = ctx.segments == 1 ? ctx.first : merged(ctx);
        if (ctx.segments > 1) {
            stats.lroAggregates.increment();
        }
        int segments = ctx.segments;
        ctx.first = null;
        ctx.last = null;
        ctx.payloads.clear();
        delivery.deliver(queue, out, ctx.hash, segments);
    }

    private static Frame merged(Context ctx) {
        Segment first = ctx.first.tcp();
        Segment last = ctx.last.tcp();
        int flags = TcpFlags.ACK | (ctx.push ? TcpFlags.PSH : 0);
        Segment s = new Segment(first.srcPort(), first.dstPort(), first.seq(), last.ack(), flags, last.window(),
                0, last.options(), concatenate(ctx.payloads, ctx.payloadBytes));
        Frame f = ctx.first;
        return new Frame(f.frameId(), f.srcMac(), f.dstMac(), f.ip(), s, false);
    }

    /** The payloads joined: virtual if all are virtual and contiguous in the stream, else real bytes. */
    static Payload concatenate(List<Payload> parts, int totalBytes) {
        Payload head = parts.get(0);
        boolean virtualRun = true;
        long expected = head.streamOffset();
        for (Payload p : parts) {
            virtualRun &= !p.hasBytes() && p.streamOffset() == expected;
            expected = p.endOffset();
        }
        if (virtualRun) {
            return Payload.virtual(head.streamOffset(), totalBytes);
        }
        byte[] bytes = new byte[totalBytes];
        int at = 0;
        for (Payload p : parts) {
            p.copyTo(bytes, at);
            at += p.lenBytes();
        }
        return Payload.real(head.streamOffset(), bytes, 0, totalBytes);
    }

    private Context find(Frame f) {
        for (Context c : contexts) {
            if (c.matches(f)) {
                return c;
            }
        }
        return null;
    }

    private Context freeOrOldest() {
        Context oldest = null;
        for (Context c : contexts) {
            if (!c.active) {
                return c;
            }
            if (oldest == null || c.startPs < oldest.startPs) {
                oldest = c;
            }
        }
        flush(oldest);
        return oldest;
    }

    private void onTimer() {
        long now = sim.now();
        long nextDeadline = Long.MAX_VALUE;
        for (Context c : contexts) {
            if (c.active && c.startPs + flushTimeoutPs <= now) {
                flush(c);
            }
        }
        for (Context c : contexts) {
            if (c.active) {
                nextDeadline = Math.min(nextDeadline, c.startPs + flushTimeoutPs);
            }
        }
        if (nextDeadline != Long.MAX_VALUE) {
            sim.scheduleAt(timer, nextDeadline);
        }
    }
}
