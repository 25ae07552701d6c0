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
 *   runs.csv      point, replication, seed, status, &lt;param&gt;[, &lt;param&gt;&lt;Unit&gt;]..., &lt;metric&gt;...
 *   summary.csv   point, &lt;param&gt;[, &lt;param&gt;&lt;Unit&gt;]..., metric, n, mean, stdDev, ciLow, ciHigh, halfWidth
 * </pre>
 * Each parameter's column holds its values as given ("1.6GHz"); a parameter whose values carry
 * units gets, next to it, their value in base units ({@link SweptParameter}: links[0].delayPs,
 * workloads[0].sizeBytes, links[0].rateBitsPerSec, hosts[0].clockHz). Runs whose status is not a
 * result (limitReached, stalled, failed) stay in runs.csv with their status and are left out of
 * summary.csv (n counts the runs that are in).
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
    private final List<SweptParameter> parameters;
    private final List<RunRow> rows;
    private final double level;

    /** @param rows the runs, in any order (sorted by point and replication here) */
    public SweepResults(SweepPlan plan, List<RunRow> rows, double level) {
        this.plan = plan;
        this.parameters = plan.params().stream().map(SweptParameter::of).toList();
        List<RunRow> sorted = new ArrayList<>(rows);
        sorted.sort((a, b) -> a.run().point() != b.run().point() ? Integer.compare(a.run().point(), b.run().point())
                : Integer.compare(a.run().replication(), b.run().replication()));
        this.rows = List.copyOf(sorted);
        this.level = level;
    }

    public List<RunRow> rows() {
        return rows;
    }

    public SweepPlan plan() {
        return plan;
    }

    /** The swept parameters, read as numbers where they are. */
    public List<SweptParameter> parameters() {
        return parameters;
    }

    /** The confidence level of the intervals. */
    public double level() {
        return level;
    }

    /** The metric names of every run, in first-seen order. */
    public List<String> metricNames() {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.metrics().keySet()));
        return List.copyOf(names);
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
        List<String> paramNames = new ArrayList<>();
        for (SweptParameter p : parameters) {
            paramNames.add(p.path());
            p.numericColumn().ifPresent(paramNames::add);
        }
        List<String> metricNames = metricNames();
        List<String> header = new ArrayList<>(List.of("point", "replication", "seed", "status"));
        header.addAll(paramNames);
        header.addAll(metricNames);
        List<List<String>> table = new ArrayList<>();
        for (RunRow r : rows) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(r.run().point()),
                    Integer.toString(r.run().replication()), Long.toString(r.run().seed()), r.status().jsonName()));
            row.addAll(parameterCells(r.run().point()));
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
                row.addAll(parameterCells(s.point()));
                row.addAll(List.of(e.getKey(), Integer.toString(ci.n()), CsvWriter.number(ci.mean()),
                        CsvWriter.number(ci.stdDev()), CsvWriter.number(ci.lower()), CsvWriter.number(ci.upper()),
                        CsvWriter.number(ci.halfWidth())));
                sTable.add(row);
            }
        }
        CsvWriter.writeTable(sHeader, sTable, dir.resolve("summary.csv"));
    }

    /** The parameter columns of grid point {@code point}: each label, and its base-unit value where it has one. */
    private List<String> parameterCells(int point) {
        int[] idx = plan.valueIndices(point);
        List<String> cells = new ArrayList<>();
        for (int j = 0; j < parameters.size(); j++) {
            SweptParameter p = parameters.get(j);
            cells.add(p.values().get(idx[j]));
            if (p.numericColumn().isPresent()) {
                cells.add(p.numericCell(idx[j]));
            }
        }
        return cells;
    }
}
