package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.CardReport;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * The hardware profiles end to end (docs/hardware-profiles.md): a TOE on both ends runs at the
 * link's goodput limit with the t110 card at 10 Gbit/s and the modern card at 25 Gbit/s, on the
 * fast path, and the modern host CPU costs a fraction of the 2003 one per byte.
 */
class HardwareProfilesTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    /** Goodput of full 1448-byte segments on Ethernet: 1448 of every 1538 wire bytes (timestamps on). */
    static double maxGoodput(double rateBitsPerSec) {
        return rateBitsPerSec * 1448 / 1538;
    }

    static SummaryReport run(String cpu, String nicA, String nicB, String rate, String pcie, String size)
            throws Exception {
        String json = """
                {"name": "hw", "seed": 3, "variation": "off",
                 "hosts": [{"name": "a", "cpu": "%1$s", "cores": 8, "nic": %2$s, "pcie": %5$s},
                           {"name": "b", "cpu": "%1$s", "cores": 8, "nic": %3$s, "pcie": %5$s}],
                 "links": [{"between": ["a", "b"], "rate": "%4$s", "delay": "2us"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "%6$s",
                                "tcp": {"realBytes": true, "receiveBuffer": "16MiB"}}],
                 "stop": {"until": "workloadsDone", "limit": "1s"}}
                """.formatted(cpu, nicA, nicB, rate, pcie, size);
        return new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
    }

    static void atLineRate(SummaryReport s, double rateBitsPerSec) {
        ConnectionReport c = s.connections().get(0);
        assertEquals(c.bytesExpected(), c.bytesDelivered());
        assertEquals("ok", c.integrity());
        assertTrue(c.offloaded(), c.toString());
        assertEquals(0, c.retransmits(), c.toString());
        assertTrue(c.goodputBitsPerSec() >= 0.95 * maxGoodput(rateBitsPerSec),
                c.goodputBitsPerSec() / 1e9 + " Gbit/s of " + maxGoodput(rateBitsPerSec) / 1e9);
        long fast = s.nics().get(1).fastPathSegments();
        long slow = s.nics().get(1).slowPathSegments();
        assertTrue(slow * 100 < fast, "receiving card: " + fast + " fast-path, " + slow + " slow-path segments");
    }

    @Test
    void t110CardsCarryOneConnectionAtTenGigabits() throws Exception {
        String toe = "{\"model\": \"toe\", \"card\": \"t110\"}";
        atLineRate(run("foong2003", toe, toe, "10Gbps", "{\"gen\": 1, \"lanes\": 8}", "8MiB"), 10e9);
    }

    @Test
    void theCardReportShowsWhichCardIsTheBottleneck() throws Exception {
        // a modern sender into a baseline receiver at 10 Gbit/s: the receiving card's one core is
        // saturated and sets the rate; a t110 receiver keeps up with room to spare
        String fast = "{\"model\": \"toe\", \"card\": \"modern\"}";
        SummaryReport slow = run("foong2003", fast, "{\"model\": \"toe\"}", "10Gbps", "{\"gen\": 3, \"lanes\": 8}",
                "8MiB");
        SummaryReport ok = run("foong2003", fast, "{\"model\": \"toe\", \"card\": \"t110\"}", "10Gbps",
                "{\"gen\": 3, \"lanes\": 8}", "8MiB");
        CardReport busy = slow.nics().get(1).card();
        assertTrue(busy.busiestCoreUtilization() > 0.9, busy.toString());
        CardReport fine = ok.nics().get(1).card();
        assertEquals(0, fine.framesRefusedBusy(), fine.toString());
        assertTrue(fine.busiestCoreUtilization() < busy.busiestCoreUtilization(), fine.toString());
        assertEquals(8L << 20, fine.bytesPlaced(), "every byte placed by the card into posted buffers");
        assertTrue(ok.connections().get(0).goodputBitsPerSec() > slow.connections().get(0).goodputBitsPerSec());
        assertTrue(slow.nics().get(0).card().busiestCoreUtilization() < 0.1, "the sending modern card idles");
        assertEquals(null, run("foong2003", "{\"model\": \"plain\"}", "{\"model\": \"plain\"}", "10Gbps",
                "{\"gen\": 3, \"lanes\": 8}", "1MiB").nics().get(1).card(), "a plain NIC has no card figures");
    }

    @Test
    void modernCardsCarryOneConnectionAtTwentyFiveGigabits() throws Exception {
        String toe = "{\"model\": \"toe\", \"card\": \"modern\"}";
        atLineRate(run("modern", toe, toe, "25Gbps", "{\"gen\": 4, \"lanes\": 16}", "16MiB"), 25e9);
    }

    @Test
    void oneModernOffloadedConnectionFillsAHundredGigabitsWithAShortInterruptHoldOff() throws Exception {
        // the receiver's filled buffers complete through its moderated interrupt: with the default
        // 50 us hold-off one connection gets ~77 Gbit/s; with 10 us (mlx5's default is 8) the link
        String toe = "{\"model\": \"toe\", \"card\": \"modern\"}";
        String rx = "{\"model\": \"toe\", \"card\": \"modern\", \"interruptModeration\": {\"delay\": \"10us\"}}";
        atLineRate(run("modern", toe, rx, "100Gbps", "{\"gen\": 4, \"lanes\": 16}", "64MiB"), 100e9);
    }

    @Test
    void theModernHostCostsAFractionOfThe2003OnePerReceivedByte() throws Exception {
        String nic = "{\"mtu\": 9000, \"lro\": true}";
        SummaryReport old = run("foong2003", nic, nic, "100Gbps", "{\"gen\": 4, \"lanes\": 16}", "16MiB");
        SummaryReport now = run("modern", nic, nic, "100Gbps", "{\"gen\": 4, \"lanes\": 16}", "16MiB");
        for (SummaryReport s : new SummaryReport[] {old, now}) {
            assertEquals(16L << 20, s.connections().get(0).bytesDelivered());
            assertEquals("ok", s.connections().get(0).integrity());
        }
        double ratio = now.hosts().get(1).cyclesPerByteRx() / old.hosts().get(1).cyclesPerByteRx();
        assertTrue(ratio < 0.25, "modern / 2003 receive cycles per byte " + ratio);
        assertTrue(now.connections().get(0).goodputBitsPerSec() > 5 * old.connections().get(0).goodputBitsPerSec(),
                "the 2003 host cannot fill 100 Gbit/s; the modern one gets several times further");
    }
}
