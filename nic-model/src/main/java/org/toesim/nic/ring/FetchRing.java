package org.toesim.nic.ring;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.dma.DmaReadCallback;

/**
 * The adapter's view of a host-produced ring (command, send, receive): it fetches posted
 * descriptors by DMA in batches and hands them to the device in order.
 *
 * <pre>
 *   host: write slots, MmioWrite(TAIL = t) --&gt; onTailDoorbell(t): slots [fetch, t) POSTED
 *   fetch: one DmaReadRequest of min(posted, maxBatch, slots to the wrap, cache room) entries
 *   completion --&gt; FETCHED, listener.onFetched(ring) --&gt; device: take() (IN_USE) ... complete(i)
 *   complete(i) --&gt; COMPLETED; head advances over COMPLETED slots --&gt; RECLAIMED
 * </pre>
 * One fetch is in flight at a time; the on-card cache holds at most {@code cacheEntries}
 * fetched-or-fetching descriptors not yet taken.
 */
public final class FetchRing implements DmaReadCallback {
    /** Told when descriptors have been fetched. */
    public interface Listener {
        /** New descriptors are available through {@link FetchRing#take()}. */
        void onFetched(FetchRing ring);
    }

    private final RingId id;
    private final DmaEngine dma;
    private final int maxBatch;
    private final int cacheEntries;
    private final Listener listener;
    private RingGeometry geometry;
    private RingEntry[] entries;
    private DescriptorState[] states;
    private int tail;
    private int fetchIndex;
    private int takeIndex;
    private int head;
    private boolean fetchInFlight;
    private long fetches;
    private long descriptorsFetched;

    /** A ring fetched through {@code dma} in batches of at most {@code maxBatch}. */
    public FetchRing(RingId id, DmaEngine dma, int maxBatch, int cacheEntries, Listener listener) {
        if (id.producer() != RingId.Producer.HOST) {
            throw new IllegalArgumentException(id + " is produced by the device");
        }
        if (maxBatch < 1 || cacheEntries < maxBatch) {
            throw new IllegalArgumentException("need 1 <= maxBatch (" + maxBatch + ") <= cacheEntries ("
                    + cacheEntries + ")");
        }
        this.id = id;
        this.dma = Objects.requireNonNull(dma, "dma");
        this.maxBatch = maxBatch;
        this.cacheEntries = cacheEntries;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Programs base and size (BASE/SIZE registers); resets all indices to 0. */
    public void configure(long baseAddr, int sizeSlots) {
        if (fetchInFlight) {
            throw new IllegalStateException(id + " reconfigured while a fetch is in flight");
        }
        geometry = new RingGeometry(baseAddr, sizeSlots, id.entryBytes());
        entries = new RingEntry[sizeSlots];
        states = new DescriptorState[sizeSlots];
        Arrays.fill(states, DescriptorState.FREE);
        tail = 0;
        fetchIndex = 0;
        takeIndex = 0;
        head = 0;
    }

    /** The host wrote TAIL: slots up to {@code newTail} (exclusive) are posted. */
    public void onTailDoorbell(int newTail) {
        RingGeometry g = requireConfigured();
        g.checkIndex(newTail);
        int added = g.distance(tail, newTail);
        if (added > g.distance(tail, g.next(head, -1))) {
            throw new IllegalStateException(id + ": tail " + newTail + " overruns head " + head + " (size "
                    + g.sizeSlots() + ")");
        }
        for (int i = tail; i != newTail; i = g.next(i, 1)) {
            states[i] = DescriptorState.POSTED;
        }
        tail = newTail;
        maybeFetch();
    }

    /** Whether a fetched descriptor is waiting for {@link #take()}. */
    public boolean hasFetched() {
        return entries != null && takeIndex != fetchIndex && states[takeIndex] == DescriptorState.FETCHED;
    }

    /** Index of the descriptor {@link #take()} would return. */
    public int nextIndex() {
        return takeIndex;
    }

    /** The descriptor {@link #take()} would return, left in place; null if none is fetched. */
    public RingEntry peek() {
        return hasFetched() ? entries[takeIndex] : null;
    }

    /** Takes the next fetched descriptor (now IN_USE). */
    public RingEntry take() {
        if (!hasFetched()) {
            throw new IllegalStateException(id + ": no fetched descriptor");
        }
        RingEntry e = entries[takeIndex];
        states[takeIndex] = DescriptorState.IN_USE;
        takeIndex = geometry.next(takeIndex, 1);
        maybeFetch();
        return e;
    }

    /** The device is done with slot {@code index}; contiguous completed slots are reclaimed. */
    public void complete(int index) {
        requireConfigured().checkIndex(index);
        if (states[index] != DescriptorState.IN_USE) {
            throw new IllegalStateException(id + " slot " + index + " completed while " + states[index]);
        }
        states[index] = DescriptorState.COMPLETED;
        while (head != takeIndex && states[head] == DescriptorState.COMPLETED) {
            states[head] = DescriptorState.RECLAIMED;
            entries[head] = null;
            head = geometry.next(head, 1);
        }
    }

    @Override
    public void onReadComplete(long cookie, DmaData data) {
        int start = (int) cookie;
        int count = (int) (cookie >>> 32);
        if (!(data instanceof DmaData.Entries batch) || batch.entries().size() != count) {
            throw new IllegalStateException(id + ": fetch of " + count + " descriptors returned " + data);
        }
        List<RingEntry> list = batch.entries();
        for (int i = 0; i < count; i++) {
            int slot = geometry.next(start, i);
            entries[slot] = list.get(i);
            states[slot] = DescriptorState.FETCHED;
        }
        fetchInFlight = false;
        descriptorsFetched += count;
        maybeFetch();
        listener.onFetched(this);
    }

    private void maybeFetch() {
        if (fetchInFlight || geometry == null) {
            return;
        }
        int posted = geometry.distance(fetchIndex, tail);
        int cacheRoom = cacheEntries - geometry.distance(takeIndex, fetchIndex);
        int toWrap = geometry.sizeSlots() - fetchIndex;
        int n = Math.min(Math.min(posted, maxBatch), Math.min(cacheRoom, toWrap));
        if (n <= 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            states[geometry.next(fetchIndex, i)] = DescriptorState.FETCHING;
        }
        fetchInFlight = true;
        fetches++;
        long cookie = ((long) n << 32) | fetchIndex;
        long addr = geometry.slotAddr(fetchIndex);
        fetchIndex = geometry.next(fetchIndex, n);
        dma.read(addr, n * geometry.entryBytes(), this, cookie);
    }

    private RingGeometry requireConfigured() {
        if (geometry == null) {
            throw new IllegalStateException(id + " is not configured");
        }
        return geometry;
    }

    /** Which ring this is. */
    public RingId id() {
        return id;
    }

    /** Lifecycle state of slot {@code index}. */
    public DescriptorState state(int index) {
        requireConfigured().checkIndex(index);
        return states[index];
    }

    /** Producer index last written by the host. */
    public int tail() {
        return tail;
    }

    /** First slot not yet reclaimed. */
    public int head() {
        return head;
    }

    /** DMA reads issued to fetch descriptors. */
    public long fetches() {
        return fetches;
    }

    /** Descriptors fetched. */
    public long descriptorsFetched() {
        return descriptorsFetched;
    }

    /** Head, take, fetch and tail indices now, for bounds checks ({@code owner} names the ring). */
    public RingIndices indices(String owner) {
        return new RingIndices(owner, id.name(), geometry == null ? 0 : geometry.sizeSlots(), RingIndices.FETCH_NAMES,
                new int[] {head, takeIndex, fetchIndex, tail});
    }
}
