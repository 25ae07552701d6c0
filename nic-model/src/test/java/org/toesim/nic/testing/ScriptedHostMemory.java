package org.toesim.nic.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.toesim.core.event.Simulator;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostBus;
import org.toesim.nic.device.HostEndpoint;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;

/**
 * A host for device tests: typed memory the test scripts, answering DMA reads at once (the
 * memory time is inside the link's read round trip) and recording every message that arrives.
 *
 * <p>Memory holds rings (slot arrays of {@link RingEntry}) and data regions ({@link DmaData}
 * at an address). A read of ring slots returns {@link DmaData.Entries}; a read of exactly a
 * stored region returns it, a read inside one a slice of its bytes or a {@link DmaData.Part} of
 * it ({@link DmaData#readOf}); any other read returns {@link DmaData.Opaque} of the asked length.
 * Writes of entries into a ring fill its slots; other writes are stored at their address.
 */
public final class ScriptedHostMemory implements HostEndpoint {
    /** The host's copy of one ring in its memory. */
    public static final class RingImage {
        final RingId id;
        final long baseAddr;
        final RingEntry[] slots;

        RingImage(RingId id, long baseAddr, int sizeSlots) {
            this.id = id;
            this.baseAddr = baseAddr;
            this.slots = new RingEntry[sizeSlots];
        }

        /** Writes {@code entry} into slot {@code index}. */
        public void set(int index, RingEntry entry) {
            slots[index] = entry;
        }

        /** The entry in slot {@code index} (null if never written). */
        public RingEntry get(int index) {
            return slots[index];
        }

        public int sizeSlots() {
            return slots.length;
        }

        long endAddr() {
            return baseAddr + (long) slots.length * id.entryBytes();
        }
    }

    private final Simulator sim;
    private HostBus bus;
    private final TreeMap<Long, RingImage> rings = new TreeMap<>();
    private final TreeMap<Long, DmaData> data = new TreeMap<>();
    private final List<Recorded> received = new ArrayList<>();
    private long nextRequestId = 1;

    public ScriptedHostMemory(Simulator sim) {
        this.sim = sim;
    }

    void connect(HostBus hostBus) {
        this.bus = hostBus;
    }

    /** Declares ring {@code id} at {@code baseAddr} with {@code sizeSlots} slots. */
    public RingImage ring(RingId id, long baseAddr, int sizeSlots) {
        RingImage r = new RingImage(id, baseAddr, sizeSlots);
        rings.put(baseAddr, r);
        return r;
    }

    /** Stores {@code content} at {@code hostAddr}. */
    public void put(long hostAddr, DmaData content) {
        data.put(hostAddr, content);
    }

    /** What was last stored or written at {@code hostAddr} (null if nothing). */
    public DmaData at(long hostAddr) {
        return data.get(hostAddr);
    }

    /** Every message received so far, in arrival order. */
    public List<Recorded> received() {
        return received;
    }

    /** A fresh request id for host-originated messages. */
    long nextRequestId() {
        return nextRequestId++;
    }

    @Override
    public void receive(DeviceToHost message) {
        received.add(new Recorded(sim.now(), message));
        if (message instanceof DeviceToHost.DmaReadRequest r) {
            bus.sendToDevice(new HostToDevice.DmaReadCompletion(r.requestId(), sim.now(), r.hostAddr(),
                    read(r.hostAddr(), r.lenBytes())));
        } else if (message instanceof DeviceToHost.DmaWrite w) {
            write(w.hostAddr(), w.data());
        }
    }

    private DmaData read(long addr, int lenBytes) {
        RingImage ring = ringAt(addr);
        if (ring != null) {
            int entryBytes = ring.id.entryBytes();
            int first = (int) ((addr - ring.baseAddr) / entryBytes);
            int count = lenBytes / entryBytes;
            if ((addr - ring.baseAddr) % entryBytes != 0 || lenBytes % entryBytes != 0
                    || first + count > ring.slots.length) {
                throw new AssertionError("misaligned read of ring " + ring.id + ": " + lenBytes + " B at " + addr);
            }
            List<RingEntry> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                RingEntry e = ring.slots[first + i];
                if (e == null) {
                    throw new AssertionError("device read empty slot " + (first + i) + " of " + ring.id);
                }
                out.add(e);
            }
            return new DmaData.Entries(out, entryBytes);
        }
        Map.Entry<Long, DmaData> stored = data.floorEntry(addr);
        return stored == null ? new DmaData.Opaque(lenBytes)
                : DmaData.readOf(stored.getKey(), stored.getValue(), addr, lenBytes);
    }

    private void write(long addr, DmaData content) {
        RingImage ring = ringAt(addr);
        if (ring != null && content instanceof DmaData.Entries entries) {
            int first = (int) ((addr - ring.baseAddr) / ring.id.entryBytes());
            for (int i = 0; i < entries.entries().size(); i++) {
                ring.slots[first + i] = entries.entries().get(i);
            }
            return;
        }
        data.put(addr, content);
    }

    private RingImage ringAt(long addr) {
        Map.Entry<Long, RingImage> e = rings.floorEntry(addr);
        return e != null && addr < e.getValue().endAddr() ? e.getValue() : null;
    }
}
