package org.toesim.scenario.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.toesim.scenario.result.Headline;

/**
 * Writes an experiment's files: {@code runs.csv} (every run's point and headline metrics),
 * one PNG per figure and {@code report.md} (what was run, the table, the verdicts).
 */
final class ExperimentOutput {
    private ExperimentOutput() {
    }

    static void write(Path dir, ExperimentPlan plan, boolean quick, List<ExperimentRunner.Row> rows, Findings f)
            throws IOException {
        Files.createDirectories(dir);
        writeRuns(dir.resolve("runs.csv"), rows);
        List<String> md = new ArrayList<>();
        md.add("# " + plan.title());
        md.add("");
        md.add("Reproduces: " + plan.citation());
        md.add("");
        md.add((quick ? "Quick plan (CI): " : "Full plan: ") + rows.size() + " runs, "
                + (quick ? plan.quick().replications() : plan.replications()) + " replication(s) per point; "
                + "intervals are 95 % Student-t over replications.");
        md.add("");
        md.add("## Verdicts");
        md.add("");
        for (Findings.Verdict v : f.verdicts()) {
            md.add("- **" + (v.holds() ? "holds" : "departs") + "**: " + v.claim() + ". Measured: " + v.measured() + "."
                    + (v.holds() ? "" : " Why: " + v.why() + "."));
        }
        for (Findings.Figure fig : f.figures()) {
            String file = fig.name() + ".png";
            FigureWriter.png(fig, dir.resolve(file));
            FigureWriter.svg(fig, dir.resolve(fig.name() + ".svg"));
            md.add("");
            md.add("![" + fig.title() + "](" + file + ")");
        }
        md.add("");
        md.add("## Measured points");
        md.addAll(f.table());
        Files.write(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
    }

    private static void writeRuns(Path file, List<ExperimentRunner.Row> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        List<String> keys = null;
        for (ExperimentRunner.Row r : rows) {
            Map<String, Double> m = Headline.metrics(r.summary());
            if (keys == null) {
                keys = new ArrayList<>(m.keySet());
                lines.add("panel,series,x,replication,seed,status," + String.join(",", keys));
            }
            StringBuilder b = new StringBuilder();
            b.append(csv(r.panel().name())).append(',').append(csv(r.series().name())).append(',').append(csv(r.x()))
                    .append(',').append(r.replication()).append(',').append(r.summary().seed()).append(',')
                    .append(r.summary().status().jsonName());
            for (String k : keys) {
                Double v = m.get(k);
                b.append(',').append(v == null ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            lines.add(b.toString());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
