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
 * @param mtuBytes  largest IP packet every port forwards (default 1500, as a host NIC; up to
 *                  9216 for jumbo frames): a larger frame is dropped where it enters the switch
 */
public record SwitchSpec(String name, long latencyPs, int mtuBytes) {
    public SwitchSpec {
        Checks.name("name", name);
        Checks.between("mtu", mtuBytes, NicSpec.MIN_MTU_BYTES, NicSpec.MAX_MTU_BYTES);
    }

    @JsonCreator
    static SwitchSpec of(@JsonProperty("name") String name,
                         @JsonProperty("latency") @JsonDeserialize(using = Quantities.Duration.class) Long latency,
                         @JsonProperty("mtu") Integer mtu) {
        return new SwitchSpec(name, Checks.or(latency, 1_000_000L), Checks.or(mtu, NicSpec.DEFAULT_MTU_BYTES));
    }
}
