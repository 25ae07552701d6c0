package org.toesim.scenario.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.model.ModelExecutor;

/**
 * The reduced plan of {@code toesim experiment policy-mix} (issue 14 item 5): offload-always has
 * the least server CPU per request on each mix, the selective policies are never dearer than
 * never offloading, and with 16 downloads offloading everything finishes later than never (the
 * card's receive FIFO refuses frames), as docs/experiments.md says.
 */
class PolicyMixExperimentTest {
    @TempDir
    Path dir;

    @Test
    void theQuickPlanShowsTheTradeOff() throws Exception {
        Experiments.Result r = Experiments.run(new PolicyMixExperiment(), new ModelExecutor(), true, 2, dir, (a, b) -> { });
        assertEquals(8, r.runs());
        List<Findings.Verdict> v = r.findings().verdicts();
        assertEquals(3, v.size());
        for (Findings.Verdict x : v) {
            assertTrue(x.holds(), x.toString());
        }
        assertTrue(Files.readString(dir.resolve("report.md")).contains("| 16 | always |"), "best-policy table");
    }
}
