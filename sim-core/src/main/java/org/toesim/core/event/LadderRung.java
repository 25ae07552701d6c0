package org.toesim.core.event;

/**
 * One rung: {@code bucketCount} buckets of width {@code 2^shift} from {@code startPs},
 * covering up to {@code lastPs}; buckets before {@code cur} are consumed (and empty).
 */
final class LadderRung {
    long startPs;
    long lastPs;
    int shift;
    int bucketCount;
    int cur;
    long curStartPs;
    /** Bucket i: {@code [2i]} newest chunk (0 = empty), {@code [2i + 1]} entries in it. */
    int[] buckets = new int[128];

    /**
     * Spreads {@code count} entries spanning {@code [minPs, maxPs]} over about
     * {@code count / CHUNK} buckets, the rung covering {@code [minPs, lastPs]} with at most
     * 4 times as many.
     */
    void reset(long minPs, long maxPs, long lastPs, int count) {
        int target = Math.max(2, count / LadderQueue.CHUNK);
        int s = Math.max(shiftFor(maxPs - minPs, target), shiftFor(lastPs - minPs, 4 * target));
        int n = (int) ((lastPs - minPs) >>> s) + 1;
        if (buckets.length < 2 * n) {
            buckets = new int[Integer.highestOneBit(n) << 2];
        }
        this.startPs = minPs;
        this.lastPs = lastPs;
        this.shift = s;
        this.bucketCount = n;
        this.cur = 0;
        this.curStartPs = minPs;
    }

    /** Smallest s with {@code (spanPs >>> s) < buckets}. */
    static int shiftFor(long spanPs, int buckets) {
        return 64 - Long.numberOfLeadingZeros(spanPs / buckets);
    }
}
