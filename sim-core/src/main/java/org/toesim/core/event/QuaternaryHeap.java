package org.toesim.core.event;

import java.util.Arrays;

/**
 * A 4-ary min-heap. Each entry's key pair (time, tie) is interleaved in one {@code long[]}, so
 * the four children compared at each level sit in one 64-byte cache line, and events sit in a
 * parallel array touched only when an entry moves. Nothing is allocated per insert once the
 * arrays have grown. Depth at one million entries is 10.
 */
final class QuaternaryHeap implements EventQueue {
    private long[] keys; // keys[2i] = timePs, keys[2i+1] = tieKey
    private Event[] events;
    private int size;

    QuaternaryHeap(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        keys = new long[2 * cap];
        events = new Event[cap];
    }

    @Override
    public void insert(Event event, long timePs, long tieKey) {
        if (size == events.length) {
            keys = Arrays.copyOf(keys, keys.length * 2);
            events = Arrays.copyOf(events, events.length * 2);
        }
        int i = size++;
        long[] k = keys;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = k[2 * parent];
            if (pt < timePs || (pt == timePs && k[2 * parent + 1] <= tieKey)) {
                break;
            }
            k[2 * i] = pt;
            k[2 * i + 1] = k[2 * parent + 1];
            events[i] = events[parent];
            i = parent;
        }
        k[2 * i] = timePs;
        k[2 * i + 1] = tieKey;
        events[i] = event;
    }

    private void siftDown(int index, long t, long tie, Event ev) {
        long[] k = keys;
        int i = index;
        int n = size;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = k[2 * first];
            long btie = k[2 * first + 1];
            int last = Math.min(first + 4, n);
            for (int c = first + 1; c < last; c++) {
                long ct = k[2 * c];
                if (ct < bt || (ct == bt && k[2 * c + 1] < btie)) {
                    best = c;
                    bt = ct;
                    btie = k[2 * c + 1];
                }
            }
            if (t < bt || (t == bt && tie <= btie)) {
                break;
            }
            k[2 * i] = bt;
            k[2 * i + 1] = btie;
            events[i] = events[best];
            i = best;
        }
        k[2 * i] = t;
        k[2 * i + 1] = tie;
        events[i] = ev;
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long peekTimePs() {
        return keys[0];
    }

    @Override
    public long peekTieKey() {
        return keys[1];
    }

    @Override
    public Event peekEvent() {
        return events[0]; // null when empty: removeHead clears the vacated slot
    }

    @Override
    public void removeHead() {
        int last = --size;
        Event ev = events[last];
        events[last] = null;
        if (last > 0) {
            siftDown(0, keys[2 * last], keys[2 * last + 1], ev);
        }
    }

    @Override
    public void compact() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Event ev = events[i];
            if (ev.pending && ev.tieKey == keys[2 * i + 1]) {
                keys[2 * kept] = keys[2 * i];
                keys[2 * kept + 1] = keys[2 * i + 1];
                events[kept++] = ev;
            }
        }
        Arrays.fill(events, kept, size, null);
        size = kept;
        // Floyd's bottom-up heap construction, O(n).
        for (int i = (size - 2) >>> 2; size > 1 && i >= 0; i--) {
            siftDown(i, keys[2 * i], keys[2 * i + 1], events[i]);
        }
    }
}
