package org.toesim.core.event;

import java.util.Arrays;
import java.util.Base64;

/**
 * The running {@link TrajectoryDigest} sampled every {@code blockEvents} events: checkpoint k
 * is the low 16 bits of the digest after event {@code (k + 1) * blockEvents} (events numbered
 * from 1). Stored with a baseline, they let a later run find the block of events in which its
 * trajectory first leaves the baseline's without keeping either run's events
 * ({@link TrajectoryRecorder}).
 *
 * <p>Why 16 bits every 32 events by default: the digest is chained, so once two trajectories
 * differ every later checkpoint differs too, except that each one can coincide by chance with
 * probability 2^-16. Two bytes per 32 events keep a 500,000-event baseline at about 42 kB of
 * base64 while narrowing a divergence to 32 events. Runs longer than
 * {@value #MAX_CHECKPOINTS} blocks keep every other checkpoint and double the block, so no
 * baseline grows past {@value #MAX_CHECKPOINTS} checkpoints (44 kB).
 *
 * <p>Encoded for files as base64 of the checkpoints, two bytes each, big-endian.
 */
public final class TrajectoryCheckpoints {
    /** Events per block when a run records its own checkpoints. */
    public static final int DEFAULT_BLOCK_EVENTS = 32;
    /** The most checkpoints a recording keeps (it coarsens its blocks beyond). */
    public static final int MAX_CHECKPOINTS = 1 << 14;

    private final int blockEvents;
    private final long events;
    private final char[] values;

    /**
     * @param blockEvents events per block, at least 1
     * @param events      events in the whole run; there are {@code events / blockEvents} checkpoints
     * @param values      the checkpoints, oldest first (copied)
     */
    public TrajectoryCheckpoints(int blockEvents, long events, char[] values) {
        if (blockEvents < 1) {
            throw new IllegalArgumentException("blockEvents must be at least 1, got " + blockEvents);
        }
        if (events < 0 || events / blockEvents != values.length) {
            throw new IllegalArgumentException(events + " events in blocks of " + blockEvents + " make "
                    + (events < 0 ? "no" : Long.toString(events / blockEvents)) + " checkpoints, not " + values.length);
        }
        this.blockEvents = blockEvents;
        this.events = events;
        this.values = values.clone();
    }

    /** Decodes {@link #encode()}'s text. */
    public static TrajectoryCheckpoints decode(int blockEvents, long events, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("checkpoints are not base64: " + e.getMessage(), e);
        }
        if (bytes.length % 2 != 0) {
            throw new IllegalArgumentException("checkpoints have an odd number of bytes (" + bytes.length + ")");
        }
        char[] v = new char[bytes.length / 2];
        for (int i = 0; i < v.length; i++) {
            v[i] = (char) ((bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF);
        }
        return new TrajectoryCheckpoints(blockEvents, events, v);
    }

    /** Base64 of the checkpoints, two bytes each, big-endian. */
    public String encode() {
        byte[] bytes = new byte[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            bytes[2 * i] = (byte) (values[i] >>> 8);
            bytes[2 * i + 1] = (byte) values[i];
        }
        return Base64.getEncoder().encodeToString(bytes);
    }

    public int blockEvents() {
        return blockEvents;
    }

    /** Events in the whole recorded run. */
    public long events() {
        return events;
    }

    /** Number of checkpoints ({@code events / blockEvents}). */
    public int count() {
        return values.length;
    }

    /** Checkpoint {@code k}: the digest's low 16 bits after event {@code (k + 1) * blockEvents}. */
    public int at(int k) {
        return values[k];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrajectoryCheckpoints c && c.blockEvents == blockEvents && c.events == events
                && Arrays.equals(c.values, values);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(events) * 31 + blockEvents) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return values.length + " checkpoints every " + blockEvents + " of " + events + " events";
    }
}
