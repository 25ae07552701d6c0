package org.toesim.scenario.result;

import java.util.Objects;

/**
 * Every latency of one connection row, in completion order: the data behind its
 * {@link LatencyReport}, {@code latency.csv} and the latency CDF and histogram.
 *
 * @param connection connection row or workload id
 * @param kind       {@code request} or {@code connection} (see {@link LatencyReport})
 * @param valuesPs   latencies in picoseconds, in the order they completed; not copied (the
 *                   producer hands the array over)
 */
public record LatencySamples(String connection, String kind, double[] valuesPs) {
    public LatencySamples {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(valuesPs, "valuesPs");
    }
}
