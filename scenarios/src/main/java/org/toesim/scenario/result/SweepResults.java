package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The results of a sweep: one row per run, and per grid point and metric the mean with a
 * confidence interval across replications.
 *
 * <pre>
 *   runs.csv      point, replication, seed, status, &lt;param&gt;..., &lt;metric&gt;...
 *   summary.csv   point, &lt;param&gt;..., metric, n, mean, stdDev, ciLow, ciHigh, halfWidth
 * </pre>
 * Runs whose status is not a result (limitReached, stalled, failed) stay in runs.csv with their
 * status and are left out of summary.csv (n counts the runs that are in).
 */
public final class SweepResults {
    /**
     * One run with its headline metrics and how it ended; only runs whose status is a result
     * enter the statistics.
     */
    public record RunRow(SweepPlan.Run run, RunStatus status, String statusReason, Map<String, Double> metrics) {
        /** A completed run. */
        public RunRow(SweepPlan.Run run, Map<String, Double> metrics) {
            this(run, RunStatus.COMPLETED, null, metrics);
        }

        /** The row of a run's summary. */
        public static RunRow of(SweepPlan.Run run, SummaryReport s) {
            return new RunRow(run, s.status(), s.statusReason(), Headline.metrics(s));
        }
    }

    /** One grid point's statistics, metrics in first-seen order. */
    public record PointSummary(int point, List<String> overrides, Map<String, ConfidenceInterval> metrics) {
    }

    private final SweepPlan plan;
    private final List<RunRow> rows;
    private final double level;

    /** @param rows the runs, in any order (sorted by point and replication here) */
    public SweepResults(SweepPlan plan, List<RunRow> rows, double level) {
        this.plan = plan;
        List<RunRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.run().point() != b.run().point() ? Integer.compare(a.run().point(), b.run().point())
                : Integer.compare(a.run().replication(), b.run().replication()));
        this.rows = List.copyOf(sorted);
        this.level = level;
    }

    public List<RunRow> rows() {
        return rows;
    }

    /** The runs that are not results (excluded from {@link #summarize()}), in point and replication order. */
    public List<RunRow> notFinished() {
        return rows.stream().filter(r -> !r.status().valid()).toList();
    }

    /** Statistics per grid point. */
    public List<PointSummary> summarize() {
        List<PointSummary> out = new ArrayList<>();
        List<List<String>> points = plan.points();
        for (int p = 0; p < points.size(); p++) {
            Map<String, List<Double>> values = new LinkedHashMap<>();
            for (RunRow r : rows) {
                if (r.run().point() == p && r.status().valid()) {
                    r.metrics().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
                }
            }
            Map<String, ConfidenceInterval> cis = new LinkedHashMap<>();
            values.forEach((k, v) -> cis.put(k, ConfidenceInterval.of(v.stream().mapToDouble(Double::doubleValue)
                    .toArray(), level)));
            out.add(new PointSummary(p, points.get(p), cis));
        }
        return out;
    }

    /** Writes runs.csv and summary.csv into {@code dir}. */
    public void write(Path dir) throws IOException {
        List<String> paramNames = plan.params().stream().map(SweepPlan.Param::path).toList();
        Set<String> metricNames = new LinkedHashSet<>();
        rows.forEach(r -> metricNames.addAll(r.metrics().keySet()));
        List<String> header = new ArrayList<>(List.of("point", "replication", "seed", "status"));
        header.addAll(paramNames);
        header.addAll(metricNames);
        List<List<String>> table = new ArrayList<>();
        for (RunRow r : rows) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.run().point()),
                    Integer.toString(r.run().replication()), Long.toString(r.run().seed()), r.status().jsonName()));
            row.addAll(values(r.run().overrides()));
            for (String m : metricNames) {
                Double v = r.metrics().get(m);
                row.add(v == null ? "" : CsvWriter.number(v));
            }
            table.add(row);
        }
        CsvWriter.writeTable(header, table, dir.resolve("runs.csv"));
        List<String> sHeader = new ArrayList<>(List.of("point"));
        sHeader.addAll(paramNames);
        sHeader.addAll(List.of("metric", "n", "mean", "stdDev", "ciLow", "ciHigh", "halfWidth"));
        List<List<String>> sTable = new ArrayList<>();
        for (PointSummary s : summarize()) {
            for (Map.Entry<String, ConfidenceInterval> e : s.metrics().entrySet()) {
                ConfidenceInterval ci = e.getValue();
                List<String> row = new ArrayList<>(List.of(Integer.toString(s.point())));
                row.addAll(values(s.overrides()));
                row.addAll(List.of(e.getKey(), Integer.toString(ci.n()), CsvWriter.number(ci.mean()),
                        CsvWriter.number(ci.stdDev()), CsvWriter.number(ci.lower()), CsvWriter.number(ci.upper()),
                        CsvWriter.number(ci.halfWidth())));
                sTable.add(row);
            }
        }
        CsvWriter.writeTable(sHeader, sTable, dir.resolve("summary.csv"));
    }

    private static List<String> values(List<String> overrides) {
        return overrides.stream().map(o -> o.substring(o.indexOf('=') + 1)).toList();
    }
}
