package org.toesim.scenario.result;

import java.util.Objects;
import org.toesim.core.event.TrajectoryCheckpoints;
import org.toesim.core.event.TrajectoryDivergence;

/**
 * What one run produced: the summary (including the trace digest) and the sampled time series
 * (empty when the scenario turned sampling off).
 *
 * @param checkpoints the trajectory's checkpoints when the run was asked to record them
 *                    ({@link org.toesim.scenario.run.TrajectoryRequest.Record}), else null
 * @param divergence  where the trajectory leaves a baseline's, when the run was asked to compare
 *                    ({@link org.toesim.scenario.run.TrajectoryRequest.Compare}) and its digest
 *                    differs; else null
 */
public record RunResult(SummaryReport summary, TimeSeries timeSeries, TrajectoryCheckpoints checkpoints,
                        TrajectoryDivergence divergence) {
    public RunResult {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(timeSeries, "timeSeries");
    }

    /** A result without trajectory checkpoints. */
    public RunResult(SummaryReport summary, TimeSeries timeSeries) {
        this(summary, timeSeries, null, null);
    }

    /** The trajectory digest of the run. */
    public String traceDigest() {
        return summary.traceDigest();
    }
}
