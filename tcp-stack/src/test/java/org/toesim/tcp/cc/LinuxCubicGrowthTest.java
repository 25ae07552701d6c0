package org.toesim.tcp.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;

/**
 * CUBIC growth as Linux computes it ({@link LinuxCubicGrowth}: {@code tcp_cubic.c} bictcp_update,
 * cubictcp_recalc_ssthresh, cubictcp_acked, bictcp_reset and {@code tcp_cong_avoid_ai}), driven
 * through {@link Cubic} with the linux profile's features. Windows are whole segments, time is
 * 1 ms jiffies and t, K are in 1/1024 s; the expected numbers are worked out by hand from those
 * rules (the arithmetic is in the comments).
 */
class LinuxCubicGrowthTest {
    private static final int SMSS = 1000;
    private static final long MS = Units.PS_PER_MS;
    private static final long S = Units.PS_PER_S;
    private static final CcFeatures LINUX = new CcFeatures(true, false, true, true);

    private static Cubic cubic(boolean fastConvergence) {
        return new Cubic(fastConvergence, LINUX);
    }

    private static LinuxCubicSnapshot growth(CongestionControl cc) {
        return ((CubicSnapshot) cc.snapshot()).linuxGrowth();
    }

    /** A connection in congestion avoidance at {@code cwndSegments}. */
    private static CongestionState avoidance(long cwndSegments) {
        CongestionState s = new CongestionState(SMSS, cwndSegments * SMSS);
        s.ssthreshBytes = cwndSegments * SMSS;
        s.srttPs = 100 * MS;
        return s;
    }

    @Test
    void lossSetsSsthreshToCwndTimes717Over1024AndLastMax() {
        Cubic c = cubic(true);
        CongestionState s = avoidance(100);
        assertEquals(70 * SMSS, c.ssthreshOnLoss(s, 10 * S), "100 * 717 / 1024 = 70.02 segments");
        assertEquals(100, growth(c).lastMaxCwndSegs(), "first loss: last_max = cwnd");
        assertEquals(-1, growth(c).epochStartJiffies(), "the epoch ends");

        s.cwndBytes = 90 * SMSS;                // a second loss below last_max 100
        assertEquals(63 * SMSS, c.ssthreshOnLoss(s, 20 * S), "90 * 717 / 1024 = 63.02");
        assertEquals(76, growth(c).lastMaxCwndSegs(), "fast convergence: 90 * (1024 + 717) / 2048 = 76.5");

        Cubic slow = cubic(false);
        CongestionState t = avoidance(100);
        slow.ssthreshOnLoss(t, 10 * S);
        t.cwndBytes = 90 * SMSS;
        assertEquals(63 * SMSS, slow.ssthreshOnLoss(t, 20 * S));
        assertEquals(90, growth(slow).lastMaxCwndSegs(), "without fast convergence: last_max = cwnd");

        c.ssthreshOnLoss(avoidance(95), 30 * S); // above last_max 76: last_max = cwnd even with fast convergence
        assertEquals(95, growth(c).lastMaxCwndSegs());

        Cubic again = cubic(true);              // a loss at exactly last_max: not below it, no fast convergence
        again.ssthreshOnLoss(avoidance(100), 10 * S);
        again.ssthreshOnLoss(avoidance(100), 20 * S);
        assertEquals(100, growth(again).lastMaxCwndSegs(), "cwnd < last_max is strict");

        assertEquals(2 * SMSS, cubic(true).ssthreshOnLoss(avoidance(1), 0), "max(1 * 717 / 1024, 2)");
        assertEquals(2 * SMSS, cubic(true).ssthreshOnLoss(avoidance(2), 0), "2 * 717 / 1024 = 1");
        assertEquals(2 * SMSS, cubic(true).ssthreshOnLoss(avoidance(3), 0), "3 * 717 / 1024 = 2.1");
        assertEquals(21 * SMSS, cubic(true).ssthreshOnLoss(avoidance(30), 0), "30 * 717 / 1024 = 21.005");
        CongestionState partial = avoidance(100);
        partial.cwndBytes = 100 * SMSS + 999;   // Linux counts whole packets
        Cubic p = cubic(true);
        assertEquals(70 * SMSS, p.ssthreshOnLoss(partial, 0));
        assertEquals(100, growth(p).lastMaxCwndSegs());
    }

    @Test
    void lossClearsTheAvoidanceCounter() {
        Cubic c = cubic(true);
        CongestionState s = avoidance(100);
        for (int i = 0; i < 7; i++) {
            c.onAck(s, SMSS, 10 * S + i * MS);
        }
        assertEquals(7, growth(c).cwndCntSegs());
        c.ssthreshOnLoss(s, 11 * S);
        assertEquals(0, growth(c).cwndCntSegs(), "tcp_init_cwnd_reduction: snd_cwnd_cnt = 0");
    }

    @Test
    void beforeAnyLossCwndGrowsOneSegmentPerTwentyAcked() {
        // last_max_cwnd = 0 (HyStart ended slow start, nothing lost): K = 0, origin = cwnd, the cubic
        // term is 0 for the first 1.35 s, so cnt = 100 * cwnd, capped at 20: 5 % per RTT.
        Cubic c = cubic(true);
        CongestionState s = avoidance(100);
        c.onRttSample(s, 10 * MS, 9 * S);
        long now = 10 * S;
        for (int n = 1; n <= 200; n++) {
            c.onAck(s, SMSS, now);
            now += 100 * Units.PS_PER_US;
            if (n == 19) {
                assertEquals(100 * SMSS, s.cwndBytes);
                assertEquals(20, growth(c).cnt());
            }
            if (n == 20) {
                assertEquals(101 * SMSS, s.cwndBytes, "the 20th segment ACKed adds one");
            }
        }
        assertEquals(110 * SMSS, s.cwndBytes, "200 segments ACKed (2 windows): +10");
        assertEquals(0, growth(c).lastMaxCwndSegs());

        Cubic delayed = cubic(true);            // delayed ACKs: 2 segments per ACK, the same rate per segment
        CongestionState d = avoidance(100);
        for (int n = 0; n < 100; n++) {
            delayed.onAck(d, 2 * SMSS, 10 * S + n * 200 * Units.PS_PER_US);
        }
        assertEquals(110 * SMSS, d.cwndBytes);

        Cubic odd = cubic(true);                // 1500-byte ACKs: whole segments counted, the rest carried
        CongestionState o = avoidance(100);
        for (int n = 0; n < 40; n++) {
            odd.onAck(o, 1500, 10 * S + n * 150 * Units.PS_PER_US);
        }
        assertEquals(103 * SMSS, o.cwndBytes, "60 segments ACKed: +3");
        assertEquals(0, growth(odd).ackedCarryBytes());

        Cubic late = cubic(true);               // the cap applies to any cnt above 20, here 21:
        CongestionState l = avoidance(21);      // t = 1400 * 1024 / 1000 = 1433, 410 * 1433^3 / 2^40 = 1.1
        late.onAck(l, SMSS, 10 * S);
        late.onAck(l, SMSS, 11_400 * MS);       // target 22, cwnd / (22 - 21) = 21
        assertEquals(20, growth(late).cnt());
    }

    @Test
    void renoFriendlyRegionAddsOneSegmentPerCwndTimesFifteenEighthsAcked() {
        // A reduction at cwnd 8 that was undone (tcp_cubic's undo_cwnd only restores cwnd): last_max
        // = 8 = cwnd, so K = 0 and origin = 8; the cubic term stays 0 until t = 1.35 s (offs^3 * 410
        // < 2^40 for offs < 1389/1024 s) and 1 until 2.2 s. One ACK of one segment every 32 ms
        // (> HZ/32: every ACK recomputes). tcp_cwnd grows 1 each time ack_cnt exceeds
        // cwnd * 15 / 8: 15 at cwnd 8 (ack_cnt starts at 1: the 16th ACK), 16 at 9, 18 at 10;
        // tcp_cwnd > cwnd then caps cnt at cwnd / 1, and the snd_cwnd_cnt already there pays it.
        Cubic c = cubic(true);
        CongestionState s = avoidance(8);
        c.ssthreshOnLoss(s, 19 * S);
        s.ssthreshBytes = 5 * SMSS;
        Map<Integer, Long> expected = Map.of(1, 8L, 15, 8L, 16, 9L, 31, 9L, 32, 10L, 49, 10L, 50, 11L);
        for (int n = 1; n <= 50; n++) {
            c.onAck(s, SMSS, 20 * S + (n - 1) * 32 * MS);
            Long want = expected.get(n);
            if (want != null) {
                assertEquals(want * SMSS, s.cwndBytes, "after ACK " + n);
                assertEquals(want, growth(c).tcpCwndSegs(), "Reno estimate after ACK " + n);
            }
        }
        assertEquals(1, growth(c).ackCntSegs(), "50 = 16 + 16 + 18 segments ACKed, 1 left over");
        assertEquals(0, growth(c).kUnits());
        assertEquals(8, growth(c).originSegs());
    }

    @Test
    void cubicCurveRisesToLastMaxWithKFromTheCubeRoot() {
        // delay_min 100 ms, loss at 100 segments: ssthresh 70; the epoch starts at the first ACK
        // in avoidance, 10.5 s (jiffy 10500). K = cbrt(cube_factor * (100 - 70)) with cube_factor
        // = 2^40 / 410 = 2681735677: cbrt(80452070310) = 4316.97 -> 4316 (4.215 s).
        // One ACK per 100 ms acknowledges the whole window; at ACK k, t = (100 k + 100) jiffies
        // * 1024 / 1000 and target = 100 - 410 (4316 - t)^3 / 2^40. ACK 0: t = 102, offs 4214,
        // 27.9 -> target 73, cnt = 70 / 3 = 23, 70 segments ACKed: +3 (snd_cwnd_cnt 1 left).
        Cubic c = cubic(true);
        CongestionState s = avoidance(100);
        c.onRttSample(s, 100 * MS, 9 * S);
        s.ssthreshBytes = c.ssthreshOnLoss(s, 10 * S);
        s.cwndBytes = s.ssthreshBytes;
        assertEquals(70 * SMSS, s.cwndBytes);
        List<Long> cwnds = new ArrayList<>();
        for (int k = 0; k <= 60; k++) {
            c.onAck(s, s.cwndBytes, 10_500 * MS + k * 100 * MS);
            cwnds.add(s.cwndBytes / SMSS);
            if (k == 0) {
                LinuxCubicSnapshot g = growth(c);
                assertEquals(4316, g.kUnits(), "K in 1/1024 s");
                assertEquals(100, g.originSegs(), "origin = last_max");
                assertEquals(10_500, g.epochStartJiffies());
                assertEquals(23, g.cnt());
                assertEquals(1, g.cwndCntSegs());
            }
        }
        // k:        0   1   2   5  10  13  14  15  20   25   40   54   55   60
        // t (1/1024 s): 102 204 307 614 1126 1433 1536 1638 2150 2662 4198 5632 5734 6246
        // target:  73  75  76  82  88  92  92  93  97   99  100  100  101  102
        long[][] table = {
            {0, 73}, {1, 75}, {2, 76}, {5, 82}, {10, 88}, {13, 92}, {14, 92}, {15, 94}, {20, 98},
            {25, 100}, {40, 100}, {54, 100}, {55, 102}, {60, 102},
        };
        for (long[] row : table) {
            assertEquals(row[1], cwnds.get((int) row[0]), "cwnd after ACK " + row[0] + " (t = " + (row[0] + 1) / 10.0 + " s)");
        }
        for (int k = 25; k <= 54; k++) {
            assertEquals(100, cwnds.get(k), "plateau at last_max around t = K, ACK " + k);
        }
        assertEquals(92, cwnds.get(14), "target 92 = cwnd: cnt = 100 * cwnd, nothing added");
        for (int k = 1; k < cwnds.size(); k++) {
            assertTrue(cwnds.get(k) - cwnds.get(k - 1) <= cwnds.get(k - 1) / 2, "cnt >= 2: at most +50 % per window");
        }
    }

    @Test
    void delayMinIsRoundedUpToWholeJiffies() {
        // usecs_to_jiffies rounds up: delay_min 95.5 ms adds 96 jiffies to t. First ACK of the epoch
        // after a loss at 100: t = 96 * 1024 / 1000 = 98, target = 100 - 410 * 4218^3 / 2^40 = 73,
        // cnt = 70 / 3 = 23: +3. With 95 ms: t = 97, 100 - 28.03 -> 72, cnt = 70 / 2 = 35: +2.
        for (long[] c : new long[][] {{95_500, 23, 73}, {95_000, 35, 72}}) {
            Cubic cc = cubic(true);
            CongestionState s = avoidance(100);
            cc.onRttSample(s, c[0] * Units.PS_PER_US, 9 * S);
            s.ssthreshBytes = cc.ssthreshOnLoss(s, 10 * S);
            s.cwndBytes = s.ssthreshBytes;
            cc.onAck(s, s.cwndBytes, 10_500 * MS);
            assertEquals(c[1], growth(cc).cnt(), "delay_min " + c[0] + " us");
            assertEquals(c[2] * SMSS, s.cwndBytes, "delay_min " + c[0] + " us");
        }
    }

    @Test
    void cwndGrowsAtMostOneSegmentPerTwoAcked() {
        // At the plateau (last_max = cwnd = 10 after an undone reduction), then an ACK of 10 segments
        // 10 s later: t = 10240, target = 10 + 410 * 10240^3 / 2^40 = 410, cwnd / (target - cwnd) = 0,
        // raised to cnt = 2: 1 (left from the first ACK) + 10 segments ACKed = +5, 1 left.
        Cubic c = cubic(true);
        CongestionState s = avoidance(10);
        c.ssthreshOnLoss(s, 19 * S);
        s.ssthreshBytes = 7 * SMSS;
        c.onAck(s, SMSS, 20 * S);
        assertEquals(10 * SMSS, s.cwndBytes);
        c.onAck(s, 10 * SMSS, 30 * S);
        assertEquals(2, growth(c).cnt());
        assertEquals(15 * SMSS, s.cwndBytes);
        assertEquals(1, growth(c).cwndCntSegs());
    }

    @Test
    void rttSamplesWithinOneSecondOfAnEpochStartAreIgnored() {
        Cubic c = cubic(true);
        CongestionState s = avoidance(100);
        c.onRttSample(s, 50 * MS, 1 * S);
        assertEquals(50 * MS, growth(c).delayMinPs(), "no epoch yet: the sample counts");
        s.ssthreshBytes = c.ssthreshOnLoss(s, 2 * S);
        s.cwndBytes = s.ssthreshBytes;
        c.onRttSample(s, 40 * MS, 2_500 * MS);
        assertEquals(40 * MS, growth(c).delayMinPs(), "the loss ended the epoch: samples count again");
        c.onAck(s, SMSS, 3 * S);
        assertEquals(3_000, growth(c).epochStartJiffies());
        c.onRttSample(s, 20 * MS, 3_500 * MS);
        c.onRttSample(s, 20 * MS, 4 * S - 1);  // jiffy 3999: 999 < HZ
        assertEquals(40 * MS, growth(c).delayMinPs(), "right after fast recovery: discarded");
        c.onRttSample(s, 20 * MS, 4 * S);      // jiffy 4000: 1000 jiffies after the epoch start
        assertEquals(20 * MS, growth(c).delayMinPs());
        c.onRttSample(s, 30 * MS, 5 * S);
        assertEquals(20 * MS, growth(c).delayMinPs(), "delay_min only falls");
    }

    @Test
    void anRtoForgetsLastMaxAndDelayMin() {
        Cubic c = cubic(true);
        CongestionState s = avoidance(100);
        c.onRttSample(s, 50 * MS, 1 * S);
        c.onAck(s, SMSS, 2 * S);
        c.onRetransmissionTimeout(s, 3 * S);
        assertEquals(70 * SMSS, s.ssthreshBytes);
        assertEquals(SMSS, s.cwndBytes);
        LinuxCubicSnapshot g = growth(c);
        assertEquals(new LinuxCubicSnapshot(0, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, 0), g, "bictcp_reset");
    }

    @Test
    void snapshotRestoreReproducesTheCwndSequence() {
        Cubic a = cubic(true);
        CongestionState sa = avoidance(100);
        a.onRttSample(sa, 20 * MS, 1 * S);
        sa.ssthreshBytes = a.ssthreshOnLoss(sa, 2 * S);
        sa.cwndBytes = sa.ssthreshBytes;
        long now = 3 * S;
        for (int i = 0; i < 501; i++) {         // 1500-byte ACKs every 1.3 ms: carries and the HZ/32 cache
            a.onAck(sa, 1500, now);
            now += 1_300 * Units.PS_PER_US;
        }
        LinuxCubicSnapshot mid = growth(a);
        assertTrue(mid.ackedCarryBytes() > 0 && mid.cwndCntSegs() > 0 && mid.epochStartJiffies() >= 0, mid.toString());
        CongestionControl b = CongestionControls.restore(a.snapshot());
        assertEquals(a.snapshot(), b.snapshot());
        CongestionState sb = new CongestionState(SMSS, sa.cwndBytes);
        sb.ssthreshBytes = sa.ssthreshBytes;
        sb.srttPs = sa.srttPs;
        List<Long> seqA = new ArrayList<>();
        List<Long> seqB = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            long bytes = i % 7 == 0 ? 2 * SMSS : i % 3 == 0 ? 700 : SMSS;
            if (i % 97 == 0) {
                a.onRttSample(sa, 20 * MS + i * Units.PS_PER_US, now);
                b.onRttSample(sb, 20 * MS + i * Units.PS_PER_US, now);
            }
            if (i == 1500) {
                sa.ssthreshBytes = a.ssthreshOnLoss(sa, now);
                sa.cwndBytes = sa.ssthreshBytes;
                sb.ssthreshBytes = b.ssthreshOnLoss(sb, now);
                sb.cwndBytes = sb.ssthreshBytes;
            }
            if (i == 2500) {
                a.onRetransmissionTimeout(sa, now);
                b.onRetransmissionTimeout(sb, now);
            }
            a.onAck(sa, bytes, now);
            b.onAck(sb, bytes, now);
            seqA.add(sa.cwndBytes);
            seqB.add(sb.cwndBytes);
            now += 900 * Units.PS_PER_US;
        }
        assertEquals(seqA, seqB);
        assertEquals(a.snapshot(), b.snapshot());
        assertFalse(seqA.get(1499).equals(seqA.get(0)), "the window moved during the run");
    }
}
