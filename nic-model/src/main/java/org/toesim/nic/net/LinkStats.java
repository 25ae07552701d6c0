package org.toesim.nic.net;

import org.toesim.core.stats.Counter;
import org.toesim.core.stats.StatsRegistry;

/** Counters of one link direction. */
public final class LinkStats {
    /** Frames handed to the link. */
    public final Counter framesIn;
    /** Frames handed to the far end (duplicates included). */
    public final Counter framesDelivered;
    /** Frames the impairments applied to (all that entered an up link, or the data frames only). */
    public final Counter framesImpairable;
    /** Frames lost to Bernoulli or Gilbert-Elliott loss. */
    public final Counter lossDrops;
    /** Frames lost because the link was down when they entered or would have arrived. */
    public final Counter downDrops;
    /** Frames marked corrupted (the receiver drops them). */
    public final Counter corrupted;
    /** Extra copies delivered. */
    public final Counter duplicated;
    /** Frames held back by the reorder delay. */
    public final Counter reordered;

    LinkStats(String name) {
        framesIn = new Counter(name + ".framesIn");
        framesDelivered = new Counter(name + ".framesDelivered");
        framesImpairable = new Counter(name + ".framesImpairable");
        lossDrops = new Counter(name + ".lossDrops");
        downDrops = new Counter(name + ".downDrops");
        corrupted = new Counter(name + ".corrupted");
        duplicated = new Counter(name + ".duplicated");
        reordered = new Counter(name + ".reordered");
    }

    /** Registers every counter (so a warm-up reset clears them). */
    public LinkStats registerIn(StatsRegistry registry) {
        for (Counter c : new Counter[] {framesIn, framesImpairable, framesDelivered, lossDrops, downDrops, corrupted, duplicated,
                reordered}) {
            registry.register(c);
        }
        return this;
    }
}
