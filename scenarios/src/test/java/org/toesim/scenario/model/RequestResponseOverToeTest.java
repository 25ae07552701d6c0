package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * Issue 9, w1.c0 of {@code livelock/full-variant.json}: request-response into a TOE host whose
 * connection stays on the host stack until 1 MiB (offload afterBytes) crawled at one 200 ms
 * RTO per response. The card refused every host-stack send longer than one DMA read (a 32 KiB
 * TSO send, 16 KiB reads) and dropped its data without a word.
 */
class RequestResponseOverToeTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    private static SummaryReport run(String limit) throws Exception {
        String json = """
                {"name": "rr-toe", "seed": 42,
                 "stop": {"until": "workloadsDone", "limit": "%s"},
                 "hosts": [{"name": "client"},
                           {"name": "server", "nic": {"model": "toe"}, "offload": {"afterBytes": "1MiB"}}],
                 "switches": [{"name": "sw", "latency": "500ns"}],
                 "links": [{"name": "l1", "between": ["client", "sw"], "rate": "25Gbps"},
                           {"name": "l2", "between": ["sw", "server"], "rate": "25Gbps"}],
                 "workloads": [{"type": "requestResponse", "from": "client", "to": "server",
                                "request": "128B", "response": "32KiB", "requests": 50, "thinkTime": "10us",
                                "tcp": {"sack": true, "timestamps": true, "windowScale": true, "nagle": false,
                                        "delayedAck": true, "minRto": "200ms", "mss": 1460}}]}
                """.formatted(limit);
        return new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
    }

    @Test
    void responsesSentByTheHostStackOverTheToeAllArriveWithoutATimeout() throws Exception {
        SummaryReport r = run("25ms");
        ConnectionReport c = r.connections().get(0);
        assertEquals(RunStatus.COMPLETED, r.status(), r.statusReason() + " " + c);
        assertEquals(50L * (128 + 32768), c.bytesDelivered());
        // no RTO: the whole exchange takes a few ms (it took 50 x 200 ms before)
        assertTrue(r.simTimePs() < 25_000_000_000L, "sim time " + r.simTimePs());
        assertTrue(c.offloaded(), "the connection reached 1 MiB and went to the card: " + c);
    }

    @Test
    void anUnfinishedRowSaysWhatTheServerEndWaitsForToo() throws Exception {
        SummaryReport r = run("1ms");
        ConnectionReport c = r.connections().get(0);
        assertEquals(RunStatus.LIMIT_REACHED, r.status(), r.statusReason());
        assertTrue(c.waitingFor().contains("client: "), c.waitingFor());
        assertTrue(c.waitingFor().contains("; server: "), c.waitingFor());
    }

    private static double p50Us(String server) throws Exception {
        var d = new ModelExecutor().run(Scenarios.parse("""
                {"name": "rr-latency", "seed": 1, "hosts": [{"name": "client", "cores": 4}, %s],
                 "links": [{"between": ["client", "server"], "rate": "10Gbps", "delay": "2us"}],
                 "workloads": [{"type": "requestResponse", "from": "client", "to": "server", "request": "128B",
                   "response": "16KiB", "requests": 200, "tcp": {"congestionControl": "newreno"}}],
                 "stop": {"until": "workloadsDone", "limit": "2s"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """.formatted(server)), NO_FILES);
        assertEquals(RunStatus.COMPLETED, d.result().summary().status());
        return d.requestLatencyPs().values().iterator().next().p50() / 1e6;
    }

    /**
     * The responder posts its next read when it issues the answer's send (overlapped I/O), so an
     * offloaded server, whose send returns only at the client's ACK, does not make the next
     * request wait on the card for a buffer: the default experiment's TOE p50 was 196 us against
     * the host stack's 149, and is 141 now.
     */
    @Test
    void aToeServerAnswersAtLeastAsFastAsTheHostStack() throws Exception {
        double host = p50Us("{\"name\": \"server\", \"cores\": 4}");
        double toe = p50Us("{\"name\": \"server\", \"cores\": 4, \"nic\": {\"model\": \"toe\"}, \"offload\": \"always\"}");
        assertTrue(toe <= host, "request p50: TOE " + toe + " us, host stack " + host + " us");
    }
}
