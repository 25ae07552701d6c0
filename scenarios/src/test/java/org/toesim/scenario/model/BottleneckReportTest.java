package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.BottleneckReport;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * The bottleneck report names what a user would find by hand: a 1 Gbit/s wire, a receive
 * window too small for the path, a host core, and the round trips of request-response; and its
 * figures agree with arithmetic (the wire's utilisation is goodput plus header and framing
 * overhead over the line rate).
 */
class BottleneckReportTest {
    private static SummaryReport run(String hosts, String link, String workload) throws Exception {
        SummaryReport s = new ModelExecutor().execute(Scenarios.parse("""
                {"name": "limits", "seed": 1, "variation": "off", "hosts": [%s],
                 "links": [{"name": "l", "between": ["a", "b"], %s}],
                 "workloads": [%s],
                 "stop": {"until": "workloadsDone", "limit": "10s"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """.formatted(hosts, link, workload)), new RunContext(null, ProgressListener.NONE)).summary();
        assertEquals(RunStatus.COMPLETED, s.status(), s.statusReason());
        return s;
    }

    private static BottleneckReport only(SummaryReport s) {
        assertEquals(1, s.bottlenecks().size());
        return s.bottlenecks().get(0);
    }

    private static double utilisation(BottleneckReport b, String resource) {
        return b.resources().stream().filter(r -> r.resource().equals(resource)).findFirst().orElseThrow().utilization();
    }

    @Test
    void aGigabitWireIsTheLimitAndItsUtilisationMatchesTheGoodput() throws Exception {
        SummaryReport s = run("{\"name\": \"a\", \"cpu\": \"modern\"}, {\"name\": \"b\", \"cpu\": \"modern\"}",
                "\"rate\": \"1Gbps\", \"delay\": \"10us\"",
                "{\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"size\": \"32MiB\"}");
        BottleneckReport b = only(s);
        assertEquals("wire", b.limitedBy(), b.line());
        assertEquals("l a->b", b.resources().get(0).resource());
        // by hand: each 1448-byte payload (timestamps on) costs 1448 + 52 (TCP/IP) + 14 + 4 (Ethernet)
        // + 8 + 12 (preamble, gap) = 1538 bytes of wire time; the window includes the handshake and slow start
        double goodput = s.connections().get(0).goodputBitsPerSec();
        double expected = goodput * 1538 / 1448 / 1e9;
        assertEquals(expected, utilisation(b, "l a->b"), 0.02, "wire busy fraction vs goodput x framing");
        assertTrue(utilisation(b, "l b->a") < 0.05, "the ACK direction is nearly idle");
    }

    @Test
    void aSmallReceiveWindowOnALongPathIsTheLimit() throws Exception {
        BottleneckReport b = only(run("{\"name\": \"a\"}, {\"name\": \"b\"}", "\"rate\": \"10Gbps\", \"delay\": \"5ms\"",
                "{\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"size\": \"4MiB\", "
                        + "\"tcp\": {\"receiveBuffer\": \"64KiB\"}}"));
        assertEquals("receiveWindow", b.limitedBy(), b.line());
        assertTrue(b.sendLimits().rwndLimitedFraction() > 0.8, b.sendLimits().toString());
        assertTrue(b.resources().get(0).utilization() < 0.2, "nothing near saturation: " + b.resources().get(0));
    }

    @Test
    void aSendBufferSmallerThanThePathIsTheSendingApplication() throws Exception {
        BottleneckReport b = only(run("{\"name\": \"a\"}, {\"name\": \"b\"}", "\"rate\": \"10Gbps\", \"delay\": \"5ms\"",
                "{\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"size\": \"4MiB\", "
                        + "\"tcp\": {\"sendBuffer\": \"64KiB\"}}"));
        assertEquals("application", b.limitedBy(), b.line());
    }

    @Test
    void aBbrSenderBelowTheWireRateIsHeldByItsPacingNotByTheApplication() throws Exception {
        String link = "\"rate\": \"1Gbps\", \"delay\": \"1ms\", \"queueFrames\": 1000, "
                + "\"impairments\": {\"loss\": 0.001, \"direction\": \"aToB\"}";
        BottleneckReport bbr = only(run("{\"name\": \"a\"}, {\"name\": \"b\"}", link,
                "{\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"size\": \"16MiB\", "
                        + "\"tcp\": {\"profile\": \"linux\", \"congestionControl\": \"bbr\"}}"));
        assertEquals("pacing", bbr.limitedBy(), bbr.line());
        assertTrue(bbr.sendLimits().pacingLimitedFraction() > 0.5, bbr.sendLimits().toString());
        BottleneckReport cubic = only(run("{\"name\": \"a\"}, {\"name\": \"b\"}", link,
                "{\"type\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"size\": \"16MiB\", "
                        + "\"tcp\": {\"profile\": \"linux\", \"congestionControl\": \"cubic\"}}"));
        assertEquals(0.0, cubic.sendLimits().pacingLimitedFraction(), "an unpaced sender is never pacing-limited");
    }

    @Test
    void theSendersCoreLimitsTenGigabitBulkAndRequestResponseIsRoundTrips() throws Exception {
        SummaryReport s = run("{\"name\": \"a\"}, {\"name\": \"b\"}", "\"rate\": \"10Gbps\", \"delay\": \"2us\"",
                "{\"type\": \"bulk\", \"name\": \"bulk\", \"from\": \"a\", \"to\": \"b\", \"size\": \"16MiB\"},"
                        + "{\"type\": \"requestResponse\", \"name\": \"rr\", \"from\": \"a\", \"to\": \"b\", "
                        + "\"request\": \"128B\", \"response\": \"16KiB\", \"requests\": 100, \"start\": \"30ms\"}");
        BottleneckReport bulk = s.bottlenecks().get(0);
        BottleneckReport rr = s.bottlenecks().get(1);
        assertEquals("hostCpu", bulk.limitedBy(), bulk.line());
        assertTrue(bulk.resources().get(0).utilization() >= 0.9, bulk.line());
        assertTrue(bulk.endPs() < rr.startPs(), "two windows: bulk ends before rr starts");
        assertEquals("roundTrips", rr.limitedBy(), rr.line());
        assertEquals(100, s.latencies().get(0).count(), "one latency per request");
        for (var h : s.hosts()) {
            for (var core : h.cores()) {
                double sum = core.byCategory().values().stream().mapToDouble(Double::doubleValue).sum();
                // categories count completed items, utilisation the running one too: equal within one item
                assertEquals(core.utilization(), sum, 0.01, h.name() + " core " + core.core() + ": " + core.byCategory());
            }
        }
        assertTrue(s.hosts().get(1).cores().stream().anyMatch(c -> c.byCategory().getOrDefault("copy", 0.0) > 0.05),
                "the host-stack receiver copies: " + s.hosts().get(1).cores());
        assertTrue(s.latencies().get(0).p50Ps() <= s.latencies().get(0).p99Ps());
    }
}
