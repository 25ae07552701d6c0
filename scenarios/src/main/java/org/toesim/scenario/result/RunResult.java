package org.toesim.scenario.result;

import java.util.List;
import java.util.Objects;

/**
 * What one run produced: the summary (including the trace digest), the sampled time series
 * (empty when the scenario turned sampling off), the raw latencies of the workloads that
 * measure them (request-response, short connections) and when connections moved between host
 * and card.
 */
public record RunResult(SummaryReport summary, TimeSeries timeSeries, List<LatencySamples> latencies,
                        List<HandoffEvent> handoffs) {
    public RunResult {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(timeSeries, "timeSeries");
        latencies = List.copyOf(latencies);
        handoffs = List.copyOf(handoffs);
    }

    /** A result without handoff events. */
    public RunResult(SummaryReport summary, TimeSeries timeSeries, List<LatencySamples> latencies) {
        this(summary, timeSeries, latencies, List.of());
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
