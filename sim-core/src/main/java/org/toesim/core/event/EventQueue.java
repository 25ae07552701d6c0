package org.toesim.core.event;

/**
 * The pending-event list behind the {@link Simulator}. Entries are ordered by
 * {@code (timePs, tieKey)}, where the simulator packs priority and sequence into
 * {@code tieKey}; entries whose generation no longer matches their event are stale and are
 * dropped by the simulator when they surface.
 */
interface EventQueue {
    void insert(Event event, long timePs, long tieKey, int generation);

    /** True when no entries (stale or live) remain. */
    boolean isEmpty();

    /** Number of entries, stale ones included. */
    int size();

    long peekTimePs();

    Event peekEvent();

    int peekGeneration();

    /** Removes the head entry. */
    void removeHead();

    /** Drops every entry whose generation no longer matches its event. */
    void compact();
}
