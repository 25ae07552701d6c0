package org.toesim.core.check;

/**
 * One property of a running model that must hold after every event (a strategy the
 * {@link InvariantChecker} calls). Implementations only read state: a check never changes the
 * model, schedules events or draws random numbers, so a checked run follows the same trajectory
 * as an unchecked one.
 */
public interface Invariant {
    /** Short name of the property, e.g. {@code byteConservation}; it names the violation. */
    String name();

    /**
     * The first violation found at {@code nowPs}, or null when the property holds. A property over
     * many subjects (every open connection) may check a bounded part of them per call, in turn,
     * so the check after each event stays O(1); {@link #checkFully} covers them all.
     */
    InvariantViolation check(long nowPs);

    /** As {@link #check}, over every subject at once (the end of a run). */
    default InvariantViolation checkFully(long nowPs) {
        return check(nowPs);
    }
}
