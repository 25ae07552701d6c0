package org.toesim.host.app;

import org.toesim.core.stats.Tally;

/**
 * Outcome of a request-response run.
 *
 * @param completed    requests whose full response arrived
 * @param latencyPs    request latency (send call to last response byte placed): count, mean, p50/p90/p99
 * @param finishedPs   when the last response arrived
 */
public record RequestResponseResult(long completed, Tally.Report latencyPs, long finishedPs) {
}
