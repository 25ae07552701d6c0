package org.toesim.scenario.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.toesim.scenario.result.AtomicOutputDirectory;
import org.toesim.scenario.result.ConfidenceInterval;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.SweepPlan;
import org.toesim.scenario.result.SweepResults;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code toesim sweep FILE --param k=v1,v2 ...}: the grid of parameter values times
 * replications, run in parallel (one simulator per run, {@code --jobs} at a time).
 *
 * <pre>
 *   bind every grid point first --(any bad)--&gt; exit 2 before anything runs
 *   pool of J threads: scenario(point).withSeed(seed + r) -&gt; model -&gt; Headline metrics
 *   any run fails --&gt; exit 1, nothing written
 *   a run does not finish (limitReached, stalled, failed) --&gt; its row has the status, it is left
 *     out of summary.csv, a warning names it; files written, exit 1
 *   OUT/runs.csv (one row per run), OUT/summary.csv (mean, t-interval per point and metric)
 * </pre>
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a grid of parameter values with replications; summarise with confidence intervals.")
final class SweepCommand implements java.util.concurrent.Callable<Integer> {
    @ParentCommand
    ToesimCommand root;

    @Mixin
    CommonOptions common;

    @Parameters(paramLabel = "FILE", description = "Scenario file (.json, .yaml or .yml).")
    Path file;

    @Option(names = "--param", required = true, paramLabel = "PATH=V1,V2,...",
            description = "A swept field and its values; repeat for a grid.")
    List<String> params = new ArrayList<>();

    @Option(names = "--replications", defaultValue = "1", description = "Runs per grid point (default ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--jobs", description = "Runs in parallel (default: number of cores).")
    Integer jobs;

    @Option(names = "--confidence", defaultValue = "0.95", description = "Confidence level (default ${DEFAULT-VALUE}).")
    double confidence;

    @Option(names = "--seed", description = "Base seed; replication r uses seed + r (default: the file's seed).")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default toesim-out/<scenario name>-sweep).")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field at every grid point.")
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = root.env;
        SweepPlan plan;
        try {
            List<SweepPlan.Param> ps = new ArrayList<>();
            for (String p : params) {
                ps.add(SweepPlan.Param.parse(p));
            }
            plan = new SweepPlan(ps, replications);
        } catch (IllegalArgumentException e) {
            return Inputs.fail(env, ExitCodes.INPUT, "--param/--replications: " + e.getMessage());
        }
        if (!(confidence > 0 && confidence < 1)) {
            return Inputs.fail(env, ExitCodes.INPUT, "--confidence must be in (0, 1), got " + confidence);
        }
        int threads = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            return Inputs.fail(env, ExitCodes.INPUT, "--jobs must be >= 1, got " + threads);
        }
        List<Scenario> points = new ArrayList<>();
        try {
            ScenarioDocument doc = ScenarioDocument.read(file).withOverrides(sets);
            for (List<String> point : plan.points()) {
                points.add(doc.withOverrides(point).bind());
            }
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        }
        Scenario first = points.get(0);
        Optional<ScenarioExecutor> model = Execution.model(env, first);
        if (model.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        long baseSeed = seed != null ? seed : first.seed();
        SweepResults results;
        try {
            results = runAll(env, model.get(), plan, points, baseSeed, threads);
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        } catch (SimulationException e) {
            return Inputs.fail(env, ExitCodes.FAILURE, e.getMessage());
        }
        Path target = out != null ? out : Path.of("toesim-out", first.name() + "-sweep");
        AtomicOutputDirectory.write(target, tmp -> {
            results.write(tmp);
            return null;
        });
        if (common.json) {
            env.out().println(Json.write(results.summarize()));
        } else if (!common.quiet) {
            printSummary(env, results);
            env.out().println("results: " + target.resolve("runs.csv") + ", " + target.resolve("summary.csv"));
        }
        List<SweepResults.RunRow> bad = results.notFinished();
        for (SweepResults.RunRow r : bad) {
            env.err().println("warning: point " + r.run().point() + " replication " + r.run().replication() + " (seed "
                    + r.run().seed() + ") did not finish: " + r.status().jsonName()
                    + (r.statusReason() == null ? "" : ": " + r.statusReason()) + "; excluded from summary.csv");
        }
        if (!bad.isEmpty()) {
            env.err().println("error: " + bad.size() + " of " + results.rows().size()
                    + " runs did not finish (status column of runs.csv); their figures are not in summary.csv");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    private SweepResults runAll(CliEnvironment env, ScenarioExecutor model, SweepPlan plan, List<Scenario> points,
                                long baseSeed, int threads) throws Exception {
        List<SweepPlan.Run> runs = plan.runs(baseSeed);
        ProgressReporter progress = new ProgressReporter(env.err(), env.interactive() && !common.quiet && !common.json,
                System::nanoTime);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, runs.size()));
        try {
            ExecutorCompletionService<SweepResults.RunRow> done = new ExecutorCompletionService<>(pool);
            for (SweepPlan.Run run : runs) {
                Scenario s = points.get(run.point()).withSeed(run.seed());
                done.submit(() -> {
                    RunResult r = Execution.run(model, s, new RunContext(null, ProgressListener.NONE));
                    return SweepResults.RunRow.of(run, r.summary());
                });
            }
            List<SweepResults.RunRow> rows = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                Future<SweepResults.RunRow> f = done.take();
                try {
                    rows.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Exception cause) {
                        throw cause;
                    }
                    throw e;
                }
                progress.runs(rows.size(), runs.size());
            }
            return new SweepResults(plan, rows, confidence);
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
    }

    private void printSummary(CliEnvironment env, SweepResults results) {
        env.out().println(String.format(Locale.ROOT, "%-6s %-50s %18s %18s", "point", "parameters",
                "goodput total", "+- (" + Math.round(confidence * 100) + "% CI)"));
        for (SweepResults.PointSummary p : results.summarize()) {
            ConfidenceInterval ci = p.metrics().get("goodputBitsPerSec.total");
            env.out().println(String.format(Locale.ROOT, "%-6d %-50s %18.6g %18.4g", p.point(),
                    String.join(" ", p.overrides()), ci == null ? Double.NaN : ci.mean(),
                    ci == null ? Double.NaN : ci.halfWidth()));
        }
    }
}
