package org.toesim.core.stats;

/** A statistic that can discard what it observed before a warm-up boundary. */
public interface Resettable {
    /** Forgets all observations; time-based statistics restart at {@code nowPs}. */
    void reset(long nowPs);
}
