package org.toesim.tcp.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;

/**
 * Linux's classic HyStart ({@link LinuxHystart}, {@code net/ipv4/tcp_cubic.c} hystart_update,
 * bictcp_hystart_reset, hystart_ack_delay) driven through {@link Cubic#onAck} ACK by ACK, with
 * the RTT sample of each ACK given first as the engine does. Expected values are worked out by
 * hand from the kernel's rules (comments give the arithmetic); times are exact picoseconds.
 */
class LinuxHystartTest {
    private static final int SMSS = 1000;
    private static final long MS = Units.PS_PER_MS;
    private static final long US = Units.PS_PER_US;
    private static final long T0 = Units.PS_PER_S;
    private static final long NO_SAMPLE = -1;
    private static final long NONE = Long.MAX_VALUE;
    /** The linux profile: segment counting, Linux HyStart, Linux CUBIC growth. */
    private static final CcFeatures LINUX = new CcFeatures(true, false, true, true);
    /** Linux HyStart with RFC 9438 growth: delay_min is then the engine's minimum RTT. */
    private static final CcFeatures HYSTART_ONLY = new CcFeatures(true, false, true, false);

    /**
     * A sender that keeps cwnd in flight. Each ACK covers one SMSS and arrives {@code gapPs}
     * after the previous one; the engine's order is kept: RTT sample, SND.UNA/SND.MAX filled in,
     * onAck, then the window is refilled.
     */
    private static final class Flow {
        final CongestionState s;
        final CongestionControl cc;
        long sndUnaPos = 1;
        long sndMaxPos;
        long nowPs = T0;
        final long gapPs;
        int acks;

        Flow(CongestionControl cc, int initialSegments, long srttPs, long gapPs) {
            this.cc = cc;
            this.s = new CongestionState(SMSS, (long) initialSegments * SMSS);
            this.sndMaxPos = 1 + (long) initialSegments * SMSS;
            this.gapPs = gapPs;
            s.srttPs = srttPs;
        }

        Flow(CcFeatures f, int initialSegments, long srttPs, long gapPs) {
            this(CongestionControls.create("cubic", f), initialSegments, srttPs, gapPs);
        }

        void ack(long rttPs) {
            if (rttPs != NO_SAMPLE) {
                s.minRttPs = s.minRttPs == 0 ? rttPs : Math.min(s.minRttPs, rttPs);
                cc.onRttSample(s, rttPs, nowPs);
            }
            sndUnaPos += SMSS;
            s.sndUnaPos = sndUnaPos;
            s.sndMaxPos = sndMaxPos;
            cc.onAck(s, SMSS, nowPs);
            sndMaxPos = Math.max(sndMaxPos, sndUnaPos + s.cwndBytes);
            nowPs += gapPs;
            acks++;
        }

        /** {@code n} ACKs with samples of {@code rttPs}. */
        void acks(int n, long rttPs) {
            for (int i = 0; i < n; i++) {
                ack(rttPs);
            }
        }

        /** ACKs with samples of {@code rttPs} until HyStart ends slow start; the index of the ACK that did it. */
        int untilFound(long rttPs, int max) {
            int start = acks;
            while (!hy().found()) {
                if (acks - start >= max) {
                    return -1;
                }
                ack(rttPs);
            }
            return acks - 1 - start;
        }

        LinuxHystartSnapshot hy() {
            return ((CubicSnapshot) cc.snapshot()).linuxHystart();
        }

        LinuxCubicSnapshot growth() {
            return ((CubicSnapshot) cc.snapshot()).linuxGrowth();
        }

        void rto() {
            s.flightSizeBytes = sndMaxPos - sndUnaPos;
            cc.onRetransmissionTimeout(s, nowPs);
        }
    }

    @Test
    void roundsStartAtTheFirstAckAndAreTrackedBelowSixteenSegments() {
        Flow f = new Flow(LINUX, 10, 10 * MS, 100 * US);
        assertEquals(-1, f.hy().endSeqPos(), "no round before the first ACK");
        f.cc.onRttSample(f.s, 2 * MS, f.nowPs);
        f.cc.onAck(f.s, 0, f.nowPs); // nothing acknowledged (a window update): no hystart_update
        assertEquals(-1, f.hy().endSeqPos());

        f.ack(2 * MS);                          // ACK 0 at T0, cwnd 10
        assertEquals(1 + 10 * SMSS, f.hy().endSeqPos(), "round 1 ends with the initial window: end_seq = SND.NXT");
        assertEquals(T0, f.hy().roundStartPs());
        assertEquals(T0, f.hy().lastAckPs());
        assertEquals(0, f.hy().sampleCount(), "cwnd 10 < hystart_low_window: no detection");
        assertEquals(NONE, f.hy().currRttPs());

        f.ack(NO_SAMPLE);                       // ACK 1: no RTT sample, Linux does not call hystart_update
        assertEquals(T0, f.hy().lastAckPs());
        f.acks(4, 100 * MS);                    // ACKs 2..5, cwnd 12..15: a huge RTT rise, ignored below 16
        assertEquals(0, f.hy().sampleCount());
        assertEquals(NONE, f.hy().currRttPs());
        assertFalse(f.hy().found());
        assertEquals(T0, f.hy().lastAckPs(), "last_ack moves only in an ACK train at cwnd >= 16");

        f.ack(100 * MS);                        // ACK 6 sees cwnd 16: detection starts
        assertEquals(1, f.hy().sampleCount());
        assertEquals(100 * MS, f.hy().currRttPs());
        assertEquals(T0 + 600 * US, f.hy().lastAckPs(), "600 us after the round start: still a train");
        f.acks(3, 100 * MS);                    // ACKs 7..9: 4 samples in round 1, no decision
        assertEquals(4, f.hy().sampleCount());
        assertEquals(1 + 10 * SMSS, f.hy().endSeqPos());

        f.ack(100 * MS);                        // ACK 10: SND.UNA 11001 passes end_seq 10001
        assertEquals(T0 + 1 * MS, f.hy().roundStartPs(), "round 2 starts at this ACK");
        assertEquals(T0 + 1 * MS, f.hy().lastAckPs());
        assertEquals(10_001 + 20 * SMSS, f.hy().endSeqPos(), "SND.NXT then: SND.UNA 10001 after ACK 9 + cwnd 20");
        assertEquals(1, f.hy().sampleCount(), "the counters restart with the round");
        f.acks(7, 100 * MS);                    // ACKs 11..17: 8 samples in round 2
        assertEquals(8, f.hy().sampleCount());
        assertEquals(Long.MAX_VALUE, f.s.ssthreshBytes, "8 samples: no decision yet");
        f.ack(100 * MS);                        // ACK 18: 100 ms > delay_min 2 ms + 4 ms
        assertTrue(f.hy().found());
        assertEquals(28 * SMSS, f.s.ssthreshBytes, "ssthresh = the cwnd ACK 18 saw (10 + 18 segments)");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void ackTrainEndsSlowStartOnceItOutlastsHalfOfDelayMinPlusAckDelay(boolean linuxGrowth) {
        // ACK i at T0 + 12 us * i; delay_min = 2 ms; ack_delay = min(1 ms, 2*65536*2 ms / cwnd) = 1 ms
        // while cwnd < 262 segments; threshold = (2 ms + 1 ms) / 2 = 1.5 ms = 125 gaps exactly.
        Flow f = new Flow(linuxGrowth ? LINUX : HYSTART_ONLY, 128, 2 * MS, 12 * US);
        f.acks(126, 2 * MS);                    // ACKs 0..125: ACK 125 is 1.500 ms in, not past it
        assertFalse(f.hy().found());
        assertEquals(Long.MAX_VALUE, f.s.ssthreshBytes, "not before the threshold is exceeded");
        assertEquals(254 * SMSS, f.s.cwndBytes, "128 + 126 segments of slow start");
        assertEquals(T0 + 125 * 12 * US, f.hy().lastAckPs(), "every ACK 12 us apart extends the train");
        f.ack(2 * MS);                          // ACK 126: 1.512 ms > 1.5 ms
        assertTrue(f.hy().found());
        assertEquals(254 * SMSS, f.s.ssthreshBytes, "ssthresh = cwnd (tp->snd_ssthresh = tcp_snd_cwnd)");
        assertFalse(f.s.inSlowStart());
        if (linuxGrowth) {
            assertEquals(254 * SMSS, f.s.cwndBytes, "the ACK went to congestion avoidance: cnt 20, no increase");
        }
        long cwnd = f.s.cwndBytes;
        f.ack(2 * MS);
        assertTrue(f.s.cwndBytes - cwnd < SMSS, "avoidance from here on, not slow start");
    }

    @Test
    void ackDelayBelowItsCapLowersTheThreshold() {
        // cwnd 300 + i segments: ack_delay = 262144 * 10^12 ps B / cwnd_bytes; at ACK 110 (cwnd 410):
        // 639.376 us, threshold (2 ms + 639.376 us) / 2 = 1319.688 us < 1320 us = 110 gaps;
        // at ACK 109 (cwnd 409): 640.939 us, threshold 1320.469 us > 1308 us.
        Flow f = new Flow(LINUX, 300, 2 * MS, 12 * US);
        assertEquals(110, f.untilFound(2 * MS, 300));
        assertEquals(410 * SMSS, f.s.ssthreshBytes);
    }

    @Test
    void aGapOfMoreThanTwoMsBreaksTheTrainForTheRestOfTheRound() {
        Flow exact = new Flow(LINUX, 200, 2 * MS, 12 * US);
        exact.acks(50, 2 * MS);                 // ACKs 0..49
        exact.nowPs += 2 * MS - 12 * US;        // ACK 50 exactly 2 ms after ACK 49: still a train
        exact.ack(2 * MS);
        assertTrue(exact.hy().found(), "2 ms <= hystart_ack_delta_us; 50 ACKs in: 2.588 ms > 1.5 ms");
        assertEquals(250 * SMSS, exact.s.ssthreshBytes);

        Flow f = new Flow(LINUX, 200, 2 * MS, 12 * US);
        f.acks(50, 2 * MS);
        long lastAck = f.hy().lastAckPs();
        assertEquals(T0 + 49 * 12 * US, lastAck);
        f.nowPs += 2 * MS + 1 * US - 12 * US;   // ACK 50 arrives 2.001 ms after ACK 49
        f.acks(150, 2 * MS);                    // ACKs 50..199: the rest of round 1 (end_seq 200001)
        assertFalse(f.hy().found(), "no ACK is within 2 ms of last_ack any more");
        assertEquals(lastAck, f.hy().lastAckPs());
        assertEquals(Long.MAX_VALUE, f.s.ssthreshBytes);
        assertEquals(400 * SMSS, f.s.cwndBytes);
        // ACK 200 starts round 2 (end_seq 600001) and a new train; cwnd 400 + j: fires at j = 105,
        // 1260 us > (2 ms + 262144e12 / 505000 ps) / 2 = 1259.55 us (j = 104: 1248 us < 1260.17 us)
        assertEquals(105, f.untilFound(2 * MS, 400));
        assertEquals(505 * SMSS, f.s.ssthreshBytes);
    }

    /** Round 1 of 20 ACKs at {@code baseRtt}, ACKs 3 ms apart so the ACK train never holds; then round 2. */
    private static Flow delayFlow(long baseRttPs) {
        Flow f = new Flow(LINUX, 20, 10 * MS, 3 * MS);
        f.acks(20, baseRttPs);
        assertEquals(T0, f.hy().roundStartPs(), "still round 1 after 20 ACKs (end_seq 20001)");
        assertEquals(8, f.hy().sampleCount(), "from cwnd 16 (ACK 6): 8 samples counted, then checked");
        return f;
    }

    @Test
    void delayDetectorFiresOnTheNinthSampleAboveDelayMinPlusFourMs() {
        // delay_min 10 ms: threshold 10 ms + clamp(10/8 ms, 4 ms, 16 ms) = 14 ms; the comparison is strict
        Flow at = delayFlow(10 * MS);
        at.acks(40, 14 * MS);                   // round 2 (ACKs 20..): curr_rtt 14 ms is not > 14 ms
        assertFalse(at.hy().found());
        assertEquals(Long.MAX_VALUE, at.s.ssthreshBytes);

        Flow above = delayFlow(10 * MS);
        above.acks(8, 14 * MS + 1 * US);        // ACKs 20..27: samples 1..8 of the round only count
        assertEquals(8, above.hy().sampleCount());
        assertFalse(above.hy().found());
        above.ack(14 * MS + 1 * US);            // ACK 28, the 9th sample: 14.001 ms > 14 ms
        assertTrue(above.hy().found());
        assertEquals(48 * SMSS, above.s.ssthreshBytes, "cwnd seen by ACK 28: 20 + 28 segments");

        Flow oneLow = delayFlow(10 * MS);
        oneLow.ack(14 * MS);                    // the round's minimum is what counts
        oneLow.acks(30, 30 * MS);
        assertFalse(oneLow.hy().found(), "curr_rtt = min of the round = 14 ms");
    }

    @Test
    void delayThresholdIsAnEighthOfDelayMinClampedToFourAndSixteenMs() {
        long[][] cases = {
            // delay_min, highest sample that does not fire
            {500 * US, 4_500 * US},             // 1/8 = 62.5 us -> 4 ms
            {64 * MS, 72 * MS},                 // 8 ms
            {200 * MS, 216 * MS},               // 25 ms -> 16 ms
        };
        for (long[] c : cases) {
            Flow stays = delayFlow(c[0]);
            stays.acks(30, c[1]);
            assertFalse(stays.hy().found(), "delay_min " + c[0] + ": " + c[1] + " is not above the threshold");
            Flow fires = delayFlow(c[0]);
            assertEquals(8, fires.untilFound(c[1] + 1 * US, 30), "delay_min " + c[0] + ": 9th sample fires");
            assertEquals(48 * SMSS, fires.s.ssthreshBytes);
        }
    }

    @Test
    void ackDelayIsMinOfOneMsAndFourGsoBurstsAtTwiceTheWindowRate() {
        CongestionState s = new CongestionState(SMSS, 200 * SMSS);
        assertEquals(0, LinuxHystart.ackDelayPs(s), "no SRTT yet: sk_pacing_rate 0, ack_delay 0");
        s.srttPs = 1 * MS;
        // 4 * 65536 B / (2 * 200000 B / 1 ms) = 131072 * 1 ms / 200000 = 655.36 us
        assertEquals(655_360 * Units.PS_PER_NS, LinuxHystart.ackDelayPs(s));
        s.cwndBytes = 100 * SMSS;               // 1.31072 ms, capped
        assertEquals(1 * MS, LinuxHystart.ackDelayPs(s));
        s.cwndBytes = 131_072;                  // exactly 1 ms
        assertEquals(1 * MS, LinuxHystart.ackDelayPs(s));
        CongestionState big = new CongestionState(1448, 100L * 1448);
        big.srttPs = 300 * US;                  // 131072 * 300 us / 144800 B = 271.558011 us
        assertEquals(271_558_011, LinuxHystart.ackDelayPs(big));
    }

    @Test
    void afterAnRtoHyStartRunsAgain() {
        Flow f = new Flow(LINUX, 128, 2 * MS, 12 * US);
        assertEquals(126, f.untilFound(2 * MS, 200));
        f.nowPs += 200 * MS;
        f.rto();
        assertFalse(f.hy().found(), "bictcp_reset: found = 0");
        assertEquals(177 * SMSS, f.s.ssthreshBytes, "254 * 717 / 1024 = 177.8 segments");
        assertEquals(SMSS, f.s.cwndBytes);
        assertEquals(0, f.growth().delayMinPs(), "delay_min is forgotten too");
        f.nowPs += 2 * MS;                      // the ACK of the retransmission, one RTT later
        f.acks(15, 2 * MS);                     // ACKs 0..14 after the RTO see cwnd 1..15
        assertEquals(2 * MS, f.growth().delayMinPs());
        assertEquals(0, f.hy().sampleCount());
        f.acks(8, 7 * MS);                      // ACKs 15..22 (cwnd 16..23): 8 samples at 7 ms
        assertFalse(f.hy().found());
        f.ack(7 * MS);                          // ACK 23: 7 ms > 2 ms + 4 ms
        assertTrue(f.hy().found());
        assertEquals(24 * SMSS, f.s.ssthreshBytes, "slow start after the RTO ended by HyStart at cwnd 24 < 177");
    }

    @Test
    void theRoundInFlightAtAnRtoStartedAtTheRto() {
        // cubictcp_state(TCP_CA_Loss) calls bictcp_hystart_reset: round_start = last_ack = now (the
        // RTO) and end_seq = snd_nxt (Linux does not rewind it: the highest sent). The first ACK
        // after the RTO comes an RTT later, more than 2 ms after last_ack, so no ACK train can
        // form until that whole flight is acknowledged: slow start runs on to ssthresh.
        Flow f = new Flow(LINUX, 128, 2 * MS, 12 * US);
        assertEquals(126, f.untilFound(2 * MS, 200));
        assertEquals(381_001, f.sndMaxPos, "SND.UNA 127001 + cwnd 254 segments");
        f.nowPs += 200 * MS;
        long rtoPs = f.nowPs;
        f.rto();
        f.nowPs += 2 * MS + 100 * US;
        f.ack(2 * MS);
        assertEquals(rtoPs, f.hy().roundStartPs(), "the round began at the RTO");
        assertEquals(rtoPs, f.hy().lastAckPs());
        assertEquals(381_001, f.hy().endSeqPos(), "end_seq = SND.NXT at the RTO");
        f.acks(175, 2 * MS);                    // ACKs 1..175, 12 us apart: ACK 175 sees cwnd 176
        assertFalse(f.hy().found(), "no ACK train in the round the RTO started");
        assertEquals(177 * SMSS, f.s.ssthreshBytes);
        assertEquals(177 * SMSS, f.s.cwndBytes, "slow start ran to ssthresh");
    }

    @Test
    void theRoundAnRtoStartedEndsPastWhatWasSentBeforeItEvenWithoutSamples() {
        // end_seq is snd_nxt at the RTO. The first ACKs after it (of retransmissions: Karn's rule,
        // no RTT sample) run no hystart_update, and the window opened by them sends new data; the
        // round must still end once SND.UNA passes the old SND.NXT, not the later one.
        Flow f = new Flow(LINUX, 10, 2 * MS, 12 * US);
        f.ack(2 * MS);                          // SND.UNA 1001, cwnd 11: SND.MAX 12001
        f.nowPs += 200 * MS;
        long rtoPs = f.nowPs;
        f.rto();                                // ssthresh 11 * 717 / 1024 = 7 segments
        assertEquals(7 * SMSS, f.s.ssthreshBytes);
        f.s.ssthreshBytes = Long.MAX_VALUE;     // as after an undone RTO: the whole round stays in slow start
        f.nowPs += 2 * MS;
        for (int j = 0; j < 7; j++) {
            f.ack(NO_SAMPLE);                   // from j = 5 SND.UNA + cwnd passes 12001: new data
        }
        assertEquals(16_001, f.sndMaxPos, "SND.UNA 8001 + cwnd 8 segments");
        f.acks(4, 2 * MS);                      // SND.UNA 9001..12001: not past end_seq 12001
        assertEquals(rtoPs, f.hy().roundStartPs(), "the RTO's round goes on");
        assertEquals(12_001, f.hy().endSeqPos(), "SND.NXT at the RTO");
        long ackPs = f.nowPs;
        long sndMax = f.sndMaxPos;
        f.ack(2 * MS);                          // SND.UNA 13001 passes it: a new round
        assertEquals(ackPs, f.hy().roundStartPs());
        assertEquals(sndMax, f.hy().endSeqPos());
        assertEquals(24_001, sndMax, "SND.UNA 12001 + cwnd 12 segments");
    }

    @Test
    void snapshotMidTrainRestoresToIdenticalDecisions() {
        Flow a = new Flow(LINUX, 128, 2 * MS, 12 * US);
        a.acks(60, 2 * MS);
        CcSnapshot snap = a.cc.snapshot();
        assertEquals(T0 + 59 * 12 * US, ((CubicSnapshot) snap).linuxHystart().lastAckPs());
        Flow b = copyOf(a, snap);
        assertEquals(snap, b.cc.snapshot());
        long[] rtts = {2 * MS, 2_100 * US, 3 * MS, 2 * MS};
        int firedAt = -1;
        for (int i = 0; i < 400; i++) {
            long rtt = rtts[(i / 17) % rtts.length];
            a.ack(rtt);
            b.ack(rtt);
            assertEquals(a.s.cwndBytes, b.s.cwndBytes, "ACK " + i);
            assertEquals(a.s.ssthreshBytes, b.s.ssthreshBytes, "ACK " + i);
            if (firedAt < 0 && a.hy().found()) {
                firedAt = i;
            }
        }
        assertEquals(66, firedAt, "the restored train fires where the original would: ACK 126 of the round");
        assertEquals(a.cc.snapshot(), b.cc.snapshot());
    }

    @Test
    void snapshotRightAfterAnRtoRestoresTheRoundThatStartedThere() {
        Flow a = new Flow(LINUX, 128, 2 * MS, 12 * US);
        a.untilFound(2 * MS, 200);
        a.nowPs += 200 * MS;
        a.rto();
        CcSnapshot snap = a.cc.snapshot();
        Flow b = copyOf(a, snap);
        a.nowPs += 2 * MS;
        b.nowPs += 2 * MS;
        for (int i = 0; i < 250; i++) {
            long rtt = i < 15 ? 2 * MS : 7 * MS;
            a.ack(rtt);
            b.ack(rtt);
            assertEquals(a.s.cwndBytes, b.s.cwndBytes, "ACK " + i);
            assertEquals(a.s.ssthreshBytes, b.s.ssthreshBytes, "ACK " + i);
        }
        assertEquals(24 * SMSS, b.s.ssthreshBytes);
        assertEquals(a.cc.snapshot(), b.cc.snapshot());
    }

    private static Flow copyOf(Flow a, CcSnapshot snap) {
        Flow b = new Flow(CongestionControls.restore(snap), 0, a.s.srttPs, a.gapPs);
        b.s.cwndBytes = a.s.cwndBytes;
        b.s.ssthreshBytes = a.s.ssthreshBytes;
        b.s.minRttPs = a.s.minRttPs;
        b.sndUnaPos = a.sndUnaPos;
        b.sndMaxPos = a.sndMaxPos;
        b.nowPs = a.nowPs;
        return b;
    }
}
