package org.toesim.nic.mac;

import org.toesim.core.stats.Counter;
import org.toesim.core.stats.StatsRegistry;
import org.toesim.core.stats.Tally;
import org.toesim.core.stats.TimeWeighted;

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
    /** Frames the AQM marked CE instead of dropping them (RFC 3168 §5). */
    public final Counter ecnMarks;
    /** Frames the AQM dropped early (RED, CoDel, step on Not-ECT), apart from {@link #txQueueDrops}. */
    public final Counter aqmDrops;
    /** Frames waiting in the transmit queue over time (the frame on the wire not counted). */
    public final TimeWeighted queuedFrames;
    /**
     * Sojourn of each transmitted frame in the queue, ps: from being handed to the port to being
     * taken for the wire (0 for a frame that found the line idle).
     */
    public final Tally sojournPs;

    MacStats(String name, long nowPs) {
        txFrames = new Counter(name + ".txFrames");
        txBytes = new Counter(name + ".txBytes");
        rxFrames = new Counter(name + ".rxFrames");
        rxBytes = new Counter(name + ".rxBytes");
        txQueueDrops = new Counter(name + ".txQueueDrops");
        txOversizeDrops = new Counter(name + ".txOversizeDrops");
        rxOversizeDrops = new Counter(name + ".rxOversizeDrops");
        rxFcsErrors = new Counter(name + ".rxFcsErrors");
        txWirePs = new Counter(name + ".txWirePs");
        ecnMarks = new Counter(name + ".ecnMarks");
        aqmDrops = new Counter(name + ".aqmDrops");
        queuedFrames = new TimeWeighted(name + ".queuedFrames", nowPs, 0);
        sojournPs = new Tally(name + ".sojournPs", false);
    }

    /** Registers every counter (so a warm-up reset clears them). */
    public MacStats registerIn(StatsRegistry registry) {
        for (Counter c : new Counter[] {txFrames, txBytes, rxFrames, rxBytes, txQueueDrops, txOversizeDrops,
                rxOversizeDrops, rxFcsErrors, txWirePs, ecnMarks, aqmDrops}) {
            registry.register(c);
        }
        registry.register(queuedFrames);
        registry.register(sojournPs);
        return this;
    }
}
