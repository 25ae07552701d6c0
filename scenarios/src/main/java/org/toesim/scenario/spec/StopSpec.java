package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;

/**
 * When a run stops. File form: {@code {"duration": "10ms"}} (a fixed duration) or
 * {@code {"until": "workloadsDone", "limit": "30s"}} (the default: when all workloads finish,
 * with a safety limit of simulated time). {@code maxEventsPerInstant} (default 10,000,000) fails
 * the run when more events than that run at one simulated instant: simulated time stands still,
 * the run could never end.
 *
 * @param until               the stop mode
 * @param durationPs          simulated duration for {@link StopMode#DURATION}; 0 otherwise
 * @param limitPs             safety limit for {@link StopMode#WORKLOADS_DONE}
 * @param maxEventsPerInstant livelock guard of the kernel ({@link Simulator#setMaxEventsPerInstant})
 */
public record StopSpec(StopMode until, long durationPs, long limitPs, long maxEventsPerInstant) {
    /** Default safety limit: 60 s of simulated time. */
    public static final long DEFAULT_LIMIT_PS = 60 * Units.PS_PER_S;
    /** Default livelock guard: the kernel's. */
    public static final long DEFAULT_MAX_EVENTS_PER_INSTANT = Simulator.DEFAULT_MAX_EVENTS_PER_INSTANT;
    /** Stop when all workloads are done, at most 60 s. */
    public static final StopSpec DEFAULT = new StopSpec(StopMode.WORKLOADS_DONE, 0, DEFAULT_LIMIT_PS);

    /** A stop with the default livelock guard. */
    public StopSpec(StopMode until, long durationPs, long limitPs) {
        this(until, durationPs, limitPs, DEFAULT_MAX_EVENTS_PER_INSTANT);
    }

    public StopSpec {
        if (until == null) {
            throw new FieldException("until", "missing", "one of " + NamedValues.names(StopMode.class));
        }
        if (until == StopMode.DURATION) {
            Checks.positive("duration", durationPs, "\"10ms\"");
        }
        Checks.positive("limit", limitPs, "\"60s\"");
        Checks.between("maxEventsPerInstant", maxEventsPerInstant, 1, Long.MAX_VALUE);
    }

    @JsonCreator
    static StopSpec of(@JsonProperty("until") StopMode until,
                       @JsonProperty("duration") @JsonDeserialize(using = Quantities.Duration.class) Long duration,
                       @JsonProperty("limit") @JsonDeserialize(using = Quantities.Duration.class) Long limit,
                       @JsonProperty("maxEventsPerInstant") Long maxEventsPerInstant) {
        StopMode mode = until != null ? until : duration != null ? StopMode.DURATION : StopMode.WORKLOADS_DONE;
        long d = Checks.or(duration, 0L);
        long lim = limit != null ? limit : mode == StopMode.DURATION ? Math.max(d, 1) : DEFAULT_LIMIT_PS;
        return new StopSpec(mode, d, lim, Checks.or(maxEventsPerInstant, DEFAULT_MAX_EVENTS_PER_INSTANT));
    }
}
