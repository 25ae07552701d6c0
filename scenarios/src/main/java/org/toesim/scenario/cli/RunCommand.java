package org.toesim.scenario.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.toesim.core.units.Units;
import org.toesim.scenario.result.AtomicOutputDirectory;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.HostReport;
import org.toesim.scenario.chart.ChartInputException;
import org.toesim.scenario.chart.ChartOptions;
import org.toesim.scenario.chart.SequenceCharts;
import org.toesim.scenario.result.IndexHtmlWriter;
import org.toesim.scenario.result.BottleneckReport;
import org.toesim.scenario.result.CardReport;
import org.toesim.scenario.result.LatencyReport;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.result.OutputLocationException;
import org.toesim.scenario.result.ResultWriter;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.StatusReport;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.FieldException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code toesim run FILE}: runs a scenario and writes its output directory all-or-nothing.
 *
 * <pre>
 *   load + --set + --seed --(bad input)--&gt; exit 2, nothing written
 *   model available? --no--&gt; exit 1, nothing written
 *   OUT a file, a foreign non-empty dir, unwritable --&gt; exit 2, one line, nothing touched
 *   tmp dir beside OUT: model runs (pcap/trace into tmp), ResultWriter fills tmp
 *   rename tmp -&gt; OUT; print summary table (or summary JSON with --json)
 *   status not a result (limitReached, stalled, failed): still written (status in summary.json,
 *   banner in index.html), no table; the reason and unfinished connections on stderr, exit 1
 * </pre>
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a scenario and write its results.")
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    ToesimCommand root;

    @Mixin
    CommonOptions common;

    @Mixin
    LogOptions logOptions;

    @Parameters(paramLabel = "FILE", description = "Scenario file (.json, .yaml or .yml).")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default toesim-out/<scenario name>).")
    Path out;

    @Option(names = "--seed", description = "Master seed (overrides the file).")
    Long seed;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field, e.g. hosts[1].nic.ccbCapacity=8.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--pcap", description = "Also write capture.pcap.")
    boolean pcap;

    @Option(names = "--trace", arity = "0..1", fallbackValue = "all", paramLabel = "CATEGORIES",
            description = "Also write trace.jsonl (and the sequence chart); =offload,pcie,tcp keeps only those "
                    + "categories (app, socket, tcp, offload, driver, cpu, pcie, nic, card, wire, other).")
    String trace;

    @Option(names = "--trace-conn", paramLabel = "IP:PORT[>IP:PORT]",
            description = "Trace only records about this connection (and records about none).")
    String traceConn;

    @Option(names = "--check-invariants", description = "Check the model's invariants after every event "
            + "(byte conservation, one owner per connection, ring and credit bounds, time order); "
            + "a violation fails the run (exit 1).")
    boolean checkInvariants;

    /** Traces larger than this get no chart written by {@code run} ({@code toesim chart} with a window does). */
    static final long MAX_CHARTED_TRACE_BYTES = 400L << 20;

    /** The sequence chart of the run's trace, beside it (when there is one and it is not huge). */
    private static void chart(CliEnvironment env, Path trace, Path dir, String name) throws IOException {
        if (!Files.exists(trace)) {
            return;
        }
        if (Files.size(trace) > MAX_CHARTED_TRACE_BYTES) {
            env.err().println("note: trace.jsonl is " + (Files.size(trace) >> 20) + " MiB: no sequence chart written "
                    + "(toesim chart trace.jsonl --from T --to T --conn C charts a window of it)");
            return;
        }
        try {
            SequenceCharts.write(trace, dir, ChartOptions.all(name));
        } catch (ChartInputException e) {
            throw new IllegalStateException("the run's own trace could not be charted: " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() throws Exception {
        CliEnvironment env = root.env;
        Scenario s;
        try {
            s = Inputs.load(file, sets, seed);
        } catch (ScenarioException e) {
            return Inputs.report(env, common, e);
        }
        s = s.withOutputs(s.outputs().orWith(pcap, false));
        if (trace != null || traceConn != null) {
            try {
                s = s.withOutputs(s.outputs().withTrace(trace == null || trace.equals("all") ? null : trace, traceConn));
            } catch (FieldException e) {
                env.err().println("error: --" + (e.field().equals("traceConnection") ? "trace-conn" : "trace") + ": "
                        + e.getMessage());
                return ExitCodes.INPUT;
            }
        }
        Optional<ScenarioExecutor> model = Execution.model(env, s);
        if (model.isEmpty()) {
            return ExitCodes.FAILURE;
        }
        Path target = out != null ? out : Path.of("toesim-out", s.name());
        ProgressReporter progress = new ProgressReporter(env.err(), env.interactive() && !common.quiet && !common.json,
                System::nanoTime);
        Scenario scenario = s;
        RunResult result;
        try {
            result = AtomicOutputDirectory.write(target, tmp -> {
                RunResult r = Execution.run(model.get(), scenario, new RunContext(tmp, progress).withInvariantChecks(checkInvariants));
                chart(env, tmp.resolve("trace.jsonl"), tmp, scenario.name());
                ResultWriter.write(r, scenario.outputs(), tmp);
                return r;
            });
        } catch (OutputLocationException e) {
            return Inputs.fail(env, ExitCodes.INPUT, "--out " + e.getMessage());
        } catch (ScenarioException e) {
            progress.finish();
            return Inputs.report(env, common, e);
        } catch (SimulationException e) {
            progress.finish();
            return Inputs.fail(env, ExitCodes.FAILURE, e.getMessage());
        }
        progress.finish();
        SummaryReport summary = result.summary();
        if (common.json) {
            env.out().println(Json.write(summary));
        }
        if (!summary.status().valid()) {
            // not a result: no table on stdout, the reason and every unfinished connection on stderr
            reportNotFinished(env, summary, target);
            return ExitCodes.FAILURE;
        }
        if (!common.json && !common.quiet) {
            printTable(env, summary);
            env.out().println("results: " + target.resolve("index.html"));
        }
        return ExitCodes.OK;
    }

    /** The multi-line failure of a run that is not a result, on stderr. */
    static void reportNotFinished(CliEnvironment env, SummaryReport s, Path dir) {
        java.util.List<String> lines = StatusReport.lines(s);
        env.err().println("error: " + lines.get(0));
        for (String l : lines.subList(1, lines.size())) {
            env.err().println(l);
        }
        if (dir != null) {
            env.err().println("partial run written to " + dir.resolve("summary.json") + " (status "
                    + s.status().jsonName() + "); not a valid result");
        }
    }

    static void printTable(CliEnvironment env, SummaryReport s) {
        env.out().println(String.format(Locale.ROOT, "%s  seed %d  simulated %s  %d events  %d ms wall  digest %s",
                s.scenario(), s.seed(), Units.formatTime(s.simTimePs()), s.events(), s.wallTimeMs(), s.traceDigest()));
        env.out().println(String.format(Locale.ROOT, "%-14s %-8s %-8s %14s %12s %8s %9s %8s  %s", "connection", "from",
                "to", "bytes", "goodput", "retx", "offloaded", "flushes", "integrity"));
        for (ConnectionReport c : s.connections()) {
            env.out().println(String.format(Locale.ROOT, "%-14s %-8s %-8s %14d %12s %8s %9s %8d  %s", c.id(), c.from(),
                    c.to(), c.bytesDelivered(), IndexHtmlWriter.rate(c.goodputBitsPerSec()),
                    c.retransmits() < 0 ? "-" : Long.toString(c.retransmits()), c.offloaded() ? "yes" : "no", c.flushes(),
                    c.integrity()));
        }
        env.out().println(String.format(Locale.ROOT, "%-14s %8s %14s %14s", "host", "cpu", "cycles/B rx", "cycles/B tx"));
        for (HostReport h : s.hosts()) {
            env.out().println(String.format(Locale.ROOT, "%-14s %7.1f%% %14.3f %14.3f", h.name(),
                    h.cpuUtilization() * 100, h.cyclesPerByteRx(), h.cyclesPerByteTx()));
        }
        env.out().println(String.format(Locale.ROOT, "%-14s %-6s %9s %8s %8s %8s %12s %12s %9s %9s %9s", "nic", "model",
                "offloads", "refused", "on host", "flushes", "fast path", "slow path", "rx drops", "pcie->h", "pcie->d"));
        for (NicReport n : s.nics()) {
            env.out().println(String.format(Locale.ROOT, "%-14s %-6s %9d %8d %8d %8d %12d %12d %9d %8.1f%% %8.1f%%",
                    n.host(), n.model(), n.offloads(), n.offloadsRefused(), n.offloadsNotPossible(), n.flushes(),
                    n.fastPathSegments(), n.slowPathSegments(), n.rxDrops(), n.pcieUtilizationToHost() * 100,
                    n.pcieUtilizationToDevice() * 100));
        }
        for (NicReport n : s.nics()) {
            CardReport k = n.card();
            if (k != null) {
                env.out().println(String.format(Locale.ROOT,
                        "card %-9s cores %5.1f%% (busiest %5.1f%%), queue drops %d, no-buffer drops %d, CCBs %d of %d (mean %.1f, peak %d), buffer-starved %.3g connection-s (%d times), uploads requested %d%s",
                        n.host(), k.coreUtilization() * 100, k.busiestCoreUtilization() * 100, k.framesRefusedBusy(),
                        k.framesDroppedNoBuffer(), k.ccbOccupied(), k.ccbCapacity(), k.ccbMeanOccupancy(), k.ccbPeakOccupancy(),
                        k.bufferStarvationSeconds(), k.bufferStarvationEpisodes(),
                        k.uploadRequests(), k.hostClosesOnCard() + k.peerClosesOnCard() == 0 ? ""
                                : ", closes on card " + k.hostClosesOnCard() + " (peer FINs " + k.peerClosesOnCard() + ")"));
            }
        }
        printLatencies(env, s);
        printBottlenecks(env, s);
    }

    /** One line per measured latency distribution, in readable time units. */
    static void printLatencies(CliEnvironment env, SummaryReport s) {
        if (s.latencies().isEmpty()) {
            return;
        }
        env.out().println(String.format(Locale.ROOT, "%-14s %-10s %7s %12s %12s %12s %12s %12s %12s", "latency", "kind",
                "count", "min", "p50", "p90", "p99", "p99.9", "max"));
        for (LatencyReport l : s.latencies()) {
            env.out().println(String.format(Locale.ROOT, "%-14s %-10s %7d %12s %12s %12s %12s %12s %12s", l.connection(),
                    l.kind(), l.count(), time(l.minPs()), time(l.p50Ps()), time(l.p90Ps()), time(l.p99Ps()),
                    time(l.p999Ps()), time(l.maxPs())));
        }
    }

    /** What limited each workload (the bottleneck report), one line each. */
    static void printBottlenecks(java.io.PrintWriter out, String prefix, SummaryReport s) {
        for (BottleneckReport b : s.bottlenecks()) {
            if (b.startPs() < 0) {
                continue;
            }
            out.println(prefix + "limit " + b.workload() + " (" + b.type() + ", " + Units.formatTime(b.startPs()) + " to "
                    + Units.formatTime(b.endPs()) + (b.finished() ? "" : ", unfinished") + "): " + b.line());
        }
    }

    private static void printBottlenecks(CliEnvironment env, SummaryReport s) {
        printBottlenecks(env.out(), "", s);
    }

    private static String time(double ps) {
        return IndexHtmlWriter.time(ps);
    }
}
