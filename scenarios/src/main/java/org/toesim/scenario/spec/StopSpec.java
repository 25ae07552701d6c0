package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;

/**
 * When a run stops. File form: {@code {"duration": "10ms"}} (a fixed duration) or
 * {@code {"until": "workloadsDone", "limit": "30s", "stallTimeout": "10s"}} (the default: when all
 * workloads finish, with a safety limit of simulated time and a progress watchdog).
 *
 * <p>The watchdog ({@code workloadsDone} only) ends the run as {@code stalled} when no connection
 * delivered a byte or finished for {@code stallTimeout} of simulated time while some started
 * connection is unfinished. A connection whose retransmission or persist timer is pending with a
 * backed-off interval of at most {@code stallTimeout} is still trying, so the run goes on (at most
 * three stall timeouts); with the default RTO settings (1 s initial and minimum, doubling) a loss
 * episode or link outage shorter than the stall timeout never trips it. The timeout in effect is
 * never shorter than ten times the longest pause a workload makes on purpose (paced-stream chunk
 * period, think time, short-connection interval). {@code "0"} turns the watchdog off.
 *
 * <p>{@code maxEventsPerInstant} (default 10,000,000) fails the run when more events than that run
 * at one simulated instant: simulated time stands still, the run could never end.
 *
 * @param until               the stop mode
 * @param durationPs          simulated duration for {@link StopMode#DURATION}; 0 otherwise
 * @param limitPs             safety limit for {@link StopMode#WORKLOADS_DONE}
 * @param stallTimeoutPs      simulated time without progress after which a run is {@code stalled}; 0: off
 * @param maxEventsPerInstant livelock guard of the kernel ({@link Simulator#setMaxEventsPerInstant})
 */
public record StopSpec(StopMode until, long durationPs, long limitPs, long stallTimeoutPs,
                       long maxEventsPerInstant) {
    /** Default safety limit: 60 s of simulated time. */
    public static final long DEFAULT_LIMIT_PS = 60 * Units.PS_PER_S;
    /** Default stall timeout: 10 s of simulated time without progress. */
    public static final long DEFAULT_STALL_TIMEOUT_PS = 10 * Units.PS_PER_S;
    /** Default livelock guard: the kernel's. */
    public static final long DEFAULT_MAX_EVENTS_PER_INSTANT = Simulator.DEFAULT_MAX_EVENTS_PER_INSTANT;
    /** Stop when all workloads are done, at most 60 s, stalled after 10 s without progress. */
    public static final StopSpec DEFAULT = new StopSpec(StopMode.WORKLOADS_DONE, 0, DEFAULT_LIMIT_PS);

    /** A stop rule with the default stall timeout and livelock guard. */
    public StopSpec(StopMode until, long durationPs, long limitPs) {
        this(until, durationPs, limitPs, DEFAULT_STALL_TIMEOUT_PS, DEFAULT_MAX_EVENTS_PER_INSTANT);
    }

    public StopSpec {
        if (until == null) {
            throw new FieldException("until", "missing", "one of " + NamedValues.names(StopMode.class));
        }
        if (until == StopMode.DURATION) {
            Checks.positive("duration", durationPs, "\"10ms\"");
        }
        Checks.positive("limit", limitPs, "\"60s\"");
        Checks.atLeast("stallTimeout", stallTimeoutPs, 0);
        Checks.between("maxEventsPerInstant", maxEventsPerInstant, 1, Long.MAX_VALUE);
    }

    @JsonCreator
    static StopSpec of(@JsonProperty("until") StopMode until,
                       @JsonProperty("duration") @JsonDeserialize(using = Quantities.Duration.class) Long duration,
                       @JsonProperty("limit") @JsonDeserialize(using = Quantities.Duration.class) Long limit,
                       @JsonProperty("stallTimeout") @JsonDeserialize(using = Quantities.Duration.class) Long stall,
                       @JsonProperty("maxEventsPerInstant") Long maxEventsPerInstant) {
        StopMode mode = until != null ? until : duration != null ? StopMode.DURATION : StopMode.WORKLOADS_DONE;
        long d = Checks.or(duration, 0L);
        long lim = limit != null ? limit : mode == StopMode.DURATION ? Math.max(d, 1) : DEFAULT_LIMIT_PS;
        return new StopSpec(mode, d, lim, Checks.or(stall, DEFAULT_STALL_TIMEOUT_PS),
                Checks.or(maxEventsPerInstant, DEFAULT_MAX_EVENTS_PER_INSTANT));
    }
}
