package org.toesim.nic.mac;

/**
 * Capacity of a drop-tail queue, counted in frames or in bytes (frame bytes without FCS, as
 * {@link org.toesim.nic.frame.Frame#lenBytes()}). A frame that would take the queue past the
 * limit is dropped; a frame that lands exactly on it is accepted.
 *
 * @param limit  the capacity, in {@code unit}s
 * @param unit   what is counted
 */
public record QueueLimit(long limit, Unit unit) {
    /** What a queue limit counts. */
    public enum Unit { FRAMES, BYTES }

    public QueueLimit {
        if (limit < 0) {
            throw new IllegalArgumentException("queue limit " + limit + " < 0");
        }
    }

    public static QueueLimit frames(long maxFrames) {
        return new QueueLimit(maxFrames, Unit.FRAMES);
    }

    public static QueueLimit bytes(long maxBytes) {
        return new QueueLimit(maxBytes, Unit.BYTES);
    }

    /** Whether a queue now holding {@code frames}/{@code bytes} can take one more frame of {@code lenBytes}. */
    public boolean admits(int frames, long bytes, int lenBytes) {
        return unit == Unit.FRAMES ? frames + 1 <= limit : bytes + lenBytes <= limit;
    }
}
