package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.toesim.core.units.Units;

/**
 * Puts the same measurement of several runs on one chart: the offload-vs-host view. Runs may
 * end at different times; the x axis is the longest run's and a shorter run's line stops where
 * that run ended (the writers skip non-finite points).
 */
public final class ComparisonCharts {
    /** One curve to take from every run: the time-series column {@code subject.metric}. */
    public record Curve(String subject, String metric, String title) {
        String column() {
            return subject + "." + metric;
        }
    }

    private ComparisonCharts() {
    }

    /**
     * One chart per curve, one line per run that has the column (runs in map order). Charts are
     * named by metric, so pick curves of distinct metrics when their files share a directory.
     */
    public static List<Chart> of(Map<String, TimeSeries> runs, List<Curve> curves) {
        TimeSeries longest = null;
        for (TimeSeries ts : runs.values()) {
            if (longest == null || ts.rows() > longest.rows()) {
                longest = ts;
            }
        }
        List<Chart> charts = new ArrayList<>();
        if (longest == null) {
            return charts;
        }
        double[] xMs = new double[longest.rows()];
        for (int r = 0; r < xMs.length; r++) {
            xMs[r] = longest.timePs(r) / (double) Units.PS_PER_MS;
        }
        for (Curve curve : curves) {
            List<String> labels = new ArrayList<>();
            List<double[]> lines = new ArrayList<>();
            for (Map.Entry<String, TimeSeries> run : runs.entrySet()) {
                TimeSeries ts = run.getValue();
                int col = ts.columnIndex(curve.column());
                if (col < 0) {
                    continue;
                }
                double[] y = new double[xMs.length];
                Arrays.fill(y, Double.NaN);
                for (int r = 0; r < ts.rows(); r++) {
                    y[r] = ts.value(col, r);
                }
                labels.add(run.getKey());
                lines.add(y);
            }
            if (!lines.isEmpty()) {
                charts.add(new Chart(curve.metric(), curve.title(), xMs, labels, lines));
            }
        }
        return charts;
    }
}
