package org.toesim.nic.aqm;

import org.toesim.nic.frame.Frame;

/**
 * The port's transmit queue as a discipline sees it at dequeue: FIFO frames with the time each
 * was queued, and the port's accounting of what the discipline drops or marks.
 */
public interface AqmQueue {
    /** Frames waiting. */
    int frames();

    /** Bytes waiting ({@link Frame#lenBytes()} summed). */
    long bytes();

    /** When the head frame was queued; only while {@link #frames()} &gt; 0. */
    long headEnqueuePs();

    /** Removes and returns the head frame, or null if the queue is empty. */
    Frame poll();

    /** A frame taken with {@link #poll()} is dropped by the AQM: counted and traced by the port. */
    void drop(Frame frame);

    /** A frame taken with {@link #poll()} is marked CE: counted and traced; returns the marked frame. */
    Frame markCe(Frame frame);
}
