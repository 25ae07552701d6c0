package org.toesim.nic.plain;

import org.toesim.core.event.Simulator;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingId;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.irq.InterruptModerator;
import org.toesim.nic.ring.FetchRing;
import org.toesim.nic.ring.WriteBackRing;

/**
 * The rings of one queue pair and their registers: RECEIVE and SEND (fetched), COMPLETION
 * (written back, raising the vector programmed in its VECTOR register) and, on queue 0 only,
 * COMMAND (capability query).
 *
 * <pre>
 *   MmioWrite(ring[q] BASE | SIZE | TAIL | HEAD | VECTOR) --&gt; onRingWrite(ring, field, value)
 * </pre>
 */
final class QueuePair {
    /** Resolves a vector to its moderator. */
    interface Vectors {
        InterruptModerator moderator(int vector);
    }

    final int index;
    /** Names this queue's rings in invariant messages. */
    final String owner;
    final FetchRing rx;
    final FetchRing tx;
    final FetchRing command;
    final WriteBackRing completion;
    final QueueStats stats;
    private final long[] ringBase = new long[RingId.values().length];
    private final Vectors vectors;

    QueuePair(Simulator sim, int index, DmaEngine dma, PlainNicConfig config, FetchRing.Listener listener,
            Vectors vectors, QueueStats stats, String owner) {
        this.index = index;
        this.owner = owner + ".q" + index;
        this.vectors = vectors;
        this.stats = stats;
        int batch = config.fetchBatch();
        int cache = config.fetchCacheEntries();
        this.rx = new FetchRing(RingId.RECEIVE, dma, batch, cache, listener);
        this.tx = new FetchRing(RingId.SEND, dma, batch, cache, listener);
        this.command = index == 0 ? new FetchRing(RingId.COMMAND, dma, batch, cache, listener) : null;
        this.completion = new WriteBackRing(sim, RingId.COMPLETION, dma, vectors.moderator(index),
                owner + ".q" + index + ".completion");
    }

    /** Applies a write to a register of one of this queue's rings; false if it names none. */
    boolean onRingWrite(RingId ring, long field, long value) {
        FetchRing fetched = fetchRing(ring);
        if (field == Registers.RING_BASE && (fetched != null || ring == RingId.COMPLETION)) {
            ringBase[ring.ordinal()] = value;
        } else if (field == Registers.RING_SIZE && fetched != null) {
            fetched.configure(ringBase[ring.ordinal()], (int) value);
        } else if (field == Registers.RING_SIZE && ring == RingId.COMPLETION) {
            completion.configure(ringBase[ring.ordinal()], (int) value);
        } else if (field == Registers.RING_TAIL && fetched != null) {
            fetched.onTailDoorbell((int) value);
        } else if (field == Registers.RING_HEAD && ring == RingId.COMPLETION) {
            completion.onHeadDoorbell((int) value);
        } else if (field == Registers.RING_VECTOR && ring == RingId.COMPLETION) {
            completion.attachInterrupt(vectors.moderator((int) value));
        } else {
            return false;
        }
        return true;
    }

    /** Value of a ring index register for an MMIO read; 0 for others. */
    long readRing(RingId ring, long field) {
        FetchRing fetched = fetchRing(ring);
        if (fetched != null) {
            return field == Registers.RING_HEAD ? fetched.head() : field == Registers.RING_TAIL ? fetched.tail() : 0;
        }
        if (ring == RingId.COMPLETION) {
            return field == Registers.RING_HEAD ? completion.head()
                    : field == Registers.RING_TAIL ? completion.tail() : 0;
        }
        return 0;
    }

    /** Whether descriptors are posted on {@code ring} beyond those already taken (fetched or being fetched). */
    static boolean hasPostedBeyondTaken(FetchRing ring) {
        return ring.tail() != ring.nextIndex();
    }

    private FetchRing fetchRing(RingId ring) {
        return switch (ring) {
            case RECEIVE -> rx;
            case SEND -> tx;
            case COMMAND -> command;
            default -> null;
        };
    }
}
