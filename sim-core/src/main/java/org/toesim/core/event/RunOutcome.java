package org.toesim.core.event;

/** Why a call to {@link Simulator#run()} or {@link Simulator#runUntil(long)} returned. */
public enum RunOutcome {
    /** No pending events are left. */
    EMPTY,
    /** The time limit of {@code runUntil} was reached; later events stay pending. */
    TIME_LIMIT,
    /** {@link Simulator#stop()} was called by an event or a stop condition held. */
    STOPPED,
    /** A breakpoint matched; the matching event is the next to run. */
    BREAKPOINT
}
