package org.toesim.tcp.sack;

import java.util.ArrayList;
import java.util.List;
import org.toesim.tcp.segment.SackBlock;

/**
 * Sorted, disjoint, non-adjacent sequence ranges {@code [left, right)} above a moving base
 * (SND.UNA), with prefix sums of their lengths. Ranges are compared by their offset from the
 * base, so the order is right across the 2^32 wrap as long as everything lies within 2^31 of
 * the base (RFC 9293 §3.4). Insert and trim cost O(log n + moved entries) with n the number of
 * ranges (holes), never the number of segments in flight; queries are O(log n).
 */
final class SackRanges {
    private int base;
    // empty until the first range (most connections never see a SACK block); they double as needed
    private int[] lefts = new int[0];
    private int[] rights = new int[0];
    /** cum[i] = total length of ranges [0, i); valid up to {@code count}. */
    private long[] cum = new long[1];
    private int count;

    SackRanges(int base) {
        this.base = base;
    }

    int count() {
        return count;
    }

    int left(int i) {
        return lefts[i];
    }

    int right(int i) {
        return rights[i];
    }

    long lenBytes(int i) {
        return (rights[i] - lefts[i]) & 0xFFFFFFFFL;
    }

    long totalBytes() {
        return cum[count];
    }

    /** Offset of {@code seq} from the base, as a non-negative long when seq is at or above it. */
    long off(int seq) {
        return seq - base;
    }

    /**
     * Moves the base up to {@code newBase}, dropping ranges (or parts) below it. Returns the
     * number of SACKed bytes dropped.
     */
    long advanceBase(int newBase) {
        long before = cum[count];
        int drop = 0;
        while (drop < count && rights[drop] - newBase <= 0) {
            drop++;
        }
        if (drop > 0) {
            System.arraycopy(lefts, drop, lefts, 0, count - drop);
            System.arraycopy(rights, drop, rights, 0, count - drop);
            count -= drop;
        }
        if (count > 0 && lefts[0] - newBase < 0) {
            lefts[0] = newBase;
        }
        base = newBase;
        rebuildSums(0);
        return before - cum[count];
    }

    /** Adds {@code [left, right)} (already validated to lie in [base, HighData]); returns new bytes. */
    long insert(int left, int right) {
        long offL = off(left);
        long offR = off(right);
        int i = firstRightAtOrAbove(offL);
        int j = i;
        while (j < count && off(lefts[j]) <= offR) {
            j++;
        }
        long covered = 0;
        int newLeft = left;
        int newRight = right;
        if (j > i) {
            covered = cum[j] - cum[i];
            if (off(lefts[i]) < offL) {
                newLeft = lefts[i];
            }
            if (off(rights[j - 1]) > offR) {
                newRight = rights[j - 1];
            }
        }
        replace(i, j, newLeft, newRight);
        rebuildSums(i);
        return ((newRight - newLeft) & 0xFFFFFFFFL) - covered;
    }

    /** Replaces ranges [i, j) by the single range [l, r). */
    private void replace(int i, int j, int l, int r) {
        int newCount = count - (j - i) + 1;
        ensureCapacity(newCount);
        if (j - i != 1) {
            System.arraycopy(lefts, j, lefts, i + 1, count - j);
            System.arraycopy(rights, j, rights, i + 1, count - j);
        }
        lefts[i] = l;
        rights[i] = r;
        count = newCount;
    }

    private void ensureCapacity(int n) {
        if (n > lefts.length) {
            int cap = Math.max(n, lefts.length * 2);
            lefts = java.util.Arrays.copyOf(lefts, cap);
            rights = java.util.Arrays.copyOf(rights, cap);
            cum = java.util.Arrays.copyOf(cum, cap + 1);
        }
    }

    private void rebuildSums(int from) {
        for (int k = from; k < count; k++) {
            cum[k + 1] = cum[k] + lenBytes(k);
        }
    }

    /** Index of the first range whose right edge is at or above offset {@code o}; count if none. */
    int firstRightAtOrAbove(long o) {
        int lo = 0;
        int hi = count;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (off(rights[mid]) < o) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the range containing {@code seq}, or -1. */
    int indexContaining(int seq) {
        long o = off(seq);
        int i = firstRightAtOrAbove(o + 1);
        return (i < count && off(lefts[i]) <= o) ? i : -1;
    }

    /** SACKed bytes in [base, seq). */
    long sackedBelow(int seq) {
        long o = off(seq);
        int i = firstRightAtOrAbove(o);
        long sum = cum[i];
        if (i < count && off(lefts[i]) < o) {
            sum += o - off(lefts[i]);
        }
        return sum;
    }

    /** Total length of ranges [i, count). */
    long bytesFrom(int i) {
        return cum[count] - cum[i];
    }

    /** Forgets every range (the base stays). */
    void clear() {
        count = 0;
    }

    List<SackBlock> toBlocks() {
        List<SackBlock> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            out.add(new SackBlock(lefts[k], rights[k]));
        }
        return out;
    }

    int base() {
        return base;
    }
}
