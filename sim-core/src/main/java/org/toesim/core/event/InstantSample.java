package org.toesim.core.event;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts the events of one over-crowded instant by owner and kind, once the
 * {@link Simulator}'s per-instant limit is passed, to name the one that dominates. Only built
 * on the way to a {@link SimulationLivelockException}, never on a healthy run.
 */
final class InstantSample {
    private final long timePs;
    private final long sizeEvents;
    /** Insertion order: the first of equally frequent keys wins, so the report is deterministic. */
    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, Event> examples = new LinkedHashMap<>();
    private long sampled;

    InstantSample(long timePs, long sizeEvents) {
        this.timePs = timePs;
        this.sizeEvents = sizeEvents;
    }

    long timePs() {
        return timePs;
    }

    /** Counts {@code e}; returns true when the sample is complete. */
    boolean add(Event e) {
        String key = e.owner() + '\u0000' + e.kind();
        long[] n = counts.get(key);
        if (n == null) {
            n = new long[1];
            counts.put(key, n);
            examples.put(key, e);
        }
        n[0]++;
        return ++sampled >= sizeEvents;
    }

    /** The failure to report, {@code eventsAtInstant} events having run at {@link #timePs()}. */
    SimulationLivelockException failure(long eventsAtInstant) {
        String best = null;
        long bestCount = -1;
        for (Map.Entry<String, long[]> en : counts.entrySet()) {
            if (en.getValue()[0] > bestCount) {
                best = en.getKey();
                bestCount = en.getValue()[0];
            }
        }
        Event e = examples.get(best);
        return new SimulationLivelockException(timePs, eventsAtInstant, e.owner(), e.kind(), sampled, bestCount);
    }
}
