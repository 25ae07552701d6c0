package org.toesim.scenario.result;

import java.util.List;
import java.util.Objects;

/**
 * What one run produced: the summary (including the trace digest), the sampled time series
 * (empty when the scenario turned sampling off) and the raw latencies of the workloads that
 * measure them (request-response, short connections).
 */
public record RunResult(SummaryReport summary, TimeSeries timeSeries, List<LatencySamples> latencies) {
    public RunResult {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(timeSeries, "timeSeries");
        latencies = List.copyOf(latencies);
    }

    /** A result without latency samples. */
    public RunResult(SummaryReport summary, TimeSeries timeSeries) {
        this(summary, timeSeries, List.of());
    }

    /** The trajectory digest of the run. */
    public String traceDigest() {
        return summary.traceDigest();
    }
}
