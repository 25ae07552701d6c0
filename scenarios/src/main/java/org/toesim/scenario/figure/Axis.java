package org.toesim.scenario.figure;

import java.util.Objects;

/**
 * One axis of a {@link Figure}.
 *
 * @param label    what is measured, without the unit ("goodput"); the unit is appended from the quantity
 * @param quantity the base unit of the data on this axis
 * @param log      logarithmic scale
 */
public record Axis(String label, Quantity quantity, boolean log) {
    public Axis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(quantity, "quantity");
    }

    /** A linear axis. */
    public static Axis linear(String label, Quantity quantity) {
        return new Axis(label, quantity, false);
    }

    /** The simulated-time axis of every time-series figure. */
    public static Axis time() {
        return linear("simulated time", Quantity.TIME_PS);
    }
}
