package org.toesim.nic.aqm;

import org.toesim.nic.frame.Frame;

/**
 * One port's queue discipline: the algorithm and its per-port state. The port calls
 * {@link #admit} for every frame handed to it (before the queue limit check), {@link #dequeue}
 * when the serialiser wants the next frame, and {@link #idle} when the line goes idle with
 * nothing queued. Implementations do O(1) work per frame and allocate nothing except a marked
 * frame.
 *
 * <pre>
 *   send(f): admit(f, framesQueued, bytesQueued, now) -&gt; ENQUEUE | MARK | DROP
 *   txDone:  dequeue(queue, now) -&gt; next frame or null   (may queue.drop / queue.markCe heads)
 *            null -&gt; idle(now)
 * </pre>
 */
public interface QueueDiscipline {
    /**
     * A frame arrives at {@code nowPs} to a queue holding {@code queuedFrames} frames and
     * {@code queuedBytes} bytes (the frame on the wire not counted, the arriving one not yet added).
     */
    Admission admit(Frame frame, int queuedFrames, long queuedBytes, long nowPs);

    /** The next frame to send, taken from {@code queue} at {@code nowPs}, or null if none. */
    default Frame dequeue(AqmQueue queue, long nowPs) {
        return queue.poll();
    }

    /** The line went idle at {@code nowPs} with nothing queued. */
    default void idle(long nowPs) {
    }

    /** The congestion signal for {@code frame} when ECN marking is {@code ecn}: mark an ECT frame, else drop. */
    static Admission signal(Frame frame, boolean ecn) {
        return ecn && Ecn.markable(frame) ? Admission.MARK : Admission.DROP;
    }
}
