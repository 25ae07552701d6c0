package org.toesim.nic.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.testing.Recorded;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.TcpFlags;

class PlainNicLroRssTest {
    private static final int SEG = 1448;
    private static final long FLUSH_PS = 8 * Units.PS_PER_US;

    private static PlainNicBench lroBench() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults().withLro(true, FLUSH_PS), 16);
        b.postRx(0, 8, 65536);
        b.h.runUntilIdle();
        return b;
    }

    private static DeviceCompletion.NicReceiveCompletion rxc(RingEntry e) {
        return (DeviceCompletion.NicReceiveCompletion) e;
    }

    @Test
    void inOrderSegmentsAreMergedAndFlushedByTheTimeout() {
        PlainNicBench b = lroBench();
        long t0 = b.h.now() + Units.PS_PER_US;
        for (int i = 0; i < 5; i++) {
            int seq = 1000 + i * SEG;
            b.h.at(t0 + i * Units.PS_PER_US, () -> b.arrive(PlainNicBench.data(seq, seq, SEG)));
        }
        b.h.runUntil(t0 + FLUSH_PS - 1);
        assertTrue(b.completions(0).isEmpty(), "held until the flush timeout");
        b.h.runUntilIdle();
        assertEquals(1, b.completions(0).size());
        DeviceCompletion.NicReceiveCompletion c = rxc(b.completions(0).get(0));
        assertEquals(5, c.coalescedSegments());
        Frame merged = b.frameAt(PlainNicBench.bufferAddr(0, 0));
        assertEquals(1000, merged.tcp().seq());
        assertEquals(Payload.virtual(1000, 5 * SEG), merged.tcp().payload());
        assertEquals(merged.lenBytes(), c.lenBytes());
        assertEquals(4, b.nic.stats().queue(0).lroMerged.value());
        assertEquals(1, b.nic.stats().queue(0).lroAggregates.value());
        Recorded frameWrite = b.h.received().stream()
                .filter(r -> r.message() instanceof DeviceToHost.DmaWrite w && w.hostAddr() == PlainNicBench.bufferAddr(0, 0))
                .findFirst().orElseThrow();
        assertTrue(frameWrite.atPs() >= t0 + FLUSH_PS, "written when the aggregate was flushed at first + 8 us");
    }

    @Test
    void outOfOrderSegmentFlushesTheAggregateAndStartsAnother() {
        PlainNicBench b = lroBench();
        b.arrive(PlainNicBench.data(1, 1000, SEG));
        b.arrive(PlainNicBench.data(2, 1000 + SEG, SEG));
        b.arrive(PlainNicBench.data(3, 1000 + 3 * SEG, SEG)); // hole: segment 3 lost
        b.h.runUntilIdle();
        List<RingEntry> cs = b.completions(0);
        assertEquals(2, cs.size());
        assertEquals(2, rxc(cs.get(0)).coalescedSegments());
        assertEquals(1, rxc(cs.get(1)).coalescedSegments());
        assertEquals(1000 + 3 * SEG, b.frameAt(PlainNicBench.bufferAddr(0, 1)).tcp().seq());
    }

    @Test
    void pshIsMergedAndFlushesAtOnceWhileFinGoesAloneAfterTheAggregate() {
        PlainNicBench b = lroBench();
        b.arrive(PlainNicBench.data(1, 40000, 5001, 1000, 1, TcpFlags.ACK, SEG));
        b.arrive(PlainNicBench.data(2, 40000, 5001, 1000 + SEG, 1, TcpFlags.ACK | TcpFlags.PSH, SEG));
        b.arrive(PlainNicBench.data(3, 40000, 5001, 1000 + 2 * SEG, 1, TcpFlags.ACK, SEG));
        b.arrive(PlainNicBench.data(4, 40000, 5001, 1000 + 3 * SEG, 1, TcpFlags.ACK | TcpFlags.FIN, 10));
        b.h.runUntilIdle();
        List<RingEntry> cs = b.completions(0);
        assertEquals(3, cs.size());
        assertEquals(2, rxc(cs.get(0)).coalescedSegments());
        assertTrue(b.frameAt(PlainNicBench.bufferAddr(0, 0)).tcp().has(TcpFlags.PSH));
        assertEquals(1, rxc(cs.get(1)).coalescedSegments(), "segment 3 flushed ahead of the FIN (order kept)");
        assertEquals(1, rxc(cs.get(2)).coalescedSegments());
        assertTrue(b.frameAt(PlainNicBench.bufferAddr(0, 2)).tcp().has(TcpFlags.FIN));
    }

    @Test
    void interleavedFlowsAreAggregatedSeparately() {
        PlainNicBench b = lroBench();
        for (int i = 0; i < 3; i++) {
            b.arrive(PlainNicBench.data(10 + i, 40000, 5001, 1000 + i * SEG, 1, TcpFlags.ACK, SEG));
            b.arrive(PlainNicBench.data(20 + i, 40001, 5001, 9000 + i * SEG, 1, TcpFlags.ACK, SEG));
        }
        b.h.runUntilIdle();
        List<RingEntry> cs = b.completions(0);
        assertEquals(2, cs.size());
        assertEquals(3, rxc(cs.get(0)).coalescedSegments());
        assertEquals(3, rxc(cs.get(1)).coalescedSegments());
    }

    @Test
    void rssSteersEachFlowToTableQueueAndEachQueueInterruptsItsOwnVector() {
        int queues = 4;
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults().withQueues(queues), 64);
        for (int q = 0; q < queues; q++) {
            b.postRx(q, 32, 2048);
        }
        b.h.runUntilIdle();
        int[] expected = new int[queues];
        List<Integer> order = new ArrayList<>();
        long t0 = b.h.now() + Units.PS_PER_US;
        for (int port = 40000; port < 40032; port++) {
            Frame f = PlainNicBench.data(port, port, 5001, 1, 1, TcpFlags.ACK, 100);
            int hash = new ToeplitzHash(ToeplitzHash.MICROSOFT_KEY).hashTcp4(PlainNicBench.IP_PEER,
                    PlainNicBench.IP_HOST, port, 5001);
            int q = (hash & 127) % queues;
            expected[q]++;
            order.add(q);
            b.h.at(t0 + (port - 40000) * Units.PS_PER_US, () -> b.arrive(f));
        }
        b.h.runUntilIdle();
        for (int q = 0; q < queues; q++) {
            assertEquals(expected[q], b.completions(q).size(), "queue " + q);
            for (RingEntry e : b.completions(q)) {
                assertEquals(q, rxc(e).queue());
            }
            assertEquals(expected[q], b.nic.interrupts(q));
            assertTrue(expected[q] > 0, "32 flows reach every one of 4 queues");
        }
        List<Integer> vectors = b.all(DeviceToHost.MsixInterrupt.class).stream().map(DeviceToHost.MsixInterrupt::vector)
                .toList();
        assertEquals(order, vectors, "one interrupt per frame, on the vector of the frame's queue");
    }

    @Test
    void indirectionTableProgrammedByTheDriverRedirectsFlows() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults().withQueues(4), 16);
        for (int i = 0; i < Registers.RSS_TABLE_ENTRIES; i++) {
            b.h.mmioWrite(Registers.rssTable(i), 2);
        }
        b.postRx(2, 8, 2048);
        b.h.runUntilIdle();
        for (int port = 40000; port < 40008; port++) {
            b.arrive(PlainNicBench.data(port, port, 5001, 1, 1, TcpFlags.ACK, 100));
        }
        b.h.runUntilIdle();
        assertEquals(8, b.completions(2).size());
        assertEquals(8, b.nic.interrupts(2));
        assertEquals(0, b.nic.stats().total(s -> s.rxMissed));
    }
}
