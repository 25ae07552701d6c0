package org.toesim.host.offload;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.toesim.host.stack.HostConnection;
import org.toesim.host.stack.HostStack;
import org.toesim.host.stack.Placement;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.ConnectionStats;
import org.toesim.tcp.segment.FourTuple;

/**
 * {@link StackPort} over the real {@link HostStack}. Frames the stack held during a handoff and
 * slow-path frames of an offloaded connection are kept here, in arrival order, and replayed
 * through {@link ReplayNetDevice} after the connection is resumed from the returned CCB: each is
 * processed once, by the engine that owns the connection then (a byte the adapter already
 * acknowledged is a duplicate there and is only ACKed, RFC 9293 section 3.10.7.4).
 *
 * <pre>
 *   markOffloaded(t): held[t] = stack.markOffloaded(c, slowPath)
 *   slowPath(f): manager.offerSlowPathFrame(t, f) ? (forwarded to the adapter) : held[t].add(f)
 *   takeHeld(t): the manager forwards held[t] to the adapter right after the install
 *   resumeFromCcb(t, ccb): stack.resume(c, ccb); for f in held.remove(t): device.replay(f)
 * </pre>
 * Facts for the policy: bytes seen = engine bytesIn + bytesOut, lifetime from the connection's
 * creation (the stack does not record the instant of ESTABLISHED), SRTT from the engine.
 */
public final class HostStackPort implements StackPort {
    private final HostStack stack;
    private final ReplayNetDevice device;
    private final Map<FourTuple, ArrayDeque<Frame>> held = new HashMap<>();
    private OffloadManager manager;

    public HostStackPort(HostStack stack, ReplayNetDevice device) {
        this.stack = Objects.requireNonNull(stack, "stack");
        this.device = Objects.requireNonNull(device, "device");
    }

    /** The manager told about slow-path frames (set once, after the manager is built). */
    public void setManager(OffloadManager manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
    }

    private HostConnection conn(FourTuple t) {
        HostConnection c = stack.connection(t);
        if (c == null) {
            throw new IllegalStateException("no connection " + t);
        }
        return c;
    }

    @Override
    public ConnectionFacts facts(FourTuple tuple) {
        HostConnection c = stack.connection(tuple);
        if (c == null || c.isClosed() || c.placement() != Placement.HOST) {
            return null;
        }
        // counters read directly: a full statistics snapshot per policy check was half a TOE host's CPU
        long now = stack.simulator().now();
        return new ConnectionFacts(tuple, c.state(), c.payloadBytesInOut(), Math.min(c.createdPs(), now), now,
                c.srttPs());
    }

    @Override
    public ConnectionStats hostStats(FourTuple tuple) {
        HostConnection c = stack.connection(tuple);
        return c == null || c.isClosed() || c.placement() == Placement.OFFLOADED ? null : c.stats();
    }

    @Override
    public void quiesce(FourTuple tuple) {
        stack.quiesce(conn(tuple));
    }

    @Override
    public ControlBlock snapshot(FourTuple tuple) {
        return stack.snapshot(conn(tuple));
    }

    @Override
    public int markOffloaded(FourTuple tuple) {
        List<Frame> frames = stack.markOffloaded(conn(tuple), (c, frame, core, info) -> {
            if (manager != null) {
                manager.onSlowPathFrame(c.tuple());
                if (manager.offerSlowPathFrame(c.tuple(), frame)) {
                    return; // forwarded to the adapter
                }
            }
            held.computeIfAbsent(c.tuple(), k -> new ArrayDeque<>()).addLast(frame);
        });
        held.computeIfAbsent(tuple, k -> new ArrayDeque<>()).addAll(frames);
        return frames.size();
    }

    @Override
    public void resumeOnHost(FourTuple tuple) {
        stack.resume(conn(tuple));
    }

    @Override
    public void resumeFromCcb(FourTuple tuple, ControlBlock ccb) {
        HostConnection c = conn(tuple);
        stack.resume(c, ccb);
        ArrayDeque<Frame> q = held.remove(tuple);
        if (q != null) {
            for (Frame f : q) {
                device.replay(f, c.core());
            }
        }
    }

    @Override
    public void abort(FourTuple tuple, String reason) {
        held.remove(tuple);
        HostConnection c = stack.connection(tuple);
        if (c == null || c.isClosed()) {
            return;
        }
        if (c.placement() == Placement.HOST) {
            c.abort(c.core());
        } else {
            // the flush failed: the adapter kept (or lost) the state, the host's copy is stale
            stack.lose(c, reason);
        }
    }

    @Override
    public List<Frame> takeHeld(FourTuple tuple) {
        ArrayDeque<Frame> q = held.remove(tuple);
        return q == null ? List.of() : List.copyOf(q);
    }

    @Override
    public void hold(FourTuple tuple, Frame frame) {
        held.computeIfAbsent(tuple, k -> new ArrayDeque<>()).addLast(frame);
    }

    /** Frames held for {@code tuple} now (for tests and reports). */
    public int heldFrames(FourTuple tuple) {
        ArrayDeque<Frame> q = held.get(tuple);
        return q == null ? 0 : q.size();
    }
}
