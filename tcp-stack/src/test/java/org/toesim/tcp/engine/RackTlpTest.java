package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toesim.tcp.engine.SackRecoveryTest.PEER_WINDOW;
import static org.toesim.tcp.engine.SackRecoveryTest.SYN_SACK;
import static org.toesim.tcp.engine.SackRecoveryTest.sackAck;
import static org.toesim.tcp.engine.SackRecoveryTest.seg;

import org.junit.jupiter.api.Test;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * RACK (RFC 8985 §6) and the tail loss probe (RFC 8985 §7), segment by segment. The SYN's RTT is
 * 10 ms, so SRTT = min_RTT = 10 ms and RACK's reordering window min_RTT / 4 = 2.5 ms.
 *
 * <pre>
 *   RACK: 10 segments at 1 s, 0 lost; SACK [1,2) at 1.010 s: 0 was sent before the delivered 1,
 *         reordering timer at 1.010 + 2.5 ms ─▶ 0 lost, recovery, resend 0 (one dupACK, not three)
 *   TLP:  10 segments at 1 s, 9 lost; ACK 8 at 1.010 s (2 in flight): PTO = 2*SRTT + 2 ms
 *         ─▶ at 1.032 s resend 9 ─▶ ACK 10: repaired without the 1 s RTO
 *   TLP + RACK: 8 and 9 lost; probe 9 SACKed ─▶ 8, sent before it, is past its window ─▶ resend 8
 * </pre>
 */
class RackTlpTest extends EngineTestBase {

    static TcpConfig config(TcpFeatures f) {
        return plainConfig().toBuilder().sack(true).features(f).build();
    }

    /** ESTABLISHED with SACK (SYN RTT 10 ms), {@code queued} segments queued, 0..9 sent at 1 s. */
    TcpConnection tenInFlight(TcpConfig cfg, int queued) {
        TcpConnection c = newConnection(cfg);
        c.connect(LOCAL_ISS, 0);
        assertSent(poll(c, 0), ack(flags(seq(opts(SEND, SYN_SACK), LOCAL_ISS), TcpFlags.SYN), 0));
        Segment synAck = ack(seq(flags(opts(RECV, SYN_SACK), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1);
        assertSent(recv(c, synAck, 10 * MS), SEND);
        assertNothingSent(recv(c, win(RECV, PEER_WINDOW), 20 * MS));
        c.send((long) queued * MSS, S);
        assertEquals(10, poll(c, S).size());
        return c;
    }

    static Segment lastSegmentAgain(int k) {
        return data(seq(SEND, SackRecoveryTest.seqOf(k)), (long) k * MSS, MSS);
    }

    @Test
    void rackMarksASegmentLostAfterTheReorderingWindowBeforeThreeDuplicateAcks() {
        TcpConnection c = tenInFlight(config(TcpFeatures.rfc().withRack(true)), 10);
        assertNothingSent(recv(c, sackAck(0, 1, 2), S + 10 * MS));
        // RFC 8985 §6.2 step 5: 0 was sent before the delivered 1; it is lost once
        // xmit_ts + RACK.rtt + reo_wnd = 1 s + 10 ms + 2.5 ms has passed (§6.3 reordering timer)
        long reo = S + 10 * MS + 10 * MS / 4;
        assertEquals(reo, c.nextWakeupPs());
        assertNothingSent(poll(c, reo - 1));
        assertSent(poll(c, reo), seg(0));
        assertEquals(1, c.stats(reo).dupAcksIn(), "recovery after one duplicate ACK");
        assertEquals(1, c.stats(reo).fastRetransmits());
        assertEquals(0, c.stats(reo).rtoFirings());
    }

    @Test
    void withoutRackOneDuplicateAckLeavesTheSegmentToTheRetransmissionTimer() {
        TcpConnection c = tenInFlight(config(TcpFeatures.rfc()), 10);
        assertNothingSent(recv(c, sackAck(0, 1, 2), S + 10 * MS));
        assertEquals(2 * S, c.nextWakeupPs(), "only the RTO (1 s minimum) is left");
    }

    @Test
    void withNoReorderingSeenThreeSackedSegmentsMarkTheHoleLostAtOnce() {
        // Linux tcp_rack_reo_wnd: reo_wnd = 0 once DupThresh segments are SACKed and no reordering was seen
        TcpConnection c = tenInFlight(config(TcpFeatures.rfc().withRack(true)), 10);
        assertNothingSent(recv(c, sackAck(0, 1, 2), S + MS));
        assertNothingSent(recv(c, sackAck(0, 1, 3), S + 2 * MS));
        assertSent(recv(c, sackAck(0, 1, 4), S + 3 * MS), seg(0));
    }

    @Test
    void tailLossProbeRepairsALostLastSegmentWithoutAnRto() {
        TcpConnection c = tenInFlight(config(TcpFeatures.rfc().withTlp(true)), 10);
        assertNothingSent(recv(c, sackAck(8), S + 10 * MS));
        // RFC 8985 §7.2: PTO = 2 * SRTT (+ 2 ms, Linux TCP_TIMEOUT_MIN, with more than one segment out)
        long pto = S + 10 * MS + 2 * 10 * MS + 2 * MS;
        assertEquals(pto, c.nextWakeupPs());
        // §7.3: no new data to send, so the last segment goes again
        assertSent(poll(c, pto), lastSegmentAgain(9));
        assertNothingSent(recv(c, sackAck(10), pto + 10 * MS));
        assertEquals(SackRecoveryTest.seqOf(10), c.sndUna(), "repaired at 1.042 s instead of at the 1 s RTO");
        assertEquals(0, c.stats(pto + 10 * MS).rtoFirings());
    }

    @Test
    void tailLossProbeSendsNewDataWhenThereIsSome() {
        // cwnd (IW10) is full and no ACK comes back: RFC 8985 §7.3 sends one new segment
        // regardless of cwnd when the receive window allows
        TcpConnection c = tenInFlight(config(TcpFeatures.rfc().withTlp(true)), 12);
        long pto = S + 2 * 10 * MS + 2 * MS;
        assertEquals(pto, c.nextWakeupPs());
        assertSent(poll(c, pto), seg(10));
        assertTrue(c.nextWakeupPs() > pto, "one probe only; the RTO is next");
    }

    @Test
    void probeAndRackTogetherRepairTwoLostTailSegments() {
        TcpConnection c = tenInFlight(config(TcpFeatures.rfc().withTlp(true).withRack(true)), 10);
        assertNothingSent(recv(c, sackAck(8), S + 10 * MS));
        long pto = S + 32 * MS;
        assertSent(poll(c, pto), lastSegmentAgain(9));
        // the probe is SACKed; 8 was sent 32 ms before it, long past 1 s + RACK.rtt (10 ms) + reo_wnd
        // (2.5 ms): RACK marks it lost at once (RFC 8985 §6.2 step 5) and recovery resends it
        assertSent(recv(c, sackAck(8, 9, 10), pto + 10 * MS), seg(8));
        assertEquals(0, c.stats(pto + 10 * MS).rtoFirings());
    }

    @Test
    void rackResendsSndUnaWhoseRetransmissionWasLostAtTheEndOfATransfer() {
        // 0 and 1 lost; SACK of 2..9 starts recovery and both go again at 1.010 s. 0's
        // retransmission is lost too (a full transmit queue drops it), 1's arrives. No data is
        // left to send, so nothing new can be SACKed above the retransmission; by RACK's clock
        // (RFC 8985 §6.2 step 5, the retransmission's own send time) 0's retransmission was sent
        // before the delivered one and RACK.rtt + reo_wnd (0 in recovery) has passed: resend now
        TcpConnection c = tenInFlight(config(TcpFeatures.rfc().withRack(true)), 10);
        assertSent(recv(c, sackAck(0, 2, 10), S + 10 * MS), seg(0), seg(1));
        assertSent(recv(c, sackAck(0, 1, 10), S + 20 * MS), seg(0));
        assertEquals(0, c.stats(S + 20 * MS).rtoFirings());
        assertNothingSent(recv(c, sackAck(10), S + 30 * MS));
        assertEquals(SackRecoveryTest.seqOf(10), c.sndUna(), "repaired at 1.030 s instead of at the 1 s RTO");
    }

    @Test
    void withoutRackTheTwiceLostSegmentWaitsForTheRetransmissionTimer() {
        TcpConnection c = tenInFlight(config(TcpFeatures.rfc()), 10);
        // three SACKed segments' worth of duplicate information: RFC 6675 IsLost starts recovery
        assertSent(recv(c, sackAck(0, 2, 10), S + 10 * MS), seg(0), seg(1));
        assertNothingSent(recv(c, sackAck(0, 1, 10), S + 20 * MS));
    }

    @Test
    void recoveryStartedByTheReorderingTimerEndsAtSndMax() {
        // limited transmit sends segment 10 after the ACK was taken; no ACK follows before the
        // reordering timer starts recovery, so RecoveryPoint must come from SND.MAX, not from the
        // HighData the last ACK saw (a RecoveryPoint below SND.UNA let the rescue retransmission
        // of RFC 6675 §5 C.4 repeat for ever: one segment resent without end at one instant)
        TcpConnection c = tenInFlight(config(TcpFeatures.rfc().withRack(true).withLimitedTransmit(true)), 20);
        assertSent(recv(c, sackAck(0, 1, 2), S + 10 * MS), seg(10));
        long reo = c.nextWakeupPs();
        assertEquals(seg(0), poll(c, reo).get(0));
        ControlBlock ccb = c.snapshot(reo);
        assertEquals(SackRecoveryTest.seqOf(11), ccb.sndMax());
        assertEquals(ccb.sndMax(), ccb.delegated().scoreboard().recoveryPoint(), "RecoveryPoint = SND.MAX (§5 step 4.1)");
    }

    @Test
    void rackAndProbeStateTravelsInTheCcb() {
        TcpConfig cfg = config(TcpFeatures.rfc().withTlp(true).withRack(true));
        TcpConnection c = tenInFlight(cfg, 10);
        assertNothingSent(recv(c, sackAck(0, 1, 2), S + 10 * MS));
        ControlBlock ccb = c.snapshot(S + 11 * MS);
        assertTrue(ccb.delegated().congestion().loss().rack() != null);
        // restored 5 ms later: every deadline shifts by 5 ms
        TcpConnection r = TcpConnection.restore(ccb, cfg, S + 16 * MS, recorder, trace, "restored");
        assertEquals(c.nextWakeupPs() + 5 * MS, r.nextWakeupPs());
        out.clear();
        r.poll(r.nextWakeupPs(), sink);
        assertSent(out, seg(0));
    }
}
