package org.toesim.nic.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.mac.QueueLimit;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;
import org.toesim.tcp.seq.SeqNum;

class PlainNicTxTest {
    private static final long TX_BUF = 0x2000_0000L;
    private static final int MSS = 1448; // 1500 - 20 (IP) - 32 (TCP with timestamps)
    /** Largest payload of one IPv4 packet: 65535 - 20 (IP) - 32 (TCP with timestamps). */
    private static final int BIG_PAYLOAD = 65483;
    private static final int ISS = -1000; // near the wrap: seq arithmetic must be modular

    private static Frame big(int flags, int payloadBytes) {
        return Frame.of(77, PlainNicBench.MAC_HOST, PlainNicBench.MAC_PEER,
                Ipv4Header.of(PlainNicBench.IP_HOST, PlainNicBench.IP_PEER, 0xFFFE),
                new Segment(5001, 40000, ISS, 12345, flags, 500, 0, TcpOptions.NONE.withTimestamps(7, 8),
                        Payload.virtual(0, payloadBytes)));
    }

    @Test
    void tsoCutsA64KiBSegmentIntoMssFramesWithOneCompletion() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults(), 16);
        Frame f = big(TcpFlags.ACK | TcpFlags.PSH | TcpFlags.FIN | TcpFlags.CWR, BIG_PAYLOAD);
        b.h.memory().put(TX_BUF, new DmaData.FrameImage(f));
        b.postTx(0, new TxDescriptor.NicSend(TX_BUF, f.lenBytes(), true, 42, MSS));
        b.h.runUntilIdle();

        int n = (BIG_PAYLOAD + MSS - 1) / MSS;
        assertEquals(46, n);
        assertEquals(n, b.wire.size());
        long expectedOffset = 0;
        for (int k = 0; k < n; k++) {
            Segment s = b.wire.get(k).frame().tcp();
            Frame piece = b.wire.get(k).frame();
            int len = k < n - 1 ? MSS : BIG_PAYLOAD - (n - 1) * MSS;
            assertEquals(len, s.payloadLenBytes());
            assertEquals(SeqNum.add(ISS, (long) k * MSS), s.seq());
            assertEquals(expectedOffset, s.payload().streamOffset());
            expectedOffset += len;
            assertEquals((0xFFFE + k) & 0xFFFF, piece.ip().identification(), "IP id increments and wraps");
            assertEquals(k == n - 1, s.has(TcpFlags.FIN));
            assertEquals(k == n - 1, s.has(TcpFlags.PSH));
            assertEquals(k == 0, s.has(TcpFlags.CWR));
            assertTrue(s.has(TcpFlags.ACK));
            assertEquals(12345, s.ack());
            assertEquals(7, s.options().tsVal());
            assertTrue(piece.ipTotalLenBytes() <= 1500);
        }
        assertEquals(List.of(new DeviceCompletion.NicSendCompletion(42, n)), b.completions(0));
        assertEquals(n, b.nic.stats().queue(0).tsoSegments.value());
        assertEquals(n, b.nic.stats().queue(0).txFrames.value());
        assertEquals(0, b.nic.mac().stats().txQueueDrops.value());
        DeviceToHost.DmaReadRequest frameRead = b.all(DeviceToHost.DmaReadRequest.class).get(1);
        assertEquals(TX_BUF, frameRead.hostAddr());
        assertEquals(f.lenBytes(), frameRead.lenBytes(), "one DMA read for the whole send");
    }

    @Test
    void fullMacQueueHoldsFramesAndCompletesOnlyAfterTheLastIsHandedOver() {
        PlainNicConfig config = PlainNicConfig.defaults();
        config = config.withMac(config.mac().withTxQueue(QueueLimit.frames(4)));
        PlainNicBench b = new PlainNicBench(config, 16);
        Frame f = big(TcpFlags.ACK, 20 * MSS);
        b.h.memory().put(TX_BUF, new DmaData.FrameImage(f));
        b.postTx(0, new TxDescriptor.NicSend(TX_BUF, f.lenBytes(), true, 5, MSS));
        b.h.runUntilIdle();
        assertEquals(20, b.wire.size(), "every frame sent");
        assertEquals(0, b.nic.mac().stats().txQueueDrops.value(), "none dropped at the MAC");
        DeviceToHost.DmaWrite cq = b.all(DeviceToHost.DmaWrite.class).get(0);
        assertEquals(new DmaData.Entries(List.of(new DeviceCompletion.NicSendCompletion(5, 20)), 32), cq.data());
        // the last piece could enter the 4-frame MAC queue only when the 15th frame finished (1 in flight + 4 queued)
        long handedOverPs = b.wire.get(14).atPs();
        long cqArrival = b.h.received().stream().filter(r -> r.message() == cq).findFirst().orElseThrow().atPs();
        assertTrue(cqArrival > handedOverPs, "completion after the last piece was handed to the MAC");
        assertTrue(cqArrival < b.wire.get(15).atPs(), "but not waiting for the wire");
    }

    @Test
    void aPortThatIsALinkQueueDropsWhatDoesNotFitInsteadOfHoldingTheCard() {
        PlainNicConfig config = PlainNicConfig.defaults();
        config = config.withMac(config.mac().withTxQueue(QueueLimit.frames(4)).withDeviceWaits(false));
        PlainNicBench b = new PlainNicBench(config, 16);
        Frame f = big(TcpFlags.ACK, 20 * MSS);
        b.h.memory().put(TX_BUF, new DmaData.FrameImage(f));
        b.postTx(0, new TxDescriptor.NicSend(TX_BUF, f.lenBytes(), true, 5, MSS));
        b.h.runUntilIdle();
        // all 20 pieces handed over at once: 1 on the wire + 4 queued, 15 dropped at the link queue
        assertEquals(5, b.wire.size());
        assertEquals(15, b.nic.mac().stats().txQueueDrops.value());
        DeviceToHost.DmaWrite cq = b.all(DeviceToHost.DmaWrite.class).get(0);
        assertEquals(new DmaData.Entries(List.of(new DeviceCompletion.NicSendCompletion(5, 20)), 32), cq.data());
        long cqArrival = b.h.received().stream().filter(r -> r.message() == cq).findFirst().orElseThrow().atPs();
        assertTrue(cqArrival < b.wire.get(1).atPs(), "the card completes without waiting for the line");
    }

    @Test
    void sendsWithoutTsoOrUnsupportedOffloadsAreRefusedNotSent() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults().withTso(false).withChecksumOffload(true, false),
                16);
        Frame huge = big(TcpFlags.ACK, 4 * MSS);
        Frame small = big(TcpFlags.ACK, 100);
        b.h.memory().put(TX_BUF, new DmaData.FrameImage(huge));
        b.h.memory().put(TX_BUF + 0x10000, new DmaData.FrameImage(small));
        b.postTx(0, new TxDescriptor.NicSend(TX_BUF, huge.lenBytes(), false, 1, MSS));
        b.postTx(0, new TxDescriptor.NicSend(TX_BUF + 0x10000, small.lenBytes(), true, 2));
        b.postTx(0, new TxDescriptor.NicSend(TX_BUF + 0x10000, small.lenBytes(), false, 3));
        b.h.runUntilIdle();
        assertEquals(List.of(new DeviceCompletion.NicSendCompletion(1, 0), new DeviceCompletion.NicSendCompletion(2, 0),
                new DeviceCompletion.NicSendCompletion(3, 1)), b.completions(0));
        assertEquals(2, b.nic.stats().queue(0).txMalformed.value());
        assertEquals(1, b.wire.size());
        assertEquals(small, b.wire.get(0).frame(), "a frame that fits goes out unchanged");
    }

    @Test
    void sendsOfSeveralQueuesAllReachTheWireAndCompleteOnTheirOwnQueue() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults().withQueues(3), 16);
        for (int q = 0; q < 3; q++) {
            Frame f = big(TcpFlags.ACK, 3 * MSS);
            b.h.memory().put(TX_BUF + q * 0x20000L, new DmaData.FrameImage(f));
            b.postTx(q, new TxDescriptor.NicSend(TX_BUF + q * 0x20000L, f.lenBytes(), true, 100 + q, MSS));
        }
        b.h.runUntilIdle();
        assertEquals(9, b.wire.size());
        for (int q = 0; q < 3; q++) {
            assertEquals(List.of(new DeviceCompletion.NicSendCompletion(100 + q, 3)), b.completions(q));
            assertEquals(1, b.nic.interrupts(q), "queue " + q + " raised its own vector");
        }
        assertEquals(0, b.nic.txBufferedBytes());
    }
}
