package org.toesim.core.event;

import java.util.Arrays;

/**
 * A 4-ary min-heap over parallel primitive arrays. Keys live in {@code long[]} arrays so that
 * the four children compared at each level share one or two cache lines, and nothing is
 * allocated per insert once the arrays have grown. Depth at one million entries is 10.
 */
final class QuaternaryHeap implements EventQueue {
    private long[] times;
    private long[] ties;
    private int[] generations;
    private Event[] events;
    private int size;

    QuaternaryHeap(int initialCapacity) {
        int cap = Math.max(16, initialCapacity);
        times = new long[cap];
        ties = new long[cap];
        generations = new int[cap];
        events = new Event[cap];
    }

    @Override
    public void insert(Event event, long timePs, long tieKey, int generation) {
        if (size == times.length) {
            grow();
        }
        siftUp(size++, timePs, tieKey, generation, event);
    }

    private void grow() {
        int cap = times.length * 2;
        times = Arrays.copyOf(times, cap);
        ties = Arrays.copyOf(ties, cap);
        generations = Arrays.copyOf(generations, cap);
        events = Arrays.copyOf(events, cap);
    }

    private void siftUp(int index, long t, long tie, int gen, Event ev) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 2;
            long pt = times[parent];
            if (pt < t || (pt == t && ties[parent] <= tie)) {
                break;
            }
            move(parent, i);
            i = parent;
        }
        set(i, t, tie, gen, ev);
    }

    private void siftDown(int index, long t, long tie, int gen, Event ev) {
        int i = index;
        int n = size;
        while (true) {
            int first = (i << 2) + 1;
            if (first >= n) {
                break;
            }
            int best = first;
            long bt = times[first];
            long btie = ties[first];
            int last = Math.min(first + 4, n);
            for (int c = first + 1; c < last; c++) {
                long ct = times[c];
                if (ct < bt || (ct == bt && ties[c] < btie)) {
                    best = c;
                    bt = ct;
                    btie = ties[c];
                }
            }
            if (t < bt || (t == bt && tie <= btie)) {
                break;
            }
            move(best, i);
            i = best;
        }
        set(i, t, tie, gen, ev);
    }

    private void move(int from, int to) {
        times[to] = times[from];
        ties[to] = ties[from];
        generations[to] = generations[from];
        events[to] = events[from];
    }

    private void set(int i, long t, long tie, int gen, Event ev) {
        times[i] = t;
        ties[i] = tie;
        generations[i] = gen;
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
        return times[0];
    }

    @Override
    public Event peekEvent() {
        return events[0];
    }

    @Override
    public int peekGeneration() {
        return generations[0];
    }

    @Override
    public void removeHead() {
        int last = --size;
        Event ev = events[last];
        events[last] = null;
        if (last > 0) {
            siftDown(0, times[last], ties[last], generations[last], ev);
        }
    }

    @Override
    public void compact() {
        int kept = 0;
        for (int i = 0; i < size; i++) {
            Event ev = events[i];
            if (ev.pending && ev.generation == generations[i]) {
                set(kept++, times[i], ties[i], generations[i], ev);
            }
        }
        Arrays.fill(events, kept, size, null);
        size = kept;
        // Floyd's bottom-up heap construction, O(n).
        for (int i = (size - 2) >>> 2; size > 1 && i >= 0; i--) {
            siftDown(i, times[i], ties[i], generations[i], events[i]);
        }
    }
}
