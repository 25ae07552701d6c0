package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.model.ModelExecutor;

/** {@code toesim experiment}: the list, bad names, the output-directory rule, a quick run's files. */
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
    }
}
