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

    /** The first violation found at {@code nowPs}, or null when the property holds. */
    InvariantViolation check(long nowPs);
}
