package org.toesim.tcp.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Segment-counting growth ({@link CcFeatures#segmentCountingCa()}): Linux {@code tcp_slow_start}
 * and {@code tcp_cong_avoid_ai} (RFC 3465 §2.1 byte counting), against the RFC 5681 rules it
 * replaces. ACKs are fed to the strategy directly; cwnd is checked to the byte.
 */
class SegmentCountingTest {
    private static final int SMSS = 1000;
    private static final CcFeatures ON = new CcFeatures(true, false);

    private static CongestionState avoidance(long cwndBytes) {
        CongestionState s = new CongestionState(SMSS, cwndBytes);
        s.ssthreshBytes = cwndBytes;
        return s;
    }

    /** One RTT of a delayed-ACK receiver: the window at the start is acknowledged 2 SMSS per ACK. */
    private static void delayedAckRound(CongestionControl cc, CongestionState s) {
        long leftBytes = s.cwndBytes;
        while (leftBytes > 0) {
            long ackBytes = Math.min(2L * SMSS, leftBytes);
            cc.onAck(s, ackBytes, 0);
            leftBytes -= ackBytes;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"reno", "newreno", "cubic"})
    void slowStartGrowsByEverySegmentAcknowledged(String name) {
        CongestionControl cc = CongestionControls.create(name, ON);
        CongestionState s = new CongestionState(SMSS, 10 * SMSS);
        cc.onAck(s, 2 * SMSS, 0);
        assertEquals(12_000, s.cwndBytes, "a delayed ACK of 2 SMSS adds 2 SMSS (tcp_slow_start)");
        cc.onAck(s, 500, 0);
        assertEquals(12_500, s.cwndBytes);
        CongestionControl rfc = CongestionControls.create(name);
        CongestionState r = new CongestionState(SMSS, 10 * SMSS);
        rfc.onAck(r, 2 * SMSS, 0);
        assertEquals(11_000, r.cwndBytes, "flag off: RFC 3465 L = 1 as before");
    }

    @ParameterizedTest
    @ValueSource(strings = {"reno", "newreno"})
    void slowStartStopsAtSsthreshAndTheRestCountsTowardsAvoidance(String name) {
        CongestionControl cc = CongestionControls.create(name, ON);
        CongestionState s = new CongestionState(SMSS, 10_000);
        s.ssthreshBytes = 11_000;
        cc.onAck(s, 3 * SMSS, 0);
        assertEquals(11_000, s.cwndBytes, "cwnd = min(cwnd + acked, ssthresh)");
        assertEquals(2_000, ((RenoSnapshot) cc.snapshot()).caAckedBytes(), "2000 acked bytes left for CA");
        cc.onAck(s, 9 * SMSS, 0);
        assertEquals(12_000, s.cwndBytes, "2000 + 9000 = cwnd of 11000 acknowledged: +1 SMSS");
        assertEquals(0, ((RenoSnapshot) cc.snapshot()).caAckedBytes());
    }

    @Test
    void delayedAcksGrowOneSegmentPerRttWithTheFlagAndAboutHalfWithout() {
        CongestionControl on = CongestionControls.create("reno", ON);
        CongestionState s = avoidance(20 * SMSS);
        for (int rtt = 0; rtt < 10; rtt++) {
            delayedAckRound(on, s);
        }
        assertEquals(30_000, s.cwndBytes, "exactly 1 SMSS per RTT (tcp_cong_avoid_ai)");

        CongestionControl off = CongestionControls.create("reno");
        CongestionState r = avoidance(20 * SMSS);
        off.onAck(r, 2 * SMSS, 0);
        assertEquals(20_050, r.cwndBytes, "flag off: SMSS*SMSS/cwnd per ACK, whatever it covers");
        r.cwndBytes = 20 * SMSS;
        for (int rtt = 0; rtt < 10; rtt++) {
            delayedAckRound(off, r);
        }
        long grownBytes = r.cwndBytes - 20 * SMSS;
        assertTrue(grownBytes >= 4_500 && grownBytes <= 5_500, "about 0.5 SMSS per RTT, grew " + grownBytes);
    }

    @Test
    void oneSegmentPerWindowOfAcknowledgedBytes() {
        CongestionControl on = CongestionControls.create("newreno", ON);
        CongestionState s = avoidance(20 * SMSS);
        for (int i = 0; i < 20; i++) {
            on.onAck(s, SMSS, 0);
        }
        assertEquals(21_000, s.cwndBytes);
        for (int i = 0; i < 20; i++) {
            on.onAck(s, SMSS, 0);
        }
        assertEquals(21_000, s.cwndBytes, "20 of 21 segments counted, not yet a window");
        on.onAck(s, SMSS, 0);
        assertEquals(22_000, s.cwndBytes);
    }

    @Test
    void aStretchAckOfTwoWindowsAddsTwoSegments() {
        CongestionControl cc = CongestionControls.create("reno", ON);
        CongestionState s = avoidance(10 * SMSS);
        cc.onAck(s, 25 * SMSS, 0);
        assertEquals(12_000, s.cwndBytes, "delta = 25000 / 10000 = 2");
        assertEquals(5_000, ((RenoSnapshot) cc.snapshot()).caAckedBytes());
    }

    @Test
    void creditFromALargerWindowIsAppliedAsOneSegment() {
        // Linux tcp_cong_avoid_ai: snd_cwnd_cnt >= w at entry gives +1 and restarts the count
        CongestionControl cc = CongestionControls.restore(new RenoSnapshot(false, true, 15_000));
        CongestionState s = avoidance(10 * SMSS);
        cc.onAck(s, SMSS, 0);
        assertEquals(11_000, s.cwndBytes);
        assertEquals(SMSS, ((RenoSnapshot) cc.snapshot()).caAckedBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"reno", "newreno"})
    void aCongestionEventRestartsTheCounter(String name) {
        CongestionControl cc = CongestionControls.create(name, ON);
        CongestionState s = avoidance(20 * SMSS);
        s.flightSizeBytes = 20 * SMSS;
        cc.onAck(s, 15 * SMSS, 0);
        assertEquals(15_000, ((RenoSnapshot) cc.snapshot()).caAckedBytes());
        assertEquals(10_000, cc.ssthreshOnLoss(s, 0));
        assertEquals(0, ((RenoSnapshot) cc.snapshot()).caAckedBytes(), "tcp_init_cwnd_reduction");
        cc.onAck(s, 7 * SMSS, 0);
        cc.onRetransmissionTimeout(s, 0);
        assertEquals(0, ((RenoSnapshot) cc.snapshot()).caAckedBytes(), "tcp_enter_loss");
        assertEquals(SMSS, s.cwndBytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"reno", "newreno"})
    void snapshotCarriesTheFlagAndTheCounter(String name) {
        CongestionControl a = CongestionControls.create(name, ON);
        CongestionState sa = avoidance(20 * SMSS);
        a.onAck(sa, 7 * SMSS, 0);
        CcSnapshot snap = a.snapshot();
        assertEquals(new RenoSnapshot(name.equals("newreno"), true, 7_000), snap);
        CongestionControl b = CongestionControls.restore(snap);
        assertEquals(name, b.name());
        CongestionState sb = avoidance(20 * SMSS);
        for (int i = 0; i < 50; i++) {
            a.onAck(sa, 2 * SMSS, 0);
            b.onAck(sb, 2 * SMSS, 0);
        }
        assertEquals(sa.cwndBytes, sb.cwndBytes);
        assertEquals(a.snapshot(), b.snapshot());
    }

    @Test
    void flagOffSnapshotsAreTodays() {
        for (String name : CongestionControls.NAMES) {
            assertEquals(CongestionControls.create(name).snapshot(),
                    CongestionControls.create(name, CcFeatures.rfc()).snapshot());
        }
        assertEquals(new RenoSnapshot(true), CongestionControls.create("newreno").snapshot());
        assertInstanceOf(Reno.class, CongestionControls.restore(new RenoSnapshot(false, true, 0)));
    }

    @Test
    void cubicSlowStartHandsTheBytesBeyondSsthreshToItsEpoch() {
        Cubic c = (Cubic) CongestionControls.create("cubic", ON);
        CongestionState s = new CongestionState(SMSS, 10_000);
        s.ssthreshBytes = 11_000;
        s.srttPs = 100_000_000_000L;
        c.onAck(s, 3 * SMSS, 5_000);
        CubicSnapshot snap = c.snapshot();
        assertEquals(5_000, snap.epochStartPs(), "the rest of the ACK starts the avoidance stage");
        assertEquals(11_000, snap.cwndEpochBytes());
        assertTrue(snap.segmentCountingCa());
        assertEquals(11_000 + 1.0 * 2 * SMSS * SMSS / 11_000, snap.wEstBytes(), 1e-9,
                "W_est grows by the 2 SMSS left over (RFC 9438 §4.3; alpha = 1 before any loss)");

        Cubic off = (Cubic) CongestionControls.create("cubic");
        CongestionState r = new CongestionState(SMSS, 10_000);
        r.ssthreshBytes = 11_000;
        off.onAck(r, 3 * SMSS, 5_000);
        assertEquals(11_000, r.cwndBytes);
        assertEquals(-1, off.snapshot().epochStartPs(), "flag off: one slow-start step, no epoch yet");
    }
}
