package org.toesim.core.event;

/**
 * The pending-event list behind the {@link Simulator}. Entries are ordered by
 * {@code (timePs, tieKey)}, where the simulator packs priority and a unique sequence number into
 * {@code tieKey}. An entry is live only while its event is pending with that same tie key;
 * other entries are stale (cancelled or moved) and the simulator drops them when they surface.
 *
 * <p>Implementations: {@link LadderQueue} (default) and {@link QuaternaryHeap}, chosen with
 * {@link EventListKind}; both give the same order, so a run is identical whichever is used.
 */
interface EventQueue {
    void insert(Event event, long timePs, long tieKey);

    /** True when no entries (stale or live) remain. */
    boolean isEmpty();

    /** Number of entries, stale ones included. */
    int size();

    /**
     * The event of the head entry, or null when the queue is empty. {@link #peekTimePs()},
     * {@link #peekTieKey()} and {@link #removeHead()} are valid only after this returned an
     * event (an implementation may bring the head into place here).
     */
    Event peekEvent();

    long peekTimePs();

    long peekTieKey();

    /**
     * Removes the head entry. The simulator clears {@code pending} on a live head before
     * calling this, so an implementation may tell "no live entry left" from the event.
     */
    void removeHead();

    /** Drops every stale entry. */
    void compact();
}
