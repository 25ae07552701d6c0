package org.toesim.nic.aqm;

/** What a queue threshold counts: frames or bytes ({@link org.toesim.nic.frame.Frame#lenBytes()}). */
public enum QueueMeasure {
    FRAMES,
    BYTES;

    /** The queue's size in this measure. */
    public long of(long frames, long bytes) {
        return this == FRAMES ? frames : bytes;
    }
}
