package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Reordering: each frame is held back by {@code delayPs} with {@code probability}.
 *
 * @param probability chance per frame, in [0, 1] (default 0)
 * @param delayPs     extra delay of a reordered frame (default 10us)
 */
public record ReorderSpec(double probability, long delayPs) {
    /** No reordering. */
    public static final ReorderSpec OFF = new ReorderSpec(0, 10_000_000L);

    public ReorderSpec {
        Checks.probability("probability", probability);
    }

    @JsonCreator
    static ReorderSpec of(@JsonProperty("probability") Double probability,
                          @JsonProperty("delay") @JsonDeserialize(using = Quantities.Duration.class) Long delay) {
        return new ReorderSpec(Checks.or(probability, 0.0), Checks.or(delay, OFF.delayPs));
    }
}
