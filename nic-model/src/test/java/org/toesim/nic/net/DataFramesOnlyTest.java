package org.toesim.nic.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.TraceSink;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.frame.TestFrames;
import org.toesim.nic.mac.Arrivals;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/** Impairments restricted to data frames, as the Linux references' relay (SYN, FIN, pure ACK never dropped). */
class DataFramesOnlyTest {
    private static final long PROP_PS = 1_000_000;

    private static Frame fin(long id) {
        Segment s = new Segment(40000, 80, 7, 1, TcpFlags.FIN | TcpFlags.ACK, 512, 0, TcpOptions.NONE,
                Payload.virtual(0, 100));
        return Frame.of(id, TestFrames.MAC_A, TestFrames.MAC_B, Ipv4Header.of(TestFrames.IP_A, TestFrames.IP_B, 0), s);
    }

    /** Control frames interleaved with data: SYN, pure ACK, data, FIN-with-payload, data, ... */
    private static List<Frame> mixed(int dataFrames) {
        List<Frame> out = new ArrayList<>();
        long id = 0;
        for (int i = 0; i < dataFrames; i++) {
            out.add(TestFrames.ack(id++, TestFrames.MAC_A, TestFrames.MAC_B, TestFrames.IP_A, TestFrames.IP_B));
            out.add(TestFrames.fullSize(id++));
            if (i % 10 == 0) {
                out.add(TestFrames.syn().withFrameId(id++));
                out.add(fin(id++));
            }
        }
        return out;
    }

    private static Arrivals feed(Impairments imp, List<Frame> frames, LinkDirection[] dirOut) {
        Simulator sim = new Simulator();
        LinkDirection dir = new LinkDirection(sim, new RandomStreams(7), "l.ab", PROP_PS, imp, TraceSink.NONE);
        Arrivals far = new Arrivals();
        dir.connect(far);
        for (Frame f : frames) {
            dir.receive(f, 0);
        }
        sim.run();
        dirOut[0] = dir;
        return far;
    }

    @Test
    void classifiesByPayloadAndFlags() {
        assertTrue(Impairments.isData(TestFrames.fullSize(1)));
        assertFalse(Impairments.isData(TestFrames.syn()));
        assertFalse(Impairments.isData(TestFrames.ack(1, TestFrames.MAC_A, TestFrames.MAC_B, 1, 2)));
        assertFalse(Impairments.isData(fin(1)), "a FIN carrying data counts as a FIN");
    }

    @Test
    void lossOfDataOnlyNeverDropsControlFramesAndDropsAboutPOfData() {
        int n = 20_000;
        double p = 0.05;
        LinkDirection[] dir = new LinkDirection[1];
        Arrivals far = feed(Impairments.NONE.withLoss(p).withDataFramesOnly(true), mixed(n), dir);
        long controlIn = mixed(n).stream().filter(f -> !Impairments.isData(f)).count();
        long controlOut = far.frames.stream().filter(f -> !Impairments.isData(f)).count();
        assertEquals(controlIn, controlOut, "every SYN, FIN and pure ACK arrives");
        long lost = dir[0].stats().lossDrops.value();
        assertEquals(n, dir[0].stats().framesImpairable.value(), "only data frames are subject to loss");
        assertEquals(n - lost, far.frames.stream().filter(Impairments::isData).count());
        double sigma = Math.sqrt(n * p * (1 - p));
        assertTrue(Math.abs(lost - n * p) < 4 * sigma, lost + " lost of " + n);
    }

    @Test
    void controlFramesDrawNothingSoDataLossMatchesARunOfDataFramesAlone() {
        int n = 5_000;
        Impairments imp = Impairments.NONE.withLoss(0.1).withDuplicate(0.05);
        LinkDirection[] d = new LinkDirection[1];
        List<Long> mixedDataIds = new ArrayList<>();
        List<Frame> mixedFrames = mixed(n);
        for (Frame f : feed(imp.withDataFramesOnly(true), mixedFrames, d).frames) {
            if (Impairments.isData(f)) {
                mixedDataIds.add(f.frameId());
            }
        }
        List<Frame> dataAlone = mixedFrames.stream().filter(Impairments::isData).toList();
        List<Long> aloneIds = feed(imp, dataAlone, d).frames.stream().map(Frame::frameId).toList();
        assertEquals(aloneIds, mixedDataIds);
    }

    @Test
    void allFramesModeStillDropsControlFrames() {
        LinkDirection[] dir = new LinkDirection[1];
        Arrivals far = feed(Impairments.NONE.withLoss(0.5), mixed(2_000), dir);
        long controlIn = mixed(2_000).stream().filter(f -> !Impairments.isData(f)).count();
        long controlOut = far.frames.stream().filter(f -> !Impairments.isData(f)).count();
        assertTrue(controlOut < controlIn * 0.6, controlOut + " of " + controlIn);
    }
}
