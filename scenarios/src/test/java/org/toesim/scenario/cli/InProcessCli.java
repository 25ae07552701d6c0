package org.toesim.scenario.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import org.toesim.scenario.run.ScenarioExecutor;

/**
 * The {@code toesim} command line run in-process (the same {@link Main#execute} the launcher
 * calls), with stdout and stderr captured for the assertions of one call.
 */
final class InProcessCli {
    /** What the last call printed on stdout. */
    StringWriter out = new StringWriter();
    /** What the last call printed on stderr. */
    StringWriter err = new StringWriter();

    /** Runs {@code toesim args...} against {@code model}; returns the exit code. */
    int run(ScenarioExecutor model, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliEnvironment env = new CliEnvironment(() -> Optional.ofNullable(model), new PrintWriter(out, true),
                new PrintWriter(err, true), false);
        return Main.execute(env, args);
    }
}
