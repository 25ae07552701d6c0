package org.toesim.core.event;

import java.util.Arrays;

/**
 * A ladder queue (W. T. Tang, R. S. M. Goh, I. L.-J. Thng, "Ladder Queue: An O(1) Priority
 * Queue Structure for Large-Scale Discrete Event Simulation", ACM TOMACS 15(3), 2005), on
 * primitive arrays, ordering entries exactly like {@link QuaternaryHeap}: by
 * {@code (timePs, tieKey)}.
 *
 * <pre>
 *   insert(t) --&gt; t &gt; lowerLastPs ? ---------------------------&gt; TOP   unsorted array,
 *          |                                                            O(1) append
 *          v    first rung whose current bucket starts &lt;= t
 *        RUNG 0  [b0][b1][b2][b3]...[bn]   width 2^s0, from the top's min time
 *                  |  (bucket over THRESHOLD spawns a finer rung)
 *        RUNG 1    [b0][b1]...[bm]          width 2^s1 &lt; 2^s0
 *        ...       (at most MAX_RUNGS)
 *          |  t below every rung's current bucket
 *          v
 *        BOTTOM  sorted run (time, tie) --&gt; head = next to run
 *
 *   refill when BOTTOM is empty: lowest rung's next non-empty bucket
 *     &lt;= THRESHOLD entries, or all at one instant, or no finer rung possible
 *                             -&gt; copied into BOTTOM and sorted
 *     otherwise               -&gt; spread over a new, finer rung
 *   no rung left -&gt; the TOP becomes rung 0 (or, if small, the BOTTOM); lowerLastPs = its max
 * </pre>
 *
 * <p>Buckets hold entries as singly linked nodes in one pool ({@code long[]} time, tie, next
 * and a parallel {@code Event[]}; freed nodes go to a stack and are reused), so moving an
 * entry from rung to rung relinks it and nothing is allocated per insert once the arrays have
 * grown. Bucket widths are powers of two, so the bucket of a time is a subtraction and a
 * shift, exact and monotone in time: an entry can never land before an earlier one.
 *
 * <p>Cost: insert is O(1) (top append, or one rung bucket push, after at most
 * {@code MAX_RUNGS} comparisons; an insert into the bottom is a search and a short shift).
 * Each entry is moved a bounded number of times (top, at most {@code MAX_RUNGS} rungs,
 * bottom) and sorted once in a run of about {@code THRESHOLD} entries, so removal is O(1)
 * amortised. The exceptions, as in the paper: entries that cannot be spread (many at one
 * instant, or a bucket still crowded at the last rung) are sorted in one run, O(log n) each.
 */
final class LadderQueue implements EventQueue {
    /** A bucket with more entries than this spawns a finer rung instead of going to the bottom. */
    static final int THRESHOLD = 48;
    static final int MAX_RUNGS = 8;
    /** Node stride in {@link #nodeData}: time, tie, next. */
    private static final int STRIDE = 3;

    // TOP: unsorted, every time > lowerLastPs.
    private long[] topKeys;
    private Event[] topEvents;
    private int topCount;
    private long topMinPs = Long.MAX_VALUE;
    private long topMaxPs = Long.MIN_VALUE;
    /** The latest time the rungs and the bottom cover; later entries go to the top. */
    private long lowerLastPs = Long.MIN_VALUE;

    private final Rung[] rungs = new Rung[MAX_RUNGS];
    private int rungCount;

    // Node pool for rung buckets; node 0 is the "none" link.
    private long[] nodeData;
    private Event[] nodeEvents;
    private int[] freeNodes;
    private int freeCount;
    private int freshNode = 1;

    private final SortedRun bottom;
    private int size;

    LadderQueue(int initialCapacity) {
        int cap = Math.max(64, initialCapacity);
        topKeys = new long[2 * cap];
        topEvents = new Event[cap];
        nodeData = new long[STRIDE * (cap + 1)];
        nodeEvents = new Event[cap + 1];
        freeNodes = new int[cap + 1];
        bottom = new SortedRun(4 * THRESHOLD);
        for (int i = 0; i < MAX_RUNGS; i++) {
            rungs[i] = new Rung();
        }
    }

    @Override
    public void insert(Event event, long timePs, long tieKey) {
        size++;
        if (timePs > lowerLastPs) {
            topAdd(event, timePs, tieKey);
            return;
        }
        for (int i = 0, n = rungCount; i < n; i++) {
            Rung r = rungs[i];
            if (timePs >= r.curStartPs) {
                int node = newNode(event, timePs, tieKey);
                int b = (int) ((timePs - r.startPs) >>> r.shift);
                nodeData[STRIDE * node + 2] = r.heads[b];
                r.heads[b] = node;
                return;
            }
        }
        bottom.insert(timePs, tieKey, event);
    }

    private void topAdd(Event event, long timePs, long tieKey) {
        int i = topCount;
        if (i == topEvents.length) {
            topKeys = Arrays.copyOf(topKeys, topKeys.length * 2);
            topEvents = Arrays.copyOf(topEvents, topEvents.length * 2);
        }
        topKeys[2 * i] = timePs;
        topKeys[2 * i + 1] = tieKey;
        topEvents[i] = event;
        topCount = i + 1;
        if (timePs < topMinPs) {
            topMinPs = timePs;
        }
        if (timePs > topMaxPs) {
            topMaxPs = timePs;
        }
    }

    private int newNode(Event event, long timePs, long tieKey) {
        int node;
        if (freeCount > 0) {
            node = freeNodes[--freeCount];
        } else {
            node = freshNode++;
            if (node == nodeEvents.length) {
                nodeData = Arrays.copyOf(nodeData, nodeData.length * 2);
                nodeEvents = Arrays.copyOf(nodeEvents, nodeEvents.length * 2);
                freeNodes = Arrays.copyOf(freeNodes, freeNodes.length * 2);
            }
        }
        long[] d = nodeData;
        d[STRIDE * node] = timePs;
        d[STRIDE * node + 1] = tieKey;
        nodeEvents[node] = event;
        return node;
    }

    private void freeNode(int node) {
        nodeEvents[node] = null;
        freeNodes[freeCount++] = node;
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
    public Event peekEvent() {
        SortedRun b = bottom;
        if (b.head == b.tail && !refill()) {
            return null;
        }
        return b.events[b.head];
    }

    @Override
    public long peekTimePs() {
        return bottom.keys[2 * bottom.head];
    }

    @Override
    public long peekTieKey() {
        return bottom.keys[2 * bottom.head + 1];
    }

    @Override
    public void removeHead() {
        bottom.removeHead();
        size--;
    }

    /** Fills the empty bottom from the lowest rung, or the top; false if nothing is left. */
    private boolean refill() {
        SortedRun b = bottom;
        while (b.head == b.tail) {
            if (rungCount == 0) {
                if (topCount == 0) {
                    return false;
                }
                transferTop();
                continue;
            }
            Rung r = rungs[rungCount - 1];
            int[] heads = r.heads;
            int n = r.bucketCount;
            int i = r.cur;
            while (i < n && heads[i] == 0) {
                i++;
            }
            if (i == n) {
                rungCount--;
                continue;
            }
            int list = heads[i];
            heads[i] = 0;
            long bucketStartPs = r.startPs + ((long) i << r.shift);
            long bucketLastPs = i == n - 1 ? r.lastPs : bucketStartPs + ((1L << r.shift) - 1);
            int shift = r.shift;
            if (i == n - 1) {
                rungCount--; // consumed its last bucket: later inserts fall below it
            } else {
                r.cur = i + 1;
                r.curStartPs = bucketStartPs + (1L << r.shift);
            }
            takeBucket(list, shift, bucketLastPs);
        }
        return true;
    }

    /** Moves one bucket's list to the bottom, or spreads it over a new finer rung. */
    private void takeBucket(int list, int parentShift, long lastPs) {
        long[] d = nodeData;
        int count = 0;
        long minPs = Long.MAX_VALUE;
        long maxPs = Long.MIN_VALUE;
        for (int node = list; node != 0; node = (int) d[STRIDE * node + 2]) {
            long t = d[STRIDE * node];
            minPs = Math.min(minPs, t);
            maxPs = Math.max(maxPs, t);
            count++;
        }
        if (count <= THRESHOLD || parentShift == 0 || minPs == maxPs || rungCount == MAX_RUNGS) {
            SortedRun b = bottom;
            b.clear();
            for (int node = list; node != 0; ) {
                int next = (int) d[STRIDE * node + 2];
                b.append(d[STRIDE * node], d[STRIDE * node + 1], nodeEvents[node]);
                freeNode(node);
                node = next;
            }
            b.sortAll();
            return;
        }
        Rung child = rungs[rungCount++];
        child.reset(minPs, maxPs, lastPs, count);
        int[] heads = child.heads;
        long startPs = child.startPs;
        int shift = child.shift;
        for (int node = list; node != 0; ) {
            int next = (int) d[STRIDE * node + 2];
            int bucket = (int) ((d[STRIDE * node] - startPs) >>> shift);
            d[STRIDE * node + 2] = heads[bucket];
            heads[bucket] = node;
            node = next;
        }
    }

    /** The top becomes rung 0 (or, when small or at one instant, the bottom). */
    private void transferTop() {
        int n = topCount;
        long[] k = topKeys;
        Event[] ev = topEvents;
        lowerLastPs = topMaxPs;
        if (n <= THRESHOLD || topMinPs == topMaxPs) {
            SortedRun b = bottom;
            b.clear();
            for (int i = 0; i < n; i++) {
                b.append(k[2 * i], k[2 * i + 1], ev[i]);
            }
            b.sortAll();
        } else {
            Rung r = rungs[0];
            r.reset(topMinPs, topMaxPs, topMaxPs, n);
            rungCount = 1;
            int[] heads = r.heads;
            long startPs = r.startPs;
            int shift = r.shift;
            long[] d;
            for (int i = 0; i < n; i++) {
                long t = k[2 * i];
                int node = newNode(ev[i], t, k[2 * i + 1]);
                int bucket = (int) ((t - startPs) >>> shift);
                d = nodeData;
                d[STRIDE * node + 2] = heads[bucket];
                heads[bucket] = node;
            }
        }
        Arrays.fill(ev, 0, n, null);
        topCount = 0;
        topMinPs = Long.MAX_VALUE;
        topMaxPs = Long.MIN_VALUE;
    }

    @Override
    public void compact() {
        int kept = 0;
        for (int i = 0; i < topCount; i++) {
            Event e = topEvents[i];
            if (e.pending && e.tieKey == topKeys[2 * i + 1]) {
                topKeys[2 * kept] = topKeys[2 * i];
                topKeys[2 * kept + 1] = topKeys[2 * i + 1];
                topEvents[kept++] = e;
            }
        }
        Arrays.fill(topEvents, kept, topCount, null);
        size -= topCount - kept;
        topCount = kept; // topMin/topMax stay valid (if loose) bounds
        if (kept == 0) {
            topMinPs = Long.MAX_VALUE;
            topMaxPs = Long.MIN_VALUE;
        }
        for (int r = 0; r < rungCount; r++) {
            Rung rung = rungs[r];
            for (int i = rung.cur; i < rung.bucketCount; i++) {
                rung.heads[i] = compactList(rung.heads[i]);
            }
        }
        size -= bottom.removeStale();
    }

    private int compactList(int list) {
        long[] d = nodeData;
        int head = 0;
        for (int node = list; node != 0; ) {
            int next = (int) d[STRIDE * node + 2];
            Event e = nodeEvents[node];
            if (e.pending && e.tieKey == d[STRIDE * node + 1]) {
                d[STRIDE * node + 2] = head;
                head = node;
            } else {
                freeNode(node);
                size--;
            }
            node = next;
        }
        return head;
    }

    /**
     * One rung: {@code bucketCount} buckets of width {@code 2^shift} from {@code startPs},
     * covering up to {@code lastPs}; buckets before {@code cur} are consumed (and empty).
     */
    static final class Rung {
        long startPs;
        long lastPs;
        int shift;
        int bucketCount;
        int cur;
        long curStartPs;
        int[] heads = new int[64];

        /**
         * Spreads entries spanning {@code [minPs, maxPs]} over about {@code count} buckets, the
         * rung covering {@code [minPs, lastPs]}, with at most 4 x count buckets.
         */
        void reset(long minPs, long maxPs, long lastPs, int count) {
            int s = Math.max(shiftFor(maxPs - minPs, count), shiftFor(lastPs - minPs, 4 * count));
            int n = (int) ((lastPs - minPs) >>> s) + 1;
            if (heads.length < n) {
                heads = new int[Integer.highestOneBit(n) << 1];
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
}
