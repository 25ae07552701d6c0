package org.toesim.core.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Observations of a quantity that has no duration (a latency, an RTT sample): count, mean and
 * variance (Welford's algorithm, numerically stable), min, max, and exact percentiles over the
 * kept samples (same estimator as Commons Math's {@link Percentile} default).
 */
public final class Tally implements Resettable {
    /** A tally at report time; NaN where there were no observations. */
    public record Report(String name, long count, double mean, double variance, double stdDev,
                         double min, double max, double p50, double p90, double p99) {
    }

    private final String name;
    private final boolean keepSamples;
    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double[] samples = new double[0];

    /** A tally that keeps its samples, so percentiles are exact. */
    public Tally(String name) {
        this(name, true);
    }

    /** A tally; without samples, percentiles report NaN but memory stays constant. */
    public Tally(String name, boolean keepSamples) {
        this.name = name;
        this.keepSamples = keepSamples;
    }

    public void add(double x) {
        count++;
        double delta = x - mean;
        mean += delta / count;
        m2 += delta * (x - mean);
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
        if (keepSamples) {
            if (count > samples.length) {
                samples = Arrays.copyOf(samples, Math.max(16, samples.length * 2));
            }
            samples[(int) count - 1] = x;
        }
    }

    public long count() {
        return count;
    }

    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Unbiased sample variance (n - 1 denominator), as Commons Math reports it. */
    public double variance() {
        return count == 0 ? Double.NaN : count == 1 ? 0.0 : m2 / (count - 1);
    }

    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    public double max() {
        return count == 0 ? Double.NaN : max;
    }

    /** The {@code p}-th percentile, {@code 0 < p <= 100}; NaN without samples. */
    public double percentile(double p) {
        if (!keepSamples || count == 0) {
            return Double.NaN;
        }
        return new Percentile().evaluate(samples, 0, (int) count, p);
    }

    /**
     * A copy of the kept samples in the order they were added (empty when samples are not kept):
     * for distributions (CDF, histogram) and per-sample output.
     */
    public double[] samples() {
        return keepSamples ? Arrays.copyOf(samples, (int) count) : new double[0];
    }

    @Override
    public void reset(long nowPs) {
        count = 0;
        mean = 0;
        m2 = 0;
        min = Double.POSITIVE_INFINITY;
        max = Double.NEGATIVE_INFINITY;
        samples = new double[0];
    }

    public Report report() {
        double var = variance();
        return new Report(name, count, mean(), var, Math.sqrt(var), min(), max(),
                percentile(50), percentile(90), percentile(99));
    }
}
