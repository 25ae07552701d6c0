package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.result.Baseline;
import org.toesim.scenario.result.BaselineComparison;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.run.TrajectoryRequest;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;

/**
 * The regression scenarios of src-test-data ({@code regression/<name>.json}) against their
 * baselines ({@code regression/<name>.baseline.json}), with the logic of {@code toesim check}:
 * headline metrics within tolerance, integrity and trace digest exact. A change in behaviour
 * fails with the comparison table and, for a digest, the block of events where the run leaves
 * the baseline's trajectory (from the baseline's checkpoints). Re-baseline deliberately with
 * {@code toesim check src-test-data/src/main/resources/regression/<name>.json --baseline
 * src-test-data/src/main/resources/regression/<name>.baseline.json --update-baseline}.
 */
class RegressionScenariosTest {
    static Stream<String> scenarios() {
        return Stream.of("bulk-host-stack", "lossy-link", "short-connections", "link-outage",
                "bulk-toe", "offload-then-flush", "table-full", "card-reset");
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void behavesLikeItsBaseline(String name, @TempDir Path dir) throws Exception {
        Path file = TestFiles.copy("regression/" + name + ".json", dir);
        Scenario s = ScenarioDocument.read(file).bind();
        String baselineText;
        try {
            baselineText = TestFiles.text("regression/" + name + ".baseline.json");
        } catch (java.io.IOException e) {
            RunResult r = new ModelExecutor().execute(s, new RunContext(null, ProgressListener.NONE));
            fail(name + " runs now but has no baseline: review its results and create one with toesim check "
                    + "--update-baseline (" + r.summary() + ")");
            return;
        }
        Baseline baseline = Baseline.read(Files.writeString(dir.resolve("baseline.json"), baselineText));
        assertNotNull(baseline.trajectory(), name + ": the shipped baselines carry checkpoints (re-record it)");
        RunContext ctx = new RunContext(null, ProgressListener.NONE).withTrajectory(
                new TrajectoryRequest.Compare(baseline.trajectory().decoded(), baseline.traceDigest()));
        RunResult r;
        try {
            r = new ModelExecutor().execute(s, ctx);
        } catch (SimulationException e) {
            assumeTrue(!e.getMessage().contains("not in this build yet"), e.getMessage());
            throw e;
        }
        BaselineComparison cmp = BaselineComparison.compare(baseline, r);
        assertTrue(cmp.passed(), "REGRESSION " + name + "\n" + cmp.format());
    }
}
