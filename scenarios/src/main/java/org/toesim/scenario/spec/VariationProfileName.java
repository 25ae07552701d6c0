package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * The run-to-run variation a scenario has: none (every seed without random loss gives the same
 * figures; for exact tests), or the jitter sources a testbed has, at the magnitudes of
 * {@link VariationSpec#TESTBED}. Each source can be set on its own with the fields of
 * {@code variation}.
 */
@JsonDeserialize(using = VariationProfileName.Deser.class)
public enum VariationProfileName implements NamedValue {
    /** No jitter source draws: bit-identical to a model without them. */
    OFF("off"),
    /** CPU cost, interrupt latency and start-time jitter at testbed magnitudes. */
    TESTBED("testbed");

    private final String fileName;

    VariationProfileName(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    static final class Deser extends NamedValues.Deserializer<VariationProfileName> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(VariationProfileName.class);
        }
    }
}
