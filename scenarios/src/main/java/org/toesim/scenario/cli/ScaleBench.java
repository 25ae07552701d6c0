package org.toesim.scenario.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import org.toesim.host.stack.StackConfig;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.result.CardReport;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;

/**
 * {@code toesim bench --scale}: the simulator's speed and memory from 1 to 100,000 concurrent
 * connections, one JSON line per size. Every size runs the same offered load, so only the
 * number of connections changes:
 * <pre>
 *   N request-response connections a -&gt; b (10 Gbit/s, 10 us), 256 B requests, 1 KiB responses,
 *   think time N x 10 us (100,000 transactions per simulated second in all),
 *   connects spread over J = min(think time, 1 s), R = max(5, transactions / N) requests each
 *   --&gt; every connection is open from its connect (before J) to its R-th answer (after R x think
 *       time &gt;= 5 J): all N are established together from J on
 *   probe at J + think/2: full GC, live heap  (N established, each between two requests)
 * </pre>
 * With a TOE receiver its CCB table holds every connection ({@code ccbCapacity} = N, policy
 * {@code always}) and {@code ccbPeak} in the line shows they were all offloaded at once.
 * Wall time includes building the model; JIT warm-up is in the first size.
 */
final class ScaleBench {
    /** Aggregate transactions per simulated second, the same at every size. */
    static final long TRANSACTIONS_PER_SIM_SECOND = 100_000;
    /** Think time of each connection per connection in the run: N x this. */
    static final long THINK_PS_PER_CONNECTION = 10_000_000L;
    /** Requests per connection at least, so the connections overlap (J &lt;= think time). */
    static final int MIN_REQUESTS = 5;
    /** Connect window at most (variation.startJitter's limit). */
    static final long MAX_JITTER_PS = 1_000_000_000_000L;

    private final PrintWriter out;
    private final boolean toe;
    private final String card;

    ScaleBench(PrintWriter out, boolean toe, String card) {
        this.out = out;
        this.toe = toe;
        this.card = card;
    }

    /** Runs every size in order; false if a run did not complete (its line says why). */
    boolean run(int[] sizes, long transactions) throws Exception {
        boolean ok = true;
        for (int n : sizes) {
            ok &= runOne(n, transactions);
        }
        return ok;
    }

    private boolean runOne(int n, long transactions) throws Exception {
        long thinkPs = n * THINK_PS_PER_CONNECTION;
        long jitterPs = Math.min(thinkPs, MAX_JITTER_PS);
        int requests = (int) Math.max(MIN_REQUESTS, (transactions + n - 1) / n);
        int serverPorts = (n + StackConfig.EPHEMERAL_PORTS - 1) / StackConfig.EPHEMERAL_PORTS;
        // a safety limit only: each request also waits a round trip and the hosts' work (< 1 ms)
        long limitPs = jitterPs + (requests + 2L) * (thinkPs + 1_000_000_000L) + 10_000_000_000_000L;
        Scenario s = scenario(n, thinkPs, jitterPs, requests, serverPorts, limitPs);
        long probePs = jitterPs + thinkPs / 2;
        long[] liveHeap = {-1};
        RunContext ctx = new RunContext(null, (nowPs, endPs, events) -> {
            if (liveHeap[0] < 0 && nowPs >= probePs) {
                liveHeap[0] = liveHeapBytes();
            }
        }, false);
        long t0 = System.nanoTime();
        SummaryReport r = new ModelExecutor().execute(s, ctx).summary();
        double wallS = (System.nanoTime() - t0) / 1e9;
        long done = 0;
        for (var c : r.connections()) {
            done += c.finished() ? 1 : 0;
        }
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("connections", n);
        line.put("receiver", toe ? "toe:" + card : "host");
        line.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        if (r.statusReason() != null) {
            line.put("statusReason", r.statusReason());
        }
        line.put("connectionsFinished", done);
        line.put("serverPorts", serverPorts);
        line.put("requestsPerConnection", requests);
        line.put("thinkTimeUs", thinkPs / 1_000_000.0);
        line.put("transactions", (long) n * requests);
        line.put("wallSeconds", round(wallS, 3));
        line.put("simSeconds", round(r.simTimePs() / 1e12, 6));
        line.put("events", r.events());
        line.put("eventsPerWallSecond", Math.round(r.events() / wallS));
        line.put("eventsPerTransaction", round((double) r.events() / ((long) n * requests), 1));
        line.put("liveHeapMiBEstablished", liveHeap[0] < 0 ? null : round(liveHeap[0] / 1048576.0, 1));
        line.put("heapLimitMiB", Runtime.getRuntime().maxMemory() >> 20);
        // frames the adapters dropped on receive: each a loss TCP recovers, often by a timeout
        line.put("rxDrops", r.nics().stream().mapToLong(NicReport::rxDrops).sum());
        CardReport k = card(r);
        if (k != null) {
            line.put("ccbPeak", k.ccbPeakOccupancy());
            line.put("ccbCapacity", k.ccbCapacity());
        }
        out.println(Json.line(line));
        out.flush();
        return r.status().valid() && done == n;
    }

    private static CardReport card(SummaryReport r) {
        for (NicReport nic : r.nics()) {
            if (nic.card() != null) {
                return nic.card();
            }
        }
        return null;
    }

    /** Heap in use after a full collection: what the model holds (the bench's own probe, not model code). */
    private static long liveHeapBytes() {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private Scenario scenario(int n, long thinkPs, long jitterPs, int requests, int serverPorts, long limitPs)
            throws Exception {
        String b = toe ? "{\"name\": \"b\", \"nic\": {\"model\": \"toe\", \"card\": \"" + card + "\", \"ccbCapacity\": "
                + Math.max(n, 1) + "}, \"offload\": \"always\"}" : "{\"name\": \"b\"}";
        String json = """
                {"name": "bench-scale-%d", "hosts": [{"name": "a"}, %s],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "10us"}],
                 "variation": {"startJitter": "%dps"},
                 "workloads": [{"type": "requestResponse", "from": "a", "to": "b", "connections": %d, "serverPorts": %d,
                   "request": "256B", "response": "1KiB", "requests": %d, "thinkTime": "%dps", "port": 20000}],
                 "budget": {"maxEvents": 0, "maxMemory": 0},
                 "stop": {"until": "workloadsDone", "limit": "%dps"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """.formatted(n, b, jitterPs, n, serverPorts, requests, thinkPs, limitPs);
        return ScenarioDocument.parse(json, "bench --scale", ScenarioDocument.Syntax.JSON).bind();
    }
}
