package org.toesim.scenario.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.toesim.scenario.spec.Problem;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;

/** Loading scenarios for the commands and reporting input problems. */
final class Inputs {
    private Inputs() {
    }

    /** Reads {@code file}, applies {@code sets}, binds; a seed given on the command line wins. */
    static Scenario load(Path file, List<String> sets, Long seed) throws ScenarioException {
        Scenario s = ScenarioDocument.read(file).withOverrides(sets).bind();
        return seed == null ? s : s.withSeed(seed);
    }

    /** Prints each problem on its own line (or as JSON) and returns exit code 2. */
    static int report(CliEnvironment env, CommonOptions common, ScenarioException e) {
        if (common.json) {
            env.out().println(Json.write(Map.of("ok", false, "problems", e.problems())));
        }
        for (Problem p : e.problems()) {
            env.err().println("error: " + p.format());
        }
        return ExitCodes.INPUT;
    }

    /** Prints a one-line error and returns {@code code}. */
    static int fail(CliEnvironment env, int code, String message) {
        env.err().println("error: " + message);
        return code;
    }
}
