package org.toesim.scenario.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * {@code --log LEVEL} and {@code --log COMPONENT=LEVEL}, on every command that runs a simulation
 * (the default experiment, run, check, sweep, step, experiment, bench, fidelity). Levels are set
 * for the command and put back when it returns ({@link #execute}); log lines go to stderr only
 * (scenarios/src/main/resources/logback.xml), so stdout keeps only results, or only JSON.
 *
 * <pre>
 *   parse (picocli) --&gt; TOESIM_LOG entries, then every --log of the command line, in order
 *     --bad entry--&gt; "error: --log X: unknown ...; expected ..." exit 2, nothing runs
 *     --&gt; LogLevels.apply --&gt; the command --&gt; levels put back (in-process callers, tests)
 * </pre>
 */
public final class LogOptions {
    /** Where the environment's entries come from. */
    static final String ENVIRONMENT_VARIABLE = "TOESIM_LOG";

    @Option(names = "--log", paramLabel = "[COMPONENT=]LEVEL",
            description = {"Log level, for every component (--log debug) or one (--log offload=debug; repeat or "
                    + "separate with ','). Levels: off, error, warn (default), info, debug, trace. Components: tcp, "
                    + "offload, toe (card), nic, pcie, driver, cpu, socket, stack, link, run, fault, sweep, "
                    + "experiment, or a package or class under org.toesim. Also: TOESIM_LOG=offload=debug,tcp=trace. "
                    + "Logs go to stderr."})
    List<String> log = new ArrayList<>();

    /**
     * Runs the parsed command with the levels asked for: the environment's first, then each
     * {@code --log} of the root command and its subcommand, in order.
     */
    static int execute(CliEnvironment env, CommandLine.ParseResult parseResult,
                       CommandLine.IExecutionStrategy next) {
        List<LogLevels.Setting> settings = new ArrayList<>();
        try {
            if (env.logEnvironment() != null && !env.logEnvironment().isBlank()) {
                settings.addAll(LogLevels.parse(ENVIRONMENT_VARIABLE, List.of(env.logEnvironment())));
            }
            for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
                CommandLine.Model.OptionSpec option = p.matchedOption("--log");
                if (option != null) {
                    settings.addAll(LogLevels.parse("--log", option.stringValues()));
                }
            }
        } catch (LogLevels.BadEntry e) {
            return Inputs.fail(env, ExitCodes.INPUT, e.getMessage());
        }
        try (LogLevels.Applied applied = LogLevels.apply(settings)) {
            return next.execute(parseResult);
        }
    }
}
