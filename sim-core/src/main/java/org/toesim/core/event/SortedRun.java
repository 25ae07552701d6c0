package org.toesim.core.event;

import java.util.Arrays;

/**
 * The bottom of the {@link LadderQueue}: entries in ascending {@code (timePs, tieKey)} order in
 * {@code [head, tail)} of interleaved key, slot and event arrays. Dequeue advances
 * {@code head}; an insert finds its place (linear from the tail for short runs, binary search
 * otherwise) and shifts whichever side of it is shorter, using the room that dequeues free at
 * the front. A batch is appended as (key, slot), sorted, and only then resolved to events in
 * one sequential pass. Arrays grow geometrically and are reused; nothing is allocated per entry.
 */
final class SortedRun {
    private static final int LINEAR_MAX = 16;

    long[] keys; // keys[2i] = timePs, keys[2i+1] = tieKey
    int[] slots;
    Event[] events;
    int head;
    int tail;
    private final EntrySort sorter = new EntrySort();

    SortedRun(int initialCapacity) {
        int cap = Math.max(64, initialCapacity);
        keys = new long[2 * cap];
        slots = new int[cap];
        events = new Event[cap];
    }

    boolean isEmpty() {
        return head == tail;
    }

    /** Removes the head, releasing its slot in {@code table} if the event has no live entry. */
    void removeHead(EventSlots table) {
        int h = head++;
        Event e = events[h];
        events[h] = null;
        table.release(e, slots[h]);
    }

    /** Empties the run before {@link #append}-ing a batch (the caller checked it is empty). */
    void clear() {
        head = 0;
        tail = 0;
    }

    /** Appends without ordering; {@link #sortAndResolve} must follow the batch. */
    void append(long timePs, long tieKey, int slot) {
        if (tail == slots.length) {
            grow();
        }
        keys[2 * tail] = timePs;
        keys[2 * tail + 1] = tieKey;
        slots[tail++] = slot;
    }

    /** Sorts the batch and looks its events up in {@code table}. */
    void sortAndResolve(EventSlots table) {
        sorter.sort(keys, slots, head, tail);
        Event[] byslot = table.events;
        for (int i = head; i < tail; i++) {
            events[i] = byslot[slots[i]];
        }
    }

    /** Inserts one entry at its ordered position. */
    void insert(long timePs, long tieKey, int slot, Event event) {
        int pos = position(timePs, tieKey);
        if (head > 0 && pos - head < tail - pos) {
            // shift the front part left into the room freed by dequeues
            System.arraycopy(keys, 2 * head, keys, 2 * head - 2, 2 * (pos - head));
            System.arraycopy(slots, head, slots, head - 1, pos - head);
            System.arraycopy(events, head, events, head - 1, pos - head);
            head--;
            pos--;
        } else {
            if (tail == slots.length) {
                pos -= grow();
            }
            System.arraycopy(keys, 2 * pos, keys, 2 * pos + 2, 2 * (tail - pos));
            System.arraycopy(slots, pos, slots, pos + 1, tail - pos);
            System.arraycopy(events, pos, events, pos + 1, tail - pos);
            tail++;
        }
        keys[2 * pos] = timePs;
        keys[2 * pos + 1] = tieKey;
        slots[pos] = slot;
        events[pos] = event;
    }

    /** First index in [head, tail] whose entry orders after (timePs, tieKey). */
    private int position(long t, long tie) {
        long[] k = keys;
        if (tail - head <= LINEAR_MAX) {
            int i = tail;
            while (i > head && (k[2 * i - 2] > t || (k[2 * i - 2] == t && k[2 * i - 1] > tie))) {
                i--;
            }
            return i;
        }
        // most inserts land at an end (a timer re-armed past everything queued, work due now)
        if (k[2 * tail - 2] < t || (k[2 * tail - 2] == t && k[2 * tail - 1] < tie)) {
            return tail;
        }
        if (k[2 * head] > t || (k[2 * head] == t && k[2 * head + 1] > tie)) {
            return head;
        }
        int lo = head;
        int hi = tail;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            long mt = k[2 * mid];
            if (mt < t || (mt == t && k[2 * mid + 1] < tie)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Makes room at the tail: slides the entries to the front, or doubles. Returns the slide. */
    private int grow() {
        int n = tail - head;
        int shift = head;
        if (head > slots.length / 2) {
            System.arraycopy(keys, 2 * head, keys, 0, 2 * n);
            System.arraycopy(slots, head, slots, 0, n);
            System.arraycopy(events, head, events, 0, n);
            Arrays.fill(events, n, tail, null);
        } else {
            int cap = slots.length * 2;
            long[] k = new long[2 * cap];
            int[] s = new int[cap];
            Event[] e = new Event[cap];
            System.arraycopy(keys, 2 * head, k, 0, 2 * n);
            System.arraycopy(slots, head, s, 0, n);
            System.arraycopy(events, head, e, 0, n);
            keys = k;
            slots = s;
            events = e;
        }
        head = 0;
        tail = n;
        return shift;
    }

    /** Drops stale entries (see {@link EventQueue}), keeping order; returns how many. */
    int removeStale(EventSlots table) {
        int out = head;
        for (int i = head; i < tail; i++) {
            Event e = events[i];
            if (e.pending && e.tieKey == keys[2 * i + 1]) {
                keys[2 * out] = keys[2 * i];
                keys[2 * out + 1] = keys[2 * i + 1];
                slots[out] = slots[i];
                events[out++] = e;
            } else {
                table.release(e, slots[i]);
            }
        }
        int dropped = tail - out;
        Arrays.fill(events, out, tail, null);
        tail = out;
        return dropped;
    }
}
