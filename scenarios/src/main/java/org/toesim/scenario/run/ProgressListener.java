package org.toesim.scenario.run;

/**
 * Told how far a run has got. The model calls it from the simulation thread every few
 * thousand events or so; implementations must be cheap and must not block.
 */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener NONE = (nowPs, endPs, events) -> { };

    /**
     * @param nowPs  simulated time reached
     * @param endPs  simulated time at which the run will stop at the latest
     * @param events events executed so far
     */
    void progress(long nowPs, long endPs, long events);
}
