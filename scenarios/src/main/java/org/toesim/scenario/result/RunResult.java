package org.toesim.scenario.result;

import java.util.Objects;

/**
 * What one run produced: the summary (including the trace digest) and the sampled time series
 * (empty when the scenario turned sampling off).
 */
public record RunResult(SummaryReport summary, TimeSeries timeSeries) {
    public RunResult {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(timeSeries, "timeSeries");
    }

    /** The trajectory digest of the run. */
    public String traceDigest() {
        return summary.traceDigest();
    }
}
