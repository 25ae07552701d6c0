package org.toesim.scenario.figure;

import java.util.Objects;

/**
 * One line, set of points or bars of a {@link Figure}, in the base units of the axes. Points with
 * a non-finite x or y are left out (a run that ended earlier than another stops there).
 *
 * @param name  legend entry
 * @param x     x values
 * @param y     y values, same length
 * @param low   lower ends of the y intervals, or null (no interval bars); a NaN element: that
 *              point has no interval and is drawn without a bar ({@link Style#POINTS})
 * @param high  upper ends, or null (NaN as for {@code low})
 * @param style how it is drawn
 */
public record Series(String name, double[] x, double[] y, double[] low, double[] high, Style style) {
    /** How a series is drawn. */
    public enum Style {
        /** A line through the points. */
        LINE,
        /** A line with a marker at each point and its interval bar: measured values. */
        POINTS,
        /** A dashed line without markers: a model or reference curve. */
        DASHED,
        /** A staircase: an empirical CDF. */
        STEP,
        /** Bars from zero: a histogram (x is the bin's centre, bins of equal width). */
        BARS,
        /**
         * Bars stacked on the other STACKED_BARS series of the figure at the same x (every such
         * series must have the same x values): a breakdown, e.g. a core's time by cost category.
         */
        STACKED_BARS
    }

    public Series {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(style, "style");
        if (x.length != y.length || (low != null && low.length != y.length) || (high != null && high.length != y.length)) {
            throw new IllegalArgumentException("series '" + name + "': x, y and interval arrays differ in length");
        }
    }

    /** A series without intervals. */
    public static Series of(String name, double[] x, double[] y, Style style) {
        return new Series(name, x, y, null, null, style);
    }
}
