package org.toesim.nic.plain;

import java.util.function.Function;
import org.toesim.core.stats.Counter;
import org.toesim.core.stats.StatsRegistry;

/**
 * Device-wide counters of a {@link PlainNic} and its per-queue {@link QueueStats}. Totals over
 * queues are summed on demand ({@link #total}).
 */
public final class PlainNicStats {
    /** Frames the MAC handed up (before any drop). */
    public final Counter rxFramesIn;
    /** Frames dropped for a failed FCS (a MAC normally drops these first). */
    public final Counter rxFcsDrops;
    private final QueueStats[] queues;

    PlainNicStats(String name, int queueCount) {
        rxFramesIn = new Counter(name + ".rxFramesIn");
        rxFcsDrops = new Counter(name + ".rxFcsDrops");
        queues = new QueueStats[queueCount];
        for (int q = 0; q < queueCount; q++) {
            queues[q] = new QueueStats(name + ".q" + q);
        }
    }

    /** Counters of queue pair {@code q}. */
    public QueueStats queue(int q) {
        return queues[q];
    }

    /** Number of queue pairs. */
    public int queueCount() {
        return queues.length;
    }

    /** Sum of one counter over all queues, e.g. {@code total(s -> s.rxMissed)}. */
    public long total(Function<QueueStats, Counter> counter) {
        long sum = 0;
        for (QueueStats q : queues) {
            sum += counter.apply(q).value();
        }
        return sum;
    }

    /** Registers every counter, device-wide and per queue. */
    public PlainNicStats registerIn(StatsRegistry registry) {
        registry.register(rxFramesIn);
        registry.register(rxFcsDrops);
        for (QueueStats q : queues) {
            q.registerIn(registry);
        }
        return this;
    }
}
