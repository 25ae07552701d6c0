package org.toesim.scenario.fidelity;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.ScenarioExecutors;

/**
 * The fidelity tests' inputs: the scenario files of this checkout (or
 * {@code -Dtoesim.fidelity.experiments=DIR}), the Linux references beside it (or
 * {@code -Dtoesim.fidelity.ref=DIR}) and pcapcheck. Missing references or tools skip the test
 * locally with the reason and fail it when {@code CI=true}.
 */
final class FidelityInputs {

    private FidelityInputs() {
    }

    static Path experiments() {
        String dir = System.getProperty("toesim.fidelity.experiments");
        Path p = dir != null ? Path.of(dir) : FidelityPaths.experiments(Path.of(""));
        if (p == null || !Files.isDirectory(p.resolve("linux-ref"))) {
            fail("no scenarios/experiments/linux-ref above " + Path.of("").toAbsolutePath());
        }
        return p;
    }

    static Path referenceDir() {
        String dir = System.getProperty("toesim.fidelity.ref");
        Path p = dir != null ? Path.of(dir) : FidelityPaths.referenceDir(Path.of(""));
        if (p == null || !Files.isDirectory(p)) {
            unavailable("the Linux references (../shared/ref-linux beside the checkout) are not here");
        }
        return p;
    }

    static PcapCheck judge(Path refDir) {
        PcapCheck judge = new PcapCheck(refDir.resolve("pcapcheck"));
        String missing = judge.missing();
        if (missing != null) {
            unavailable("pcapcheck cannot run: " + missing);
        }
        return judge;
    }

    static ScenarioExecutor model() {
        return ScenarioExecutors.find().orElseThrow(() -> new AssertionError(ScenarioExecutors.UNAVAILABLE));
    }

    /** Skips locally, fails in CI. */
    static void unavailable(String why) {
        if (FidelityPaths.inCi()) {
            fail(why + " (CI=true: the fidelity suite must run in CI)");
        }
        assumeTrue(false, why + "; skipped (set CI=true to make this a failure)");
    }
}
