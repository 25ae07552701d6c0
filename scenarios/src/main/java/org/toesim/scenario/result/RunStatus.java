package org.toesim.scenario.result;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a run ended, written as {@code status} in {@code summary.json}. Only {@link #COMPLETED}
 * and {@link #DURATION_REACHED} are results; every other status means the figures describe a
 * partial run and the command line exits 1.
 * <pre>
 *   stop.until workloadsDone: every workload finished        --&gt; completed
 *                             stop.limit reached first        --&gt; limitReached
 *                             no progress for stallTimeout    --&gt; stalled
 *   stop.duration:            the duration elapsed            --&gt; durationReached
 *   any:                      the simulation failed (reason)  --&gt; failed
 * </pre>
 */
public enum RunStatus {
    /** Every workload finished before the safety limit. */
    COMPLETED("completed"),
    /** A fixed-duration run ran its duration (unfinished workloads are expected there). */
    DURATION_REACHED("durationReached"),
    /** The safety limit {@code stop.limit} was reached with workloads unfinished. */
    LIMIT_REACHED("limitReached"),
    /** No connection made progress for {@code stop.stallTimeout}: the run was ended early. */
    STALLED("stalled"),
    /** The simulation failed (an invariant, a livelock, a model error); the reason says which. */
    FAILED("failed");

    private final String jsonName;

    RunStatus(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in summary.json, runs.csv and messages. */
    @JsonValue
    public String jsonName() {
        return jsonName;
    }

    /** Whether the run's figures are results (completed, or a plain duration run). */
    public boolean valid() {
        return this == COMPLETED || this == DURATION_REACHED;
    }
}
