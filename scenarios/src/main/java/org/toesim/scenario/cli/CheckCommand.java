package org.toesim.scenario.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.toesim.scenario.result.Baseline;
import org.toesim.scenario.result.BaselineComparison;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.Tolerance;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code toesim check FILE --baseline B}: runs the scenario and compares its headline metrics
 * (within tolerances), connection integrity and trace digest (exactly) with a stored baseline.
 * Exit 1 with a table of what moved; a run that did not finish (status limitReached, stalled,
 * failed) is a regression, explained on stderr. {@code --update-baseline} rewrites the numbers
 * and keeps the tolerances, and refuses a run that did not finish.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Run a scenario and compare it with a stored baseline (regression check).")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    ToesimCommand root;

    @Mixin
    CommonOptions common;

    @Mixin
    LogOptions logOptions;

    @Parameters(paramLabel = "FILE", description = "Scenario file (.json, .yaml or .yml).")
    Path file;

    @Option(names = "--baseline", required = true, paramLabel = "FILE", description = "Baseline JSON file.")
    Path baselineFile;

    @Option(names = "--update-baseline", description = "Write the run's results as the new baseline.")
    boolean update;

    @Option(names = "--seed", description = "Master seed (overrides the file).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--check-invariants", description = "Check the model's invariants after every event; "
            + "a violation fails the check (exit 1).")
    boolean checkInvariants;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = root.env;
        Scenario s;
        try {
            s = Inputs.load(file, sets, seed);
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        }
        Baseline baseline = null;
        if (Files.exists(baselineFile)) {
            try {
                baseline = Baseline.read(baselineFile);
            } catch (java.io.IOException e) {
                return Inputs.fail(env, ExitCodes.INPUT, baselineFile + ": not a valid baseline: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        } else if (!update) {
            return Inputs.fail(env, ExitCodes.INPUT, baselineFile + ": file not found (create it with --update-baseline)");
        }
        Optional<ScenarioExecutor> model = Execution.model(env, s);
        if (model.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        RunResult result;
        try {
            result = Execution.run(model.get(), s, new RunContext(null, new ProgressReporter(env.err(),
                    env.interactive() && !common.quiet && !common.json, System::nanoTime)).withInvariantChecks(checkInvariants));
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        } catch (SimulationException e) {
            return Inputs.fail(env, ExitCodes.FAILURE, e.getMessage());
        }
        if (!result.summary().status().valid()) {
            RunCommand.reportNotFinished(env, result.summary(), null);
            if (update) {
                return Inputs.fail(env, ExitCodes.FAILURE, "baseline not written: a run that did not finish is no baseline");
            }
        } else if (update) {
            Tolerance tol = baseline == null ? Tolerance.DEFAULT : baseline.tolerance();
            Map<String, Tolerance> tols = baseline == null ? Map.of() : baseline.tolerances();
            Baseline.of(result.summary(), tol, tols).write(baselineFile);
            if (!common.quiet) {
                env.out().println("baseline written: " + baselineFile);
            }
            return ExitCodes.OK;
        }
        BaselineComparison cmp = BaselineComparison.compare(baseline, result.summary());
        if (common.json) {
            env.out().println(Json.write(Map.of("passed", cmp.passed(), "failures", cmp.failures())));
        } else if (!cmp.passed() || !common.quiet) {
            env.out().println((cmp.passed() ? "PASS " : "REGRESSION ") + file + " against " + baselineFile);
            env.out().println(cmp.format());
        }
        return cmp.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
