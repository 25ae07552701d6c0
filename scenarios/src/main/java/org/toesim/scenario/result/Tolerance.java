package org.toesim.scenario.result;

/**
 * How far a metric may move from its baseline: it passes when
 * {@code |actual - baseline| <= max(absolute, relative * |baseline|)}.
 */
public record Tolerance(double relative, double absolute) {
    /** 1% relative, nothing absolute. */
    public static final Tolerance DEFAULT = new Tolerance(0.01, 0);
    /** Exact match. */
    public static final Tolerance EXACT = new Tolerance(0, 0);

    public Tolerance {
        if (!(relative >= 0) || !(absolute >= 0)) {
            throw new IllegalArgumentException("tolerances must be >= 0, got relative " + relative
                    + ", absolute " + absolute);
        }
    }

    /** The largest allowed difference from {@code baseline}. */
    public double allowed(double baseline) {
        return Math.max(absolute, relative * Math.abs(baseline));
    }

    public boolean accepts(double baseline, double actual) {
        if (Double.isNaN(baseline) || Double.isNaN(actual)) {
            return Double.isNaN(baseline) && Double.isNaN(actual);
        }
        return Math.abs(actual - baseline) <= allowed(baseline);
    }
}
