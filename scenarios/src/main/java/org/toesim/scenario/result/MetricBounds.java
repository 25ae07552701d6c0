package org.toesim.scenario.result;

import org.toesim.scenario.figure.Quantity;

/**
 * The physical range of a headline metric: every one is at least 0 (counts, rates, sizes,
 * times, cycles per byte, utilisations); utilisations and fractions ({@link Quantity#FRACTION}:
 * names ending {@code Utilization} or {@code Fraction}) and the 0/1 {@code offloaded} flag are
 * at most 1. A confidence interval reaching past a bound is drawn clipped at it, and said so.
 *
 * @param lower smallest possible value
 * @param upper largest possible value ({@code +Infinity} when unbounded)
 */
public record MetricBounds(double lower, double upper) {
    /** The bounds of {@code metric}, by its name. */
    public static MetricBounds of(String metric) {
        boolean fraction = Quantity.ofMetric(metric) == Quantity.FRACTION || metric.endsWith(".offloaded")
                || metric.equals("offloaded");
        return new MetricBounds(0, fraction ? 1 : Double.POSITIVE_INFINITY);
    }

    /** {@code v} moved inside the bounds (NaN stays NaN). */
    public double clip(double v) {
        return Double.isNaN(v) ? v : Math.max(lower, Math.min(upper, v));
    }
}
