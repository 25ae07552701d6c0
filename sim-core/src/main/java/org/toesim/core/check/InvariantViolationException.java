package org.toesim.core.check;

/** Thrown out of the event loop when an {@link Invariant} fails: the run stops at that event. */
public final class InvariantViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient InvariantViolation violation;

    public InvariantViolationException(InvariantViolation violation) {
        super(violation.message());
        this.violation = violation;
    }

    /** What failed. */
    public InvariantViolation violation() {
        return violation;
    }
}
