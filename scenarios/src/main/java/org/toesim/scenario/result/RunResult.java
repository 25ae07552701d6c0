package org.toesim.scenario.result;

import java.util.List;
import java.util.Objects;
import org.toesim.core.event.TrajectoryCheckpoints;
import org.toesim.core.event.TrajectoryDivergence;

/**
 * What one run produced: the summary (including the trace digest), the sampled time series
 * (empty when the scenario turned sampling off), the raw latencies of the workloads that
 * measure them (request-response, short connections), when connections moved between host and
 * card, and the trajectory's checkpoints or divergence when asked for.
 *
 * @param latencies   every latency of each request-response connection and short-connection workload
 * @param handoffs    every install on a card and return to the host, in time order
 * @param checkpoints the trajectory's checkpoints when the run was asked to record them
 *                    ({@link org.toesim.scenario.run.TrajectoryRequest.Record}), else null
 * @param divergence  where the trajectory leaves a baseline's, when the run was asked to compare
 *                    ({@link org.toesim.scenario.run.TrajectoryRequest.Compare}) and its digest
 *                    differs; else null
 */
public record RunResult(SummaryReport summary, TimeSeries timeSeries, List<LatencySamples> latencies,
                        List<HandoffEvent> handoffs, TrajectoryCheckpoints checkpoints,
                        TrajectoryDivergence divergence) {
    public RunResult {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(timeSeries, "timeSeries");
        latencies = latencies == null ? List.of() : List.copyOf(latencies);
        handoffs = handoffs == null ? List.of() : List.copyOf(handoffs);
    }

    /** A result with only a summary and a time series. */
    public RunResult(SummaryReport summary, TimeSeries timeSeries) {
        this(summary, timeSeries, List.of(), List.of(), null, null);
    }

    /** A result with trajectory checkpoints or a divergence, without latencies or handoffs. */
    public RunResult(SummaryReport summary, TimeSeries timeSeries, TrajectoryCheckpoints checkpoints,
                     TrajectoryDivergence divergence) {
        this(summary, timeSeries, List.of(), List.of(), checkpoints, divergence);
    }

    /** This result with the run's latency samples and handoff events. */
    public RunResult with(List<LatencySamples> newLatencies, List<HandoffEvent> newHandoffs) {
        return new RunResult(summary, timeSeries, newLatencies, newHandoffs, checkpoints, divergence);
    }

    /** The trajectory digest of the run. */
    public String traceDigest() {
        return summary.traceDigest();
    }
}
