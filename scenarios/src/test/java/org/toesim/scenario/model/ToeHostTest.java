package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.spec.ScenarioException;

/** TOE hosts assembled by the model: the handoff, the fast path, sends while offloaded, faults. */
class ToeHostTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    private static String bulk(String bHost, boolean realBytes, String faults) {
        return """
                {"name": "t", "seed": 5,
                 "hosts": [{"name": "a"}, %s],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "2MiB",
                                "tcp": {"realBytes": %s}}],
                 "faults": [%s],
                 "stop": {"until": "workloadsDone", "limit": "1s"}}
                """.formatted(bHost, realBytes, faults);
    }

    private static SummaryReport run(String json) throws Exception {
        return new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
    }

    @Test
    void bulkIntoAToeIsOffloadedPlacedOnTheFastPathWithRealBytesIntact() throws Exception {
        SummaryReport toe = run(bulk("{\"name\": \"b\", \"nic\": {\"model\": \"toe\"}, \"offload\": \"always\"}", true,
                ""));
        SummaryReport host = run(bulk("{\"name\": \"b\"}", true, ""));
        ConnectionReport c = toe.connections().get(0);
        assertEquals(2 << 20, c.bytesDelivered());
        assertEquals(ConnectionReport.INTEGRITY_OK, c.integrity(), "real bytes compared at the receiver");
        assertTrue(c.offloaded());
        assertEquals(1, c.flushes(), "the FIN brings the connection back to the host once");
        NicReport nic = toe.nics().get(1);
        assertEquals("toe", nic.model());
        assertEquals(1, nic.offloads());
        // 2 MiB in ~1448 B segments: nearly all of them on the card's fast path
        assertTrue(nic.fastPathSegments() > 1300, nic.toString());
        assertTrue(nic.slowPathSegments() < 40, nic.toString());
        // the receiver's CPU: copies and checksums gone (SYSTEM.md behaviour 3)
        double toeCpb = toe.hosts().get(1).cyclesPerByteRx();
        double hostCpb = host.hosts().get(1).cyclesPerByteRx();
        assertTrue(toeCpb < hostCpb / 10, "TOE " + toeCpb + " vs host stack " + hostCpb + " cycles/byte");
        assertTrue(toe.connections().get(0).goodputBitsPerSec() > 1e9, toe.connections().toString());
    }

    @Test
    void neverKeepsEveryConnectionOnTheHostStackOverTheToe() throws Exception {
        SummaryReport r = run(bulk("{\"name\": \"b\", \"nic\": {\"model\": \"toe\"}, \"offload\": \"never\"}", true,
                ""));
        assertEquals(ConnectionReport.INTEGRITY_OK, r.connections().get(0).integrity());
        assertTrue(!r.connections().get(0).offloaded());
        assertEquals(0, r.nics().get(1).offloads());
        assertEquals(0, r.nics().get(1).fastPathSegments());
        assertTrue(r.nics().get(1).slowPathSegments() > 1400, r.nics().get(1).toString());
    }

    @Test
    void cardResetMidTransferFlushesToTheHostAndLosesNothing() throws Exception {
        SummaryReport r = run(bulk("{\"name\": \"b\", \"nic\": {\"model\": \"toe\"}, \"offload\": \"always\"}", true,
                "{\"type\": \"cardReset\", \"at\": \"1ms\", \"host\": \"b\"}"));
        ConnectionReport c = r.connections().get(0);
        assertEquals(2 << 20, c.bytesDelivered());
        assertEquals(ConnectionReport.INTEGRITY_OK, c.integrity());
        assertTrue(c.offloaded());
        assertEquals(1, r.nics().get(1).flushes(), r.nics().get(1).toString());
    }

    @Test
    void cardResetOfAPlainNicIsAnInputError() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> run(bulk("{\"name\": \"b\"}", false,
                "{\"type\": \"cardReset\", \"at\": \"1ms\", \"host\": \"b\"}")));
        assertTrue(e.getMessage().contains("faults[0].host"), e.getMessage());
    }

    @Test
    void anOffloadedServerAnswersThroughTheAdapter() throws Exception {
        String json = """
                {"name": "rr", "seed": 3,
                 "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}, "offload": "always"}],
                 "workloads": [{"type": "requestResponse", "from": "a", "to": "b", "request": "128B",
                                "response": "16KiB", "requests": 40}],
                 "stop": {"until": "workloadsDone", "limit": "1s"}}
                """;
        var s = Scenarios.parse(json);
        var t = Topology.build(s, new RunOutputs(s, null), new org.toesim.core.event.TrajectoryDigest());
        HostNode b = t.hosts.get("b");
        t.sim.runUntil(3_000_000_000L);
        // mid-run: the server's connection is on the card and its responses went as adapter sends
        assertEquals(1, b.manager.offloadedConnections());
        assertTrue(b.manager.counters().sendsPosted() > 0, b.manager.counters().toString());
        assertTrue(b.manager.counters().bytesSentAcked() >= 16 * 1024, b.manager.counters().toString());
        var d = new ModelExecutor().run(s, NO_FILES);
        var latency = d.requestLatencyPs().values().iterator().next();
        assertEquals(40, latency.count());
        assertEquals(40L * (16 * 1024 + 128), d.result().summary().connections().get(0).bytesDelivered());
    }

    @Test
    void anAdapterSendCutShortByAFlushIsFinishedByTheHostStackExactlyOnce() throws Exception {
        // 256 KiB responses from an offloaded server; the connection comes back mid-response
        // (upload request or the card reset), so a send request returns FLUSHED part-acknowledged
        SummaryReport r = run("""
                {"name": "rr-flush", "seed": 3,
                 "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}, "offload": "always"}],
                 "workloads": [{"type": "requestResponse", "from": "a", "to": "b", "request": "128B",
                                "response": "256KiB", "requests": 40, "tcp": {"realBytes": true}}],
                 "faults": [{"type": "cardReset", "at": "3ms", "host": "b"}],
                 "stop": {"until": "workloadsDone", "limit": "1s"}}
                """);
        ConnectionReport c = r.connections().get(0);
        assertEquals(40L * (256 * 1024 + 128), c.bytesDelivered(), "every response byte once, none twice");
        assertEquals(ConnectionReport.INTEGRITY_OK, c.integrity(), "requests and responses compared byte by byte");
        assertTrue(c.offloaded());
        assertEquals(1, c.flushes());
    }
}
