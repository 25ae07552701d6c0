package org.toesim.scenario.figure;

import java.util.Objects;

/**
 * One axis of a {@link Figure}.
 *
 * @param label    what is measured, without the unit ("goodput"); the unit is appended from the quantity
 * @param quantity the base unit of the data on this axis
 * @param log      logarithmic scale
 * @param integers ticks at whole numbers only (core indices, counts)
 */
public record Axis(String label, Quantity quantity, boolean log, boolean integers) {
    public Axis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(quantity, "quantity");
    }

    /** An axis with ticks wherever they fall. */
    public Axis(String label, Quantity quantity, boolean log) {
        this(label, quantity, log, false);
    }

    /** A linear axis of whole numbers (core indices). */
    public static Axis integers(String label) {
        return new Axis(label, Quantity.PLAIN, false, true);
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
