package org.toesim.nic.mac;

import org.toesim.nic.frame.Frame;

/**
 * A FIFO of frames with the time each was queued kept beside it in a primitive ring (no
 * wrapper object per frame): what CoDel's sojourn time and the port's mean sojourn need.
 * Grows by doubling, so a long run allocates only while the queue reaches a new maximum.
 *
 * <pre>
 *   frames[]     | f3 | f4 |    |    | f1 | f2 |      head = 4, size = 4
 *   enqueuePs[]  | t3 | t4 |    |    | t1 | t2 |
 * </pre>
 */
final class FrameQueue {
    private Frame[] frames = new Frame[16];
    private long[] enqueuePs = new long[16];
    private int head;
    private int size;
    private long bytes;

    void add(Frame frame, long nowPs) {
        if (size == frames.length) {
            grow();
        }
        int tail = (head + size) & (frames.length - 1);
        frames[tail] = frame;
        enqueuePs[tail] = nowPs;
        size++;
        bytes += frame.lenBytes();
    }

    /** Removes and returns the head, or null. */
    Frame poll() {
        if (size == 0) {
            return null;
        }
        Frame f = frames[head];
        frames[head] = null;
        head = (head + 1) & (frames.length - 1);
        size--;
        bytes -= f.lenBytes();
        return f;
    }

    /** When the head was queued; only while non-empty. */
    long headEnqueuePs() {
        if (size == 0) {
            throw new IllegalStateException("empty queue has no head");
        }
        return enqueuePs[head];
    }

    int size() {
        return size;
    }

    long bytes() {
        return bytes;
    }

    private void grow() {
        int n = frames.length;
        Frame[] f = new Frame[2 * n];
        long[] t = new long[2 * n];
        for (int i = 0; i < size; i++) {
            int k = (head + i) & (n - 1);
            f[i] = frames[k];
            t[i] = enqueuePs[k];
        }
        frames = f;
        enqueuePs = t;
        head = 0;
    }
}
