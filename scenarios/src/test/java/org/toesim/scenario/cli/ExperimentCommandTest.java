package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.experiment.ExperimentRunner;
import org.toesim.scenario.experiment.Experiments;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.spec.ScenarioDocument;

/**
 * {@code toesim experiment}: the list, bad names, the output-directory rule, a quick run's files,
 * and the {@code toesim sweep} line its report gives for a series running the same runs.
 */
class ExperimentCommandTest {
    @TempDir
    Path dir;
    private final InProcessCli cli = new InProcessCli();

    @Test
    void listsRunsAndWritesOnlyWhereItMay() throws Exception {
        assertEquals(0, cli.run(new ModelExecutor(), "experiment", "--list"));
        for (String n : new String[] {"random-loss", "host-cpu-cost", "offload-loses", "policy-mix", "toe-era", "laws"}) {
            assertTrue(cli.out.toString().contains(n + ": "), cli.out.toString());
        }
        assertEquals(2, cli.run(new ModelExecutor(), "experiment", "no-such-experiment"));
        assertTrue(cli.err.toString().contains("unknown experiment 'no-such-experiment'"), cli.err.toString());
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "mine");
        assertEquals(2, cli.run(new ModelExecutor(), "experiment", "toe-era", "--quick", "--out", mine.toString()));
        assertEquals("mine", Files.readString(mine.resolve("notes.txt")));
        Path out = dir.resolve("out");
        assertEquals(0, cli.run(new ModelExecutor(), "experiment", "toe-era", "--quick", "--jobs", "2", "--out",
                out.toString()), cli.err.toString());
        assertTrue(cli.out.toString().contains("departs Feng et al. 2005"), cli.out.toString());
        assertTrue(Files.exists(out.resolve("report.md")) && Files.exists(out.resolve("era2005-goodput.png")));
        assertEquals(0, cli.run(new ModelExecutor(), "experiment", "toe-era", "--quick", "--out", out.toString()),
                "an earlier result is replaced");
        theReportsSweepRunsTheSameRuns(out);
    }

    /**
     * The first series' {@code toesim sweep} line from report.md, run: the same seeds and the
     * same goodput, to the last digit, as the experiment's own rows.
     */
    private void theReportsSweepRunsTheSameRuns(Path out) throws Exception {
        ExperimentRunner.PanelSweep first = ExperimentRunner.sweeps(Experiments.plan("toe-era"),
                name -> ScenarioDocument.read(Path.of("experiments", "toe-era", name)), true).get(0);
        assertTrue(Files.readString(out.resolve("report.md")).contains(first.commandLine("toe-era")));
        List<String> args = new ArrayList<>(first.arguments("toe-era"));
        // the report's lines run from the repository's root; the tests run in the module's directory
        args.set(1, args.get(1).replaceFirst("^scenarios/", ""));
        Path sweepOut = dir.resolve("sweep");
        args.set(args.indexOf("--out") + 1, sweepOut.toString());
        assertEquals(0, cli.run(new ModelExecutor(), args.toArray(String[]::new)), cli.err.toString());
        List<Map<String, String>> swept = csv(sweepOut.resolve("runs.csv"));
        List<Map<String, String>> mine = csv(out.resolve("runs.csv")).stream()
                .filter(r -> r.get("panel").equals(first.panel().name())
                        && r.get("series").equals(first.series().name())).toList();
        assertEquals(mine.size(), swept.size());
        for (int i = 0; i < mine.size(); i++) {
            assertEquals(mine.get(i).get("seed"), swept.get(i).get("seed"));
            assertEquals(mine.get(i).get("goodputBitsPerSec.total"), swept.get(i).get("goodputBitsPerSec.total"));
            assertEquals(mine.get(i).get("hosts.b.cpuUtilization"), swept.get(i).get("hosts.b.cpuUtilization"));
        }
    }

    private static List<Map<String, String>> csv(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file);
        List<String> header = split(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = split(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** One CSV line (quoted cells with doubled quotes). */
    private static List<String> split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                b.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(b.toString());
                b.setLength(0);
            } else {
                b.append(c);
            }
        }
        cells.add(b.toString());
        return cells;
    }
}
