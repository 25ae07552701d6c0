package org.toesim.tcp.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * BBR as a strategy alone (ns-3 / smoltcp style): rate samples of a synthetic path are fed in
 * and the exact state transitions of Linux {@code tcp_bbr.c} are asserted.
 */
class BbrTest {
    private static final int SMSS = 1000;
    private static final long MS = 1_000_000_000L;
    /** A 100 Mbit/s, 10 ms path: 12.5 bytes per µs, BDP 125,000 bytes. */
    private static final long BW_BYTES_PER_SEC = 12_500_000;
    private static final long RTT_PS = 10 * MS;
    private static final long BDP_BYTES = BW_BYTES_PER_SEC * RTT_PS / 1_000_000_000_000L;

    /** Feeds one sample per round trip: each starts a round (its prior delivered is the last round's total). */
    private static final class Path {
        final Bbr bbr = new Bbr();
        final CongestionState s = new CongestionState(SMSS, 10 * SMSS);
        long nowPs = MS;
        long deliveredBytes;

        /** One round at {@code bwBytesPerSec} with RTT {@code rttPs}, {@code inFlight} after the ACK. */
        RateSample round(long bwBytesPerSec, long rttPs, long inFlight) {
            return round(bwBytesPerSec, rttPs, inFlight, false, rttPs);
        }

        RateSample round(long bwBytesPerSec, long rttPs, long inFlight, boolean recovery, long stepPs) {
            long prior = deliveredBytes;
            long delivered = bwBytesPerSec * rttPs / 1_000_000_000_000L;
            deliveredBytes += delivered;
            nowPs += stepPs;
            s.srttPs = rttPs;
            RateSample rs = new RateSample(delivered, rttPs, false, prior, rttPs, SMSS, 0, inFlight, inFlight,
                    deliveredBytes, recovery);
            bbr.onRateSample(s, rs, nowPs);
            return rs;
        }
    }

    @Test
    void startupExitsToDrainAfterThreeRoundsBelowTwentyFivePercentGrowth() {
        Path p = new Path();
        long bw = 100_000;
        for (int i = 0; i < 6; i++) {
            p.round(bw, RTT_PS, 4 * BDP_BYTES);
            bw *= 2; // doubling each round: STARTUP goes on
            assertEquals(BbrMode.STARTUP, p.bbr.mode(), "growing round " + i);
        }
        assertEquals(BbrParams.HIGH_GAIN, p.bbr.pacingGain(), "STARTUP paces at 2/ln2");
        p.round(BW_BYTES_PER_SEC, RTT_PS, 4 * BDP_BYTES); // the last growth: 3.2 to 12.5 MB/s
        for (int flat = 1; flat <= 2; flat++) {
            p.round(BW_BYTES_PER_SEC * 11 / 10, RTT_PS, 4 * BDP_BYTES); // +10 %: not growth
            assertEquals(BbrMode.STARTUP, p.bbr.mode(), "after " + flat + " rounds without growth");
            assertFalse(p.bbr.fullBwReached());
        }
        p.round(BW_BYTES_PER_SEC * 11 / 10, RTT_PS, 4 * BDP_BYTES);
        assertTrue(p.bbr.fullBwReached(), "3 rounds below 25 % growth: the pipe is full");
        assertEquals(BbrMode.DRAIN, p.bbr.mode(), "inflight 4 BDP > BDP: DRAIN");
        assertEquals(BbrParams.DRAIN_GAIN, p.bbr.pacingGain(), "DRAIN paces at ln2/2");
        long bdp = BW_BYTES_PER_SEC * 11 / 10 * RTT_PS / 1_000_000_000_000L;
        assertEquals(bdp, p.s.ssthreshBytes, 2, "bbr_check_drain: ssthresh = BDP");
    }

    private static Path inDrain() {
        Path p = new Path();
        long bw = 1_000_000;
        while (bw < BW_BYTES_PER_SEC) {
            p.round(bw, RTT_PS, 4 * BDP_BYTES);
            bw *= 2;
        }
        for (int i = 0; i < 4 && p.bbr.mode() == BbrMode.STARTUP; i++) {
            p.round(BW_BYTES_PER_SEC, RTT_PS, 4 * BDP_BYTES);
        }
        assertEquals(BbrMode.DRAIN, p.bbr.mode());
        return p;
    }

    @Test
    void drainGoesToProbeBwOnceInflightIsAtMostTheBdp() {
        Path p = inDrain();
        long bdp = p.bbr.inflightBytes(p.s, p.bbr.bwScaled(), BbrParams.UNIT);
        p.round(BW_BYTES_PER_SEC, RTT_PS, bdp + SMSS);
        assertEquals(BbrMode.DRAIN, p.bbr.mode(), "one packet above the BDP: still draining");
        p.round(BW_BYTES_PER_SEC, RTT_PS, bdp);
        assertEquals(BbrMode.PROBE_BW, p.bbr.mode(), "inflight = BDP: PROBE_BW");
        assertNotEquals(1, p.bbr.cycleIndex(), "PROBE_BW never starts in the 0.75 phase");
        assertEquals(BbrParams.CWND_GAIN, p.bbr.cwndGain(), "cwnd gain 2 in PROBE_BW");
    }

    @Test
    void probeBwCyclesThroughTheEightGainsOncePerMinRtt() {
        Path p = inDrain();
        p.round(BW_BYTES_PER_SEC, RTT_PS, BDP_BYTES / 2);
        assertEquals(BbrMode.PROBE_BW, p.bbr.mode());
        int[] seen = new int[8];
        for (int i = 0; i < 16; i++) {
            seen[p.bbr.cycleIndex()]++;
            assertEquals(BbrParams.pacingGain(p.bbr.cycleIndex()), p.bbr.pacingGain());
            // inflight at the 1.25 target so the probing phase ends after one min RTT
            p.round(BW_BYTES_PER_SEC, RTT_PS, 2 * BDP_BYTES, false, RTT_PS + MS);
        }
        for (int k = 0; k < 8; k++) {
            assertEquals(2, seen[k], "phase " + k + " visited once per 8 min-RTTs");
        }
        long rate = p.bbr.pacingRateBytesPerSec(p.s);
        long expected = BW_BYTES_PER_SEC * BbrParams.pacingGain(p.bbr.cycleIndex()) / BbrParams.UNIT * 99 / 100;
        assertEquals(expected, rate, expected / 1000.0, "pacing rate = gain x max bw less 1 %");
    }

    @Test
    void probeRttAfterTenSecondsWithoutANewMinimumThenBack() {
        Path p = inDrain();
        p.round(BW_BYTES_PER_SEC, RTT_PS, BDP_BYTES);
        assertEquals(BbrMode.PROBE_BW, p.bbr.mode());
        long cwndBefore = p.s.cwndBytes;
        p.round(BW_BYTES_PER_SEC, RTT_PS - 1000, BDP_BYTES, false, RTT_PS); // a new minimum, 1 ns lower
        long minStampPs = p.nowPs;
        // RTT samples 1 ms above the minimum: no new min for 10 s
        while (p.nowPs + RTT_PS <= minStampPs + BbrParams.MIN_RTT_WINDOW_PS) {
            p.round(BW_BYTES_PER_SEC, RTT_PS + MS, BDP_BYTES, false, RTT_PS);
            assertEquals(BbrMode.PROBE_BW, p.bbr.mode(), "within 10 s of the min at " + p.nowPs / MS + " ms");
        }
        cwndBefore = Math.max(cwndBefore, p.s.cwndBytes);
        p.round(BW_BYTES_PER_SEC, RTT_PS + MS, BDP_BYTES, false, 2 * RTT_PS);
        assertEquals(BbrMode.PROBE_RTT, p.bbr.mode(), "min RTT 10 s old: PROBE_RTT");
        assertEquals(4 * SMSS, p.s.cwndBytes, "cwnd 4 packets in PROBE_RTT");
        assertTrue(p.bbr.marksAppLimited(), "PROBE_RTT marks the connection app-limited");
        p.round(BW_BYTES_PER_SEC, RTT_PS, 4 * SMSS, false, RTT_PS); // inflight drained to 4 packets
        long drainedPs = p.nowPs;
        while (p.nowPs + RTT_PS <= drainedPs + BbrParams.PROBE_RTT_PS) {
            p.round(BW_BYTES_PER_SEC, RTT_PS, 4 * SMSS, false, RTT_PS);
            assertEquals(BbrMode.PROBE_RTT, p.bbr.mode(), "200 ms not over at " + (p.nowPs - drainedPs) / MS + " ms");
            assertEquals(4 * SMSS, p.s.cwndBytes);
        }
        p.round(BW_BYTES_PER_SEC, RTT_PS, 4 * SMSS, false, RTT_PS);
        assertEquals(BbrMode.PROBE_BW, p.bbr.mode(), "200 ms and a round later: back to PROBE_BW (pipe was full)");
        assertEquals(RTT_PS, p.bbr.minRttPs(), "the re-measured minimum");
        // bbr_check_probe_rtt_done: cwnd = max(cwnd, prior_cwnd), then bbr_set_cwnd caps it at this
        // phase's target (the saved one was taken in a phase with a larger TSO budget)
        assertTrue(p.s.cwndBytes >= cwndBefore * 9 / 10 && p.s.cwndBytes <= cwndBefore,
                "cwnd back to the saved one: " + p.s.cwndBytes + " vs " + cwndBefore);
    }

    @Test
    void lossKeepsTheWindowWithPacketConservationAndRestoresItAfterRecovery() {
        Path p = inDrain();
        p.round(BW_BYTES_PER_SEC, RTT_PS, BDP_BYTES);
        for (int i = 0; i < 10; i++) {
            p.round(BW_BYTES_PER_SEC, RTT_PS, 2 * BDP_BYTES);
        }
        long cwnd = p.s.cwndBytes;
        long ssthresh = p.s.ssthreshBytes;
        p.s.flightSizeBytes = cwnd;
        assertEquals(ssthresh, p.bbr.ssthreshOnLoss(p.s, p.nowPs), "bbr_ssthresh: no multiplicative decrease");
        long reno = new Reno().ssthreshOnLoss(p.s, p.nowPs);
        assertEquals(cwnd / 2, reno, "where Reno halves");
        long inFlight = cwnd - 3 * SMSS;
        RateSample rs = p.round(BW_BYTES_PER_SEC, RTT_PS, inFlight, true, MS);
        assertEquals(inFlight + rs.ackedSackedBytes(), p.s.cwndBytes, "entering recovery: cwnd = inflight + acked");
        p.round(BW_BYTES_PER_SEC, RTT_PS, inFlight, false, MS);
        assertEquals(cwnd + SMSS, p.s.cwndBytes, "leaving recovery: cwnd = max(cwnd, prior_cwnd), then + acked");
        assertEquals(BbrMode.PROBE_BW, p.bbr.mode(), "a loss does not leave PROBE_BW");
    }

    @Test
    void bandwidthFilterForgetsAPeakAfterTenRounds() {
        Path p = inDrain();
        p.round(BW_BYTES_PER_SEC * 2, RTT_PS, BDP_BYTES); // one round at twice the rate
        long peak = p.bbr.bwBytesPerSec();
        assertEquals(2 * BW_BYTES_PER_SEC, peak, peak / 1000.0);
        for (int i = 0; i < 9; i++) {
            p.round(BW_BYTES_PER_SEC, RTT_PS, BDP_BYTES);
            assertEquals(peak, p.bbr.bwBytesPerSec(), "the peak holds within 10 rounds (" + i + ")");
        }
        p.round(BW_BYTES_PER_SEC, RTT_PS, BDP_BYTES);
        p.round(BW_BYTES_PER_SEC, RTT_PS, BDP_BYTES);
        assertEquals(BW_BYTES_PER_SEC, p.bbr.bwBytesPerSec(), BW_BYTES_PER_SEC / 1000.0, "gone after 10 rounds");
    }

    @Test
    void appLimitedSamplesDoNotLowerTheEstimate() {
        Path p = inDrain();
        long bw = p.bbr.bwBytesPerSec();
        for (int i = 0; i < 12; i++) {
            long prior = p.deliveredBytes;
            p.deliveredBytes += 1000;
            p.nowPs += RTT_PS;
            p.bbr.onRateSample(p.s, new RateSample(1000, RTT_PS, true, prior, RTT_PS, 1000, 0, SMSS, SMSS,
                    p.deliveredBytes, false), p.nowPs);
        }
        assertEquals(bw, p.bbr.bwBytesPerSec(), "app-limited samples below the max are ignored (§3.4)");
    }

    @Test
    void snapshotRestoreContinuesBitIdentically() {
        Path a = inDrain();
        a.round(BW_BYTES_PER_SEC, RTT_PS, BDP_BYTES);
        Path b = new Path();
        BbrSnapshot snap = a.bbr.snapshot();
        Bbr restored = (Bbr) CongestionControls.restore(snap);
        assertEquals(snap, restored.snapshot());
        assertEquals("bbr", snap.algorithm());
        CongestionState sb = new CongestionState(SMSS, a.s.cwndBytes);
        sb.ssthreshBytes = a.s.ssthreshBytes;
        for (int i = 0; i < 30; i++) {
            RateSample rs = a.round(BW_BYTES_PER_SEC * (8 + i % 5) / 10, RTT_PS, BDP_BYTES * (i % 3), i % 7 == 3,
                    RTT_PS);
            sb.srttPs = a.s.srttPs;
            restored.onRateSample(sb, rs, a.nowPs);
            assertEquals(a.s.cwndBytes, sb.cwndBytes, "cwnd after sample " + i);
            assertEquals(a.bbr.pacingRateBytesPerSec(a.s), restored.pacingRateBytesPerSec(sb));
        }
        assertEquals(a.bbr.snapshot(), restored.snapshot());
        assertTrue(b.bbr.snapshot().mode() == BbrMode.STARTUP);
    }

    @Test
    void createdByNameAndListed() {
        assertTrue(CongestionControls.NAMES.contains("bbr"));
        CongestionControl cc = CongestionControls.create("bbr");
        assertTrue(cc.ownsCwnd());
        CongestionState s = new CongestionState(SMSS, 10 * SMSS);
        assertTrue(cc.pacingRateBytesPerSec(s) > 0, "paced from the start: 2/ln2 x cwnd / 1 ms");
        assertEquals(10L * SMSS * BbrParams.HIGH_GAIN / BbrParams.UNIT * 1000 * 99 / 100, cc.pacingRateBytesPerSec(s), 1000.0);
        assertFalse(CongestionControls.create("cubic").ownsCwnd());
        assertEquals(0, CongestionControls.create("reno").pacingRateBytesPerSec(s), "others: unpaced");
    }
}
