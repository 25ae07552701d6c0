package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/** When a run ends. */
@JsonDeserialize(using = StopMode.Deser.class)
public enum StopMode implements NamedValue {
    /** After a fixed simulated duration. */
    DURATION("duration"),
    /** When every workload has finished, or at the safety limit, whichever is first. */
    WORKLOADS_DONE("workloadsDone");

    private final String fileName;

    StopMode(String fileName) {
        this.fileName = fileName;
    }

    @Override
    public String fileName() {
        return fileName;
    }

    static final class Deser extends NamedValues.Deserializer<StopMode> {
        private static final long serialVersionUID = 1L;

        Deser() {
            super(StopMode.class);
        }
    }
}
