package org.toesim.host.app;

import org.toesim.core.stats.Tally;

/**
 * Outcome of a short-connections run.
 *
 * @param started        connections started
 * @param completed      connections whose response fully arrived
 * @param failed         connections reset or refused
 * @param completionPs   connect call to last response byte: count, mean, p50/p90/p99
 * @param firstStartPs   first connect call
 * @param lastCompletePs last completion
 */
public record ShortConnectionsResult(long started, long completed, long failed, Tally.Report completionPs,
                                     long firstStartPs, long lastCompletePs) {
    /** Completed connections per second over the run. */
    public double connectionsPerSec() {
        long span = lastCompletePs - firstStartPs;
        return span <= 0 ? 0 : completed * 1e12 / span;
    }
}
