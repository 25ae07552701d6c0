package org.toesim.tcp.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;

/**
 * HyStart++ (RFC 9406 §4.2) in CUBIC's initial slow start, driven ACK by ACK with synthetic RTT
 * samples in picoseconds (sub-millisecond values included): the exit threshold, the sample
 * count, CSS growth, the return to slow start and the end of CSS after CSS_ROUNDS rounds.
 */
class HyStartPlusPlusTest {
    private static final int SMSS = 1000;
    private static final long MS = Units.PS_PER_MS;
    private static final long US = Units.PS_PER_US;
    private static final long NO_SAMPLE = -1;

    /**
     * A sender that keeps cwnd in flight: each ACK covers one SMSS, carries an RTT sample, and
     * the window is refilled after it (the engine fills SND.UNA / SND.MAX before onAck).
     */
    private static final class Flow {
        final CongestionState s = new CongestionState(SMSS, 10 * SMSS);
        final CongestionControl cc;
        long sndUnaPos = 1;
        long sndMaxPos = 1 + 10 * SMSS;
        long nowPs;

        Flow(CongestionControl cc) {
            this.cc = cc;
            s.srttPs = 10 * MS;
        }

        Flow(CcFeatures features) {
            this(CongestionControls.create("cubic", features));
        }

        Flow() {
            this(new CcFeatures(true, true));
        }

        void ack(long rttPs) {
            ack(rttPs, SMSS);
        }

        void ack(long rttPs, long ackedBytes) {
            if (rttPs != NO_SAMPLE) {
                cc.onRttSample(s, rttPs, nowPs);
            }
            sndUnaPos += ackedBytes;
            s.sndUnaPos = sndUnaPos;
            s.sndMaxPos = sndMaxPos;
            cc.onAck(s, ackedBytes, nowPs);
            sndMaxPos = Math.max(sndMaxPos, sndUnaPos + s.cwndBytes);
            nowPs += 100 * US;
        }

        HystartSnapshot hy() {
            return ((CubicSnapshot) cc.snapshot()).hystart();
        }

        /** ACKs with samples of {@code rttPs} until HyStart++ starts its next round or ends. */
        int round(long rttPs) {
            long endPos = hy().windowEndPos();
            int acks = 0;
            do {
                ack(rttPs);
                acks++;
            } while (hy().windowEndPos() == endPos && !hy().done());
            return acks;
        }

        /** The first ACK starts round 1; then rounds 1 and 2 at {@code baseRttPs}. */
        Flow warmedUp(long baseRttPs) {
            ack(baseRttPs);
            round(baseRttPs);
            round(baseRttPs);
            return this;
        }

        /** Samples of {@code rttPs} until CSS is entered; returns how many ACKs it took. */
        int untilCss(long rttPs) {
            int acks = 0;
            while (!hy().inCss()) {
                ack(rttPs);
                acks++;
            }
            return acks;
        }
    }

    @Test
    void thresholdIsAnEighthOfTheLastRoundMinimumClampedToFourAndSixteenMs() {
        assertEquals(4 * MS, HyStartPlusPlus.rttThresholdPs(500 * US));
        assertEquals(4 * MS, HyStartPlusPlus.rttThresholdPs(10 * MS));
        assertEquals(8 * MS, HyStartPlusPlus.rttThresholdPs(64 * MS));
        assertEquals(16 * MS, HyStartPlusPlus.rttThresholdPs(200 * MS));
    }

    @Test
    void roundsAreTrackedBySequence() {
        Flow f = new Flow();
        f.cc.onRttSample(f.s, 2 * MS, 0);
        assertEquals(-1, f.hy().windowEndPos(), "no round yet: the sample is ignored");
        assertEquals(0, f.hy().rttSampleCount());
        f.ack(2 * MS);
        assertEquals(1 + 10 * SMSS, f.hy().windowEndPos(), "round 1 ends with the initial window");
        assertEquals(9, f.round(2 * MS), "the other 9 segments of the initial window");
        assertEquals(2 * MS, f.hy().lastRoundMinRttPs());
        assertEquals(18, f.round(2 * MS), "slow start doubled the window");
    }

    @Test
    void exitsSlowStartWhenTheRoundMinimumRisesByTheThreshold() {
        Flow f = new Flow().warmedUp(10 * MS);
        for (int i = 0; i < 7; i++) {
            f.ack(14 * MS);
        }
        assertFalse(f.hy().inCss(), "7 samples: no decision before N_RTT_SAMPLE = 8");
        f.ack(14 * MS);
        assertTrue(f.hy().inCss(), "8th sample: 14 ms >= 10 ms + max(4 ms, 10/8 ms)");
        assertEquals(14 * MS, f.hy().cssBaselineMinRttPs());
        assertEquals(Long.MAX_VALUE, f.s.ssthreshBytes, "CSS is still slow start");
    }

    @Test
    void noiseBelowTheThresholdDoesNotExit() {
        Flow f = new Flow().warmedUp(10 * MS);
        long before = f.s.cwndBytes;
        int acks = f.round(14 * MS - 1 * US);
        assertFalse(f.hy().inCss(), "13.999 ms < 14 ms");
        assertEquals(before + acks * SMSS, f.s.cwndBytes, "every ACK of the round added 1 SMSS");
        assertTrue(acks > 30, "a whole round, " + acks + " ACKs");

        Flow subMs = new Flow().warmedUp(500 * US);
        subMs.round(4_499 * US);
        assertFalse(subMs.hy().inCss(), "sub-ms base: threshold clamps to 4 ms");
        assertEquals(8, new Flow().warmedUp(500 * US).untilCss(4_500 * US));

        Flow longRtt = new Flow().warmedUp(64 * MS);
        longRtt.round(72 * MS - 1);
        assertFalse(longRtt.hy().inCss(), "64 ms base: threshold 8 ms");
        assertEquals(8, new Flow().warmedUp(64 * MS).untilCss(72 * MS));
    }

    @Test
    void fewerThanEightSamplesInARoundDecideNothing() {
        Flow f = new Flow().warmedUp(10 * MS);
        long endPos = f.hy().windowEndPos();
        for (int i = 0; i < 7; i++) {
            f.ack(30 * MS);
        }
        while (f.hy().windowEndPos() == endPos) {
            f.ack(NO_SAMPLE);
        }
        assertFalse(f.hy().inCss(), "one sample per RTT (no timestamps) never reaches 8");
    }

    @Test
    void conservativeSlowStartGrowsAQuarterAsFast() {
        Flow f = new Flow().warmedUp(10 * MS);
        f.untilCss(14 * MS);
        long before = f.s.cwndBytes;
        f.ack(14 * MS);
        assertEquals(before + SMSS / 4, f.s.cwndBytes, "CSS_GROWTH_DIVISOR = 4");
        f.ack(14 * MS, 2 * SMSS);
        assertEquals(before + SMSS / 4 + 2 * SMSS / 4, f.s.cwndBytes);

        Flow rfcGrowth = new Flow(new CcFeatures(false, true)).warmedUp(10 * MS);
        rfcGrowth.untilCss(14 * MS);
        long b2 = rfcGrowth.s.cwndBytes;
        rfcGrowth.ack(14 * MS, 2 * SMSS);
        assertEquals(b2 + SMSS / 4, rfcGrowth.s.cwndBytes, "min(N, SMSS) / 4 without segment counting");
    }

    @Test
    void slowStartIncreasePerAckIsCappedAtEightSegments() {
        Flow f = new Flow();
        f.ack(10 * MS, 20 * SMSS);
        assertEquals(18 * SMSS, f.s.cwndBytes, "L = 8 for a sender without pacing (RFC 9406 §4.3)");
        Flow plain = new Flow(new CcFeatures(true, false));
        plain.ack(10 * MS, 20 * SMSS);
        assertEquals(30 * SMSS, plain.s.cwndBytes, "Linux tcp_slow_start has no cap");
    }

    @Test
    void returnsToSlowStartWhenTheRttFallsBelowTheCssBaseline() {
        Flow f = new Flow().warmedUp(10 * MS);
        f.untilCss(14 * MS);
        f.round(14 * MS);
        assertTrue(f.hy().inCss());
        for (int i = 0; i < 8; i++) {
            f.ack(12 * MS);
        }
        assertFalse(f.hy().inCss(), "12 ms < baseline 14 ms after 8 samples: the rise was noise");
        assertEquals(Long.MAX_VALUE, f.hy().cssBaselineMinRttPs());
        long before = f.s.cwndBytes;
        f.ack(12 * MS);
        assertEquals(before + SMSS, f.s.cwndBytes, "standard slow start again");
        assertFalse(f.hy().done());
    }

    @Test
    void cssEndsInCongestionAvoidanceAfterFiveRounds() {
        Flow f = new Flow().warmedUp(10 * MS);
        f.untilCss(14 * MS);
        f.round(14 * MS);                       // the round CSS started in: 1
        for (int r = 2; r < HyStartPlusPlus.CSS_ROUNDS; r++) {
            f.round(14 * MS);
        }
        assertTrue(f.hy().inCss(), "4 rounds ended in CSS");
        assertEquals(Long.MAX_VALUE, f.s.ssthreshBytes);
        long cwndAtExit = f.s.cwndBytes;
        f.ack(14 * MS);
        while (!f.hy().done()) {
            cwndAtExit = f.s.cwndBytes;
            f.ack(14 * MS);
        }
        assertFalse(f.hy().inCss());
        assertEquals(cwndAtExit, f.s.ssthreshBytes, "5th round ended: ssthresh = cwnd (RFC 9406 §4.2)");
        CubicSnapshot snap = (CubicSnapshot) f.cc.snapshot();
        assertEquals(cwndAtExit, snap.cwndPriorBytes(), "RFC 9438 §4.10: cwnd_prior = cwnd");
        assertEquals(0.0, snap.kSeconds(), "RFC 9438 §4.10: K = 0");
        assertEquals(cwndAtExit, snap.wMaxBytes(), "W_max = cwnd at the start of the stage");
        assertEquals(f.nowPs - 100 * US, snap.epochStartPs(), "the exit ACK starts the avoidance stage");
        assertTrue(f.s.cwndBytes - cwndAtExit < SMSS, "avoidance growth, not slow start");
    }

    @Test
    void aLossEndsHyStartForTheConnection() {
        Flow f = new Flow().warmedUp(10 * MS);
        f.untilCss(14 * MS);
        f.s.ssthreshBytes = f.cc.ssthreshOnLoss(f.s, f.nowPs);
        assertTrue(f.hy().done());
        assertFalse(f.hy().inCss());
        f.cc.onRetransmissionTimeout(f.s, f.nowPs);
        long before = f.s.cwndBytes;
        f.round(14 * MS);
        assertEquals(before + SMSS, f.s.cwndBytes, "slow start after the RTO is the standard one");
    }

    @Test
    void withTheFlagOffTheSameRttRiseChangesNothing() {
        Flow f = new Flow(new CcFeatures(true, false));
        assertNull(f.hy());
        Flow on = new Flow();
        for (Flow x : new Flow[] {f, on}) {
            x.ack(10 * MS);
            for (int i = 0; i < 40; i++) {
                x.ack(10 * MS);
            }
            for (int i = 0; i < 100; i++) {
                x.ack(20 * MS);
            }
        }
        assertEquals(151 * SMSS, f.s.cwndBytes, "every ACK adds 1 SMSS");
        assertTrue(on.s.cwndBytes < f.s.cwndBytes, "HyStart++ slowed down: " + on.s.cwndBytes);
    }

    @Test
    void snapshotInCssContinuesBitExactly() {
        Flow a = new Flow().warmedUp(10 * MS);
        a.untilCss(14 * MS);
        a.ack(14 * MS);
        CcSnapshot snap = a.cc.snapshot();
        assertTrue(((CubicSnapshot) snap).hystart().inCss());
        Flow b = new Flow(CongestionControls.restore(snap));
        assertEquals(snap, b.cc.snapshot());
        b.s.cwndBytes = a.s.cwndBytes;
        b.sndUnaPos = a.sndUnaPos;
        b.sndMaxPos = a.sndMaxPos;
        b.nowPs = a.nowPs;
        long[] rttsPs = {14 * MS, 15 * MS, 13 * MS, 12 * MS, 16 * MS};
        for (int i = 0; i < 400; i++) {
            long rttPs = rttsPs[(i / 37) % rttsPs.length];
            a.ack(rttPs);
            b.ack(rttPs);
            assertEquals(a.s.cwndBytes, b.s.cwndBytes, "ACK " + i);
            assertEquals(a.s.ssthreshBytes, b.s.ssthreshBytes, "ACK " + i);
        }
        assertEquals(a.cc.snapshot(), b.cc.snapshot());
    }
}
