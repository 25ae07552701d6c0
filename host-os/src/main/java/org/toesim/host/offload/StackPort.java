package org.toesim.host.offload;

import java.util.List;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.ConnectionStats;
import org.toesim.tcp.segment.FourTuple;

/**
 * What the {@link OffloadManager} needs from the host stack: the handoff hooks (claims 16, 20).
 * The stack never receives the {@code OffloadHandle}: it only learns that a connection is
 * offloaded or back, so it cannot interpret the handle (claim 6 as a property of the types).
 * {@link HostStackPort} implements it over {@code org.toesim.host.stack.HostStack}.
 *
 * <pre>
 *   quiesce(t)          stop output and timers; hold arriving segments in order
 *   snapshot(t)         the CCB of the quiesced connection, now
 *   markOffloaded(t)    drop the host engine; frames still reaching the host are held
 *   resumeOnHost(t)     handoff refused: process the held segments, continue
 *   resumeFromCcb(t,c)  flush: continue from the returned CCB, then the held segments
 *   takeHeld(t)         the held segments, handed to the manager to forward to the adapter
 *   hold(t, f)          hold one more segment (one the adapter cannot take)
 * </pre>
 * "Held" segments are neither lost nor processed twice: each is processed once by the engine
 * that owns the connection when it is replayed (a segment the adapter already covered is a
 * duplicate to that engine, which only ACKs it, RFC 9293 section 3.10.7.4).
 */
public interface StackPort {
    /** What the policy may see about the connection now; null once it is closed or gone. */
    ConnectionFacts facts(FourTuple tuple);

    /** The host engine's statistics of an on-host connection (claim 12); null once it is gone. */
    ConnectionStats hostStats(FourTuple tuple);

    void quiesce(FourTuple tuple);

    ControlBlock snapshot(FourTuple tuple);

    /** The adapter runs the connection now; returns how many segments were held during the handoff. */
    int markOffloaded(FourTuple tuple);

    void resumeOnHost(FourTuple tuple);

    void resumeFromCcb(FourTuple tuple, ControlBlock ccb);

    /** The connection's state is lost (the adapter could not return it): reset it. */
    void abort(FourTuple tuple, String reason);

    /**
     * Removes and returns, in arrival order, the frames held for {@code tuple} so far (those held
     * while it was quiesced, and slow-path frames since): the manager forwards them to the
     * adapter. A port that holds nothing returns an empty list.
     */
    default List<Frame> takeHeld(FourTuple tuple) {
        return List.of();
    }

    /** Holds {@code frame} after those already held, to be processed after the next resume. */
    default void hold(FourTuple tuple, Frame frame) {
        throw new UnsupportedOperationException("this stack port does not hold frames");
    }
}
