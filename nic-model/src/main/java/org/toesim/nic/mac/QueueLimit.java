package org.toesim.nic.mac;

/**
 * Capacity of a drop-tail queue, in frames, in bytes (frame bytes without FCS, as
 * {@link org.toesim.nic.frame.Frame#lenBytes()}), or both. A frame that would take the queue
 * past either limit is dropped; a frame that lands exactly on a limit is accepted. With both
 * limits a queue behaves as Linux's {@code bfifo} and {@code pfifo} in series: the tighter one
 * binds ({@code pfifo}/netem {@code limit} count packets, {@code bfifo} bytes; sch_fifo.c).
 *
 * @param maxFrames frames the queue holds, or {@link #UNLIMITED}
 * @param maxBytes  bytes the queue holds, or {@link #UNLIMITED}
 */
public record QueueLimit(long maxFrames, long maxBytes) {
    /** No limit of this kind. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    public QueueLimit {
        if (maxFrames < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("queue limit " + maxFrames + " frames / " + maxBytes + " bytes < 0");
        }
    }

    /** At most {@code maxFrames} frames, whatever their size. */
    public static QueueLimit frames(long maxFrames) {
        return new QueueLimit(maxFrames, UNLIMITED);
    }

    /** At most {@code maxBytes} bytes, whatever the frame count. */
    public static QueueLimit bytes(long maxBytes) {
        return new QueueLimit(UNLIMITED, maxBytes);
    }

    /** At most {@code maxFrames} frames and at most {@code maxBytes} bytes. */
    public static QueueLimit of(long maxFrames, long maxBytes) {
        return new QueueLimit(maxFrames, maxBytes);
    }

    /** Whether a queue now holding {@code frames}/{@code bytes} can take one more frame of {@code lenBytes}. */
    public boolean admits(int frames, long bytes, int lenBytes) {
        return frames + 1L <= maxFrames && bytes + lenBytes <= maxBytes;
    }
}
