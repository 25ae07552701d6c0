package org.toesim.nic.mac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.CollectingTraceSink;
import org.toesim.nic.aqm.AqmSpec;
import org.toesim.nic.aqm.Ecn;
import org.toesim.nic.aqm.QueueMeasure;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.TestFrames;

/** Each AQM on a real port: ECT frames leave marked CE, Not-ECT frames are dropped early; counted and traced. */
class MacPortAqmTest {
    private static final long GBPS = 1_000_000_000L;
    private static final long MS = 1_000_000_000L;
    private final Simulator sim = new Simulator();
    private final Arrivals wire = new Arrivals();
    private final CollectingTraceSink trace = new CollectingTraceSink();

    private MacPort port(AqmSpec aqm) {
        MacConfig c = new MacConfig(GBPS, 1500, QueueLimit.frames(5000), false).withAqm(aqm);
        MacPort p = new MacPort(sim, "sw.p1", c, trace, new RandomStreams(3));
        p.connectWire(wire);
        return p;
    }

    /** {@code n} full-size frames with ECN codepoint {@code ecn} handed to the port at once. */
    private MacPort burst(AqmSpec aqm, int n, int ecn) {
        MacPort p = port(aqm);
        for (int i = 0; i < n; i++) {
            p.send(Ecn.withCodepoint(TestFrames.fullSize(i), ecn));
        }
        sim.run();
        return p;
    }

    private long ceOnWire() {
        return wire.frames.stream().filter(f -> Ecn.codepoint(f) == Ecn.CE).count();
    }

    private long traced(DropReason reason) {
        return trace.ofType(FrameDropped.class).stream().filter(d -> d.reason() == reason).count();
    }

    @Test
    void stepMarksEctFramesFromTheKthQueuedOnAndDropsNotEctOnesThere() {
        MacPort p = burst(new AqmSpec.Step(3, QueueMeasure.FRAMES), 6, Ecn.ECT_0);
        // frame 0 goes to the wire, 1 and 2 are the 1st and 2nd queued, 3..5 the 3rd..5th
        assertEquals(6, wire.size());
        assertEquals(3, ceOnWire());
        assertEquals(Ecn.ECT_0, Ecn.codepoint(wire.frames.get(2)));
        assertEquals(Ecn.CE, Ecn.codepoint(wire.frames.get(3)));
        assertEquals(3, p.stats().ecnMarks.value());
        assertEquals(0, p.stats().aqmDrops.value());
        assertEquals(3, trace.ofType(FrameMarked.class).size());

        Simulator sim2 = new Simulator();
        Arrivals wire2 = new Arrivals();
        MacPort q = new MacPort(sim2, "sw.p2", p.config(), trace, null);
        q.connectWire(wire2);
        for (int i = 0; i < 6; i++) {
            assertEquals(i < 3, q.send(TestFrames.fullSize(i)), "frame " + i);
        }
        sim2.run();
        assertEquals(3, wire2.size());
        assertEquals(3, q.stats().aqmDrops.value());
        assertEquals(0, q.stats().txQueueDrops.value(), "early drops are not overflow drops");
        assertEquals(3, traced(DropReason.AQM));
    }

    @Test
    void redMarksEctFramesOfABurstAndDropsTheNotEctOnesItWouldHaveMarked() {
        AqmSpec red = new AqmSpec.Red(5, 500, QueueMeasure.FRAMES, 1.0, 1.0, false, true, 1000);
        MacPort p = burst(red, 300, Ecn.ECT_0);
        assertEquals(300, wire.size(), "every ECT frame delivered");
        assertTrue(p.stats().ecnMarks.value() > 10, "marks: " + p.stats().ecnMarks.value());
        assertEquals(p.stats().ecnMarks.value(), ceOnWire());
        assertEquals(0, p.stats().aqmDrops.value());

        wire.frames.clear();
        MacPort q = new MacPort(sim, "sw.p1", p.config(), trace, new RandomStreams(3));
        q.connectWire(wire);
        for (int i = 0; i < 300; i++) {
            q.send(TestFrames.fullSize(i));
        }
        sim.run();
        // Not-ECT: where RED marked it now drops
        long drops = q.stats().aqmDrops.value();
        assertTrue(drops > 10, "drops " + drops);
        assertEquals(0, q.stats().ecnMarks.value());
        assertEquals(300 - drops, wire.size());
        assertEquals(drops, traced(DropReason.AQM));
    }

    @Test
    void codelMarksEctHeadsOnceTheSojournStayedAboveTargetForAnIntervalAndDropsNotEctHeads() {
        // 1000 full-size frames at 1 Gbit/s drain in 12.3 ms; target 1 ms, interval 2 ms:
        // sojourn passes 1 ms at ~1 ms, CoDel acts from ~3 ms at 2/sqrt(count) ms
        AqmSpec codel = new AqmSpec.CoDel(1 * MS, 2 * MS, true);
        MacPort p = burst(codel, 1000, Ecn.ECT_0);
        long marks = p.stats().ecnMarks.value();
        assertEquals(1000, wire.size());
        assertEquals(marks, ceOnWire());
        assertTrue(marks >= 8 && marks <= 20, "marks " + marks);
        assertEquals(0, p.stats().aqmDrops.value());
        assertEquals(marks, trace.ofType(FrameMarked.class).size());

        Simulator sim2 = new Simulator();
        Arrivals wire2 = new Arrivals();
        MacPort q = new MacPort(sim2, "sw.p2", p.config(), trace, null);
        q.connectWire(wire2);
        for (int i = 0; i < 1000; i++) {
            q.send(TestFrames.fullSize(i));
        }
        sim2.run();
        long drops = q.stats().aqmDrops.value();
        assertTrue(drops >= 8, "drops " + drops);
        assertEquals(1000 - drops, wire2.size());
        assertEquals(0, q.stats().ecnMarks.value());
        assertEquals(drops, traced(DropReason.AQM));
    }

    @Test
    void dropTailReportsTheMeanSojournAndTheTimeWeightedQueueOfABurst() {
        MacPort p = burst(AqmSpec.DROP_TAIL, 1000, Ecn.NOT_ECT);
        assertEquals(1000, wire.size());
        // frame k (k >= 1) is taken at the end of frame k-1's last bit: k * 12,304 ns less the 96 ns gap
        double expectedPs = 0;
        for (int k = 1; k < 1000; k++) {
            expectedPs += k * 12_304_000.0 - 96_000;
        }
        expectedPs /= 1000;
        assertEquals(1000, p.stats().sojournPs.count());
        assertEquals(expectedPs, p.stats().sojournPs.mean(), 1.0);
        // the queue falls linearly from 999 to 0 over the burst
        double meanQueued = p.stats().queuedFrames.mean(sim.now());
        assertTrue(Math.abs(meanQueued - 499.5) < 2, "mean queued " + meanQueued);
        assertEquals(0, p.stats().ecnMarks.value() + p.stats().aqmDrops.value());
        assertEquals(0, trace.ofType(FrameMarked.class).size());
    }

    @Test
    void aRedPortWithoutTheRunsStreamsIsRefusedAtConstruction() {
        MacConfig c = new MacConfig(GBPS, 1500, QueueLimit.frames(100), false)
                .withAqm(new AqmSpec.Red(5, 15, QueueMeasure.FRAMES, 0.002, 0.1, false, true, 1000));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MacPort(sim, "x.p0", c));
        assertTrue(e.getMessage().contains("RandomStreams"), e.getMessage());
    }
}
