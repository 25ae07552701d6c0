package org.toesim.host.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.cpu.BulkReceiveProfile;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.stack.HostPair;

class WorkloadTest {
    private static final int PORT = 5001;

    static HostPair bulk(HostPair.Spec spec, long bytes, BulkReceiver[] rx) {
        HostPair p = new HostPair(spec);
        rx[0] = new BulkReceiver(p.b.sockets, spec.coresB() - 1, PORT, 65536, ApplicationWork.NONE);
        new BulkSender(p.a.sockets, 1, bytes, 65536, ApplicationWork.NONE).start(HostPair.IP_B, PORT);
        p.sim.run();
        return p;
    }

    @Test
    void bulkReceiveWithoutChecksumOffloadCostsAboutOneGigahertzPerGigabit() {
        BulkReceiver[] rx = new BulkReceiver[1];
        long bytes = 20_000_000;
        HostPair p = bulk(HostPair.Spec.defaults(), bytes, rx);
        BulkResult r = rx[0].result();
        assertEquals(bytes, r.bytes());
        assertTrue(r.eof());
        double ghzPerGbps = (double) p.b.cpu.totalCycles() / (bytes * 8);
        System.out.printf("bulk rx: goodput %.1f Mbit/s, %.3f GHz per Gbit/s, irqs %d, frames %d%n",
                r.goodputBitsPerSec() / 1e6, ghzPerGbps, p.b.nic.interrupts, p.b.nic.framesReceived);
        assertEquals(1.0, ghzPerGbps, 0.10, "host-stack baseline: ~1 GHz of CPU per Gbit/s received");
        // goodput close to the 1 Gbit/s wire's payload rate (1448 of 1538 byte times)
        assertTrue(r.goodputBitsPerSec() > 0.85e9, "goodput " + r.goodputBitsPerSec());
    }

    @Test
    void oneSlowCoreCapsThroughputAtItsCyclesPerByte() {
        long clockHz = 400_000_000L;
        BulkReceiver[] rx = new BulkReceiver[1];
        long bytes = 5_000_000;
        HostPair.Spec spec = HostPair.Spec.defaults().withClockB(clockHz, 1);
        HostPair p = bulk(spec, bytes, rx);
        BulkResult r = rx[0].result();
        assertEquals(bytes, r.bytes());
        double perSegment = CostTable.defaults().bulkReceiveCyclesPerSegment(
                new BulkReceiveProfile(1448, 8, 2, 65536, false));
        double expectedBps = clockHz / perSegment * 1448 * 8;
        System.out.printf("slow core: goodput %.1f Mbit/s, arithmetic %.1f Mbit/s, util %.3f%n",
                r.goodputBitsPerSec() / 1e6, expectedBps / 1e6, p.b.cpu.utilisation(0));
        assertTrue(r.goodputBitsPerSec() < 0.6e9, "CPU-bound, well below the wire");
        assertEquals(expectedBps, r.goodputBitsPerSec(), 0.12 * expectedBps);
    }

    @Test
    void sameSeedSameResults() {
        BulkReceiver[] rx1 = new BulkReceiver[1];
        BulkReceiver[] rx2 = new BulkReceiver[1];
        HostPair p1 = bulk(HostPair.Spec.defaults().withSeed(42), 2_000_000, rx1);
        HostPair p2 = bulk(HostPair.Spec.defaults().withSeed(42), 2_000_000, rx2);
        assertEquals(rx1[0].result(), rx2[0].result());
        assertEquals(p1.b.cpu.totalCycles(), p2.b.cpu.totalCycles());
        assertEquals(p1.sim.now(), p2.sim.now());
        assertEquals(p1.sim.eventsRun(), p2.sim.eventsRun());
    }

    private static RequestResponseResult requestResponse(long seed) {
        HostPair p = new HostPair(HostPair.Spec.defaults().withSeed(seed));
        new ResponderServer(p.b.sockets, 1, 80, 200, 4000, ApplicationWork.ofCyclesPerByte("srv", 2));
        RequestResponseClient c = new RequestResponseClient("rr", p.a.sockets, 1, 200, 200, 4000,
                20 * Units.PS_PER_US, ApplicationWork.NONE).start(HostPair.IP_B, 80);
        p.sim.run();
        return c.result();
    }

    @Test
    void requestResponseLatencyPercentilesAreSaneAndDeterministic() {
        RequestResponseResult r = requestResponse(3);
        assertEquals(200, r.completed());
        double p50 = r.latencyPs().p50();
        double p99 = r.latencyPs().p99();
        // floor: two propagation delays + serialising 4 KB at 1 Gbit/s (~33 us) + 200 B
        long floorPs = 2 * 10 * Units.PS_PER_US + 33 * Units.PS_PER_US;
        System.out.printf("rr: p50 %.1f us p90 %.1f us p99 %.1f us%n", p50 / 1e6, r.latencyPs().p90() / 1e6,
                p99 / 1e6);
        assertTrue(p50 > floorPs && p50 < Units.PS_PER_MS, "p50 " + p50);
        assertTrue(p99 >= p50 && p99 < 2 * Units.PS_PER_MS, "p99 " + p99);
        assertEquals(r, requestResponse(3));
    }

    @Test
    void shortConnectionsAllCompleteAndClose() {
        HostPair p = new HostPair(HostPair.Spec.defaults().withSeed(5));
        ResponderServer srv = new ResponderServer(p.b.sockets, 1, 80, 100, 3000, ApplicationWork.NONE);
        ShortConnections sc = new ShortConnections("short", p.a.sockets, p.streams, 1, 60, 100, 3000,
                100 * Units.PS_PER_US, true, ApplicationWork.NONE).start(HostPair.IP_B, 80);
        p.sim.run();
        ShortConnectionsResult r = sc.result();
        System.out.printf("short: %d done, %.0f conn/s, p50 %.1f us%n", r.completed(), r.connectionsPerSec(),
                r.completionPs().p50() / 1e6);
        assertEquals(60, r.started());
        assertEquals(60, r.completed());
        assertEquals(0, r.failed());
        assertEquals(60, srv.requestsServed());
        assertEquals(60, srv.connectionsClosed());
        assertEquals(0, p.a.stack.liveConnections(), "client side: TIME_WAIT over, all CLOSED");
        assertEquals(0, p.b.stack.liveConnections());
        assertTrue(r.connectionsPerSec() > 1000);
    }

    @Test
    void pacedStreamKeepsItsRate() {
        HostPair p = new HostPair(HostPair.Spec.defaults());
        BulkReceiver rx = new BulkReceiver(p.b.sockets, 1, PORT, 65536, ApplicationWork.NONE);
        PacedSender ps = new PacedSender("paced", p.a.sockets, 1, 100_000_000L, 10_000, 200, ApplicationWork.NONE)
                .start(HostPair.IP_B, PORT);
        p.sim.run();
        assertEquals(new PacedResult(200, 2_000_000, 0), ps.result());
        BulkResult r = rx.result();
        assertEquals(2_000_000, r.bytes());
        // 200 chunks at 100 Mbit/s: the last leaves ~199 periods after the first
        double spanPs = r.lastBytePs() - r.firstBytePs();
        assertEquals(199.0 * ps.periodPs(), spanPs, 0.05 * 199 * ps.periodPs());
    }

    @Test
    void realBytesArriveIntactAndAWrongStreamIsCaughtAtItsFirstByte() {
        HostPair p = new HostPair(HostPair.Spec.defaults().withSeed(9));
        PayloadPattern req = new PayloadPattern(11);
        PayloadPattern resp = new PayloadPattern(12);
        // bulk: sender and receiver agree; a second connection's receiver expects another stream
        BulkReceiver ok = new BulkReceiver(p.b.sockets, 1, 5001, 65536, ApplicationWork.NONE, req);
        new BulkSender(p.a.sockets, 1, 300_000, 65536, ApplicationWork.NONE, req).start(HostPair.IP_B, 5001);
        BulkReceiver wrong = new BulkReceiver(p.b.sockets, 1, 5002, 65536, ApplicationWork.NONE, resp);
        new BulkSender(p.a.sockets, 1, 300_000, 65536, ApplicationWork.NONE, req).start(HostPair.IP_B, 5002);
        // request-response with real requests and responses
        ResponderServer srv = new ResponderServer(p.b.sockets, 1, 80, 200, 5000, ApplicationWork.NONE, req, resp);
        RequestResponseClient c = new RequestResponseClient("rr", p.a.sockets, 1, 20, 200, 5000, 0,
                ApplicationWork.NONE, req, resp).start(HostPair.IP_B, 80);
        p.sim.run();
        assertEquals(300_000, ok.result().bytes());
        assertNull(ok.mismatch());
        PayloadPattern.Mismatch m = wrong.mismatch();
        assertNotNull(m, "a receiver expecting another stream sees a mismatch");
        assertEquals(resp.at(m.offset()) & 0xff, m.expected());
        assertEquals(req.at(m.offset()) & 0xff, m.got());
        assertTrue(m.offset() < 8, "caught within the first bytes, at " + m.offset());
        assertEquals(20, c.result().completed());
        assertNull(c.mismatch());
        assertNull(srv.mismatch());
    }
}
