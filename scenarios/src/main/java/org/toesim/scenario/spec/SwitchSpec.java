package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A store-and-forward switch; its ports are the links that name it. Output queues are the
 * links' queues.
 *
 * @param name      unique node name
 * @param latencyPs forwarding latency from frame fully received to transmit start (default 1us)
 */
public record SwitchSpec(String name, long latencyPs) {
    public SwitchSpec {
        Checks.name("name", name);
    }

    @JsonCreator
    static SwitchSpec of(@JsonProperty("name") String name,
                         @JsonProperty("latency") @JsonDeserialize(using = Quantities.Duration.class) Long latency) {
        return new SwitchSpec(name, Checks.or(latency, 1_000_000L));
    }
}
