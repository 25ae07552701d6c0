package org.toesim.tcp.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;

/**
 * CUBIC against RFC 9438's formulas, evaluated independently here in segments and seconds:
 * W_cubic(t) = C*(t-K)^3 + W_max (§4.2 eq. 1), K = cbrt((W_max - cwnd_epoch)/C) (eq. 2).
 */
class CubicTest {
    private static final int SMSS = 1000;
    private static final long S = Units.PS_PER_S;
    private static final long MS = Units.PS_PER_MS;
    private static final long T0 = 10 * S;
    private static final long RTT = 100 * MS;

    /** RFC 9438 eq. 1, in segments, t in seconds. */
    private static double wCubicSegments(double t, double k, double wMaxSegments) {
        return 0.4 * Math.pow(t - k, 3) + wMaxSegments;
    }

    /** RFC 9438 eq. 2. */
    private static double k(double wMaxSegments, double cwndEpochSegments) {
        return Math.cbrt((wMaxSegments - cwndEpochSegments) / 0.4);
    }

    /** Expected cwnd after one ACK of one SMSS in the cubic region (§4.4/§4.5 target rule). */
    private static long expectedAfterAck(long cwnd, double tSeconds, double k, double wMaxSegments) {
        double target = wCubicSegments(tSeconds + 0.1, k, wMaxSegments) * SMSS;
        target = Math.max(cwnd, Math.min(1.5 * cwnd, target));
        return cwnd + (long) Math.floor((target - cwnd) / cwnd * SMSS);
    }

    /**
     * Expected cwnd after the first ACK of a stage at t = 0 (§4.3): W_est = cwnd_epoch grows
     * by alpha * 1/cwnd segments first; W_cubic(0) = cwnd_epoch is then below it, so the
     * Reno-friendly rule sets cwnd = W_est.
     */
    private static long expectedFirstAck(long cwndEpoch, double alpha) {
        double wEst = cwndEpoch + alpha * SMSS * SMSS / cwndEpoch;
        return (long) wEst;
    }

    /** An epoch that started at T0 with cwnd_epoch = 70 segments after a loss at W_max = 100. */
    private static Cubic afterLossAt100Segments(double wEstBytes) {
        double kSec = k(100, 70);
        return Cubic.restore(new CubicSnapshot(true, 100_000, 100_000, T0, 70_000, kSec, wEstBytes, 0, false));
    }

    private static CongestionState caState(long cwnd) {
        CongestionState s = new CongestionState(SMSS, cwnd);
        s.ssthreshBytes = 70_000;
        s.srttPs = RTT;
        return s;
    }

    @Test
    void lossSetsWmaxAndSsthreshToBetaTimesCwnd() {
        Cubic c = new Cubic();
        CongestionState s = new CongestionState(SMSS, 100_000);
        s.ssthreshBytes = 50_000;
        assertEquals(70_000, c.ssthreshOnLoss(s, T0), "0.7 * 100 segments (§4.6)");
        CubicSnapshot snap = c.snapshot();
        assertEquals(100_000, snap.wMaxBytes());
        assertEquals(100_000, snap.cwndPriorBytes());
        assertEquals(-1, snap.epochStartPs());
        s.cwndBytes = 2_500;
        assertEquals(2 * SMSS, c.ssthreshOnLoss(s, T0), "never below 2 SMSS");
    }

    @Test
    void epochStartsAtFirstAvoidanceAckWithKFromEquationTwo() {
        Cubic c = new Cubic();
        CongestionState s = new CongestionState(SMSS, 100_000);
        long ssthresh = c.ssthreshOnLoss(s, T0);
        s.ssthreshBytes = ssthresh;
        s.cwndBytes = ssthresh;                  // engine deflates cwnd at recovery exit
        s.srttPs = RTT;
        c.onAck(s, SMSS, T0);
        CubicSnapshot snap = c.snapshot();
        assertEquals(T0, snap.epochStartPs());
        assertEquals(70_000, snap.cwndEpochBytes());
        assertEquals(k(100, 70), snap.kSeconds(), 1e-12);
        assertEquals(Math.cbrt(75), snap.kSeconds(), 1e-12, "K = cbrt(W_max (1 - beta) / C)");
        assertEquals(70_000.0, c.wCubicBytes(0, SMSS), 1e-6, "W_cubic(0) = cwnd_epoch");
        assertEquals(100_000.0, c.wCubicBytes(Math.round(snap.kSeconds() * S), SMSS), 1e-3, "W_cubic(K) = W_max");
        assertEquals(expectedFirstAck(70_000, Cubic.ALPHA), s.cwndBytes);
        assertEquals(70_007, s.cwndBytes);
    }

    @Test
    void wCubicMatchesTheRfcCurveAtScriptedTimes() {
        Cubic c = afterLossAt100Segments(70_000);
        double kSec = k(100, 70);
        for (long tMs : new long[] {0, 500, 1000, 2000, 4000, 4217, 5000, 8000}) {
            double expected = wCubicSegments(tMs / 1000.0, kSec, 100) * SMSS;
            assertEquals(expected, c.wCubicBytes(tMs * MS, SMSS), 1e-6, "t = " + tMs + " ms");
        }
    }

    @Test
    void concaveRegionGrowsTowardsWmax() {
        Cubic c = afterLossAt100Segments(70_000);
        CongestionState s = caState(70_000);
        c.onAck(s, SMSS, T0 + S);
        long expected = expectedAfterAck(70_000, 1.0, k(100, 70), 100);
        assertEquals(expected, s.cwndBytes);
        assertEquals(70_255, expected, "W(1.1 s) = 87.88 segments; (87.88 - 70)/70 segments");
    }

    @Test
    void plateauAndConvexRegion() {
        double kSec = k(100, 70);
        Cubic plateau = afterLossAt100Segments(70_000);
        CongestionState s = caState(99_000);
        long tPs = Math.round(kSec * S) - RTT;     // target W(K) = W_max
        plateau.onAck(s, SMSS, T0 + tPs);
        assertEquals(expectedAfterAck(99_000, tPs / 1e12, kSec, 100), s.cwndBytes);
        assertEquals(99_010, s.cwndBytes, "(100 - 99)/99 segments = 10.1 bytes");

        Cubic convex = afterLossAt100Segments(70_000);
        CongestionState s2 = caState(100_000);
        long t2Ps = Math.round(kSec * S) + 2 * S;
        convex.onAck(s2, SMSS, T0 + t2Ps);
        assertEquals(expectedAfterAck(100_000, t2Ps / 1e12, kSec, 100), s2.cwndBytes);
        assertEquals(100_037, s2.cwndBytes, "W(K+2.1 s) = 103.7 segments");
    }

    @Test
    void targetIsClampedToOneAndAHalfCwnd() {
        Cubic c = afterLossAt100Segments(70_000);
        CongestionState s = caState(100_000);
        c.onAck(s, SMSS, T0 + 60 * S);
        assertEquals(100_500, s.cwndBytes, "(1.5 cwnd - cwnd)/cwnd per segment = 0.5 SMSS");
    }

    @Test
    void renoFriendlyRegionFollowsWest() {
        // W_est already at 95 segments while W_cubic(1 s) = 86.7: the Reno-friendly region.
        Cubic c = afterLossAt100Segments(95_000);
        CongestionState s = caState(80_000);
        c.onAck(s, SMSS, T0 + S);
        double alpha = 3 * (1 - 0.7) / (1 + 0.7);
        double wEst = 95_000 + alpha * SMSS * SMSS / 80_000.0;    // §4.3 eq. 4 in bytes
        assertEquals((long) wEst, s.cwndBytes);
        assertEquals(95_006, s.cwndBytes);
        assertEquals(wEst, c.snapshot().wEstBytes(), 1e-9);
    }

    @Test
    void alphaBecomesOneOnceWestReachesCwndPrior() {
        Cubic c = afterLossAt100Segments(100_000);
        CongestionState s = caState(100_000);
        c.onAck(s, SMSS, T0 + S);
        assertEquals(100_000 + 1.0 * SMSS * SMSS / 100_000, c.snapshot().wEstBytes(), 1e-9);
    }

    @Test
    void fastConvergenceReleasesBandwidth() {
        Cubic c = new Cubic();
        CongestionState s = new CongestionState(SMSS, 100_000);
        c.ssthreshOnLoss(s, T0);
        s.cwndBytes = 80_000;
        assertEquals(56_000, c.ssthreshOnLoss(s, T0 + S));
        assertEquals(68_000, c.snapshot().wMaxBytes(), "80 * (1 + 0.7)/2 = 68 segments (§4.7)");

        Cubic off = new Cubic(false);
        s.cwndBytes = 100_000;
        off.ssthreshOnLoss(s, T0);
        s.cwndBytes = 80_000;
        off.ssthreshOnLoss(s, T0 + S);
        assertEquals(80_000, off.snapshot().wMaxBytes());
    }

    @Test
    void timeoutCollapsesCwndAndNextEpochHasZeroK() {
        Cubic c = new Cubic();
        CongestionState s = new CongestionState(SMSS, 100_000);
        s.srttPs = RTT;
        c.onRetransmissionTimeout(s, T0);
        assertEquals(70_000, s.ssthreshBytes);
        assertEquals(SMSS, s.cwndBytes);
        for (int i = 0; i < 69; i++) {
            c.onAck(s, SMSS, T0 + i * MS);      // slow start, Reno's rule (§4.10)
        }
        assertEquals(70_000, s.cwndBytes);
        c.onAck(s, SMSS, T0 + S);
        CubicSnapshot snap = c.snapshot();
        assertEquals(0.0, snap.kSeconds(), "§4.8: K = 0");
        assertEquals(70_000, snap.wMaxBytes(), "§4.8: W_max = cwnd at the start of the stage");
        assertEquals(expectedFirstAck(70_000, 3 * (1 - 0.7) / (1 + 0.7)), s.cwndBytes);
    }

    @Test
    void aFullEpochReachesWmaxAroundKAndProbesBeyond() {
        Cubic c = new Cubic();
        CongestionState s = new CongestionState(SMSS, 100_000);
        s.srttPs = RTT;
        s.ssthreshBytes = c.ssthreshOnLoss(s, 0);
        s.cwndBytes = s.ssthreshBytes;
        long now = 0;
        long kPs = Math.round(Math.cbrt(75) * S);
        // One ACK per SMSS acknowledged, paced at cwnd per RTT.
        while (now < kPs) {
            c.onAck(s, SMSS, now);
            now += RTT * SMSS / s.cwndBytes;
        }
        assertTrue(Math.abs(s.cwndBytes - 100_000) < 1_500, "cwnd at K = " + s.cwndBytes);
        while (now < kPs + 3 * S) {
            c.onAck(s, SMSS, now);
            now += RTT * SMSS / s.cwndBytes;
        }
        assertTrue(s.cwndBytes > 110_000, "convex probing, cwnd = " + s.cwndBytes);
    }

    @Test
    void snapshotRestoreContinuesBitExactly() {
        Cubic a = new Cubic();
        CongestionState sa = new CongestionState(SMSS, 100_000);
        sa.srttPs = RTT;
        sa.ssthreshBytes = a.ssthreshOnLoss(sa, 0);
        sa.cwndBytes = sa.ssthreshBytes;
        for (int i = 0; i < 500; i++) {
            a.onAck(sa, SMSS, i * 3 * MS);
        }
        CcSnapshot snap = a.snapshot();
        CongestionControl b = CongestionControls.restore(snap);
        CongestionState sb = new CongestionState(SMSS, sa.cwndBytes);
        sb.ssthreshBytes = sa.ssthreshBytes;
        sb.srttPs = RTT;
        assertEquals(snap, b.snapshot());
        for (int i = 500; i < 1000; i++) {
            a.onAck(sa, SMSS, i * 3 * MS);
            b.onAck(sb, SMSS, i * 3 * MS);
        }
        assertEquals(sa.cwndBytes, sb.cwndBytes);
        assertEquals(a.snapshot(), b.snapshot());
    }
}
