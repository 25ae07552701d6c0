package org.toesim.scenario.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.toesim.scenario.experiment.Experiment;
import org.toesim.scenario.experiment.ExperimentPlan;
import org.toesim.scenario.experiment.Experiments;
import org.toesim.scenario.result.AtomicOutputDirectory;
import org.toesim.scenario.result.OutputLocationException;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.ScenarioExecutors;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code toesim experiment NAME [--quick] [--out DIR] [--jobs J]}: one of the shipped experiments
 * (scenarios/experiments/NAME: base scenario and sweep), its figures, table and verdicts.
 */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Run a shipped experiment that reproduces a published result (--list names them).")
final class ExperimentCommand implements Callable<Integer> {
    @ParentCommand
    ToesimCommand root;

    @Mixin
    CommonOptions common;

    @Mixin
    LogOptions logOptions;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The experiment.")
    String name;

    @Option(names = "--list", description = "List the experiments.")
    boolean list;

    @Option(names = "--quick", description = "The reduced plan CI runs (fewer points, shorter runs, one replication).")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default toesim-out/experiment-NAME).")
    Path out;

    @Option(names = "--jobs", paramLabel = "J", description = "Runs at a time (default: the cores).")
    Integer jobs;

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = root.env;
        if (list || name == null) {
            for (Experiment e : Experiment.all()) {
                ExperimentPlan p = Experiments.plan(e.name());
                env.out().println(e.name() + ": " + p.title() + " (" + p.citation() + ")");
            }
            return list ? ExitCodes.OK : Inputs.fail(env, ExitCodes.INPUT, "name an experiment (--list shows them)");
        }
        Experiment e = Experiment.all().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (e == null) {
            return Inputs.fail(env, ExitCodes.INPUT, "unknown experiment '" + name + "' (--list shows them)");
        }
        int j = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
        if (j < 1) {
            return Inputs.fail(env, ExitCodes.INPUT, "--jobs " + j + ": expected >= 1");
        }
        Path dir = out != null ? out : Path.of("toesim-out", "experiment-" + name);
        Optional<ScenarioExecutor> model = env.executor().get();
        if (model.isEmpty()) {
            return Inputs.fail(env, ExitCodes.FAILURE, ScenarioExecutors.UNAVAILABLE);
        }
        try {
            // all or nothing, like run's results: a new, empty or earlier ToeSim directory, replaced atomically
            Experiments.Result r = AtomicOutputDirectory.write(dir, "experiment", tmp -> Experiments.run(e, model.get(), quick, j,
                    tmp, (done, total) -> {
                        if (env.interactive() && !common.quiet) {
                            env.err().print("\rexperiment " + name + ": " + done + "/" + total + " runs");
                            env.err().flush();
                        }
                    }));
            if (env.interactive() && !common.quiet) {
                env.err().println();
            }
            for (var v : r.findings().verdicts()) {
                env.out().println((v.holds() ? "holds   " : "departs ") + v.claim() + ": " + v.measured());
            }
            env.out().println(dir.resolve("report.md") + ": " + r.runs() + " runs, " + r.findings().figures().size()
                    + " figures");
            return ExitCodes.OK;
        } catch (OutputLocationException ex) {
            return Inputs.fail(env, ExitCodes.INPUT, "--out " + ex.getMessage());
        } catch (ScenarioException ex) {
            return Inputs.report(env, common, ex);
        } catch (SimulationException ex) {
            return Inputs.fail(env, ExitCodes.FAILURE, "experiment " + name + ": " + ex.getMessage());
        }
    }
}
