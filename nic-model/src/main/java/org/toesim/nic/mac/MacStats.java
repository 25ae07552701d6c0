package org.toesim.nic.mac;

import org.toesim.core.stats.Counter;
import org.toesim.core.stats.StatsRegistry;

/**
 * Counters of one MAC port. Bytes are frame bytes without FCS and padding
 * ({@link org.toesim.nic.frame.Frame#lenBytes()}), as Linux reports them.
 */
public final class MacStats {
    public final Counter txFrames;
    public final Counter txBytes;
    public final Counter rxFrames;
    public final Counter rxBytes;
    /** Frames refused because the transmit queue was full. */
    public final Counter txQueueDrops;
    /** Frames refused for transmission because they exceed the MTU. */
    public final Counter txOversizeDrops;
    /** Received frames larger than the MTU, discarded. */
    public final Counter rxOversizeDrops;
    /** Received frames hit by bit errors, discarded (FCS check). */
    public final Counter rxFcsErrors;
    /**
     * Picoseconds the transmitter occupied the wire with sent frames, preamble, FCS, padding and
     * inter-frame gap included: its busy time, for the wire's utilisation.
     */
    public final Counter txWirePs;

    MacStats(String name) {
        txFrames = new Counter(name + ".txFrames");
        txBytes = new Counter(name + ".txBytes");
        rxFrames = new Counter(name + ".rxFrames");
        rxBytes = new Counter(name + ".rxBytes");
        txQueueDrops = new Counter(name + ".txQueueDrops");
        txOversizeDrops = new Counter(name + ".txOversizeDrops");
        rxOversizeDrops = new Counter(name + ".rxOversizeDrops");
        rxFcsErrors = new Counter(name + ".rxFcsErrors");
        txWirePs = new Counter(name + ".txWirePs");
    }

    /** Registers every counter (so a warm-up reset clears them). */
    public MacStats registerIn(StatsRegistry registry) {
        for (Counter c : new Counter[] {txFrames, txBytes, rxFrames, rxBytes, txQueueDrops, txOversizeDrops,
                rxOversizeDrops, rxFcsErrors, txWirePs}) {
            registry.register(c);
        }
        return this;
    }
}
