package org.toesim.host.driver;

import java.util.Objects;
import org.toesim.core.units.Units;
import org.toesim.nic.device.Registers;

/**
 * Shape of one NIC driver instance: its rings, buffers, poll budget, moderation and queue pairs.
 *
 * @param name                 prefix of memory regions and event owners, e.g. {@code "hostA.nic0"}
 * @param adapterId            seeds the adapter's {@code OffloadHandle} space
 * @param queueCore            core that takes the queue's interrupt and runs its NAPI poll
 * @param vector               MSI-X vector of the completion and event rings
 * @param commandRingSlots     COMMAND ring size (power of two)
 * @param sendRingSlots        SEND ring size (power of two); also the number of tx buffers minus one
 * @param receiveRingSlots     RECEIVE ring size (power of two)
 * @param completionRingSlots  COMPLETION ring size (power of two)
 * @param eventRingSlots       EVENT ring size (power of two)
 * @param rxBuffers            plain-NIC receive buffers kept posted (&lt; receiveRingSlots)
 * @param rxBufferBytes        length of one receive buffer (2048: a 1500-byte MTU frame)
 * @param txBufferBytes        length of one transmit buffer (default fits a 64 KiB TSO frame;
 *                             buffers are virtual memory, so size costs nothing)
 * @param napiBudget           completions one poll run processes at most (Linux: 64)
 * @param rxRefillBatch        receive buffers re-posted per tail doorbell (Linux igb: 16)
 * @param txWakeSlots          free send slots needed to wake a stopped transmit queue
 * @param moderationUsecs      interrupt moderation delay (ethtool rx-usecs), 0 = none
 * @param moderationFrames     interrupt moderation count (ethtool rx-max-frames), 0 = none
 * @param txChecksumOffload    ask the NIC to fill in checksums of sent frames
 * @param commandTimeoutPs     a command not completed within this is failed (capability query:
 *                             the adapter is recorded as not capable)
 * @param queues               queue pairs the driver runs (1..{@link Registers#MAX_QUEUES}, at
 *                             most what the adapter has): queue {@code q} has its own SEND,
 *                             RECEIVE and COMPLETION rings and buffers, raises MSI-X vector
 *                             {@code vector + q} and is polled on core
 *                             {@code (queueCore + q) mod cores}; COMMAND and EVENT rings are
 *                             queue 0's. Ring sizes and buffer counts are per queue.
 */
public record DriverConfig(String name, int adapterId, int queueCore, int vector, int commandRingSlots,
        int sendRingSlots, int receiveRingSlots, int completionRingSlots, int eventRingSlots, int rxBuffers,
        int rxBufferBytes, int txBufferBytes, int napiBudget, int rxRefillBatch, int txWakeSlots,
        long moderationUsecs, int moderationFrames, boolean txChecksumOffload, long commandTimeoutPs, int queues) {

    /** A single-queue config (the shape before multi-queue; {@code queues = 1}). */
    public DriverConfig(String name, int adapterId, int queueCore, int vector, int commandRingSlots,
            int sendRingSlots, int receiveRingSlots, int completionRingSlots, int eventRingSlots, int rxBuffers,
            int rxBufferBytes, int txBufferBytes, int napiBudget, int rxRefillBatch, int txWakeSlots,
            long moderationUsecs, int moderationFrames, boolean txChecksumOffload, long commandTimeoutPs) {
        this(name, adapterId, queueCore, vector, commandRingSlots, sendRingSlots, receiveRingSlots,
                completionRingSlots, eventRingSlots, rxBuffers, rxBufferBytes, txBufferBytes, napiBudget,
                rxRefillBatch, txWakeSlots, moderationUsecs, moderationFrames, txChecksumOffload, commandTimeoutPs, 1);
    }

    /** Transmit buffer default: a 64 KiB TSO frame plus headers. */
    public static final int DEFAULT_TX_BUFFER_BYTES = 65_536 + 1_024;

    public DriverConfig {
        if (queues < 1 || queues > Registers.MAX_QUEUES || vector + queues > Registers.MAX_VECTORS) {
            throw new IllegalArgumentException("queues " + queues + " outside [1, " + Registers.MAX_QUEUES
                    + "] or vectors " + vector + ".." + (vector + queues - 1) + " beyond the MSI-X table");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("driver name must not be blank");
        }
        Registers.irq(vector, 0);
        for (int slots : new int[] {commandRingSlots, sendRingSlots, receiveRingSlots, completionRingSlots,
                eventRingSlots}) {
            if (slots < 2 || Integer.bitCount(slots) != 1) {
                throw new IllegalArgumentException("ring sizes must be powers of two >= 2, got " + slots);
            }
        }
        if (rxBuffers < 1 || rxBuffers >= receiveRingSlots) {
            throw new IllegalArgumentException("need 1 <= rxBuffers (" + rxBuffers + ") < receiveRingSlots ("
                    + receiveRingSlots + ")");
        }
        if (rxBufferBytes < 64 || txBufferBytes < 64) {
            throw new IllegalArgumentException("buffers must be >= 64 bytes");
        }
        if (napiBudget < 1 || rxRefillBatch < 1 || txWakeSlots < 1 || txWakeSlots >= sendRingSlots) {
            throw new IllegalArgumentException("need napiBudget, rxRefillBatch >= 1 and 1 <= txWakeSlots < sendRingSlots");
        }
        if (moderationUsecs < 0 || moderationFrames < 0 || commandTimeoutPs <= 0) {
            throw new IllegalArgumentException("moderation must be >= 0 and the command timeout > 0");
        }
        if (completionRingSlots <= rxBuffers + sendRingSlots) {
            throw new IllegalArgumentException("completion ring (" + completionRingSlots
                    + ") must exceed rx buffers + send slots (" + (rxBuffers + sendRingSlots) + ")");
        }
    }

    /**
     * Defaults: queue on core 0, vector 0; rings COMMAND 64, SEND 256, RECEIVE 512, COMPLETION
     * 2048, EVENT 256; 255 receive buffers of 2048 B; NAPI budget 64; refill batch 16; wake at
     * 32 free send slots; moderation 8 us / 32 frames; tx checksum offload; command timeout
     * 100 ms: far above a busy card's answer time (a TerminateOffload behind a loaded card's
     * queues took up to 1.2 ms with 50 jumbo-frame connections at 100 Gbit/s; the 1 ms timeout
     * used before failed those flushes), far below real drivers' seconds (Chelsio cxgb4's
     * firmware mailbox waits up to 10 s), so a dead card is still noticed quickly.
     */
    public static DriverConfig defaults(String name) {
        return new DriverConfig(name, 0, 0, 0, 64, 256, 512, 2048, 256, 255, 2048, DEFAULT_TX_BUFFER_BYTES,
                64, 16, 32, 8, 32, true, 100 * Units.PS_PER_MS, 1);
    }

    /** This config with {@code n} queue pairs (see the {@code queues} component). */
    public DriverConfig withQueues(int n) {
        return new DriverConfig(name, adapterId, queueCore, vector, commandRingSlots, sendRingSlots, receiveRingSlots,
                completionRingSlots, eventRingSlots, rxBuffers, rxBufferBytes, txBufferBytes, napiBudget,
                rxRefillBatch, txWakeSlots, moderationUsecs, moderationFrames, txChecksumOffload, commandTimeoutPs, n);
    }

    /** MSI-X vector of queue {@code q}. */
    public int vector(int q) {
        return vector + Objects.checkIndex(q, queues);
    }

    /** Core that takes queue {@code q}'s interrupt and runs its NAPI poll, on a CPU of {@code cores} cores. */
    public int queueCore(int q, int cores) {
        return (queueCore + Objects.checkIndex(q, queues)) % cores;
    }

    public DriverConfig withQueueCore(int core) {
        return new DriverConfig(name, adapterId, core, vector, commandRingSlots, sendRingSlots, receiveRingSlots,
                completionRingSlots, eventRingSlots, rxBuffers, rxBufferBytes, txBufferBytes, napiBudget,
                rxRefillBatch, txWakeSlots, moderationUsecs, moderationFrames, txChecksumOffload, commandTimeoutPs, queues);
    }

    public DriverConfig withModeration(long usecs, int frames) {
        return new DriverConfig(name, adapterId, queueCore, vector, commandRingSlots, sendRingSlots, receiveRingSlots,
                completionRingSlots, eventRingSlots, rxBuffers, rxBufferBytes, txBufferBytes, napiBudget,
                rxRefillBatch, txWakeSlots, usecs, frames, txChecksumOffload, commandTimeoutPs, queues);
    }

    public DriverConfig withSendRing(int slots, int wakeSlots) {
        return new DriverConfig(name, adapterId, queueCore, vector, commandRingSlots, slots, receiveRingSlots,
                completionRingSlots, eventRingSlots, rxBuffers, rxBufferBytes, txBufferBytes, napiBudget,
                rxRefillBatch, wakeSlots, moderationUsecs, moderationFrames, txChecksumOffload, commandTimeoutPs, queues);
    }

    public DriverConfig withReceive(int ringSlots, int buffers, int bufferBytes) {
        return new DriverConfig(name, adapterId, queueCore, vector, commandRingSlots, sendRingSlots, ringSlots,
                completionRingSlots, eventRingSlots, buffers, bufferBytes, txBufferBytes, napiBudget,
                rxRefillBatch, txWakeSlots, moderationUsecs, moderationFrames, txChecksumOffload, commandTimeoutPs, queues);
    }

    public DriverConfig withAdapterId(int id) {
        return new DriverConfig(name, id, queueCore, vector, commandRingSlots, sendRingSlots, receiveRingSlots,
                completionRingSlots, eventRingSlots, rxBuffers, rxBufferBytes, txBufferBytes, napiBudget,
                rxRefillBatch, txWakeSlots, moderationUsecs, moderationFrames, txChecksumOffload, commandTimeoutPs, queues);
    }

    /** This config with transmit checksum offload requested ({@code on}) or not. */
    public DriverConfig withTxChecksumOffload(boolean on) {
        return new DriverConfig(name, adapterId, queueCore, vector, commandRingSlots, sendRingSlots, receiveRingSlots,
                completionRingSlots, eventRingSlots, rxBuffers, rxBufferBytes, txBufferBytes, napiBudget,
                rxRefillBatch, txWakeSlots, moderationUsecs, moderationFrames, on, commandTimeoutPs, queues);
    }

    public DriverConfig withCommandTimeoutPs(long timeoutPs) {
        return new DriverConfig(name, adapterId, queueCore, vector, commandRingSlots, sendRingSlots, receiveRingSlots,
                completionRingSlots, eventRingSlots, rxBuffers, rxBufferBytes, txBufferBytes, napiBudget,
                rxRefillBatch, txWakeSlots, moderationUsecs, moderationFrames, txChecksumOffload, timeoutPs, queues);
    }
}
