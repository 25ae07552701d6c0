package org.toesim.core.event;

import java.util.Arrays;

/**
 * Small integer handles for the events in a {@link LadderQueue}, so its buckets store an
 * {@code int} per entry instead of an object reference.
 *
 * <p>Why: with the G1 collector every reference stored into an old-generation array at a
 * random position dirties a card that a refinement thread must rescan; at a million pending
 * events that barrier cost ten times the queue itself (hold model: 0.5 vs 5 M events/s, G1 vs
 * Parallel GC). Here a reference is stored only when an event takes a slot another event
 * held last; the usual cycle (an event runs, releases its slot, reschedules and gets the same
 * slot back from the top of the free stack) stores nothing.
 *
 * <pre>
 *   acquire(ev): ev.queueSlot &lt; 0 ? pop free stack (or a fresh slot); slot[s] = ev if not already
 *   release(ev, s) on removing any entry of slot s:
 *       ev not pending and ev.queueSlot == s  -&gt;  push s, ev.queueSlot = -1
 * </pre>
 *
 * An event holds one slot while it has a live entry; stale entries keep only the number, and
 * stay stale if the slot passes to another event, since tie keys are never reused. A released
 * slot keeps its last event referenced until reused, so at most the queue's peak size of idle
 * events stay reachable.
 */
final class EventSlots {
    Event[] events;
    private int[] free;
    private int freeCount;
    private int fresh;

    EventSlots(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        events = new Event[cap];
        free = new int[cap];
    }

    /** The slot of {@code event}, taking one if it holds none. */
    int acquire(Event event) {
        int s = event.queueSlot;
        if (s >= 0) {
            return s;
        }
        if (freeCount > 0) {
            s = free[--freeCount];
        } else {
            s = fresh++;
            if (s == events.length) {
                events = Arrays.copyOf(events, s * 2);
                free = Arrays.copyOf(free, s * 2);
            }
        }
        if (events[s] != event) {
            events[s] = event;
        }
        event.queueSlot = s;
        return s;
    }

    /** Called when an entry of slot {@code s} for {@code event} leaves the queue. */
    void release(Event event, int s) {
        if (!event.pending && event.queueSlot == s) {
            event.queueSlot = -1;
            free[freeCount++] = s;
        }
    }
}
