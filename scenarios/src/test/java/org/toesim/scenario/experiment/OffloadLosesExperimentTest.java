package org.toesim.scenario.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.model.ModelExecutor;

/**
 * The reduced plan of {@code toesim experiment offload-loses} (issue 14 item 4), with the
 * tolerances docs/experiments.md states: offloading only long connections within 5 % of the host
 * stack; a 150,000-cycle handoff makes offload-always lose; the CCB table takes exactly its
 * capacity; and, at the default costs, offload-always does not lose at 1 KiB (the documented
 * departure from Mogul's argument: it costs 0.8-1.0 of the host stack's cycles).
 */
class OffloadLosesExperimentTest {
    @TempDir
    Path dir;

    @Test
    void theQuickPlanReproducesWhatTheDocsSay() throws Exception {
        Experiments.Result r = Experiments.run(new OffloadLosesExperiment(), new ModelExecutor(), true, 2, dir, (a, b) -> { });
        assertEquals(14, r.runs());
        List<Findings.Verdict> v = r.findings().verdicts();
        assertEquals(5, v.size());
        assertFalse(v.get(0).holds(), "at default costs the TOE does not lose on 1 KiB connections: " + v.get(0));
        assertTrue(v.get(1).holds(), v.get(1).toString());
        assertTrue(v.get(2).holds(), v.get(2).toString());
        assertTrue(v.get(3).holds(), v.get(3).toString());
        assertTrue(v.get(4).holds(), v.get(4).toString());
        assertTrue(v.get(4).measured().equals("4 of 4, 8 of 16 offloaded"), v.get(4).measured());
        // the departure, bounded: offload-always at 1 KiB costs 0.8-1.0 of the host stack
        String m = v.get(0).measured();
        double toe = Double.parseDouble(m.substring(0, m.indexOf(' ')));
        double host = Double.parseDouble(m.replaceAll(".*TOE, ([0-9.]+) with the host stack.*", "$1"));
        assertTrue(toe / host > 0.8 && toe / host <= 1.0, m);
        for (String f : List.of("report.md", "runs.csv", "size.png", "handoff.png", "ccb.png")) {
            assertTrue(Files.size(dir.resolve(f)) > 0, f);
        }
        assertEquals(15, Files.readAllLines(dir.resolve("runs.csv")).size(), "a header and one row per run");
    }
}
