package org.toesim.scenario.result;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean and Student-t confidence interval of independent replications:
 * {@code mean +- t(1 - (1 - level)/2, n - 1) * s / sqrt(n)}, with {@code s} the sample
 * standard deviation. With one observation the half-width is NaN (no spread to estimate).
 *
 * @param n         observations
 * @param mean      sample mean
 * @param stdDev    sample standard deviation (n - 1 denominator)
 * @param halfWidth half-width of the interval
 * @param level     confidence level, e.g. 0.95
 */
public record ConfidenceInterval(int n, double mean, double stdDev, double halfWidth, double level) {

    public double lower() {
        return mean - halfWidth;
    }

    public double upper() {
        return mean + halfWidth;
    }

    /** The interval of {@code xs} at {@code level} (0 &lt; level &lt; 1). */
    public static ConfidenceInterval of(double[] xs, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), got " + level);
        }
        int n = xs.length;
        if (n == 0) {
            return new ConfidenceInterval(0, Double.NaN, Double.NaN, Double.NaN, level);
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += (xs[i] - mean) / (i + 1);
        }
        if (n == 1) {
            return new ConfidenceInterval(1, mean, Double.NaN, Double.NaN, level);
        }
        double ss = 0;
        for (double x : xs) {
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        return new ConfidenceInterval(n, mean, sd, t * sd / Math.sqrt(n), level);
    }
}
