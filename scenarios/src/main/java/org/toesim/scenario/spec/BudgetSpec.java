package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * How much a run may cost, checked up front by {@link Budget} against an estimate of the
 * scenario. File form: {@code "budget": {"maxEvents": 5000000000, "maxMemory": "2GiB"}}; 0
 * switches a limit off, e.g. {@code --set budget.maxEvents=0}.
 *
 * @param maxEvents      most simulation events the run may need (default 5e9, ~15 min of wall
 *                       time at ~5 M events/s); 0 for no limit
 * @param maxMemoryBytes most heap the model's state and time series may need (default 2 GiB);
 *                       0 for no limit
 */
public record BudgetSpec(long maxEvents, long maxMemoryBytes) {
    /** Default event budget. */
    public static final long DEFAULT_MAX_EVENTS = 5_000_000_000L;
    /** Default memory budget, 2 GiB. */
    public static final long DEFAULT_MAX_MEMORY_BYTES = 2L << 30;
    /** The default limits. */
    public static final BudgetSpec DEFAULT = new BudgetSpec(DEFAULT_MAX_EVENTS, DEFAULT_MAX_MEMORY_BYTES);

    public BudgetSpec {
        Checks.atLeast("maxEvents", maxEvents, 0);
        Checks.atLeast("maxMemory", maxMemoryBytes, 0);
    }

    @JsonCreator
    static BudgetSpec of(@JsonProperty("maxEvents") Long maxEvents,
                         @JsonProperty("maxMemory") @JsonDeserialize(using = Quantities.Size.class) Long maxMemory) {
        return new BudgetSpec(Checks.or(maxEvents, DEFAULT_MAX_EVENTS), Checks.or(maxMemory, DEFAULT_MAX_MEMORY_BYTES));
    }
}
