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
 *        BOTTOM  sorted run (time, tie) --&gt; head = next to run       ({@link SortedRun})
 *
 *   refill when BOTTOM is empty: lowest rung's next non-empty bucket
 *     &lt;= THRESHOLD entries, or all at one instant, or no finer rung possible
 *                             -&gt; copied into BOTTOM and sorted
 *     otherwise               -&gt; spread over a new, finer rung
 *   no rung left -&gt; the TOP becomes rung 0 (or, if small, the BOTTOM); lowerLastPs = its max
 * </pre>
 *
 * <p>A bucket is a chain of fixed-size chunks ({@value #CHUNK} entries) from one pool: keys
 * interleaved in a {@code long[]}, event slots in a parallel {@code int[]}, freed chunks reused
 * from a stack. Reading a bucket therefore costs one dependent memory access per chunk, not per
 * entry, and a rung is sized for about {@value #CHUNK} entries per bucket. Nothing is allocated
 * per insert once the arrays have grown. Bucket widths are powers of two, so the bucket of a
 * time is a subtraction and a shift, exact and monotone in time: an entry can never land in a
 * bucket before that of an earlier-timed one.
 *
 * <p>Entries name their event by an {@link EventSlots} slot number, not a reference: storing
 * references at random places in big old-generation arrays costs a G1 card-barrier and
 * refinement per store, which measured ten times slower at a million pending events. Only the
 * bottom holds references, written sequentially.
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
    /** Entries per bucket chunk; also the mean bucket occupancy a rung is sized for. */
    static final int CHUNK = 8;

    // TOP: unsorted, every time > lowerLastPs.
    private long[] topKeys;
    private int[] topSlots;
    private int topCount;
    private long topMinPs = Long.MAX_VALUE;
    private long topMaxPs = Long.MIN_VALUE;
    /** The latest time the rungs and the bottom cover; later entries go to the top. */
    private long lowerLastPs = Long.MIN_VALUE;

    private final LadderRung[] rungs = new LadderRung[MAX_RUNGS];
    private int rungCount;

    // Chunk pool for rung buckets; chunk 0 is the "none" link. Entry j of chunk c is slot
    // c * CHUNK + j: keys at 2 * slot (time) and 2 * slot + 1 (tie), event slot at slot.
    private long[] chunkKeys;
    private int[] chunkSlots;
    private int[] chunkNext; // the bucket's next (older, full) chunk
    private int[] freeChunks;
    private int freeCount;
    private int freshChunk = 1;

    private final SortedRun bottom;
    private final EventSlots slots;
    private int size;

    LadderQueue(int initialCapacity) {
        int cap = Math.max(64, initialCapacity);
        topKeys = new long[2 * cap];
        topSlots = new int[cap];
        int chunks = cap / CHUNK + 2;
        chunkKeys = new long[2 * CHUNK * chunks];
        chunkSlots = new int[CHUNK * chunks];
        chunkNext = new int[chunks];
        freeChunks = new int[chunks];
        bottom = new SortedRun(4 * THRESHOLD);
        slots = new EventSlots(cap);
        for (int i = 0; i < MAX_RUNGS; i++) {
            rungs[i] = new LadderRung();
        }
    }

    @Override
    public void insert(Event event, long timePs, long tieKey) {
        size++;
        int slot = slots.acquire(event);
        if (timePs > lowerLastPs) {
            topAdd(slot, timePs, tieKey);
            return;
        }
        for (int i = 0, n = rungCount; i < n; i++) {
            LadderRung r = rungs[i];
            if (timePs >= r.curStartPs) {
                addToBucket(r.buckets, (int) ((timePs - r.startPs) >>> r.shift), slot, timePs, tieKey);
                return;
            }
        }
        bottom.insert(timePs, tieKey, slot, event);
    }

    private void topAdd(int slot, long timePs, long tieKey) {
        int i = topCount;
        if (i == topSlots.length) {
            topKeys = Arrays.copyOf(topKeys, topKeys.length * 2);
            topSlots = Arrays.copyOf(topSlots, topSlots.length * 2);
        }
        topKeys[2 * i] = timePs;
        topKeys[2 * i + 1] = tieKey;
        topSlots[i] = slot;
        topCount = i + 1;
        if (timePs < topMinPs) {
            topMinPs = timePs;
        }
        if (timePs > topMaxPs) {
            topMaxPs = timePs;
        }
    }

    /**
     * Appends an entry to bucket {@code b} ({@code buckets[2b]} = newest chunk,
     * {@code buckets[2b + 1]} = entries used in it; older chunks are full), chaining a new
     * chunk when the newest is full. One cache line of the bucket array says where to write.
     */
    private void addToBucket(int[] buckets, int b, int eventSlot, long timePs, long tieKey) {
        int c = buckets[2 * b];
        int used = buckets[2 * b + 1];
        if (used == CHUNK || c == 0) {
            c = newChunk(c);
            buckets[2 * b] = c;
            used = 0;
        }
        buckets[2 * b + 1] = used + 1;
        int slot = c * CHUNK + used;
        chunkKeys[2 * slot] = timePs;
        chunkKeys[2 * slot + 1] = tieKey;
        chunkSlots[slot] = eventSlot;
    }

    private int newChunk(int next) {
        int c;
        if (freeCount > 0) {
            c = freeChunks[--freeCount];
        } else {
            c = freshChunk++;
            if (c == freeChunks.length) {
                chunkKeys = Arrays.copyOf(chunkKeys, chunkKeys.length * 2);
                chunkSlots = Arrays.copyOf(chunkSlots, chunkSlots.length * 2);
                chunkNext = Arrays.copyOf(chunkNext, chunkNext.length * 2);
                freeChunks = Arrays.copyOf(freeChunks, freeChunks.length * 2);
            }
        }
        chunkNext[c] = next;
        return c;
    }

    private void freeChunk(int c) {
        freeChunks[freeCount++] = c;
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
        bottom.removeHead(slots);
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
            LadderRung r = rungs[rungCount - 1];
            int[] buckets = r.buckets;
            int n = r.bucketCount;
            int i = r.cur;
            while (i < n && buckets[2 * i] == 0) {
                i++;
            }
            if (i == n) {
                rungCount--;
                continue;
            }
            int list = buckets[2 * i];
            int listUsed = buckets[2 * i + 1];
            buckets[2 * i] = 0;
            buckets[2 * i + 1] = 0;
            long bucketStartPs = r.startPs + ((long) i << r.shift);
            long bucketLastPs = i == n - 1 ? r.lastPs : bucketStartPs + ((1L << r.shift) - 1);
            int shift = r.shift;
            if (i == n - 1) {
                rungCount--; // consumed its last bucket: later inserts fall below it
            } else {
                r.cur = i + 1;
                r.curStartPs = bucketStartPs + (1L << r.shift);
            }
            takeBucket(list, listUsed, shift, bucketLastPs);
        }
        return true;
    }

    /** Moves one bucket's chunks to the bottom, or spreads them over a new finer rung. */
    private void takeBucket(int list, int listUsed, int parentShift, long lastPs) {
        int[] next = chunkNext;
        long[] k = chunkKeys;
        int count = 0;
        long minPs = Long.MAX_VALUE;
        long maxPs = Long.MIN_VALUE;
        for (int c = list, used = listUsed; c != 0; c = next[c], used = CHUNK) {
            for (int slot = c * CHUNK, end = slot + used; slot < end; slot++) {
                long t = k[2 * slot];
                minPs = Math.min(minPs, t);
                maxPs = Math.max(maxPs, t);
            }
            count += used;
        }
        boolean toBottom = count <= THRESHOLD || parentShift == 0 || minPs == maxPs || rungCount == MAX_RUNGS;
        SortedRun b = bottom;
        int[] buckets = null;
        long startPs = 0;
        int shift = 0;
        if (toBottom) {
            b.clear();
        } else {
            LadderRung child = rungs[rungCount++];
            child.reset(minPs, maxPs, lastPs, count);
            buckets = child.buckets;
            startPs = child.startPs;
            shift = child.shift;
        }
        for (int c = list, used = listUsed; c != 0; used = CHUNK) {
            int following = chunkNext[c];
            for (int slot = c * CHUNK, end = slot + used; slot < end; slot++) {
                long t = chunkKeys[2 * slot];
                if (toBottom) {
                    b.append(t, chunkKeys[2 * slot + 1], chunkSlots[slot]);
                } else {
                    addToBucket(buckets, (int) ((t - startPs) >>> shift), chunkSlots[slot], t,
                            chunkKeys[2 * slot + 1]);
                }
            }
            freeChunk(c);
            c = following;
        }
        if (toBottom) {
            b.sortAndResolve(slots);
        }
    }

    /** The top becomes rung 0 (or, when small or at one instant, the bottom). */
    private void transferTop() {
        int n = topCount;
        long[] k = topKeys;
        int[] ev = topSlots;
        lowerLastPs = topMaxPs;
        if (n <= THRESHOLD || topMinPs == topMaxPs) {
            SortedRun b = bottom;
            b.clear();
            for (int i = 0; i < n; i++) {
                b.append(k[2 * i], k[2 * i + 1], ev[i]);
            }
            b.sortAndResolve(slots);
        } else {
            LadderRung r = rungs[0];
            r.reset(topMinPs, topMaxPs, topMaxPs, n);
            rungCount = 1;
            int[] buckets = r.buckets;
            long startPs = r.startPs;
            int shift = r.shift;
            for (int i = 0; i < n; i++) {
                long t = k[2 * i];
                addToBucket(buckets, (int) ((t - startPs) >>> shift), ev[i], t, k[2 * i + 1]);
            }
        }
        topCount = 0;
        topMinPs = Long.MAX_VALUE;
        topMaxPs = Long.MIN_VALUE;
    }

    @Override
    public void compact() {
        int kept = 0;
        for (int i = 0; i < topCount; i++) {
            int slot = topSlots[i];
            Event e = slots.events[slot];
            if (e.pending && e.tieKey == topKeys[2 * i + 1]) {
                topKeys[2 * kept] = topKeys[2 * i];
                topKeys[2 * kept + 1] = topKeys[2 * i + 1];
                topSlots[kept++] = slot;
            } else {
                slots.release(e, slot);
            }
        }
        size -= topCount - kept;
        topCount = kept; // topMin/topMax stay valid (if loose) bounds
        if (kept == 0) {
            topMinPs = Long.MAX_VALUE;
            topMaxPs = Long.MIN_VALUE;
        }
        for (int r = 0; r < rungCount; r++) {
            LadderRung rung = rungs[r];
            for (int i = rung.cur; i < rung.bucketCount; i++) {
                if (rung.buckets[2 * i] != 0) {
                    compactBucket(rung.buckets, i);
                }
            }
        }
        size -= bottom.removeStale(slots);
    }

    /** Rebuilds bucket {@code b} with its live entries only. */
    private void compactBucket(int[] buckets, int b) {
        int list = buckets[2 * b];
        int listUsed = buckets[2 * b + 1];
        buckets[2 * b] = 0;
        buckets[2 * b + 1] = 0;
        for (int c = list, used = listUsed; c != 0; used = CHUNK) {
            int following = chunkNext[c];
            for (int slot = c * CHUNK, end = slot + used; slot < end; slot++) {
                int eventSlot = chunkSlots[slot];
                Event e = slots.events[eventSlot];
                long tie = chunkKeys[2 * slot + 1];
                if (e.pending && e.tieKey == tie) {
                    addToBucket(buckets, b, eventSlot, chunkKeys[2 * slot], tie);
                } else {
                    slots.release(e, eventSlot);
                    size--;
                }
            }
            freeChunk(c);
            c = following;
        }
    }
}
