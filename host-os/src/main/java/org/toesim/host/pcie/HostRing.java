package org.toesim.host.pcie;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;

/**
 * One descriptor ring in host memory: a {@link MemoryRegion} that gives the slots their
 * addresses, and an array of typed {@link RingEntry} slots that holds their content.
 *
 * <pre>
 *  host-produced ring (COMMAND, SEND, RECEIVE)        device-produced ring (COMPLETION, EVENT)
 *   produce(e): slot[tail] = e, tail++                  device DmaWrite(Entries) -&gt; write(): slots filled
 *   device DmaReadRequest -&gt; read(): Entries            consume(): slot[next] (null = not yet written;
 *   complete(slot): done; head advances over                the "descriptor done" bit), slot cleared, next++
 *     contiguous done slots, as the device reclaims     host rings HEAD doorbell with next()
 * </pre>
 * A ring of {@code size} slots holds at most {@code size - 1} entries (head == tail is empty),
 * matching the device's {@code Registers} contract.
 */
public final class HostRing implements DmaTarget {
    private final HostMemory memory;
    private final RingId id;
    private final MemoryRegion region;
    private final RingEntry[] slots;
    private final boolean[] done;
    private final int mask;
    private int head;
    private int tail;

    /** Allocates a ring of {@code sizeSlots} (a power of two, at least 2) named {@code name}. */
    public HostRing(HostMemory memory, String name, RingId id, int sizeSlots) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.id = Objects.requireNonNull(id, "id");
        if (sizeSlots < 2 || Integer.bitCount(sizeSlots) != 1) {
            throw new IllegalArgumentException("ring " + name + ": size must be a power of two >= 2, got " + sizeSlots);
        }
        RegionKind kind = id == RingId.COMMAND ? RegionKind.COMMAND_RING
                : id.producer() == RingId.Producer.DEVICE ? RegionKind.COMPLETION_RING : RegionKind.DESCRIPTOR_RING;
        this.region = memory.allocate(name, kind, (long) sizeSlots * id.entryBytes(), 4096, false);
        this.slots = new RingEntry[sizeSlots];
        this.done = new boolean[sizeSlots];
        this.mask = sizeSlots - 1;
    }

    public RingId id() {
        return id;
    }

    public MemoryRegion region() {
        return region;
    }

    public long baseAddress() {
        return region.baseAddress();
    }

    public int sizeSlots() {
        return slots.length;
    }

    /** Host address of slot {@code slot}. */
    public long slotAddress(int slot) {
        return region.baseAddress() + (long) Objects.checkIndex(slot, slots.length) * id.entryBytes();
    }

    /** The entry in {@code slot} (null if empty). */
    public RingEntry entry(int slot) {
        return slots[slot];
    }

    // ---- host-produced side ----

    /** Slots the host may still fill. */
    public int freeSlots() {
        return slots.length - 1 - ((tail - head) & mask);
    }

    /** Producer index: the next slot {@link #produce} fills (the TAIL doorbell value). */
    public int tail() {
        return tail;
    }

    /** Oldest slot the device has not finished with. */
    public int head() {
        return head;
    }

    /**
     * Writes {@code entry} into the next slot; returns that slot.
     *
     * @throws IllegalStateException if the ring is full
     */
    public int produce(RingEntry entry) {
        requireHostProduced();
        if (freeSlots() == 0) {
            throw new IllegalStateException(region.name() + " is full");
        }
        int slot = tail;
        slots[slot] = Objects.requireNonNull(entry, "entry");
        done[slot] = false;
        memory.writeLength(slotAddress(slot), id.entryBytes());
        tail = (tail + 1) & mask;
        return slot;
    }

    /** The device has finished with {@code slot}; returns the number of slots freed (head advance). */
    public int complete(int slot) {
        requireHostProduced();
        if (slots[slot] == null || done[slot]) {
            throw new IllegalStateException(region.name() + " slot " + slot + " completed twice or never produced");
        }
        done[slot] = true;
        int freed = 0;
        while (head != tail && done[head]) {
            slots[head] = null;
            done[head] = false;
            head = (head + 1) & mask;
            freed++;
        }
        return freed;
    }

    // ---- device-produced side ----

    /** Consumer index: the next slot {@link #consume} reads (the HEAD doorbell value). */
    public int next() {
        return head;
    }

    /** The entry at the consumer index if the device has written it, else null. */
    public RingEntry peek() {
        return slots[head];
    }

    /** Takes the entry at the consumer index and clears the slot; null if none is there. */
    public RingEntry consume() {
        requireDeviceProduced();
        RingEntry e = slots[head];
        if (e != null) {
            slots[head] = null;
            head = (head + 1) & mask;
        }
        return e;
    }

    // ---- DMA ----

    @Override
    public DmaData read(long hostAddr, int lenBytes) {
        int first = slotOf(hostAddr, lenBytes);
        int count = lenBytes / id.entryBytes();
        for (int i = 0; i < count; i++) {
            if (slots[first + i] == null) {
                throw new IllegalStateException("device read empty slot " + (first + i) + " of " + region);
            }
        }
        memory.readLength(hostAddr, lenBytes);
        // an immutable list is taken by Entries as is (List.copyOf does not copy it again)
        List<RingEntry> out = count == 1 ? List.of(slots[first])
                : count == 2 ? List.of(slots[first], slots[first + 1])
                : List.of(Arrays.copyOfRange(slots, first, first + count));
        return new DmaData.Entries(out, id.entryBytes());
    }

    @Override
    public void write(long hostAddr, DmaData data) {
        if (!(data instanceof DmaData.Entries entries) || entries.entryBytes() != id.entryBytes()) {
            throw new IllegalStateException("device wrote " + data + " into ring " + region);
        }
        int first = slotOf(hostAddr, data.lenBytes());
        List<RingEntry> list = entries.entries();
        for (int i = 0; i < list.size(); i++) {
            slots[first + i] = list.get(i);
        }
        memory.writeLength(hostAddr, data.lenBytes());
    }

    private int slotOf(long hostAddr, int lenBytes) {
        long off = hostAddr - region.baseAddress();
        int eb = id.entryBytes();
        if (off < 0 || off % eb != 0 || lenBytes % eb != 0 || lenBytes <= 0
                || off / eb + lenBytes / eb > slots.length) {
            throw new IllegalStateException("misaligned access of " + lenBytes + " B at 0x" + Long.toHexString(hostAddr)
                    + " to ring " + region);
        }
        return (int) (off / eb);
    }

    private void requireHostProduced() {
        if (id.producer() != RingId.Producer.HOST) {
            throw new IllegalStateException(id + " is produced by the device");
        }
    }

    private void requireDeviceProduced() {
        if (id.producer() != RingId.Producer.DEVICE) {
            throw new IllegalStateException(id + " is produced by the host");
        }
    }

    @Override
    public String toString() {
        return "HostRing" + region + " head " + head + " tail " + tail;
    }
}
