package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.toesim.core.units.Units;

/**
 * When a run stops. File form: {@code {"duration": "10ms"}} (a fixed duration) or
 * {@code {"until": "workloadsDone", "limit": "30s"}} (the default: when all workloads finish,
 * with a safety limit of simulated time).
 *
 * @param until      the stop mode
 * @param durationPs simulated duration for {@link StopMode#DURATION}; 0 otherwise
 * @param limitPs    safety limit for {@link StopMode#WORKLOADS_DONE}
 */
public record StopSpec(StopMode until, long durationPs, long limitPs) {
    /** Default safety limit: 60 s of simulated time. */
    public static final long DEFAULT_LIMIT_PS = 60 * Units.PS_PER_S;
    /** Stop when all workloads are done, at most 60 s. */
    public static final StopSpec DEFAULT = new StopSpec(StopMode.WORKLOADS_DONE, 0, DEFAULT_LIMIT_PS);

    public StopSpec {
        if (until == null) {
            throw new FieldException("until", "missing", "one of " + NamedValues.names(StopMode.class));
        }
        if (until == StopMode.DURATION) {
            Checks.positive("duration", durationPs, "\"10ms\"");
        }
        Checks.positive("limit", limitPs, "\"60s\"");
    }

    @JsonCreator
    static StopSpec of(@JsonProperty("until") StopMode until,
                       @JsonProperty("duration") @JsonDeserialize(using = Quantities.Duration.class) Long duration,
                       @JsonProperty("limit") @JsonDeserialize(using = Quantities.Duration.class) Long limit) {
        StopMode mode = until != null ? until : duration != null ? StopMode.DURATION : StopMode.WORKLOADS_DONE;
        long d = Checks.or(duration, 0L);
        long lim = limit != null ? limit : mode == StopMode.DURATION ? Math.max(d, 1) : DEFAULT_LIMIT_PS;
        return new StopSpec(mode, d, lim);
    }
}
