package org.toesim.nic.plain;

import org.toesim.core.stats.Counter;
import org.toesim.core.stats.StatsRegistry;

/**
 * Counters of one queue pair (names {@code <nic>.q<i>.<counter>}). Bytes are frame bytes
 * without FCS, as Linux's per-queue ethtool statistics.
 */
public final class QueueStats {
    /** Frames (LRO aggregates count once) placed in receive buffers. */
    public final Counter rxFrames;
    public final Counter rxBytes;
    /** Frames dropped because no receive buffer was posted (rx_missed). */
    public final Counter rxMissed;
    /** Frames dropped because the next posted buffer was too small. */
    public final Counter rxLengthErrors;
    /** Segments merged into an existing LRO aggregate. */
    public final Counter lroMerged;
    /** LRO aggregates of two or more segments delivered. */
    public final Counter lroAggregates;
    /** Frames handed to the MAC. */
    public final Counter txFrames;
    public final Counter txBytes;
    /** Transmit descriptors completed. */
    public final Counter txDescriptors;
    /** Frames cut by TSO (from descriptors that needed cutting). */
    public final Counter tsoSegments;
    /** Transmit descriptors refused (not a frame, oversize without TSO, unsupported offload). */
    public final Counter txMalformed;

    QueueStats(String prefix) {
        rxFrames = new Counter(prefix + ".rxFrames");
        rxBytes = new Counter(prefix + ".rxBytes");
        rxMissed = new Counter(prefix + ".rxMissed");
        rxLengthErrors = new Counter(prefix + ".rxLengthErrors");
        lroMerged = new Counter(prefix + ".lroMerged");
        lroAggregates = new Counter(prefix + ".lroAggregates");
        txFrames = new Counter(prefix + ".txFrames");
        txBytes = new Counter(prefix + ".txBytes");
        txDescriptors = new Counter(prefix + ".txDescriptors");
        tsoSegments = new Counter(prefix + ".tsoSegments");
        txMalformed = new Counter(prefix + ".txMalformed");
    }

    Counter[] all() {
        return new Counter[] {rxFrames, rxBytes, rxMissed, rxLengthErrors, lroMerged, lroAggregates, txFrames, txBytes,
            txDescriptors, tsoSegments, txMalformed};
    }

    /** Registers every counter (a warm-up reset clears them). */
    public QueueStats registerIn(StatsRegistry registry) {
        for (Counter c : all()) {
            registry.register(c);
        }
        return this;
    }
}
