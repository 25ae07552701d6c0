package org.toesim.scenario.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.scenario.result.AtomicOutputDirectory;
import org.toesim.scenario.result.ConfidenceInterval;
import org.toesim.scenario.result.OutputLocationException;
import org.toesim.scenario.result.SweepDirectory;
import org.toesim.scenario.result.SweepPlan;
import org.toesim.scenario.result.SweepResults;
import org.toesim.scenario.result.SweepWarning;
import org.toesim.scenario.result.SweepWarnings;
import org.toesim.scenario.run.RunPool;
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
 *   OUT: fresh SweepDirectory, or with --resume the same sweep's (its finished runs are skipped)
 *   RunPool of J threads: scenario(point).withSeed(seed + r) -&gt; model -&gt; Headline metrics
 *   each finished run --&gt; OUT/runs.jsonl (so an interrupted sweep can resume)
 *   a run throws --&gt; exit 1, no runs.csv / summary.csv (the finished runs stay in the journal)
 *   a run does not finish (limitReached, stalled, failed) --&gt; its row has the status, it is left
 *     out of summary.csv, a warning names it; files written, exit 1
 *   OUT/runs.csv (one row per run, grid order), OUT/summary.csv (mean, t-interval per point and metric)
 *   OUT/warnings.txt, index.html and its figures (SweepWarnings, SweepPage); each warning on stderr
 * </pre>
 * Every file but the journal is identical whatever {@code --jobs} and whether or not the sweep
 * was resumed: rows are sorted by point and replication, they hold no wall-clock time, and the
 * page, its figures and the warnings are made from those rows at the end.
 * Progress is logged at INFO: the sweep's start (runs, points, replications, jobs) and each run
 * finished (its point, replication, seed and status).
 */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a grid of parameter values with replications; summarise with confidence intervals.")
final class SweepCommand implements java.util.concurrent.Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(SweepCommand.class);
    @ParentCommand
    ToesimCommand root;

    @Mixin
    CommonOptions common;

    @Mixin
    LogOptions logOptions;

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

    @Option(names = "--resume", description = "Continue the same sweep in --out: skip the runs it already finished.")
    boolean resume;

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
        List<Scenario> points;
        JsonNode document;
        try {
            ScenarioDocument doc = ScenarioDocument.read(file).withOverrides(sets);
            points = plan.bind(doc);
            document = doc.tree();
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        }
        Scenario first = points.get(0);
        Optional<ScenarioExecutor> model = Execution.model(env, first);
        if (model.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        long baseSeed = seed != null ? seed : first.seed();
        List<SweepPlan.Run> runs = plan.runs(baseSeed);
        Path target = out != null ? out : Path.of("toesim-out", first.name() + "-sweep");
        SweepResults results;
        List<SweepWarning> warnings;
        try (SweepDirectory dir = open(env, target, identity(document, plan, baseSeed), runs)) {
            results = runAll(env, model.get(), plan, points, runs, dir, threads);
            warnings = SweepWarnings.of(results);
            dir.finish(results, first.name(), warnings, threads);
        } catch (OutputLocationException e) {
            return Inputs.fail(env, ExitCodes.INPUT, "--out " + e.getMessage());
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        } catch (SimulationException e) {
            return Inputs.fail(env, ExitCodes.FAILURE, e.getMessage());
        }
        if (common.json) {
            env.out().println(Json.write(results.summarize()));
        } else if (!common.quiet) {
            printSummary(env, results);
            env.out().println("results: " + target.resolve("index.html") + ", " + target.resolve("runs.csv") + ", "
                    + target.resolve("summary.csv"));
        }
        for (SweepWarning w : warnings) {
            env.err().println("warning: " + w.text());
        }
        List<SweepResults.RunRow> bad = results.notFinished();
        if (!bad.isEmpty()) {
            env.err().println("error: " + bad.size() + " of " + results.rows().size()
                    + " runs did not finish (status column of runs.csv); their figures are not in summary.csv");
            return ExitCodes.FAILURE;
        }
        return ExitCodes.OK;
    }

    /** What makes two sweeps the same, for --resume: every input of every run. */
    private static Map<String, Object> identity(JsonNode document, SweepPlan plan, long baseSeed) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("scenario", document);
        identity.put("params", plan.params());
        identity.put("replications", plan.replications());
        identity.put("seed", baseSeed);
        return identity;
    }

    private SweepDirectory open(CliEnvironment env, Path target, Map<String, Object> identity,
                                List<SweepPlan.Run> runs) throws Exception {
        if (resume && Files.exists(target)) {
            SweepDirectory dir = SweepDirectory.resume(target, identity, runs);
            if (!common.quiet && !common.json) {
                env.err().println("resuming " + target + ": " + dir.finished().size() + " of " + runs.size()
                        + " runs already finished");
            }
            return dir;
        }
        return SweepDirectory.create(target, identity);
    }

    private SweepResults runAll(CliEnvironment env, ScenarioExecutor model, SweepPlan plan, List<Scenario> points,
                                List<SweepPlan.Run> runs, SweepDirectory dir, int threads) throws Exception {
        List<SweepResults.RunRow> rows = new ArrayList<>(dir.finished());
        Set<SweepPlan.Run> done = new HashSet<>();
        rows.forEach(r -> done.add(r.run()));
        List<SweepPlan.Run> todo = runs.stream().filter(r -> !done.contains(r)).toList();
        if (todo.isEmpty()) {
            return new SweepResults(plan, rows, confidence);
        }
        ProgressReporter progress = new ProgressReporter(env.err(), env.interactive() && !common.quiet && !common.json,
                System::nanoTime);
        String name = points.get(0).name();
        LOG.info("sweep {}: {} run(s) to do of {} ({} point(s) x {} replication(s)), {} at a time", name, todo.size(),
                runs.size(), plan.points().size(), plan.replications(), Math.min(threads, todo.size()));
        List<Scenario> scenarios = todo.stream().map(r -> points.get(r.point()).withSeed(r.seed())).toList();
        try {
            RunPool.run(model, scenarios, threads,
                    i -> "point " + todo.get(i).point() + " replication " + todo.get(i).replication()
                            + " (seed " + todo.get(i).seed() + ")",
                    (i, finished, result) -> {
                        SweepResults.RunRow row = SweepResults.RunRow.of(todo.get(i), result.summary());
                        dir.record(row);
                        rows.add(row);
                        LOG.info("sweep {}: run {} of {} done: point {} replication {} (seed {}): {}", name,
                                rows.size(), runs.size(), row.run().point(), row.run().replication(),
                                row.run().seed(), row.status().jsonName());
                        progress.runs(rows.size(), runs.size());
                    });
            return new SweepResults(plan, rows, confidence);
        } finally {
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
