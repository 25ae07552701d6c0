package org.toesim.nic.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.frame.MacAddress;
import org.toesim.nic.frame.TestFrames;
import org.toesim.nic.mac.Arrivals;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.mac.QueueLimit;
import org.toesim.nic.net.EthernetSwitch.ForwardBy;

class EthernetSwitchTest {
    private static final long FRAME_PS = 1_230_400;   // a 1518-byte frame at 10 Gbit/s, gap included
    private static final long BUSY_PS = 1_220_800;    // its last bit leaves this long after the start
    private static final long PROP_PS = 1_000_000;
    private static final long MAC_C = MacAddress.local(3);
    private static final int IP_C = 0x0A000003;

    private final Simulator sim = new Simulator();
    private final RandomStreams streams = new RandomStreams(1);
    private final Arrivals atC = new Arrivals();
    private MacPort hostA;
    private MacPort hostB;
    private MacPort hostC;

    /** Hosts A and B on ports 0 and 1, host C on port 2; every port and host at 10 Gbit/s. */
    private EthernetSwitch star(QueueLimit outputQueue, ForwardBy by) {
        MacConfig host = MacConfig.tenGig().withTxQueue(QueueLimit.frames(10_000));
        EthernetSwitch sw = new EthernetSwitch(sim, "sw", 3, MacConfig.tenGig().withTxQueue(outputQueue), by);
        hostA = new MacPort(sim, "A", host);
        hostB = new MacPort(sim, "B", host);
        hostC = new MacPort(sim, "C", host);
        new Link(sim, streams, "la", PROP_PS).attach(hostA, sw.port(0));
        new Link(sim, streams, "lb", PROP_PS).attach(hostB, sw.port(1));
        new Link(sim, streams, "lc", PROP_PS).attach(sw.port(2), hostC);
        hostC.connectReceiver(atC);
        return sw;
    }

    private static Frame toC(long id, long srcMac, int srcIp) {
        Frame f = TestFrames.fullSize(id);
        return Frame.of(id, srcMac, MAC_C, Ipv4Header.of(srcIp, IP_C, 0), f.tcp());
    }

    private void blast(int perSender) {
        for (int i = 0; i < perSender; i++) {
            hostA.send(toC(i, TestFrames.MAC_A, TestFrames.IP_A));
            hostB.send(toC(1000 + i, TestFrames.MAC_B, TestFrames.IP_B));
        }
        sim.run();
    }

    @Test
    void twoSendersIntoOnePortQueueThenDropAtTheLimit() {
        EthernetSwitch sw = star(QueueLimit.frames(8), ForwardBy.DST_MAC);
        sw.routeMac(MAC_C, 2);
        blast(100);
        MacPort out = sw.port(2);
        long drops = out.stats().txQueueDrops.value();
        // each frame time one frame starts leaving, then two arrive: the queue grows by one per
        // frame time to 8 (after 8 frame times), then one of every two arrivals is dropped
        // (92 drops in frame times 8..99); 100 frames left during the burst, the 8 queued after.
        assertEquals(200, atC.size() + drops);
        assertEquals(92, drops);
        assertEquals(100 + 8, atC.size(), "delivered");
        // back-to-back at line rate on the bottleneck once the queue has formed
        for (int i = 1; i < atC.size(); i++) {
            assertEquals(FRAME_PS, atC.timesPs.get(i) - atC.timesPs.get(i - 1));
        }
        // the first frame: serialised by A, propagated, store-and-forwarded, serialised again
        assertEquals(2 * (BUSY_PS + PROP_PS), atC.timesPs.get(0));
        assertEquals(0, sw.noRouteDrops().value());
    }

    @Test
    void aDeepEnoughQueueLosesNothingButDelaysTheLastFrame() {
        EthernetSwitch sw = star(QueueLimit.bytes(200L * 1514), ForwardBy.DST_IP);
        sw.routeIp(IP_C, 2);
        blast(100);
        assertEquals(200, atC.size());
        assertEquals(0, sw.port(2).stats().txQueueDrops.value());
        long last = atC.timesPs.get(199);
        // 200 frames leave the bottleneck back to back; A and B each took only 100 frame times
        assertEquals(2 * (BUSY_PS + PROP_PS) + 199 * FRAME_PS, last);
        // both senders' frames interleave on the shared port
        List<Long> firstFour = atC.frames.subList(0, 4).stream().map(Frame::frameId).toList();
        assertTrue(firstFour.contains(0L) && firstFour.contains(1000L), "interleaving " + firstFour);
    }

    @Test
    void unknownDestinationsAreDroppedAndCounted() {
        EthernetSwitch sw = star(QueueLimit.frames(8), ForwardBy.DST_MAC);
        sw.routeMac(TestFrames.MAC_A, 0);
        hostB.send(toC(1, TestFrames.MAC_B, TestFrames.IP_B));
        sim.run();
        assertEquals(0, atC.size());
        assertEquals(1, sw.noRouteDrops().value());
        assertThrows(IllegalStateException.class, () -> sw.routeIp(IP_C, 2));
    }

    @Test
    void forwardingTableLooksUpWithoutScanning() {
        ForwardingTable t = new ForwardingTable();
        for (int i = 999; i >= 0; i--) {
            t.put(MacAddress.local(i * 7), i % 5);
        }
        t.put(MacAddress.local(14), 4);
        assertEquals(1000, t.size());
        assertEquals(4, t.lookup(MacAddress.local(14)));
        assertEquals(3, t.lookup(MacAddress.local(7 * 998)));
        assertEquals(ForwardingTable.NO_PORT, t.lookup(MacAddress.local(1)));
    }
}
