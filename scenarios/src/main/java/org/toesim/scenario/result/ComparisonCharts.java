package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.Series;

/**
 * Puts the same measurement of several runs on one figure: the offload-vs-host view. Runs may
 * end at different times; the x axis is the longest run's and a shorter run's line stops where
 * that run ended (the renderer skips non-finite points).
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
     * One figure per curve, one line per run that has the column (runs in map order). Figures are
     * named by metric, so pick curves of distinct metrics when their files share a directory.
     */
    public static List<Figure> of(Map<String, TimeSeries> runs, List<Curve> curves) {
        TimeSeries longest = null;
        for (TimeSeries ts : runs.values()) {
            if (longest == null || ts.rows() > longest.rows()) {
                longest = ts;
            }
        }
        List<Figure> figures = new ArrayList<>();
        if (longest == null) {
            return figures;
        }
        double[] xPs = TimeSeriesFigures.times(longest, longest.rows());
        for (Curve curve : curves) {
            List<Series> lines = new ArrayList<>();
            for (Map.Entry<String, TimeSeries> run : runs.entrySet()) {
                TimeSeries ts = run.getValue();
                int col = ts.columnIndex(curve.column());
                if (col < 0) {
                    continue;
                }
                double[] y = new double[xPs.length];
                Arrays.fill(y, Double.NaN);
                for (int r = 0; r < ts.rows(); r++) {
                    y[r] = ts.value(col, r);
                }
                lines.add(Series.of(run.getKey(), xPs, y, Series.Style.LINE));
            }
            if (!lines.isEmpty()) {
                figures.add(TimeSeriesFigures.figure(curve.metric(), curve.title(), lines, List.of()));
            }
        }
        return figures;
    }
}
