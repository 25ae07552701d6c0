package org.toesim.scenario.experiment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.toesim.scenario.result.CsvWriter;
import org.toesim.scenario.result.Headline;

/**
 * Writes an experiment's files: {@code runs.csv} (every run's point and headline metrics),
 * one PNG and SVG per figure and {@code report.md} (what was run, the verdicts, the figures, the
 * table, and the {@code toesim sweep} line of each series).
 */
final class ExperimentOutput {
    private ExperimentOutput() {
    }

    static void write(Path dir, ExperimentPlan plan, boolean quick, List<ExperimentRunner.Row> rows, Findings f,
                      List<String> sweeps) throws IOException {
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
        md.add("");
        md.add("## The same runs with toesim sweep");
        md.add("");
        md.add("Each series is one sweep over the panel's x with the same scenarios and seeds (run from the "
                + "repository's root; each writes runs.csv, summary.csv with confidence intervals and its page):");
        md.add("");
        md.add("```");
        md.addAll(sweeps);
        md.add("```");
        Files.write(dir.resolve("report.md"), md, StandardCharsets.UTF_8);
    }

    /** runs.csv: the sweep's number format (integers exact, doubles in shortest round-trip form). */
    private static void writeRuns(Path file, List<ExperimentRunner.Row> rows) throws IOException {
        List<String> keys = new ArrayList<>(Headline.metrics(rows.get(0).summary()).keySet());
        List<String> header = new ArrayList<>(List.of("panel", "series", "x", "replication", "seed", "status"));
        header.addAll(keys);
        List<List<String>> table = new ArrayList<>();
        for (ExperimentRunner.Row r : rows) {
            Map<String, Double> m = Headline.metrics(r.summary());
            List<String> row = new ArrayList<>(List.of(r.panel().name(), r.series().name(), r.x(),
                    Integer.toString(r.replication()), Long.toString(r.summary().seed()),
                    r.summary().status().jsonName()));
            for (String k : keys) {
                Double v = m.get(k);
                row.add(v == null ? "" : CsvWriter.number(v));
            }
            table.add(row);
        }
        CsvWriter.writeTable(header, table, file);
    }
}
