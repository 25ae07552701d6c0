package org.toesim.scenario.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.toesim.scenario.demo.KernelDemo;
import org.toesim.scenario.model.DefaultExperiment;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.result.AtomicOutputDirectory;
import org.toesim.scenario.result.ComparisonCharts;
import org.toesim.scenario.result.ComparisonPage;
import org.toesim.scenario.result.OutputLocationException;
import org.toesim.scenario.result.TimeSeries;
import org.toesim.scenario.result.ResultWriter;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.spec.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code toesim}: with no subcommand, the built-in default experiment
 * ({@link DefaultExperiment}: bulk and request-response over a host-stack receiver and a TOE
 * receiver, side by side); {@code --kernel-demo} runs the kernel demo (M/M/1 queues against
 * analytic mean waiting times) instead.
 */
@Command(name = "toesim", mixinStandardHelpOptions = true, versionProvider = ToesimCommand.Version.class,
        description = {"Discrete-event simulator of hosts with TCP offload engines.",
            "With no command: the built-in default experiment (host stack vs TOE receiver, side by side)."},
        subcommands = {RunCommand.class, ValidateCommand.class, SweepCommand.class, CheckCommand.class, BenchCommand.class,
            FidelityCommand.class, StepCommand.class, ChartCommand.class, ExperimentCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:ok (status completed or durationReached)",
            "1:run not finished (limitReached, stalled, failed), model not available, or regression (check)",
            "2:usage or input error"})
public final class ToesimCommand implements Callable<Integer> {
    /** {@code --version}: the build that runs, as every summary.json records it. */
    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {org.toesim.scenario.result.BuildInfo.CURRENT.describe()};
        }
    }

    final CliEnvironment env;

    @Mixin
    CommonOptions common;

    @Mixin
    LogOptions logOptions;

    @Option(names = "--kernel-demo", description = "Run the kernel demo (M/M/1 queues against theory) instead.")
    boolean kernelDemo;

    @Option(names = "--customers", description = "Measured customers per load in the kernel demo (default ${DEFAULT-VALUE}).",
            defaultValue = "400000")
    long customers;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory of the default experiment (default toesim-out/default).")
    Path out;

    public ToesimCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        return kernelDemo ? kernelDemo() : defaultExperiment();
    }

    private Integer defaultExperiment() throws Exception {
        Path base = out != null ? out : Path.of("toesim-out", "default");
        ModelExecutor model = new ModelExecutor();
        List<DefaultExperiment.Column> cols;
        try {
            for (DefaultExperiment.Variant v : DefaultExperiment.VARIANTS) {
                AtomicOutputDirectory.checkTarget(DefaultExperiment.outputDir(base, v));
            }
            AtomicOutputDirectory.checkTarget(base.resolve(COMPARISON_DIR));
            cols = DefaultExperiment.run((v, s) -> AtomicOutputDirectory.write(
                    DefaultExperiment.outputDir(base, v), tmp -> {
                        ProgressReporter progress = new ProgressReporter(env.err(),
                                env.interactive() && !common.quiet && !common.json, System::nanoTime);
                        try {
                            ModelExecutor.Details d = model.run(s, new RunContext(tmp, progress));
                            ResultWriter.write(d.result(), s.outputs(), tmp);
                            return d;
                        } finally {
                            progress.finish();
                        }
                    }));
        } catch (OutputLocationException e) {
            return Inputs.fail(env, ExitCodes.INPUT, "--out " + e.getMessage());
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        }
        if (common.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            for (DefaultExperiment.Column c : cols) {
                json.put(c.variant(), c.details() == null ? Map.of("error", c.error()) : Map.of("summary",
                        c.details().result().summary(), "requestLatencyPs", c.details().requestLatencyPs()));
            }
            env.out().println(Json.write(json));
        } else {
            try {
                writeComparison(base, cols);
            } catch (OutputLocationException e) {
                return Inputs.fail(env, ExitCodes.INPUT, "--out " + e.getMessage());
            }
            DefaultExperimentTable.print(env.out(), cols, base);
        }
        boolean unfinished = false;
        for (DefaultExperiment.Column c : cols) {
            if (c.details() != null && !DefaultExperimentTable.valid(c)) {
                unfinished = true;
                env.err().println("error: default experiment: the " + c.variant() + " run did not finish ("
                        + c.details().result().summary().status().jsonName() + "); its figures are not results");
            }
        }
        return cols.get(0).details() == null || unfinished ? ExitCodes.FAILURE : ExitCodes.OK;
    }

    /** Where the side-by-side comparison page goes, under the experiment's directory. */
    static final String COMPARISON_DIR = "comparison";

    /** The measurements the comparison page plots for every receiver that ran. */
    private static final List<ComparisonCharts.Curve> CURVES = List.of(
            new ComparisonCharts.Curve("bulk.c0", "throughputBitsPerSec", "bulk goodput"),
            new ComparisonCharts.Curve("server", "cpuUtilization", "receiver CPU utilisation"),
            new ComparisonCharts.Curve("server", "pcieUtilizationToHost", "receiver PCIe utilisation, device to host"),
            new ComparisonCharts.Curve("bulk.c0", "cwndBytes", "bulk sender congestion window"));

    private static void writeComparison(Path base, List<DefaultExperiment.Column> cols) throws Exception {
        Map<String, TimeSeries> runs = new LinkedHashMap<>();
        List<String[]> links = new java.util.ArrayList<>();
        for (DefaultExperiment.Column c : cols) {
            if (DefaultExperimentTable.valid(c)) {
                runs.put(c.variant(), c.details().result().timeSeries());
                links.add(new String[] {c.variant(), "../" + c.variant() + "/index.html"});
            }
        }
        String table = DefaultExperimentTable.table(cols);
        AtomicOutputDirectory.write(base.resolve(COMPARISON_DIR), "comparison", tmp -> {
            ComparisonPage.write(tmp, "ToeSim default experiment: host stack vs TOE", table,
                    ComparisonCharts.of(runs, CURVES), links);
            return null;
        });
    }

    private Integer kernelDemo() {
        if (customers < 1000) {
            env.err().println("error: --customers must be >= 1000");
            return ExitCodes.INPUT;
        }
        List<KernelDemo.Row> rows = KernelDemo.runAll(customers, 1);
        if (common.json) {
            env.out().println(Json.write(rows));
            return ExitCodes.OK;
        }
        env.out().println("ToeSim kernel demo: M/M/1 queue, mean service 1us, " + customers
                + " measured customers per load (10% warm-up), seed 1");
        env.out().println("streams mm1.arrivals, mm1.service; analytic Wq = rho / (mu - lambda)");
        env.out().println();
        env.out().println(String.format(Locale.ROOT, "%6s %12s %14s %14s %9s %12s %14s", "load", "customers",
                "sim Wq (us)", "exact Wq (us)", "error", "events", "events/s"));
        for (KernelDemo.Row r : rows) {
            env.out().println(String.format(Locale.ROOT, "%6.2f %12d %14.4f %14.4f %+8.2f%% %12d %14s", r.load(),
                    r.customers(), r.simulatedWaitUs(), r.analyticWaitUs(), r.relativeError() * 100, r.events(),
                    ProgressReporter.si(r.eventsPerSec())));
        }
        return ExitCodes.OK;
    }
}
