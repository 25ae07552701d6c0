package org.toesim.scenario.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.toesim.host.stack.StackConfig;
import org.toesim.scenario.model.BenchRuns;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code toesim bench}: the shapes of the ns-3 peer benchmarks (/work/shared/bench/ns3), run
 * through the whole model (host stacks, drivers, PCIe, plain NICs, link), reporting wall time
 * and simulated work per wall second:
 * <pre>
 *   S1  one NewReno flow, 10 Gbit/s, 10 us, MSS 1448 (+12 B timestamps), 4 MiB buffers
 *       --&gt; data segments received per wall second
 *   S3  short connections as shortconn.cc: closed loop (--s3-concurrency open at once, next one
 *       opened when one completes), 16 KiB request, 16 KiB answer, client closes
 *       --&gt; connections per wall second
 * </pre>
 * With {@code --toe} host b (S1's receiver, S3's server) is a TOE with the card profile
 * {@code --card} and offload policy {@code always}: the same shapes through the offload path.
 * {@code --scale} runs {@link ScaleBench} instead.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the ns-3 comparison shapes (S1 bulk, S3 short connections) and report wall-time rates.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand
    ToesimCommand root;

    @Mixin
    LogOptions logOptions;

    @Option(names = "--s1-size", description = "S1 transfer size (default ${DEFAULT-VALUE}; ns-3 used 1GiB).",
            defaultValue = "256MiB")
    String s1Size;

    @Option(names = "--s3-count", description = "S3 connections (default ${DEFAULT-VALUE}; ns-3 used 10000).",
            defaultValue = "10000")
    int s3Count;

    @Option(names = "--s3-concurrency", description = "S3 connections open at once (default ${DEFAULT-VALUE}, as ns-3's S3_seq).",
            defaultValue = "1")
    int s3Concurrency;

    @Option(names = "--warmup", description = "First run both shapes small (S1 64MiB, S3 1000) in this JVM, untimed,"
            + " so the figures exclude JIT warm-up.")
    boolean warmup;

    @Option(names = "--toe", description = "Host b (S1 receiver, S3 server) is a TOE that offloads every connection.")
    boolean toe;

    @Option(names = "--card", description = "The TOE's card profile with --toe: baseline, t110 or modern (default ${DEFAULT-VALUE}).",
            defaultValue = "baseline")
    String card;

    @Option(names = "--close", description = "Where the TOE runs a close with --toe: upload, card or cardTimeWait"
            + " (nic.close; default ${DEFAULT-VALUE}).", defaultValue = "upload")
    String close;

    @Option(names = "--only", description = "Run only this shape: s1 or s3 (default both).")
    String only;

    @Option(names = "--scale", description = "Instead of S1/S3: the scaling run, one JSON line per --sizes entry"
            + " (request-response connections at a fixed offered load; with --toe all offloaded).")
    boolean scale;

    @Option(names = "--sizes", split = ",", description = "Concurrent connections per scaling run (default ${DEFAULT-VALUE}).",
            defaultValue = "1,10,100,1000,10000,100000")
    int[] sizes;

    @Option(names = "--transactions", description = "Request-response transactions per scaling run at least"
            + " (default ${DEFAULT-VALUE}; each connection does at least 5).", defaultValue = "200000")
    long transactions;

    /** S3 connections one client address can open within TIME_WAIT: its ephemeral ports. */
    private static final int S3_MAX_COUNT = StackConfig.EPHEMERAL_PORTS;

    /** Bytes of the server's answer in S3 (shortconn.cc --resp). */
    private static final int S3_RESPONSE_BYTES = 16_384;

    @Override
    public Integer call() throws Exception {
        var out = root.env.out();
        if (scale) {
            for (int n : sizes) {
                if (n < 1 || n > 1_000_000) {
                    return Inputs.fail(root.env, ExitCodes.INPUT, "--sizes " + n + ": expected 1..1000000 connections");
                }
            }
            if (transactions < 1) {
                return Inputs.fail(root.env, ExitCodes.INPUT, "--transactions " + transactions + ": expected >= 1");
            }
            return new ScaleBench(out, toe, card).run(sizes, transactions) ? ExitCodes.OK : ExitCodes.FAILURE;
        }
        if (s3Count > S3_MAX_COUNT) {
            // one client address, sequential connections closed by the client: each holds its
            // port in TIME_WAIT for 2 x MSL (60 s), longer than the whole run takes
            return Inputs.fail(root.env, ExitCodes.INPUT, "--s3-count " + s3Count + ": at most " + S3_MAX_COUNT
                    + " (the client's ephemeral ports " + StackConfig.EPHEMERAL_LOW_PORT + ".."
                    + StackConfig.EPHEMERAL_HIGH_PORT + "; each closed connection holds one in TIME_WAIT"
                    + " for 2 x MSL = 60 s, longer than the run)");
        }
        if (only != null && !only.equals("s1") && !only.equals("s3")) {
            return Inputs.fail(root.env, ExitCodes.INPUT, "--only " + only + ": expected s1 or s3");
        }
        if (warmup) {
            run(s1Scenario("64MiB"));
            BenchRuns.shortConnectionsClosedLoop(s3Scenario(1000), s3Concurrency, S3_RESPONSE_BYTES);
            out.println("(JIT warm-up runs done: S1 64MiB, S3 1000 connections)");
        }
        if (!"s3".equals(only)) {
            runS1(out);
        }
        if (!"s1".equals(only) && !runS3(out)) {
            return ExitCodes.FAILURE;
        }
        out.println("ns-3.37 on this class of machine: S1 10G 21.9k data segments per wall second; S3 200 connections/s");
        return ExitCodes.OK;
    }

    private void runS1(java.io.PrintWriter out) throws Exception {
        Scenario s1 = s1Scenario(s1Size);
        SummaryReport r1 = run(s1);
        long segments = r1.nics().get(1).slowPathSegments() + r1.nics().get(1).fastPathSegments();
        String receiver = toe ? " (TOE receiver, card " + card + ")" : "";
        out.println(String.format(Locale.ROOT, "S1 10G bulk %s%s: wall %.2f s, simulated %.3f s, %d events, goodput %.3f Gbit/s,"
                        + " %d segments received, %.1fk data segments per wall second, %.2f M events/s",
                s1Size, receiver, r1.wallTimeMs() / 1e3, r1.simTimePs() / 1e12, r1.events(),
                r1.connections().get(0).goodputBitsPerSec() / 1e9, segments,
                segments / (r1.wallTimeMs() / 1e3) / 1e3, r1.events() / (r1.wallTimeMs() / 1e3) / 1e6));
    }

    /** Runs S3; false (after saying so) if not every connection completed: its figures are not a result. */
    private boolean runS3(java.io.PrintWriter out) throws Exception {
        Scenario s3 = s3Scenario(s3Count);
        BenchRuns.ShortConnectionsOutcome r3 = BenchRuns.shortConnectionsClosedLoop(s3, s3Concurrency, S3_RESPONSE_BYTES);
        double wall3 = r3.wallNs() / 1e9;
        out.println(String.format(Locale.ROOT, "S3 short connections x %d%s (16 KiB each way, concurrency %d): wall %.2f s,"
                        + " simulated %.3f s, %d events, %d completed, %d failed, %.0f connections per wall second,"
                        + " %.2f M events/s",
                s3Count, toe ? " (TOE server, card " + card + ")" : "", s3Concurrency, wall3, r3.simTimePs() / 1e12, r3.events(), r3.completed(), r3.failed(),
                r3.completed() / wall3, r3.events() / wall3 / 1e6));
        if (r3.failed() > 0 || r3.completed() != s3Count) {
            root.env.err().println("error: S3 did not complete: " + r3.completed() + " of " + s3Count
                    + " connections, " + r3.failed() + " failed; its figures are not a result");
            return false;
        }
        return true;
    }

    /** Host b: plain, or a TOE with {@code --card} and {@code --close} offloading every connection. */
    private String hostB() {
        return toe ? "{\"name\": \"b\", \"nic\": {\"model\": \"toe\", \"card\": \"" + card + "\", \"close\": \"" + close
                + "\"}, \"offload\": \"always\"}"
                : "{\"name\": \"b\"}";
    }

    private Scenario s1Scenario(String size) throws Exception {
        return scenario("""
                {"name": "bench-s1", "hosts": [{"name": "a"}, %s],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "10us", "queue": "4MiB"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "%s",
                   "tcp": {"congestionControl": "newreno", "mss": 1460, "sendBuffer": "4MiB", "receiveBuffer": "4MiB"}}],
                 "stop": {"until": "workloadsDone", "limit": "600s"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """.formatted(hostB(), size));
            }

    private Scenario s3Scenario(int count) throws Exception {
        return scenario("""
                {"name": "bench-s3", "hosts": [{"name": "a"}, %s],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "10us"}],
                 "workloads": [{"type": "shortConnections", "from": "a", "to": "b", "count": %d, "size": "16KiB",
                   "port": 8080, "tcp": {"congestionControl": "newreno", "nagle": false}}],
                 "stop": {"until": "workloadsDone", "limit": "600s"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """.formatted(hostB(), count));
    }

    private static Scenario scenario(String json) throws Exception {
        return ScenarioDocument.parse(json, "bench", ScenarioDocument.Syntax.JSON).bind();
    }

    private static SummaryReport run(Scenario s) throws Exception {
        RunResult r = new ModelExecutor().execute(s, new RunContext(null, ProgressListener.NONE));
        return r.summary();
    }
}
