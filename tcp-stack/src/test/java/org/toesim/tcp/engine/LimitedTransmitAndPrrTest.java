package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.toesim.tcp.engine.SackRecoveryTest.PEER_WINDOW;
import static org.toesim.tcp.engine.SackRecoveryTest.SYN_SACK;
import static org.toesim.tcp.engine.SackRecoveryTest.sackAck;
import static org.toesim.tcp.engine.SackRecoveryTest.seg;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/**
 * Limited transmit (RFC 3042) and Proportional Rate Reduction (RFC 6937), segment by segment,
 * each against the same exchange with its feature off.
 *
 * <pre>
 *   limited transmit: 10 in flight, 20 queued; dupACK 1 ─▶ segment 10, dupACK 2 ─▶ 11,
 *                     dupACK 3 ─▶ fast retransmit of 0 (cwnd unchanged until then)
 *   PRR (RFC 6937 §3 / Appendix-like): cwnd 20, 20 in flight, 0 lost, ssthresh 10;
 *                     SACK [1,4) enters, resend 0; then one new segment every second SACK
 *                     (sndcnt = ceil(ssthresh * prr_delivered / RecoverFS) - prr_out); full ACK:
 *                     cwnd = ssthresh
 * </pre>
 */
class LimitedTransmitAndPrrTest extends EngineTestBase {

    /** ESTABLISHED, peer window 65535, {@code queued} segments queued, the first cwnd of them sent at 1 s. */
    TcpConnection inFlight(TcpConfig cfg, int queued, int expectBurst) {
        TcpConnection c = newConnection(cfg);
        c.connect(LOCAL_ISS, 0);
        TcpOptions syn = cfg.sack() ? SYN_SACK : synOptions(MSS);
        assertSent(poll(c, 0), ack(flags(seq(opts(SEND, syn), LOCAL_ISS), TcpFlags.SYN), 0));
        Segment synAck = ack(seq(flags(opts(RECV, syn), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS), LOCAL_ISS + 1);
        assertSent(recv(c, synAck, 10 * MS), SEND);
        assertNothingSent(recv(c, win(RECV, PEER_WINDOW), 20 * MS));
        c.send((long) queued * MSS, S);
        assertEquals(expectBurst, poll(c, S).size());
        return c;
    }

    static TcpConfig plain(TcpFeatures f) {
        return plainConfig().toBuilder().features(f).build();
    }

    @Test
    void limitedTransmitSendsOneNewSegmentOnEachOfTheFirstTwoDuplicateAcks() {
        TcpConnection c = inFlight(plain(TcpFeatures.rfc().withLimitedTransmit(true)), 20, 10);
        long cwnd = c.cwndBytes();
        assertSent(recv(c, sackAck(0), S + MS), seg(10));
        assertSent(recv(c, sackAck(0), S + 2 * MS), seg(11));
        assertEquals(cwnd, c.cwndBytes(), "RFC 3042 §2: cwnd is not changed");
        // the third is the fast retransmit (RFC 5681 §3.2), not a limited transmit
        assertSent(recv(c, sackAck(0), S + 3 * MS), seg(0));
    }

    @Test
    void withoutLimitedTransmitTheFirstTwoDuplicateAcksSendNothing() {
        TcpConnection c = inFlight(plainConfig(), 20, 10);
        assertNothingSent(recv(c, sackAck(0), S + MS));
        assertNothingSent(recv(c, sackAck(0), S + 2 * MS));
        assertSent(recv(c, sackAck(0), S + 3 * MS), seg(0));
    }

    @Test
    void limitedTransmitStaysWithinTheReceiversWindow() {
        // peer window 10 segments: nothing beyond SND.UNA + SND.WND may go (RFC 3042 §2)
        TcpConnection c = inFlight(plain(TcpFeatures.rfc().withLimitedTransmit(true)), 20, 10);
        Segment tight = win(ack(RECV, SackRecoveryTest.seqOf(0)), 10 * MSS);
        recv(c, tight, S + MS); // a window change: not a duplicate ACK (RFC 5681 §2)
        assertNothingSent(recv(c, tight, S + 2 * MS));
        assertNothingSent(recv(c, tight, S + 3 * MS));
    }

    static TcpConfig prrConfig(boolean prr) {
        TcpFeatures f = prr ? TcpFeatures.rfc().withPrr(true) : TcpFeatures.rfc();
        return plainConfig().toBuilder().sack(true).initialCwndBytes(20L * MSS).features(f).build();
    }

    /** Segments sent in reply to SACK [1,k) for k = 5..20 (each ACK delivers one segment). */
    List<Integer> perAckAfterEntry(TcpConnection c) {
        assertNothingSent(recv(c, sackAck(0, 1, 2), S + 10 * MS));
        assertNothingSent(recv(c, sackAck(0, 1, 3), S + 11 * MS));
        assertSent(recv(c, sackAck(0, 1, 4), S + 12 * MS), seg(0));
        List<Integer> sent = new ArrayList<>();
        for (int k = 5; k <= 20; k++) {
            sent.add(recv(c, sackAck(0, 1, k), S + (8 + k) * MS).size());
        }
        return sent;
    }

    @Test
    void prrSendsInProportionToDeliveredDataDuringRecovery() {
        TcpConnection c = inFlight(prrConfig(true), 40, 20);
        List<Integer> sent = perAckAfterEntry(c);
        assertEquals(10L * MSS, c.ssthreshBytes(), "NewReno ssthresh: FlightSize / 2");
        // RFC 6937 §3 proportional part while pipe > ssthresh: ssthresh / RecoverFS = 1/2, one new
        // segment per two ACKs (sndcnt = ceil(10 * prr_delivered / 20) - prr_out, in segments);
        // at SACK [1,16) pipe reaches ssthresh (delta 0: nothing), then PRR-SSRB keeps pipe at
        // ssthresh, one segment per segment delivered
        assertEquals(List.of(0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1), sent);
        // the retransmitted 0 arrives: ACK of 20 (RecoveryPoint) with the new segments 20..27 SACKed
        // except the 8 in flight; RFC 6937 §3.1: at the end of recovery cwnd = ssthresh
        recv(c, sackAck(20), S + 40 * MS);
        assertEquals(10L * MSS, c.cwndBytes());
    }

    @Test
    void withoutPrrNothingIsSentUntilPipeFallsBelowSsthresh() {
        TcpConnection c = inFlight(prrConfig(false), 40, 20);
        List<Integer> sent = perAckAfterEntry(c);
        // RFC 6675: cwnd = ssthresh = 10, pipe 17 after the retransmission: silent for 7 ACKs, then 1 per ACK
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1), sent);
    }

    @Test
    void prrSlowStartReductionBoundWhenPipeFallsBelowSsthresh() {
        // many losses: 0, 2, 4, ..., 12 lost; pipe drops below ssthresh, PRR-SSRB then sends at most
        // DeliveredData + 1 SMSS per ACK (RFC 6937 §3, Linux tcp_cwnd_reduction) up to ssthresh
        TcpConnection c = inFlight(prrConfig(true), 40, 20);
        assertNothingSent(recv(c, sackAck(0, 1, 2), S + 10 * MS));
        assertNothingSent(recv(c, sackAck(0, 3, 4, 1, 2), S + 11 * MS));
        assertEquals(1, recv(c, sackAck(0, 5, 6, 3, 4, 1, 2), S + 12 * MS).size());
        // the retransmitted 0 arrives with 13..19: ACK 2, SACK [3,4) [5,6) [13,20)
        List<Segment> burst = recv(c, sackAck(2, 13, 20, 3, 4, 5, 6), S + 20 * MS);
        assertEquals(true, burst.size() <= 1 + 9, "at most DeliveredData (9 segments) + 1 SMSS");
        assertEquals(true, c.cwndBytes() <= c.ssthreshBytes(), "cwnd never above ssthresh in PRR-SSRB");
    }
}
