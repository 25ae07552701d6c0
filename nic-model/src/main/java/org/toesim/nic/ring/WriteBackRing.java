package org.toesim.nic.ring;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.irq.InterruptModerator;

/**
 * The adapter's side of a device-produced ring (completion, event): entries posted in one
 * instant are written back together, then each counts as one event for the ring's interrupt
 * moderator (whose MSI-X therefore follows the data on the link).
 *
 * <pre>
 *   post(e) ... post(e')          same instant, entries queue (IN_USE)
 *   flush (end of the instant, Priority.NORMAL + 1):
 *     DmaWrite(slot(tail), Entries[e..])   one write per contiguous run (two across the wrap)
 *     slots COMPLETED, tail advances; irq.onEvent() per entry
 *   host consumes, MmioWrite(HEAD = h) --&gt; onHeadDoorbell(h): slots RECLAIMED; queued entries flushed
 * </pre>
 * When the ring is full (the host has not released slots) entries wait on the card; nothing is
 * dropped.
 */
public final class WriteBackRing {
    /** Flush after ordinary work of the same instant has posted its entries. */
    public static final int FLUSH_PRIORITY = Priority.NORMAL + 1;

    private final RingId id;
    private final DmaEngine dma;
    private InterruptModerator irq;
    private final Simulator sim;
    private final Event flushEvent;
    private final ArrayDeque<RingEntry> queued = new ArrayDeque<>();
    private RingGeometry geometry;
    private DescriptorState[] states;
    private int head;
    private int tail;
    private long entriesWritten;
    private long writes;
    private long fullStalls;

    /** A ring written through {@code dma}; {@code irq} (may be null for a polled ring) counts the entries. */
    public WriteBackRing(Simulator sim, RingId id, DmaEngine dma, InterruptModerator irq, String owner) {
        if (id.producer() != RingId.Producer.DEVICE) {
            throw new IllegalArgumentException(id + " is produced by the host");
        }
        this.sim = Objects.requireNonNull(sim, "sim");
        this.id = id;
        this.dma = Objects.requireNonNull(dma, "dma");
        this.irq = irq;
        this.flushEvent = sim.newEvent("ring.writeback", owner, FLUSH_PRIORITY, this::flush);
    }

    /** Routes this ring's entries to {@code moderator} (null: no interrupts, the host polls). */
    public void attachInterrupt(InterruptModerator moderator) {
        this.irq = moderator;
    }

    /** Programs base and size; resets indices. */
    public void configure(long baseAddr, int sizeSlots) {
        geometry = new RingGeometry(baseAddr, sizeSlots, id.entryBytes());
        states = new DescriptorState[sizeSlots];
        Arrays.fill(states, DescriptorState.FREE);
        head = 0;
        tail = 0;
        queued.clear();
    }

    /** Queues {@code entry} for write-back at the end of this instant. */
    public void post(RingEntry entry) {
        Objects.requireNonNull(entry, "entry");
        if (geometry == null) {
            throw new IllegalStateException(id + " is not configured");
        }
        queued.addLast(entry);
        if (!flushEvent.isPending()) {
            sim.scheduleIn(flushEvent, 0);
        }
    }

    /** The host released slots up to {@code newHead} (exclusive). */
    public void onHeadDoorbell(int newHead) {
        geometry.checkIndex(newHead);
        int released = geometry.distance(head, newHead);
        if (released > geometry.distance(head, tail)) {
            throw new IllegalStateException(id + ": head " + newHead + " passes tail " + tail);
        }
        for (int i = head; i != newHead; i = geometry.next(i, 1)) {
            states[i] = DescriptorState.RECLAIMED;
        }
        head = newHead;
        if (!queued.isEmpty() && !flushEvent.isPending()) {
            sim.scheduleIn(flushEvent, 0);
        }
    }

    private void flush() {
        int free = geometry.sizeSlots() - 1 - geometry.distance(head, tail);
        int n = Math.min(free, queued.size());
        if (n < queued.size()) {
            fullStalls++;
        }
        while (n > 0) {
            int run = Math.min(n, geometry.sizeSlots() - tail);
            List<RingEntry> batch = takeQueued(run);
            for (int i = 0; i < run; i++) {
                states[geometry.next(tail, i)] = DescriptorState.COMPLETED;
            }
            dma.write(geometry.slotAddr(tail), new DmaData.Entries(batch, geometry.entryBytes()));
            writes++;
            entriesWritten += run;
            tail = geometry.next(tail, run);
            n -= run;
            if (irq != null) {
                for (int i = 0; i < run; i++) {
                    irq.onEvent();
                }
            }
        }
    }

    /**
     * The next {@code n} queued entries as an immutable list ({@link DmaData.Entries} keeps it
     * without copying); one entry, the common case, is a single small object.
     */
    private List<RingEntry> takeQueued(int n) {
        if (n == 1) {
            return List.of(queued.pollFirst());
        }
        RingEntry[] a = new RingEntry[n];
        for (int i = 0; i < n; i++) {
            a[i] = queued.pollFirst();
        }
        return List.of(a);
    }

    /** Which ring this is. */
    public RingId id() {
        return id;
    }

    /** Lifecycle state of slot {@code index}. */
    public DescriptorState state(int index) {
        geometry.checkIndex(index);
        return states[index];
    }

    /** Next slot the device writes. */
    public int tail() {
        return tail;
    }

    /** First slot the host has not released. */
    public int head() {
        return head;
    }

    /** Entries waiting on the card (not yet written). */
    public int queued() {
        return queued.size();
    }

    /** Entries written back. */
    public long entriesWritten() {
        return entriesWritten;
    }

    /** DMA writes issued. */
    public long writes() {
        return writes;
    }

    /** Flushes that found the ring full. */
    public long fullStalls() {
        return fullStalls;
    }

    /** Head and tail indices now, for bounds checks ({@code owner} names the ring). */
    public RingIndices indices(String owner) {
        return new RingIndices(owner, id.name(), geometry == null ? 0 : geometry.sizeSlots(), RingIndices.WRITE_BACK_NAMES,
                new int[] {head, tail});
    }
}
