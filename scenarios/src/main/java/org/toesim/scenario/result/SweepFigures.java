package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.toesim.scenario.figure.Axis;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.Quantity;
import org.toesim.scenario.figure.Series;

/**
 * The figures of a sweep: for each plotted metric, one figure against each swept parameter
 * with more than one value; one series per combination of the other parameters' values (the
 * legend names them); points at the mean with Student-t interval bars clipped at the metric's
 * {@link MetricBounds}; no bar where a point has one run.
 *
 * <pre>
 *   plotted: every metric of summary.csv whose value differs between finished runs, except
 *            per-connection metrics (connections.&lt;id&gt;.*) in scenarios of more than 4 connections;
 *            goodputBitsPerSec.total first, then in runs.csv order
 *   x axis:  numeric parameter -&gt; its values in base units (log when positive and max/min &gt; 20)
 *            categorical       -&gt; positions 0, 1, ... labelled with the values, series side by side
 *   file:    sweep-&lt;metric&gt;-vs-&lt;parameter&gt;.svg / .png
 * </pre>
 */
public final class SweepFigures {
    /** The metric drawn first: what the sweep's table on stdout shows. */
    public static final String FIRST = "goodputBitsPerSec.total";
    /** Per-connection metrics are plotted for at most this many connections. */
    public static final int MAX_PLOTTED_CONNECTIONS = 4;
    /** How far apart the series of a categorical axis are drawn, in category widths (all of them together). */
    private static final double DODGE_SPAN = 0.5;

    /** A metric and its figures, one per swept parameter with several values. */
    public record MetricFigures(String metric, List<Figure> figures) {
        public MetricFigures {
            figures = List.copyOf(figures);
        }
    }

    private SweepFigures() {
    }

    /** The figures of every plotted metric, in {@link #plotted} order. */
    public static List<MetricFigures> of(SweepResults results) {
        List<SweepResults.PointSummary> summary = results.summarize();
        List<MetricFigures> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String metric : plotted(results)) {
            List<Figure> figures = new ArrayList<>();
            for (int j = 0; j < results.parameters().size(); j++) {
                if (results.parameters().get(j).values().size() > 1) {
                    figures.add(figure(results, summary, metric, j, names));
                }
            }
            if (!figures.isEmpty()) {
                out.add(new MetricFigures(metric, figures));
            }
        }
        return out;
    }

    /**
     * The metrics drawn: those whose value differs between finished runs (per-connection ones for
     * few connections), the sweep's headline {@link #FIRST} first, then in runs.csv order.
     */
    public static List<String> plotted(SweepResults results) {
        List<String> out = new ArrayList<>();
        boolean fewConnections = connections(results.metricNames()) <= MAX_PLOTTED_CONNECTIONS;
        for (String m : results.metricNames()) {
            if ((fewConnections || !m.startsWith("connections.")) && constantValue(results, m) == null) {
                out.add(m);
            }
        }
        if (out.remove(FIRST)) {
            out.add(0, FIRST);
        }
        return out;
    }

    /**
     * The one value {@code metric} has in every finished run, or null when it differs (or no
     * finished run has it).
     */
    public static Double constantValue(SweepResults results, String metric) {
        Double value = null;
        for (SweepResults.RunRow r : results.rows()) {
            if (!r.status().valid()) {
                continue;
            }
            Double v = r.metrics().get(metric);
            if (v == null || (value != null && Double.compare(v, value) != 0)) {
                return null;
            }
            value = v;
        }
        return value;
    }

    private static long connections(List<String> metrics) {
        String prefix = "connections.";
        return metrics.stream().filter(m -> m.startsWith(prefix) && m.lastIndexOf('.') > prefix.length())
                .map(m -> m.substring(0, m.lastIndexOf('.'))).distinct().count();
    }

    private static Figure figure(SweepResults results, List<SweepResults.PointSummary> summary, String metric, int j,
                                 Set<String> names) {
        SweptParameter param = results.parameters().get(j);
        Map<List<Integer>, List<Integer>> groups = groups(results.plan(), j);
        List<Series> series = new ArrayList<>();
        MetricBounds bounds = MetricBounds.of(metric);
        int g = 0;
        for (Map.Entry<List<Integer>, List<Integer>> group : groups.entrySet()) {
            List<Integer> points = group.getValue(); // point of value i of parameter j, for i = 0, 1, ...
            int n = points.size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = param.numeric() ? param.x(i) : i + dodge(g, groups.size());
                ConfidenceInterval ci = summary.get(points.get(i)).metrics().get(metric);
                y[i] = ci == null ? Double.NaN : ci.mean();
                boolean bar = ci != null && !Double.isNaN(ci.halfWidth());
                lo[i] = bar ? bounds.clip(ci.lower()) : Double.NaN;
                hi[i] = bar ? bounds.clip(ci.upper()) : Double.NaN;
            }
            series.add(new Series(seriesName(results, j, group.getKey()), x, y, lo, hi, Series.Style.POINTS));
            g++;
        }
        Axis xAxis = param.numeric() ? new Axis(param.path(), param.quantity(), param.logScale())
                : Axis.categorical(param.path(), param.values());
        Axis yAxis = Axis.linear(metric, Quantity.ofMetric(metric));
        String name = "sweep-" + Figure.stem(metric) + "-vs-" + Figure.stem(param.path());
        String unique = name;
        for (int k = 2; !names.add(unique); k++) {
            unique = name + "-" + k;
        }
        return new Figure(unique, metric + " vs " + param.path(), xAxis, yAxis, series);
    }

    /**
     * The grid points grouped by the value indices of every parameter but {@code j}, groups in
     * grid order; each group lists its points by the index of parameter j's value.
     */
    static Map<List<Integer>, List<Integer>> groups(SweepPlan plan, int j) {
        Map<List<Integer>, List<Integer>> groups = new LinkedHashMap<>();
        int count = plan.points().size();
        for (int p = 0; p < count; p++) {
            int[] idx = plan.valueIndices(p);
            List<Integer> key = new ArrayList<>();
            for (int k = 0; k < idx.length; k++) {
                if (k != j) {
                    key.add(idx[k]);
                }
            }
            List<Integer> points = groups.computeIfAbsent(List.copyOf(key), x -> new ArrayList<>());
            while (points.size() <= idx[j]) {
                points.add(-1);
            }
            points.set(idx[j], p);
        }
        return groups;
    }

    private static String seriesName(SweepResults results, int j, List<Integer> others) {
        if (others.isEmpty()) {
            return "mean, " + SweepFormat.percent(results.level()) + " Student-t interval";
        }
        List<String> parts = new ArrayList<>();
        int o = 0;
        for (int k = 0; k < results.parameters().size(); k++) {
            if (k != j) {
                SweptParameter p = results.parameters().get(k);
                parts.add(p.path() + "=" + p.values().get(others.get(o++)));
            }
        }
        return String.join(", ", parts);
    }

    /** The offset of series {@code g} of {@code count} on a categorical axis, so their bars do not overlap. */
    private static double dodge(int g, int count) {
        return count < 2 ? 0 : (g - (count - 1) / 2.0) * DODGE_SPAN / count;
    }
}
