package org.toesim.scenario.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.toesim.scenario.result.AtomicFile;
import org.toesim.scenario.result.AtomicOutputDirectory;
import org.toesim.scenario.result.Baseline;
import org.toesim.scenario.result.BaselineComparison;
import org.toesim.scenario.result.CheckReport;
import org.toesim.scenario.result.JunitReport;
import org.toesim.scenario.result.OutputLocationException;
import org.toesim.scenario.result.ResultWriter;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.Tolerance;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.run.TrajectoryRequest;
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
 * <pre>
 *   load + --set + --seed, read B, check --junit/--out paths --(bad)--&gt; exit 2, one line, nothing run
 *   run: comparing its trajectory with B's checkpoints (recording its own with --update-baseline)
 *        --out DIR: the run's result directory, as run writes it (regressions too: the evidence)
 *   --update-baseline: a result --&gt; B rewritten (tolerances kept, checkpoints new), exit 0;
 *                      not a result --&gt; B untouched, exit 1
 *   else: BaselineComparison --&gt; table (or --json), a digest mismatch located to a block of
 *         events; --junit FILE (atomically); exit 0 pass, 1 regression or unfinished run
 * </pre>
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

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write a JUnit XML report (one test case "
            + "per compared item) for CI test reporters.")
    Path junitFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Also write the run's result directory (as run --out).")
    Path out;

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
            } catch (IOException e) {
                return Inputs.fail(env, ExitCodes.INPUT, baselineFile + ": not a valid baseline: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        } else if (!update) {
            return Inputs.fail(env, ExitCodes.INPUT, baselineFile + ": file not found (create it with --update-baseline)");
        }
        if (junitFile != null) {
            try {
                AtomicFile.checkWritable(junitFile);
            } catch (OutputLocationException e) {
                return Inputs.fail(env, ExitCodes.INPUT, "--junit " + e.getMessage());
            }
        }
        Optional<ScenarioExecutor> model = Execution.model(env, s);
        if (model.isEmpty()) {
            return finish(env, CheckReport.failed(s.name(), file.toString(), baselineFile.toString(), s.seed(),
                    "the simulation model is not available in this build"), null);
        }
        RunResult result;
        try {
            result = run(env, model.get(), s, trajectory(baseline));
        } catch (OutputLocationException e) {
            return Inputs.fail(env, ExitCodes.INPUT, "--out " + e.getMessage());
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        } catch (SimulationException e) {
            env.err().println("error: " + e.getMessage());
            return finish(env, CheckReport.failed(s.name(), file.toString(), baselineFile.toString(), s.seed(),
                    e.getMessage()), null);
        }
        if (!result.summary().status().valid()) {
            RunCommand.reportNotFinished(env, result.summary(), out);
        }
        if (update) {
            return updateBaseline(env, baseline, result);
        }
        BaselineComparison cmp = BaselineComparison.compare(baseline, result);
        return finish(env, CheckReport.compared(file.toString(), baselineFile.toString(), result.summary(), cmp), cmp);
    }

    /** What the run does with its trajectory: record it for a new baseline, or compare with the baseline's. */
    private TrajectoryRequest trajectory(Baseline baseline) {
        if (update) {
            return new TrajectoryRequest.Record();
        }
        if (baseline.trajectory() == null || baseline.traceDigest() == null) {
            return null; // an older baseline: the digest is compared, the divergence cannot be located
        }
        return new TrajectoryRequest.Compare(baseline.trajectory().decoded(), baseline.traceDigest());
    }

    private RunResult run(CliEnvironment env, ScenarioExecutor model, Scenario s, TrajectoryRequest trajectory)
            throws Exception {
        ProgressReporter progress = new ProgressReporter(env.err(), env.interactive() && !common.quiet && !common.json,
                System::nanoTime);
        try {
            if (out == null) {
                return Execution.run(model, s, context(null, progress, trajectory));
            }
            return AtomicOutputDirectory.write(out, tmp -> {
                RunResult r = Execution.run(model, s, context(tmp, progress, trajectory));
                ResultWriter.write(r, s.outputs(), tmp);
                return r;
            });
        } finally {
            progress.finish();
        }
    }

    private RunContext context(Path dir, ProgressReporter progress, TrajectoryRequest trajectory) {
        return new RunContext(dir, progress).withInvariantChecks(checkInvariants).withTrajectory(trajectory);
    }

    private int updateBaseline(CliEnvironment env, Baseline old, RunResult result) throws IOException {
        boolean written = result.summary().status().valid();
        if (written) {
            Tolerance tol = old == null ? Tolerance.DEFAULT : old.tolerance();
            Map<String, Tolerance> tols = old == null ? Map.of() : old.tolerances();
            Baseline.of(result.summary(), tol, tols, result.checkpoints()).write(baselineFile);
        } else {
            env.err().println("error: baseline not written: a run that did not finish is no baseline");
        }
        CheckReport report = CheckReport.update(file.toString(), baselineFile.toString(), result.summary(), written);
        if (written && !common.quiet && !common.json) {
            env.out().println("baseline written: " + baselineFile);
        }
        return finish(env, report, null);
    }

    /** Prints the outcome (table or JSON), writes the JUnit report, and returns the exit code. */
    private int finish(CliEnvironment env, CheckReport report, BaselineComparison cmp) {
        if (common.json) {
            env.out().println(Json.write(report.json()));
        } else if (cmp != null && (!cmp.passed() || !common.quiet)) {
            env.out().println((cmp.passed() ? "PASS " : "REGRESSION ") + file + " against " + baselineFile);
            env.out().println(cmp.format());
        }
        if (out != null && report.status() != null && !common.quiet && !common.json) {
            env.out().println("results: " + out.resolve("index.html"));
        }
        if (junitFile != null) {
            try {
                AtomicFile.writeString(junitFile, JunitReport.xml(report));
            } catch (IOException e) {
                return Inputs.fail(env, ExitCodes.INPUT, "--junit " + junitFile + ": cannot write: " + e.getMessage());
            }
        }
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
