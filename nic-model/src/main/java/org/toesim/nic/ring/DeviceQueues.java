package org.toesim.nic.ring;

import java.util.EnumMap;
import java.util.Objects;
import org.toesim.core.event.Simulator;
import org.toesim.nic.device.DeviceBus;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingId;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.irq.InterruptModerator;
import org.toesim.nic.irq.InterruptVectors;

/**
 * One adapter queue set: the five rings of {@link RingId} and the interrupt moderators, driven
 * by the register writes of {@link Registers}. A device model forwards its MMIO traffic here
 * and works with the rings.
 *
 * <pre>
 *   MmioWrite(ring BASE)   --&gt; remembered
 *   MmioWrite(ring VECTOR) --&gt; write-back ring raises that vector
 *   MmioWrite(ring SIZE)   --&gt; ring configured (base, size); indices reset
 *   MmioWrite(ring TAIL)   --&gt; FetchRing.onTailDoorbell   (host-produced rings)
 *   MmioWrite(ring HEAD)   --&gt; WriteBackRing.onHeadDoorbell (device-produced rings)
 *   MmioWrite(IRQ USECS/FRAMES) --&gt; InterruptModerator.configure
 * </pre>
 */
public final class DeviceQueues {
    private final String owner;
    private final EnumMap<RingId, FetchRing> fetchRings = new EnumMap<>(RingId.class);
    private final EnumMap<RingId, WriteBackRing> writeBackRings = new EnumMap<>(RingId.class);
    private final long[] ringBase = new long[RingId.values().length];
    private final InterruptVectors vectors;

    /** Rings fetched in batches of {@code maxBatch}, {@code listener} told of fetched descriptors. */
    public DeviceQueues(Simulator sim, DmaEngine dma, DeviceBus bus, String owner, int maxBatch, int cacheEntries,
            FetchRing.Listener listener) {
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(bus, "bus");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.vectors = new InterruptVectors(sim, bus, owner, 0, 0);
        for (RingId id : RingId.values()) {
            if (id.producer() == RingId.Producer.HOST) {
                fetchRings.put(id, new FetchRing(id, dma, maxBatch, cacheEntries, listener));
            } else {
                writeBackRings.put(id, new WriteBackRing(sim, id, dma, null, owner + "." + id));
            }
        }
    }

    /** The host-produced ring {@code id}. */
    public FetchRing fetchRing(RingId id) {
        FetchRing r = fetchRings.get(id);
        if (r == null) {
            throw new IllegalArgumentException(id + " is not host-produced");
        }
        return r;
    }

    /** The device-produced ring {@code id}. */
    public WriteBackRing writeBackRing(RingId id) {
        WriteBackRing r = writeBackRings.get(id);
        if (r == null) {
            throw new IllegalArgumentException(id + " is not device-produced");
        }
        return r;
    }

    /** The moderator of MSI-X {@code vector} (created on first use, one interrupt per event). */
    public InterruptModerator moderator(int vector) {
        return vectors.moderator(vector);
    }

    /** Applies a register write; returns false if the offset is not a queue or interrupt register. */
    public boolean onMmioWrite(HostToDevice.MmioWrite w) {
        if (w.bar() != Registers.BAR) {
            return false;
        }
        long off = w.offset();
        if (InterruptVectors.isInterruptRegister(off)) {
            return vectors.onRegisterWrite(off, w.value());
        }
        RingId ring = Registers.ringAt(off);
        return ring != null && onRingWrite(ring, Registers.ringField(off), w.value());
    }

    private boolean onRingWrite(RingId ring, long field, long value) {
        boolean hostProduced = ring.producer() == RingId.Producer.HOST;
        if (field == Registers.RING_BASE) {
            ringBase[ring.ordinal()] = value;
        } else if (field == Registers.RING_SIZE) {
            if (hostProduced) {
                fetchRing(ring).configure(ringBase[ring.ordinal()], (int) value);
            } else {
                writeBackRing(ring).configure(ringBase[ring.ordinal()], (int) value);
            }
        } else if (field == Registers.RING_TAIL && hostProduced) {
            fetchRing(ring).onTailDoorbell((int) value);
        } else if (field == Registers.RING_HEAD && !hostProduced) {
            writeBackRing(ring).onHeadDoorbell((int) value);
        } else if (field == Registers.RING_VECTOR && !hostProduced) {
            writeBackRing(ring).attachInterrupt(moderator((int) value));
        } else {
            return false;
        }
        return true;
    }

    /** Value of a queue register for an MMIO read (ring indices); 0 for other offsets. */
    public long readRegister(long offset) {
        RingId ring = Registers.ringAt(offset);
        if (ring == null) {
            return 0;
        }
        long field = Registers.ringField(offset);
        if (ring.producer() == RingId.Producer.HOST) {
            FetchRing r = fetchRing(ring);
            return field == Registers.RING_HEAD ? r.head() : field == Registers.RING_TAIL ? r.tail() : 0;
        }
        WriteBackRing r = writeBackRing(ring);
        return field == Registers.RING_HEAD ? r.head() : field == Registers.RING_TAIL ? r.tail() : 0;
    }

    /** Every ring's indices now (fetch rings, then write-back rings, in ring order), for bounds checks. */
    public java.util.List<RingIndices> ringIndices() {
        java.util.List<RingIndices> out = new java.util.ArrayList<>(fetchRings.size() + writeBackRings.size());
        for (FetchRing r : fetchRings.values()) {
            out.add(r.indices(owner));
        }
        for (WriteBackRing r : writeBackRings.values()) {
            out.add(r.indices(owner));
        }
        return out;
    }
}
