package org.toesim.nic.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.frame.TestFrames;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

class MacPortTest {
    private final Simulator sim = new Simulator();
    private final Arrivals wire = new Arrivals();

    private MacPort port(MacConfig config) {
        MacPort p = new MacPort(sim, "hostA.mac", config);
        p.connectWire(wire);
        return p;
    }

    @Test
    void minimumFrameTakes67200PsAt10GbpsIncludingPaddingPreambleAndGap() {
        MacPort p = port(MacConfig.tenGig());
        Frame ack = TestFrames.ack(1, TestFrames.MAC_A, TestFrames.MAC_B, TestFrames.IP_A, TestFrames.IP_B);
        assertEquals(54, ack.lenBytes());
        assertEquals(64, ack.frameLenWithFcsBytes());
        assertEquals(84, ack.wireLenBytes());
        p.send(ack);
        p.send(ack);
        sim.run();
        // last bit at (7 + 1 + 64) bytes * 800 ps; the next frame starts after the 12-byte gap
        assertEquals(List.of(57_600L, 67_200L + 57_600L), wire.timesPs);
        assertEquals(67_200L, MacPort.wireTimePs(54, MacConfig.TEN_GBPS));
    }

    @Test
    void fullSizeFrameTakes1230400PsAt10Gbps() {
        MacPort p = port(MacConfig.tenGig());
        Frame f = TestFrames.fullSize(1);
        assertEquals(1514, f.lenBytes());
        assertEquals(1538, f.wireLenBytes());
        p.send(f);
        p.send(TestFrames.fullSize(2));
        sim.run();
        // 1538 bytes * 8 = 12,304 bits / 10 Gbit/s = 1230.4 ns exactly
        assertEquals(List.of(1_220_800L, 1_230_400L + 1_220_800L), wire.timesPs);
        assertEquals(1_230_400L, MacPort.wireTimePs(1514, MacConfig.TEN_GBPS));
        assertEquals(2, p.stats().txFrames.value());
        assertEquals(2 * 1514, p.stats().txBytes.value());
    }

    @Test
    void oddRatesRoundEachFrameUpToWholePicoseconds() {
        // 12,304 bits at 7 Gbit/s = 1,757,714.28... ps, rounded up once per frame
        assertEquals(1_757_715L, MacPort.wireTimePs(1514, 7_000_000_000L));
        MacPort p = port(MacConfig.tenGig().withRate(7_000_000_000L));
        p.send(TestFrames.fullSize(1));
        p.send(TestFrames.fullSize(2));
        sim.run();
        // busy part of 1526 bytes: 12,208 bits / 7e9 = 1,744,000 ps exactly
        assertEquals(List.of(1_744_000L, 1_757_715L + 1_744_000L), wire.timesPs);
    }

    @Test
    void idlePortWaitsOutTheGapBeforeAFrameSentJustAfterThePreviousOne() {
        MacPort p = port(MacConfig.tenGig());
        p.send(TestFrames.fullSize(1));
        sim.runUntil(1_220_800L); // first frame done, gap still running
        assertFalse(p.isTransmitting());
        p.send(TestFrames.fullSize(2));
        sim.run();
        assertEquals(1_230_400L + 1_220_800L, wire.timesPs.get(1));
    }

    @Test
    void dropTailFrameQueueDropsExactlyPastItsLimit() {
        MacPort p = port(MacConfig.tenGig().withTxQueue(QueueLimit.frames(3)));
        boolean[] accepted = new boolean[6];
        for (int i = 0; i < 6; i++) {
            accepted[i] = p.send(TestFrames.fullSize(i));
        }
        // one frame on the wire, three waiting, the rest dropped
        assertEquals(List.of(true, true, true, true, false, false), List.of(accepted[0], accepted[1], accepted[2],
                accepted[3], accepted[4], accepted[5]));
        assertEquals(3, p.queuedFrames());
        assertEquals(2, p.stats().txQueueDrops.value());
        sim.run();
        assertEquals(4, wire.size());
        assertEquals(List.of(0L, 1L, 2L, 3L), wire.frames.stream().map(Frame::frameId).toList());
    }

    @Test
    void dropTailByteQueueAcceptsAFrameLandingExactlyOnTheLimit() {
        MacPort exact = port(MacConfig.tenGig().withTxQueue(QueueLimit.bytes(2 * 1514)));
        for (int i = 0; i < 4; i++) {
            exact.send(TestFrames.fullSize(i));
        }
        assertEquals(2, exact.queuedFrames());
        assertEquals(2 * 1514, exact.queuedBytes());
        assertEquals(1, exact.stats().txQueueDrops.value());

        MacPort oneShort = new MacPort(sim, "hostB.mac", MacConfig.tenGig().withTxQueue(QueueLimit.bytes(2 * 1514 - 1)));
        for (int i = 0; i < 4; i++) {
            oneShort.send(TestFrames.fullSize(i));
        }
        assertEquals(1, oneShort.queuedFrames());
        assertEquals(2, oneShort.stats().txQueueDrops.value());
    }

    @Test
    void frameAndByteLimitsTogetherDropWhenEitherWouldBeExceeded() {
        // 3 frames or 3000 bytes: two full-size frames (3028 bytes) already exceed the bytes
        MacPort bytesBind = port(MacConfig.tenGig().withTxQueue(QueueLimit.of(3, 3000)));
        for (int i = 0; i < 4; i++) {
            bytesBind.send(TestFrames.fullSize(i));
        }
        assertEquals(1, bytesBind.queuedFrames());
        assertEquals(2, bytesBind.stats().txQueueDrops.value());
        // small frames: the frame limit binds first
        MacPort framesBind = new MacPort(sim, "hostC.mac", MacConfig.tenGig().withTxQueue(QueueLimit.of(3, 3000)));
        for (int i = 0; i < 6; i++) {
            framesBind.send(TestFrames.ack(i, TestFrames.MAC_A, TestFrames.MAC_B, TestFrames.IP_A, TestFrames.IP_B));
        }
        assertEquals(3, framesBind.queuedFrames());
        assertEquals(2, framesBind.stats().txQueueDrops.value());
    }

    @Test
    void aThousandFrameQueueHoldsExactlyAThousandAndDropsTheNext() {
        MacPort p = port(MacConfig.tenGig().withTxQueue(QueueLimit.frames(1000)));
        for (int i = 0; i <= 1000; i++) { // one on the wire + 1000 waiting
            assertTrue(p.send(TestFrames.fullSize(i)), "frame " + i);
        }
        assertEquals(1000, p.queuedFrames());
        assertFalse(p.send(TestFrames.fullSize(1001)), "the 1001st waiting frame is dropped");
        assertEquals(1, p.stats().txQueueDrops.value());
    }

    @Test
    void oversizeFramesAreRejectedUnlessTheMtuIsJumbo() {
        Frame jumbo = frameWithPayload(8960); // IP total 20 + 20 + 8960 = 9000
        MacPort standard = port(MacConfig.tenGig());
        assertFalse(standard.send(jumbo));
        assertFalse(standard.send(frameWithPayload(1461)));
        assertTrue(standard.send(frameWithPayload(1460)));
        assertEquals(2, standard.stats().txOversizeDrops.value());

        MacPort jumboPort = new MacPort(sim, "j", MacConfig.tenGig().withMtu(9000));
        assertTrue(jumboPort.send(jumbo));
        assertEquals(0, jumboPort.stats().txOversizeDrops.value());
    }

    @Test
    void receiveDropsCorruptedAndOversizeFramesAndCountsThem() {
        MacPort p = port(MacConfig.tenGig());
        Arrivals up = new Arrivals();
        p.connectReceiver(up);
        p.receive(TestFrames.fullSize(1), 10);
        p.receive(TestFrames.fullSize(2).asCorrupted(), 20);
        p.receive(frameWithPayload(2000), 30);
        assertEquals(List.of(1L), up.frames.stream().map(Frame::frameId).toList());
        assertEquals(1, p.stats().rxFrames.value());
        assertEquals(1514, p.stats().rxBytes.value());
        assertEquals(1, p.stats().rxFcsErrors.value());
        assertEquals(1, p.stats().rxOversizeDrops.value());
    }

    @Test
    void txDoneListenerSeesEachFrameWhenItsLastBitLeaves() {
        MacPort p = port(MacConfig.tenGig());
        Arrivals done = new Arrivals();
        p.setTxDoneListener(done::receive);
        p.send(TestFrames.fullSize(1));
        sim.run();
        assertEquals(List.of(1_220_800L), done.timesPs);
    }

    private static Frame frameWithPayload(int lenBytes) {
        Segment s = new Segment(1, 2, 0, 0, TcpFlags.ACK, 100, 0, TcpOptions.NONE, Payload.virtual(0, lenBytes));
        return Frame.of(9, TestFrames.MAC_A, TestFrames.MAC_B, Ipv4Header.of(TestFrames.IP_A, TestFrames.IP_B, 0), s);
    }
}
