package org.toesim.core.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The statistics of one run, in creation order, so they can all be reset at warm-up. */
public final class StatsRegistry {
    private final List<Resettable> all = new ArrayList<>();

    /** Registers and returns {@code stat}. */
    public <T extends Resettable> T register(T stat) {
        all.add(stat);
        return stat;
    }

    /** Resets every registered statistic at {@code nowPs} (the warm-up boundary). */
    public void resetAll(long nowPs) {
        for (Resettable r : all) {
            r.reset(nowPs);
        }
    }

    /** The registered statistics, in creation order. */
    public List<Resettable> all() {
        return Collections.unmodifiableList(all);
    }
}
