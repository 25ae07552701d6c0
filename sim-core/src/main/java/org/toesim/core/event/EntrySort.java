package org.toesim.core.event;

/**
 * Sorts queue entries held as interleaved key pairs ({@code keys[2i]} = timePs,
 * {@code keys[2i+1]} = tieKey) with a parallel {@code int[]} payload (event slots), by {@code (timePs, tieKey)}.
 * Keys are unique (the tie key carries a sequence number), so stability does not matter.
 *
 * <p>Insertion sort up to 24 entries; above that a top-down merge sort that skips the merge of
 * two halves already in order, so a run scheduled in sequence order (many events at one
 * instant) sorts in O(n). Allocates only when the caller's scratch arrays are too small.
 */
final class EntrySort {
    private static final int INSERTION_MAX = 24;

    private long[] scratchKeys = new long[64];
    private int[] scratchSlots = new int[32];

    /** True if entry i orders strictly before entry j. */
    static boolean less(long[] k, int i, int j) {
        long ti = k[2 * i];
        long tj = k[2 * j];
        return ti < tj || (ti == tj && k[2 * i + 1] < k[2 * j + 1]);
    }

    /** Sorts entries {@code [from, to)}. */
    void sort(long[] keys, int[] slots, int from, int to) {
        if (to - from <= INSERTION_MAX) {
            insertionSort(keys, slots, from, to);
            return;
        }
        int n = to - from;
        if (scratchSlots.length < n) {
            scratchSlots = new int[Integer.highestOneBit(n) << 1];
            scratchKeys = new long[2 * scratchSlots.length];
        }
        mergeSort(keys, slots, from, to);
    }

    static void insertionSort(long[] k, int[] ev, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            long t = k[2 * i];
            long tie = k[2 * i + 1];
            int e = ev[i];
            int j = i - 1;
            while (j >= from && (k[2 * j] > t || (k[2 * j] == t && k[2 * j + 1] > tie))) {
                k[2 * j + 2] = k[2 * j];
                k[2 * j + 3] = k[2 * j + 1];
                ev[j + 1] = ev[j];
                j--;
            }
            k[2 * j + 2] = t;
            k[2 * j + 3] = tie;
            ev[j + 1] = e;
        }
    }

    private void mergeSort(long[] k, int[] ev, int from, int to) {
        if (to - from <= INSERTION_MAX) {
            insertionSort(k, ev, from, to);
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(k, ev, from, mid);
        mergeSort(k, ev, mid, to);
        if (!less(k, mid, mid - 1)) {
            return; // halves already in order
        }
        int leftLen = mid - from;
        long[] sk = scratchKeys;
        int[] se = scratchSlots;
        System.arraycopy(k, 2 * from, sk, 0, 2 * leftLen);
        System.arraycopy(ev, from, se, 0, leftLen);
        int i = 0;
        int j = mid;
        int out = from;
        while (i < leftLen && j < to) {
            long ti = sk[2 * i];
            long tj = k[2 * j];
            if (tj < ti || (tj == ti && k[2 * j + 1] < sk[2 * i + 1])) {
                k[2 * out] = tj;
                k[2 * out + 1] = k[2 * j + 1];
                ev[out++] = ev[j++];
            } else {
                k[2 * out] = ti;
                k[2 * out + 1] = sk[2 * i + 1];
                ev[out++] = se[i++];
            }
        }
        int rest = leftLen - i;
        System.arraycopy(sk, 2 * i, k, 2 * out, 2 * rest);
        System.arraycopy(se, i, ev, out, rest);
    }
}
