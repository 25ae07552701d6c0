package org.toesim.core.event;

/**
 * The pending-event list behind the {@link Simulator}. Entries are ordered by
 * {@code (timePs, tieKey)}, where the simulator packs priority and a unique sequence number into
 * {@code tieKey}. An entry is live only while its event is pending with that same tie key;
 * other entries are stale (cancelled or moved) and the simulator drops them when they surface.
 */
interface EventQueue {
    void insert(Event event, long timePs, long tieKey);

    /** True when no entries (stale or live) remain. */
    boolean isEmpty();

    /** Number of entries, stale ones included. */
    int size();

    long peekTimePs();

    long peekTieKey();

    Event peekEvent();

    /** Removes the head entry. */
    void removeHead();

    /** Drops every stale entry. */
    void compact();
}
