package org.toesim.core.units;

/** A quantity string could not be parsed; the message names the input and what was expected. */
public final class UnitException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public UnitException(String message) {
        super(message);
    }
}
