package org.toesim.nic.dma;

import java.util.ArrayDeque;
import java.util.Objects;
import org.toesim.core.event.Simulator;
import org.toesim.core.stats.Resettable;
import org.toesim.nic.device.DeviceBus;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.pcie.PcieSpec;

/**
 * The adapter's DMA engine: reads and writes host memory through the link.
 *
 * <pre>
 *   read(addr, len, cb, cookie)
 *     tags = ceil(len / MRRS)            one tag per read request TLP
 *     free tags &gt;= tags ? send DmaReadRequest(id) : wait (FIFO, no overtaking)
 *   DmaReadCompletion(id) --&gt; slot(id) --&gt; free tags, cb.onReadComplete(cookie, data), issue waiters
 *   write(addr, data)       --&gt; DmaWrite (posted, split at MPS by the link)
 * </pre>
 * One transfer is one bus message (its TLPs are priced arithmetically by the link), so all its
 * tags are held until the whole completion arrives. A single read may use at most
 * {@code maxReadTags} tags ({@link #maxReadBytes()}); callers split longer reads.
 *
 * <p>Request ids encode the slot index in the low 16 bits, so a completion finds its pending
 * read by array index; slots are pooled, so steady-state reads allocate nothing here.
 */
public final class DmaEngine implements Resettable {
    private static final int SLOT_BITS = 16;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;

    private final Simulator sim;
    private final DeviceBus bus;
    private final int mrrsBytes;
    private final int maxReadTags;
    private ReadSlot[] slots;
    private final ArrayDeque<ReadSlot> freeSlots = new ArrayDeque<>();
    private final ArrayDeque<ReadSlot> waiting = new ArrayDeque<>();
    private long sequence;
    private int tagsInUse;
    private long readBytes;
    private long writeBytes;
    private long readsCompleted;
    private long writes;
    private long readsDelayedForTags;
    private int peakTagsInUse;

    private static final class ReadSlot {
        final int index;
        long requestId;
        long hostAddr;
        int lenBytes;
        int tags;
        long cookie;
        DmaReadCallback callback;
        boolean issued;

        ReadSlot(int index) {
            this.index = index;
        }
    }

    /** An engine sending through {@code bus}, with at most {@code maxReadTags} read request TLPs outstanding. */
    public DmaEngine(Simulator sim, DeviceBus bus, PcieSpec spec, int maxReadTags) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.mrrsBytes = spec.mrrsBytes();
        if (maxReadTags < 1 || maxReadTags > 1 << 10) {
            throw new IllegalArgumentException("maxReadTags must be in [1, 1024], got " + maxReadTags);
        }
        this.maxReadTags = maxReadTags;
        this.slots = new ReadSlot[0];
    }

    /** Largest single read: {@code maxReadTags * MRRS}. */
    public int maxReadBytes() {
        return maxReadTags * mrrsBytes;
    }

    /**
     * Reads {@code lenBytes} at {@code hostAddr}; {@code callback.onReadComplete(cookie, data)}
     * runs when the completion arrives. Issued now if tags allow, else after earlier reads.
     */
    public void read(long hostAddr, int lenBytes, DmaReadCallback callback, long cookie) {
        Objects.requireNonNull(callback, "callback");
        if (lenBytes <= 0 || lenBytes > maxReadBytes()) {
            throw new IllegalArgumentException("read of " + lenBytes + " B outside (0, " + maxReadBytes()
                    + "]: split it (maxReadTags " + maxReadTags + " x MRRS " + mrrsBytes + ")");
        }
        ReadSlot s = takeSlot();
        s.hostAddr = hostAddr;
        s.lenBytes = lenBytes;
        s.tags = (lenBytes + mrrsBytes - 1) / mrrsBytes;
        s.cookie = cookie;
        s.callback = callback;
        s.issued = false;
        if (waiting.isEmpty() && tagsInUse + s.tags <= maxReadTags) {
            issue(s);
        } else {
            readsDelayedForTags++;
            waiting.addLast(s);
        }
    }

    /** Posts a write of {@code data} at {@code hostAddr}; returns its request id. */
    public long write(long hostAddr, DmaData data) {
        long id = nextId(0);
        writes++;
        writeBytes += data.lenBytes();
        bus.sendToHost(new DeviceToHost.DmaWrite(id, sim.now(), hostAddr, data));
        return id;
    }

    /** Handles a read completion addressed to this engine; returns false for unknown ids. */
    public boolean onCompletion(HostToDevice.DmaReadCompletion completion) {
        long id = completion.requestId();
        int index = (int) (id & SLOT_MASK);
        if (index >= slots.length || slots[index].requestId != id || !slots[index].issued) {
            return false;
        }
        ReadSlot s = slots[index];
        if (completion.data().lenBytes() != s.lenBytes) {
            throw new IllegalStateException("completion " + id + " carries " + completion.data().lenBytes()
                    + " B for a read of " + s.lenBytes + " B");
        }
        tagsInUse -= s.tags;
        readsCompleted++;
        readBytes += s.lenBytes;
        DmaReadCallback cb = s.callback;
        long cookie = s.cookie;
        s.callback = null;
        s.issued = false;
        s.requestId = -1;
        freeSlots.addLast(s);
        issueWaiting();
        cb.onReadComplete(cookie, completion.data());
        return true;
    }

    /** Read tags currently outstanding. */
    public int tagsInUse() {
        return tagsInUse;
    }

    /** Reads waiting for tags. */
    public int readsWaiting() {
        return waiting.size();
    }

    /** Counters since the last reset. */
    public DmaStats stats() {
        return new DmaStats(readBytes, writeBytes, readsCompleted, writes, readsDelayedForTags, peakTagsInUse);
    }

    @Override
    public void reset(long nowPs) {
        readBytes = 0;
        writeBytes = 0;
        readsCompleted = 0;
        writes = 0;
        readsDelayedForTags = 0;
        peakTagsInUse = tagsInUse;
    }

    private void issueWaiting() {
        while (!waiting.isEmpty() && tagsInUse + waiting.peekFirst().tags <= maxReadTags) {
            issue(waiting.pollFirst());
        }
    }

    private void issue(ReadSlot s) {
        s.requestId = nextId(s.index);
        s.issued = true;
        tagsInUse += s.tags;
        peakTagsInUse = Math.max(peakTagsInUse, tagsInUse);
        bus.sendToHost(new DeviceToHost.DmaReadRequest(s.requestId, sim.now(), s.hostAddr, s.lenBytes));
    }

    private long nextId(int slotIndex) {
        return (++sequence << SLOT_BITS) | slotIndex;
    }

    private ReadSlot takeSlot() {
        if (freeSlots.isEmpty()) {
            int n = slots.length;
            int grownLen = Math.max(8, n * 2);
            if (grownLen > SLOT_MASK + 1) {
                throw new IllegalStateException("more than " + SLOT_MASK + " DMA reads pending");
            }
            ReadSlot[] grown = java.util.Arrays.copyOf(slots, grownLen);
            for (int i = n; i < grownLen; i++) {
                grown[i] = new ReadSlot(i);
                grown[i].requestId = -1;
                freeSlots.addLast(grown[i]);
            }
            slots = grown;
        }
        return freeSlots.pollFirst();
    }

    /** Most read tags that may be outstanding at once. */
    public int maxReadTags() {
        return maxReadTags;
    }
}
