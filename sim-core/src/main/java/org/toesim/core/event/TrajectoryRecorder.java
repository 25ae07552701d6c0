package org.toesim.core.event;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A {@link TrajectoryDigest} that also keeps {@link TrajectoryCheckpoints}: in recording mode
 * the run's own (to store with a baseline); in comparing mode it checks each block against an
 * expected run's checkpoints as it goes and keeps this run's events of the first block that
 * differs, so that a mismatch can be located without re-running either side.
 *
 * <pre>
 *   every event      digest.beforeEvent; n++
 *     recording:     n a multiple of blockEvents --&gt; append low 16 bits of the digest
 *                    (MAX_CHECKPOINTS reached: keep every other one, double the block)
 *     comparing:     copy (time, owner, kind) into a one-block ring (until a divergence is found)
 *                    n a multiple of blockEvents --&gt; checkpoint differs from expected, or the
 *                    expected run has no more checkpoints --&gt; freeze the ring: the divergence
 *   end of run       comparing, nothing frozen: the difference is after the last common
 *                    checkpoint (this run's or the expected run's end); the ring holds its events
 * </pre>
 *
 * Cost per event beyond the digest: a counter and a compare (recording), plus three array
 * stores until the divergence is found (comparing). Must be the listener that folds the
 * digest: it calls the digest itself, so the digest is not to be registered separately.
 */
public final class TrajectoryRecorder implements EventListener {
    private static final int INITIAL_CAPACITY = 256;

    private final TrajectoryDigest digest;
    private final TrajectoryCheckpoints expected;
    private final int maxCheckpoints;
    private int blockEvents;
    private long events;
    private long nextBoundaryEvent;
    private char[] values;
    private int count;
    private final long[] ringTimesPs;
    private final String[] ringOwners;
    private final String[] ringKinds;
    private int inBlock;
    private TrajectoryDivergence divergence;

    private TrajectoryRecorder(TrajectoryDigest digest, int blockEvents, TrajectoryCheckpoints expected,
                               int maxCheckpoints) {
        if (blockEvents < 1) {
            throw new IllegalArgumentException("blockEvents must be at least 1, got " + blockEvents);
        }
        if (maxCheckpoints < 2 || Integer.bitCount(maxCheckpoints) != 1) {
            throw new IllegalArgumentException("maxCheckpoints must be a power of two >= 2, got " + maxCheckpoints);
        }
        this.digest = Objects.requireNonNull(digest, "digest");
        this.expected = expected;
        this.blockEvents = blockEvents;
        this.maxCheckpoints = maxCheckpoints;
        this.nextBoundaryEvent = blockEvents;
        if (expected == null) {
            values = new char[Math.min(INITIAL_CAPACITY, maxCheckpoints)];
            ringTimesPs = null;
            ringOwners = null;
            ringKinds = null;
        } else {
            ringTimesPs = new long[blockEvents];
            ringOwners = new String[blockEvents];
            ringKinds = new String[blockEvents];
        }
    }

    /** Records this run's checkpoints every {@link TrajectoryCheckpoints#DEFAULT_BLOCK_EVENTS} events. */
    public static TrajectoryRecorder recording(TrajectoryDigest digest) {
        return recording(digest, TrajectoryCheckpoints.DEFAULT_BLOCK_EVENTS, TrajectoryCheckpoints.MAX_CHECKPOINTS);
    }

    /** Records checkpoints every {@code blockEvents} events, coarsening past {@code maxCheckpoints} (a power of 2). */
    public static TrajectoryRecorder recording(TrajectoryDigest digest, int blockEvents, int maxCheckpoints) {
        return new TrajectoryRecorder(digest, blockEvents, null, maxCheckpoints);
    }

    /** Compares this run, block by block, with {@code expected}. */
    public static TrajectoryRecorder comparingWith(TrajectoryDigest digest, TrajectoryCheckpoints expected) {
        Objects.requireNonNull(expected, "expected");
        return new TrajectoryRecorder(digest, expected.blockEvents(), expected, TrajectoryCheckpoints.MAX_CHECKPOINTS);
    }

    @Override
    public void beforeEvent(Event event, long nowPs) {
        digest.beforeEvent(event, nowPs);
        long n = ++events;
        if (expected == null) {
            if (n == nextBoundaryEvent) {
                record();
            }
            return;
        }
        if (divergence != null) {
            return;
        }
        ringTimesPs[inBlock] = nowPs;
        ringOwners[inBlock] = event.owner();
        ringKinds[inBlock] = event.kind();
        inBlock++;
        if (n == nextBoundaryEvent) {
            compareBlock(n);
            inBlock = 0;
            nextBoundaryEvent += blockEvents;
        }
    }

    @Override
    public void afterEvent(Event event, long nowPs) {
        digest.afterEvent(event, nowPs);
    }

    /** The digest this recorder folds. */
    public TrajectoryDigest digest() {
        return digest;
    }

    /** Recording mode: the run's checkpoints so far. */
    public TrajectoryCheckpoints checkpoints() {
        if (expected != null) {
            throw new IllegalStateException("a comparing recorder keeps no checkpoints of its own");
        }
        return new TrajectoryCheckpoints(blockEvents, events, Arrays.copyOf(values, count));
    }

    /**
     * Comparing mode: where this run (so far) leaves the expected one, assuming the two
     * trajectories differ (their final digests do); the caller checks that first.
     */
    public TrajectoryDivergence divergence() {
        if (expected == null) {
            throw new IllegalStateException("a recording recorder compares with nothing");
        }
        if (divergence != null) {
            TrajectoryDivergence d = divergence; // found mid-run: this run's length is known only now
            return new TrajectoryDivergence(d.agreeThroughEvent(), d.differByEvent(), blockEvents, d.expectedEvents(),
                    events, d.window());
        }
        // every common checkpoint agreed: the difference is after the last one
        long agree = events / blockEvents * blockEvents;
        long expectedEvents = expected.events();
        if (events == expectedEvents) {
            if (events > agree) {
                return found(agree, events, inBlock);
            }
            // the last checkpoint coincided although the runs differ (2^-16): its block is all we know
            return found(Math.max(0, events - blockEvents), events, (int) Math.min(blockEvents, events));
        }
        long differBy = Math.min(events, expectedEvents) + 1;
        return found(agree, differBy, (int) (Math.min(events, differBy) - agree));
    }

    private void record() {
        if (count == values.length) {
            if (count == maxCheckpoints) {
                coarsen();
                return;
            }
            values = Arrays.copyOf(values, Math.min(count * 2, maxCheckpoints));
        }
        values[count++] = (char) digest.value();
        nextBoundaryEvent += blockEvents;
    }

    /** Keeps the checkpoints at multiples of twice the block (odd indices) and doubles the block. */
    private void coarsen() {
        for (int i = 0; i < count / 2; i++) {
            values[i] = values[2 * i + 1];
        }
        count /= 2;
        blockEvents *= 2;
        nextBoundaryEvent = (long) (count + 1) * blockEvents;
    }

    private void compareBlock(long n) {
        int k = (int) (n / blockEvents) - 1;
        if (k < expected.count()) {
            if ((char) digest.value() != expected.at(k)) {
                divergence = found(n - blockEvents, n, blockEvents);
            }
        } else {
            // the expected run ended inside this block: it differs by the event after its last
            long differBy = expected.events() + 1;
            divergence = found(n - blockEvents, differBy, (int) (differBy - (n - blockEvents)));
        }
    }

    /** A divergence after {@code agree} and by {@code differBy}, with the ring's first {@code kept} events. */
    private TrajectoryDivergence found(long agree, long differBy, int kept) {
        List<TrajectoryEvent> window = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            window.add(new TrajectoryEvent(agree + 1 + i, ringTimesPs[i], ringOwners[i], ringKinds[i]));
        }
        return new TrajectoryDivergence(agree, differBy, blockEvents, expected.events(), events, window);
    }
}
