package org.toesim.scenario.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.toesim.core.units.Units;
import org.toesim.scenario.result.ConfidenceInterval;

/**
 * One panel's measured metric: per series (plan order) and x value (numeric order), the
 * replications' mean and 95 % Student-t interval (none with one replication).
 */
final class Points {
    private final Map<String, TreeMap<Double, ConfidenceInterval>> bySeries;

    private Points(Map<String, TreeMap<Double, ConfidenceInterval>> bySeries) {
        this.bySeries = bySeries;
    }

    /** {@code metric} of every run of panel {@code panel}. */
    static Points of(List<ExperimentRunner.Row> rows, String panel, ToDoubleFunction<ExperimentRunner.Row> metric) {
        Map<String, TreeMap<Double, List<Double>>> raw = new LinkedHashMap<>();
        for (ExperimentRunner.Row r : rows) {
            if (!r.panel().name().equals(panel)) {
                continue;
            }
            raw.computeIfAbsent(r.series().name(), k -> new TreeMap<>())
                    .computeIfAbsent(number(r.x()), k -> new ArrayList<>()).add(metric.applyAsDouble(r));
        }
        Map<String, TreeMap<Double, ConfidenceInterval>> out = new LinkedHashMap<>();
        raw.forEach((series, byX) -> {
            TreeMap<Double, ConfidenceInterval> m = new TreeMap<>();
            byX.forEach((x, vs) -> m.put(x, ConfidenceInterval.of(vs.stream().mapToDouble(Double::doubleValue).toArray(),
                    0.95)));
            out.put(series, m);
        });
        return new Points(out);
    }

    /** A swept value as a number: a plain number, a size ({@code 4KiB}), a rate (bit/s) or a duration (s). */
    static double number(String x) {
        try {
            return Double.parseDouble(x);
        } catch (NumberFormatException e) {
            try {
                return Units.sizeBytes(x);
            } catch (IllegalArgumentException notSize) {
                try {
                    return Units.rateBitsPerSec(x);
                } catch (IllegalArgumentException notRate) {
                    return Units.durationPs(x) / 1e12;
                }
            }
        }
    }

    /** The same points with every x multiplied by {@code k} (e.g. bit/s to Gbit/s). */
    Points scaleX(double k) {
        Map<String, TreeMap<Double, ConfidenceInterval>> out = new LinkedHashMap<>();
        bySeries.forEach((series, m) -> {
            TreeMap<Double, ConfidenceInterval> t = new TreeMap<>();
            m.forEach((x, ci) -> t.put(x * k, ci));
            out.put(series, t);
        });
        return new Points(out);
    }

    boolean isEmpty() {
        return bySeries.isEmpty();
    }

    List<String> series() {
        return new ArrayList<>(bySeries.keySet());
    }

    List<Double> xs() {
        return new ArrayList<>(bySeries.values().iterator().next().keySet());
    }

    double mean(String series, double x) {
        TreeMap<Double, ConfidenceInterval> m = bySeries.get(series);
        if (m == null || !m.containsKey(x)) {
            throw new IllegalStateException("no point " + series + " at " + x);
        }
        return m.get(x).mean();
    }

    ConfidenceInterval interval(String series, double x) {
        return bySeries.get(series).get(x);
    }

    /** The measured curves (plus {@code models}) as a figure. */
    Findings.Figure figure(String name, String title, String xLabel, String yLabel, boolean logX, boolean logY,
                           Findings.Curve... models) {
        List<Findings.Curve> curves = new ArrayList<>();
        bySeries.forEach((series, m) -> {
            List<double[]> pts = new ArrayList<>();
            m.forEach((x, ci) -> {
                boolean hasInterval = ci.n() > 1 && !Double.isNaN(ci.halfWidth());
                pts.add(new double[] {x, ci.mean(), hasInterval ? ci.lower() : ci.mean(),
                    hasInterval ? ci.upper() : ci.mean()});
            });
            curves.add(new Findings.Curve(series, pts, false));
        });
        curves.addAll(List.of(models));
        return new Findings.Figure(name, title, xLabel, yLabel, logX, logY, curves);
    }

    /** A markdown table: one row per x, one column per series (mean +- half-width). */
    List<String> table(String xLabel, String yLabel) {
        List<String> out = new ArrayList<>();
        StringBuilder head = new StringBuilder("| " + xLabel + " |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String s : bySeries.keySet()) {
            head.append(' ').append(s).append(" |");
            rule.append("---|");
        }
        out.add("");
        out.add(yLabel + ":");
        out.add("");
        out.add(head.toString());
        out.add(rule.toString());
        for (double x : xs()) {
            StringBuilder row = new StringBuilder("| " + trim(x) + " |");
            for (String s : bySeries.keySet()) {
                ConfidenceInterval ci = interval(s, x);
                row.append(' ').append(ci == null ? "-" : String.format(Locale.ROOT, "%.2f", ci.mean())
                        + (ci.n() > 1 ? String.format(Locale.ROOT, " +- %.2f", ci.halfWidth()) : "")).append(" |");
            }
            out.add(row.toString());
        }
        return out;
    }

    private static String trim(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) x)
                : HostCycles.plain(x);
    }
}
