package org.toesim.scenario.figure;

import java.util.List;
import java.util.Objects;

/**
 * One axis of a {@link Figure}.
 *
 * @param label      what is measured, without the unit ("goodput"); the unit is appended from the quantity
 * @param quantity   the base unit of the data on this axis
 * @param log        logarithmic scale
 * @param categories names of the values of a categorical (or ordinal) axis: the data are the
 *                   positions 0, 1, 2, ... and tick i is labelled {@code categories[i]}; empty for
 *                   a numeric axis
 */
public record Axis(String label, Quantity quantity, boolean log, List<String> categories) {
    public Axis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(quantity, "quantity");
        categories = List.copyOf(categories);
        if (!categories.isEmpty() && log) {
            throw new IllegalArgumentException("axis '" + label + "': a categorical axis cannot be logarithmic");
        }
    }

    /** A numeric axis. */
    public Axis(String label, Quantity quantity, boolean log) {
        this(label, quantity, log, List.of());
    }

    /** A linear axis. */
    public static Axis linear(String label, Quantity quantity) {
        return new Axis(label, quantity, false);
    }

    /** A categorical axis: data at positions 0..n-1, ticks labelled with {@code names} (in that order). */
    public static Axis categorical(String label, List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("axis '" + label + "': a categorical axis needs at least one name");
        }
        return new Axis(label, Quantity.PLAIN, false, names);
    }

    /** Whether the ticks are names at positions 0, 1, ... rather than numbers. */
    public boolean categorical() {
        return !categories.isEmpty();
    }

    /** The simulated-time axis of every time-series figure. */
    public static Axis time() {
        return linear("simulated time", Quantity.TIME_PS);
    }
}
