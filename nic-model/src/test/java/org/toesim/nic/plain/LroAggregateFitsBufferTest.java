package org.toesim.nic.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.TcpFlags;

/**
 * An LRO aggregate is built no larger than the receive buffer it will be written into: with
 * buffers of one MTU frame each, merged frames used to be dropped on the card as length errors
 * (a bulk transfer then crawled on retransmissions).
 */
class LroAggregateFitsBufferTest {
    private static final int SEG = 1448;
    private static final long FLUSH_PS = 8 * Units.PS_PER_US;

    private static PlainNicBench bench(int bufferBytes) {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults().withLro(true, FLUSH_PS), 64);
        b.postRx(0, 40, bufferBytes);
        b.h.runUntilIdle();
        return b;
    }

    /** Feeds {@code n} back-to-back in-order data segments (ack 1, PSH on none) and runs to idle. */
    private static void feed(PlainNicBench b, int n) {
        for (int i = 0; i < n; i++) {
            b.arrive(PlainNicBench.data(i + 1, 1000 + i * SEG, SEG));
        }
        b.h.runUntilIdle();
    }

    private static DeviceCompletion.NicReceiveCompletion rxc(RingEntry e) {
        return (DeviceCompletion.NicReceiveCompletion) e;
    }

    @Test
    void buffersOfOneMtuFrameGetEverySegmentAloneAndNoneIsDropped() {
        PlainNicBench b = bench(2048);
        feed(b, 10);
        List<RingEntry> cs = b.completions(0);
        assertEquals(10, cs.size(), "every segment reaches the host");
        for (int i = 0; i < cs.size(); i++) {
            assertEquals(1, rxc(cs.get(i)).coalescedSegments());
            assertEquals(1000 + i * SEG, b.frameAt(PlainNicBench.bufferAddr(0, i)).tcp().seq());
        }
        assertEquals(0, b.nic.stats().queue(0).rxLengthErrors.value());
        assertEquals(0, b.nic.stats().queue(0).lroAggregates.value());
    }

    @Test
    void aggregatesAreCutToTheBufferLengthAndCarryTheStreamInOrder() {
        int bufferBytes = 8192;
        PlainNicBench b = bench(bufferBytes);
        feed(b, 12);
        List<RingEntry> cs = b.completions(0);
        int perAggregate = (bufferBytes - 54) / SEG; // 14 + 20 + 20 header bytes: 5 segments
        assertEquals(5, perAggregate);
        assertEquals(3, cs.size(), "12 segments as 5 + 5 + 2");
        int[] expected = {5, 5, 2};
        long offset = 1000;
        for (int i = 0; i < cs.size(); i++) {
            DeviceCompletion.NicReceiveCompletion c = rxc(cs.get(i));
            Frame f = b.frameAt(PlainNicBench.bufferAddr(0, i));
            assertEquals(expected[i], c.coalescedSegments());
            assertTrue(c.lenBytes() <= bufferBytes, "aggregate of " + c.lenBytes() + " B fits the buffer");
            assertEquals(f.lenBytes(), c.lenBytes());
            assertEquals(Payload.virtual(offset, expected[i] * SEG), f.tcp().payload());
            assertEquals((int) offset, f.tcp().seq());
            assertEquals(1, f.tcp().ack(), "ack of the last merged segment");
            assertTrue(f.tcp().has(TcpFlags.ACK));
            offset += expected[i] * SEG;
        }
        assertEquals(0, b.nic.stats().queue(0).rxLengthErrors.value());
        assertEquals(3, b.nic.stats().queue(0).lroAggregates.value());
    }

    @Test
    void aggregateTakesAckWindowAndPshOfItsLastSegment() {
        PlainNicBench b = bench(65536 + 1024);
        b.arrive(PlainNicBench.data(1, 40000, 5001, 1000, 7, TcpFlags.ACK, SEG));
        b.arrive(PlainNicBench.data(2, 40000, 5001, 1000 + SEG, 9, TcpFlags.ACK, SEG));
        b.arrive(PlainNicBench.data(3, 40000, 5001, 1000 + 2 * SEG, 11, TcpFlags.ACK | TcpFlags.PSH, SEG));
        b.h.runUntilIdle();
        List<RingEntry> cs = b.completions(0);
        assertEquals(1, cs.size(), "PSH flushes the aggregate at once");
        Frame f = b.frameAt(PlainNicBench.bufferAddr(0, 0));
        assertEquals(3, rxc(cs.get(0)).coalescedSegments());
        assertEquals(1000, f.tcp().seq());
        assertEquals(11, f.tcp().ack());
        assertTrue(f.tcp().has(TcpFlags.PSH));
        assertEquals(3 * SEG, f.tcp().payloadLenBytes());
    }
}
