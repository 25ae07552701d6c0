package org.toesim.nic.aqm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.random.RandomStreams;
import org.toesim.nic.frame.Frame;

/** RED as Floyd and Jacobson 1993 define it: the EWMA, the idle decay, the uniformized marking probability. */
class RedQueueTest {
    private static final long GBPS = 1_000_000_000L;
    private static final Frame ECT = ScriptedQueue.frame(1, Ecn.ECT_0);
    private static final Frame NOT_ECT = ScriptedQueue.frame(2, Ecn.NOT_ECT);

    private static RedQueue red(long min, long max, double weight, double maxP, boolean gentle, boolean ecn) {
        AqmSpec.Red spec = new AqmSpec.Red(min, max, QueueMeasure.FRAMES, weight, maxP, gentle, ecn, 1000);
        return (RedQueue) spec.newDiscipline(new AqmContext("sw.p1", GBPS, 1500, new RandomStreams(42)));
    }

    @Test
    void theAverageFollowsTheEwmaOfTheQueueSeenByEachArrival() {
        RedQueue r = red(1000, 2000, 0.1, 0.1, false, true);
        double expected = 0;
        int[] queue = {0, 5, 10, 30, 30, 30, 2, 0, 80};
        for (int q : queue) {
            assertEquals(Admission.ENQUEUE, r.admit(ECT, q, q * 1514L, 0), "far below min_th");
            expected = 0.9 * expected + 0.1 * q;
            assertEquals(expected, r.average(), 1e-12);
        }
    }

    @Test
    void anIdleLineDecaysTheAverageByOneMinusWeightPerPacketTimeItCouldHaveSent() {
        RedQueue r = red(1000, 2000, 0.1, 0.1, false, true);
        for (int i = 0; i < 50; i++) {
            r.admit(ECT, 100, 0, 0);
        }
        double before = r.average();
        assertTrue(before > 99, "converged near 100: " + before);
        // 1000-byte avpkt at 1 Gbit/s = 8 us; idle 80 us = 10 packet times
        r.idle(1_000_000L);
        r.admit(ECT, 0, 0, 1_000_000L + 80_000_000L);
        assertEquals(before * Math.pow(0.9, 10), r.average(), 1e-9);
        // busy again: the plain EWMA
        r.admit(ECT, 0, 0, 1_000_000L + 80_000_000L);
        assertEquals(before * Math.pow(0.9, 11), r.average(), 1e-9);
    }

    @Test
    void betweenTheThresholdsMarksComeEvenlySpacedAtTwiceThePacketProbability() {
        // weight 1: avg = queue = 10, between min 5 and max 15: pb = 0.1 * 5/10 = 0.05; with the
        // count since the last mark the gap is uniform on 1..19 (1/pb - 1), mean 10: 1 frame in 10
        RedQueue r = red(5, 15, 1.0, 0.1, false, true);
        int n = 200_000;
        int marks = 0;
        int sinceMark = 0;
        int maxGap = 0;
        int minGap = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            Admission a = r.admit(ECT, 10, 0, i);
            sinceMark++;
            if (a == Admission.MARK) {
                if (marks > 0) {
                    maxGap = Math.max(maxGap, sinceMark);
                    minGap = Math.min(minGap, sinceMark);
                }
                marks++;
                sinceMark = 0;
            } else {
                assertEquals(Admission.ENQUEUE, a, "ECT frames are marked, never dropped, below max_th");
            }
        }
        double sigma = Math.sqrt(n * 0.1 * 0.9);
        assertTrue(Math.abs(marks - 0.1 * n) < 4 * sigma, marks + " marks of " + n + ", expected " + 0.1 * n);
        assertEquals(19, maxGap, "never more than 1/pb - 1 frames between marks (geometric would reach ~200)");
        assertEquals(1, minGap);
    }

    @Test
    void notEctFramesAreDroppedWhereEctFramesAreMarkedAndWithoutEcnBothAreDropped() {
        RedQueue withEcn = red(5, 15, 1.0, 0.1, false, true);
        RedQueue noEcn = red(5, 15, 1.0, 0.1, false, false);
        int drops = 0;
        int noEcnDrops = 0;
        for (int i = 0; i < 10_000; i++) {
            Admission a = withEcn.admit(NOT_ECT, 10, 0, i);
            assertTrue(a != Admission.MARK, "a Not-ECT frame is never marked");
            drops += a == Admission.DROP ? 1 : 0;
            Admission b = noEcn.admit(ECT, 10, 0, i);
            assertTrue(b != Admission.MARK, "ecn off: an ECT frame is dropped, not marked");
            noEcnDrops += b == Admission.DROP ? 1 : 0;
        }
        assertTrue(Math.abs(drops - 1000) < 120, drops + " Not-ECT drops of 10,000, expected 1,000");
        assertTrue(Math.abs(noEcnDrops - 1000) < 120, noEcnDrops + " drops of 10,000, expected 1,000");
    }

    @Test
    void belowMinNothingIsSignalledAndAtMaxEvenEctFramesAreDropped() {
        RedQueue r = red(5, 15, 1.0, 0.1, false, true);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Admission.ENQUEUE, r.admit(NOT_ECT, 4, 0, i));
        }
        assertEquals(Admission.DROP, r.admit(ECT, 15, 0, 0));
        assertEquals(Admission.DROP, r.admit(ECT, 100, 0, 0));
    }

    @Test
    void gentleRedRampsFromMaxPToOneBetweenMaxAndTwiceMax() {
        RedQueue gentle = red(5, 15, 1.0, 0.1, true, true);
        int marks = 0;
        for (int i = 0; i < 10_000; i++) {
            Admission a = gentle.admit(ECT, 20, 0, i);
            assertTrue(a != Admission.DROP, "gentle: ECT frames are marked between max and 2 max");
            marks += a == Admission.MARK ? 1 : 0;
        }
        // avg 20: pb = 0.1 + 0.9 * 5/15 = 0.4: gap 1 (pa 2/3) or 2 (pa 1), mean 4/3: 7,500 marks
        assertTrue(marks > 5_000 && marks < 9_000, marks + " marks of 10,000");
        assertEquals(Admission.DROP, gentle.admit(ECT, 30, 0, 0), "at 2 max_th: drop");
    }

    @Test
    void theDrawsComeFromThePortsNamedStreamSoTheSameSeedAndPortRepeatThem() {
        AqmSpec.Red spec = new AqmSpec.Red(5, 15, QueueMeasure.FRAMES, 1.0, 0.1, false, true, 1000);
        List<List<Admission>> runs = new ArrayList<>();
        for (String port : new String[] {"sw.p1", "sw.p1", "sw.p2"}) {
            QueueDiscipline d = spec.newDiscipline(new AqmContext(port, GBPS, 1500, new RandomStreams(42)));
            List<Admission> run = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                run.add(d.admit(ECT, 10, 0, i));
            }
            runs.add(run);
        }
        assertEquals(runs.get(0), runs.get(1));
        assertTrue(!runs.get(0).equals(runs.get(2)), "another port, another stream");
    }
}
