package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.HostReport;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * {@code nic.mtu} through the whole model: jumbo frames carry MTU - 40 - 12 bytes per segment
 * (the MSS follows the MTU), a jumbo host talking to a 1500-byte host falls back to MSS 1460
 * by TCP's MSS negotiation, and a TOE receiver takes jumbo frames too.
 */
class JumboFramesTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);
    private static final long SIZE = 4L << 20;

    private static SummaryReport run(int mtuA, int mtuB, String modelB) throws Exception {
        String json = """
                {"name": "jumbo", "seed": 5,
                 "hosts": [{"name": "a", "nic": {"mtu": %d}},
                           {"name": "b", "nic": {"model": "%s", "mtu": %d}, "offload": "%s"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "4MiB", "tcp": {"realBytes": true}}],
                 "stop": {"until": "workloadsDone", "limit": "1s"}}
                """.formatted(mtuA, modelB, mtuB, modelB.equals("toe") ? "always" : "never");
        return new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
    }

    private static void assertDeliveredIntact(SummaryReport s) {
        ConnectionReport c = s.connections().get(0);
        assertEquals(SIZE, c.bytesDelivered(), c.toString());
        assertEquals(ConnectionReport.INTEGRITY_OK, c.integrity());
        assertEquals(0, c.retransmits(), c.toString());
    }

    private static NicReport nic(SummaryReport s, String host) {
        return s.nics().stream().filter(n -> n.host().equals(host)).findFirst().orElseThrow();
    }

    private static HostReport host(SummaryReport s, String name) {
        return s.hosts().stream().filter(h -> h.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void jumboFramesCarry8948BytesPerSegmentAndCostTheReceiverLessPerByte() throws Exception {
        SummaryReport std = run(1500, 1500, "plain");
        SummaryReport jumbo = run(9000, 9000, "plain");
        assertDeliveredIntact(std);
        assertDeliveredIntact(jumbo);
        long dataFrames = nic(jumbo, "b").slowPathSegments();
        long expected = (SIZE + 8947) / 8948;
        assertTrue(dataFrames >= expected && dataFrames <= expected + 10,
                dataFrames + " frames received for " + expected + " jumbo segments");
        assertTrue(nic(std, "b").slowPathSegments() >= SIZE / 1448, "1448-byte segments at MTU 1500");
        double rxJumbo = host(jumbo, "b").cyclesPerByteRx();
        double rxStd = host(std, "b").cyclesPerByteRx();
        assertTrue(rxJumbo < 0.75 * rxStd, "receiver cycles/byte " + rxJumbo + " at 9000 vs " + rxStd + " at 1500");
    }

    @Test
    void aJumboHostSendingToAStandardHostUsesTheSmallerMss() throws Exception {
        SummaryReport s = run(9000, 1500, "plain");
        assertDeliveredIntact(s);
        assertTrue(nic(s, "b").slowPathSegments() >= SIZE / 1448, "segments cut to MSS 1460 - 12");
    }

    @Test
    void aToeReceiverTakesJumboFrames() throws Exception {
        SummaryReport s = run(9000, 9000, "toe");
        assertDeliveredIntact(s);
        NicReport n = nic(s, "b");
        assertTrue(n.offloads() == 1 && n.fastPathSegments() > 0, n.toString());
        assertTrue(n.fastPathSegments() + n.slowPathSegments() < SIZE / 1448, "jumbo segments on the card: " + n);
    }
}
