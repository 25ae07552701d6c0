package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.toesim.scenario.figure.Axis;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.Quantity;
import org.toesim.scenario.figure.Series;

/**
 * The latency figures of a run: one CDF with a staircase per connection row (every sample, exact),
 * and one histogram per row over [min, p99] in {@value #BINS} equal bins (the slowest 1 % would
 * squeeze the rest into one bin; the title says how many are beyond the range and how far).
 */
public final class LatencyFigures {
    static final int BINS = 40;

    private LatencyFigures() {
    }

    /** The CDF figure (none without samples), then one histogram per row with samples. */
    public static List<Figure> of(List<LatencySamples> rows) {
        List<Figure> out = new ArrayList<>();
        List<Series> cdf = new ArrayList<>();
        for (LatencySamples r : rows) {
            double[] v = r.valuesPs().clone();
            if (v.length == 0) {
                continue;
            }
            Arrays.sort(v);
            double[] y = new double[v.length];
            for (int i = 0; i < v.length; i++) {
                y[i] = (i + 1) / (double) v.length;
            }
            cdf.add(Series.of(r.connection() + " (" + v.length + " " + r.kind() + "s)", v, y, Series.Style.STEP));
        }
        if (cdf.isEmpty()) {
            return out;
        }
        out.add(new Figure("plot-latency-cdf", "latency distribution (CDF)", Axis.linear("latency", Quantity.TIME_PS),
                Axis.linear("fraction at or below", Quantity.FRACTION), cdf));
        for (LatencySamples r : rows) {
            if (r.valuesPs().length > 0) {
                out.add(histogram(r));
            }
        }
        return out;
    }

    private static Figure histogram(LatencySamples r) {
        double[] v = r.valuesPs().clone();
        Arrays.sort(v);
        Percentile p = new Percentile();
        p.setData(v);
        double lo = v[0];
        double hi = p.evaluate(99);
        double width = hi > lo ? (hi - lo) / BINS : 1;
        double[] centres = new double[BINS];
        double[] counts = new double[BINS];
        for (int b = 0; b < BINS; b++) {
            centres[b] = lo + (b + 0.5) * width;
        }
        int beyond = 0;
        for (double x : v) {
            if (x > hi) {
                beyond++;
                continue;
            }
            counts[Math.min(BINS - 1, (int) ((x - lo) / width))]++;
        }
        String title = r.connection() + ": latency histogram, " + r.kind() + "s from min to p99"
                + (beyond == 0 ? "" : " (" + beyond + " beyond, up to "
                + org.toesim.core.units.Units.formatTime(Math.round(v[v.length - 1])) + ")");
        return new Figure("plot-latency-hist-" + Figure.stem(r.connection()), title,
                Axis.linear("latency", Quantity.TIME_PS), Axis.linear(r.kind() + "s", Quantity.PLAIN),
                List.of(Series.of(r.connection(), centres, counts, Series.Style.BARS)));
    }
}
