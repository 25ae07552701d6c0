package org.toesim.scenario.run;

import java.util.Objects;
import org.toesim.core.event.TrajectoryCheckpoints;

/**
 * What a run should do with its trajectory beyond the digest ({@link RunContext#trajectory()}):
 * record its checkpoints (for a new baseline) or compare itself with a baseline's and, if the
 * digests differ, locate the first block of events where they part.
 */
public sealed interface TrajectoryRequest {
    /** Record the run's own checkpoints into {@link org.toesim.scenario.result.RunResult#checkpoints()}. */
    record Record() implements TrajectoryRequest {
    }

    /**
     * Compare with a baseline's checkpoints; {@link org.toesim.scenario.result.RunResult#divergence()}
     * is set when the run's digest is not {@code expectedDigest}.
     */
    record Compare(TrajectoryCheckpoints expected, String expectedDigest) implements TrajectoryRequest {
        public Compare {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(expectedDigest, "expectedDigest");
        }
    }
}
