package org.toesim.scenario.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Supplier;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.ScenarioExecutors;

/**
 * What the commands depend on from outside: where the model comes from, the output streams,
 * and whether a person is watching (progress lines only then). Tests build one with a
 * hand-written executor and string writers.
 *
 * @param executor    the simulation model, if this build has one
 * @param out         results (stdout)
 * @param err         messages and progress (stderr)
 * @param interactive true when stderr is a terminal ({@code System.console() != null})
 * @param logEnvironment the {@code TOESIM_LOG} environment variable ({@code --log} entries,
 *                    comma-separated), or null
 */
public record CliEnvironment(Supplier<Optional<ScenarioExecutor>> executor, PrintWriter out, PrintWriter err,
                             boolean interactive, String logEnvironment) {

    /** An environment without {@code TOESIM_LOG}. */
    public CliEnvironment(Supplier<Optional<ScenarioExecutor>> executor, PrintWriter out, PrintWriter err,
                          boolean interactive) {
        this(executor, out, err, interactive, null);
    }

    /** The real environment: ServiceLoader model, System.out/err, TTY detection, {@code TOESIM_LOG}. */
    public static CliEnvironment system() {
        return new CliEnvironment(ScenarioExecutors::find, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), System.console() != null,
                System.getenv(LogOptions.ENVIRONMENT_VARIABLE));
    }
}
