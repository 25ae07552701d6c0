package org.toesim.core.event;

/**
 * The data structure behind a {@link Simulator}'s pending-event list. Both order events
 * identically, by {@code (timePs, priority, sequence)}, so the choice changes speed only, never
 * a run's trajectory.
 */
public enum EventListKind {
    /** A ladder queue: O(1) amortised hold cost, the default. */
    LADDER,
    /** A 4-ary heap: O(log n); the reference implementation. */
    QUATERNARY_HEAP;

    EventQueue create(int initialCapacity) {
        return switch (this) {
            case LADDER -> new LadderQueue(initialCapacity);
            case QUATERNARY_HEAP -> new QuaternaryHeap(initialCapacity);
        };
    }
}
