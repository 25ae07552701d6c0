package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/**
 * Undo of spurious recoveries (Linux {@code tcp_try_undo_*}, RFC 2883 §5, RFC 3522 Eifel) and
 * F-RTO (RFC 5682 §3.1), segment by segment. Ten full segments (0..9) are in flight from a
 * 20-segment queue at 1 s with cwnd = IW = 10 segments and ssthresh = infinity; the RTO is 1 s.
 *
 * <pre>
 *   reordering: 0 late, SACK 1, 1-2, 1-3 ─▶ fast retransmit 0, cwnd 5
 *     original 0 arrives: ACK 10 ─▶ recovery ends, cwnd 2
 *     retransmitted 0 arrives: D-SACK [0,1) ─▶ undo: cwnd 10, ssthresh infinity
 *   delay spike, no ACK until the RTO ─▶ retransmit 0, cwnd 1
 *     ACK 1 ─▶ F-RTO 2b: two new segments (10, 11) instead of 1, 2
 *     ACK 2 (1 never retransmitted) ─▶ spurious: undo, cwnd 10
 * </pre>
 */
class UndoTest extends EngineTestBase {
    static final TcpFeatures ALL = TcpFeatures.rfc().withDsack(true).withUndo(true).withFrto(true);
    static final int TS_MSS = MSS - 12;
    static final int OUR_TS_OFFSET = LOCAL_ISS * 31 + 7;

    static TcpConnection tenInFlight(EngineTestBase test, TcpFeatures f) {
        TcpConnection c = test.newConnection(plainConfig().toBuilder().sack(true).features(f).build());
        c.connect(LOCAL_ISS, 0);
        test.poll(c, 0);
        Segment synAck = ack(seq(flags(opts(RECV, SackRecoveryTest.SYN_SACK), TcpFlags.SYN | TcpFlags.ACK),
                REMOTE_ISS), LOCAL_ISS + 1);
        assertSent(test.recv(c, synAck, 10 * MS), SEND);
        assertNothingSent(test.recv(c, win(RECV, SackRecoveryTest.PEER_WINDOW), 20 * MS));
        c.send(20L * MSS, S);
        assertEquals(10, test.poll(c, S).size());
        return c;
    }

    static Segment seg(int k) {
        return SackRecoveryTest.seg(k);
    }

    static Segment sackAck(int ackSeg, int... pairs) {
        return SackRecoveryTest.sackAck(ackSeg, pairs);
    }

    /** An ACK of everything below segment {@code ackSeg} whose first block D-SACKs segment {@code dup}. */
    static Segment dsackAck(int ackSeg, int dup) {
        SackBlock d = new SackBlock(SackRecoveryTest.seqOf(dup), SackRecoveryTest.seqOf(dup + 1));
        return opts(win(ack(RECV, SackRecoveryTest.seqOf(ackSeg)), SackRecoveryTest.PEER_WINDOW),
                new TcpOptions(-1, -1, false, false, 0, 0, List.of(d)));
    }

    /** Segment 0 is late: three SACKs of 1..3 start recovery; the fast retransmit of 0 is spurious. */
    TcpConnection spuriousFastRetransmit(TcpFeatures f) {
        TcpConnection c = tenInFlight(this, f);
        recv(c, sackAck(0, 1, 2), S + MS);
        recv(c, sackAck(0, 1, 3), S + 2 * MS);
        assertSent(recv(c, sackAck(0, 1, 4), S + 3 * MS), seg(0));
        assertEquals(5L * MSS, c.cwndBytes());
        // the original 0 arrives: everything is acknowledged, recovery ends with cwnd 2 (RFC 6675 §5)
        assertSent(recv(c, sackAck(10), S + 4 * MS), seg(10), seg(11));
        assertEquals(2L * MSS, c.cwndBytes());
        return c;
    }

    @Test
    void aDsackOfTheOnlyRetransmissionRestoresCwndAndSsthresh() {
        TcpConnection c = spuriousFastRetransmit(ALL);
        // the retransmitted 0 arrives as a duplicate: D-SACK [0, 1) with ACK 10 (RFC 2883 §5;
        // Linux tcp_try_undo_dsack): cwnd = max(cwnd, prior_cwnd), ssthresh = prior (infinity)
        List<Segment> sent = recv(c, dsackAck(10, 0), S + 5 * MS);
        assertEquals(10L * MSS, c.cwndBytes());
        assertEquals(Long.MAX_VALUE, c.ssthreshBytes());
        List<Segment> expected = new ArrayList<>();
        for (int k = 12; k < 20; k++) {
            expected.add(k == 19 ? flags(seg(k), TcpFlags.ACK | TcpFlags.PSH) : seg(k));
        }
        assertEquals(expected, sent, "the restored window goes out at once");
        assertEquals(1, c.stats(2 * S).undos());
        assertEquals(1, c.stats(2 * S).dsacksIn());
    }

    @Test
    void withoutUndoTheWindowStaysReduced() {
        TcpConnection c = spuriousFastRetransmit(TcpFeatures.rfc().withDsack(true));
        assertNothingSent(recv(c, dsackAck(10, 0), S + 5 * MS));
        assertEquals(2L * MSS, c.cwndBytes());
        assertEquals(5L * MSS, c.ssthreshBytes());
        assertEquals(0, c.stats(2 * S).undos());
    }

    // ------------------------------------------------------------------ F-RTO

    @Test
    void frtoDeclaresADelaySpikeTimeoutSpuriousAndSendsNewDataInsteadOfTheWindow() {
        TcpConnection c = tenInFlight(this, ALL);
        assertSent(poll(c, 2 * S), seg(0)); // RFC 5682 §3.1 step 1
        assertEquals(MSS, c.cwndBytes());
        // the delayed ACK of 0 arrives; 1 is not covered: step 2b, two new segments
        assertSent(recv(c, sackAck(1), 2 * S + MS), seg(10), seg(11));
        // ACK of 1, never retransmitted: step 3b, the timeout was spurious; undo
        assertNothingSent(recv(c, sackAck(2), 2 * S + 2 * MS));
        assertEquals(10L * MSS, c.cwndBytes());
        assertEquals(Long.MAX_VALUE, c.ssthreshBytes());
        ConnectionStats st = c.stats(3 * S);
        assertEquals(1, st.spuriousRtos());
        assertEquals(1, st.undos());
        // sending goes on with new data, never the rest of the old window
        assertSent(recv(c, sackAck(4), 2 * S + 3 * MS), seg(12), seg(13), seg(14));
        assertEquals(1, c.stats(3 * S).timeoutRetransmits());
    }

    @Test
    void withoutFrtoTheSameAcksMakeTheSenderResendTheWindow() {
        TcpConnection c = tenInFlight(this, TcpFeatures.rfc());
        assertSent(poll(c, 2 * S), seg(0));
        assertSent(recv(c, sackAck(1), 2 * S + MS), seg(1), seg(2));
        assertSent(recv(c, sackAck(2), 2 * S + 2 * MS), seg(3), seg(4));
        assertEquals(3L * MSS, c.cwndBytes());
    }

    @Test
    void frtoSeesARealLossAndContinuesConventionalRecovery() {
        TcpConnection c = tenInFlight(this, ALL);
        assertSent(poll(c, 2 * S), seg(0));
        // 0 and 1 lost, 2..9 arrived: ACK 1 with SACK [2, 10): step 2b
        assertSent(recv(c, sackAck(1, 2, 10), 2 * S + MS), seg(10), seg(11));
        // the new data is SACKed, 1 still missing: step 3a, the loss was real; resend 1
        assertSent(recv(c, sackAck(1, 2, 12), 2 * S + 2 * MS), seg(1));
        assertEquals(0, c.stats(3 * S).undos());
        assertEquals(2L * MSS, c.cwndBytes());
    }

    // ------------------------------------------------------------------ Eifel (timestamps)

    static TcpOptions ts(int val, int ecr, SackBlock... blocks) {
        return new TcpOptions(-1, -1, false, true, val, ecr, List.of(blocks));
    }

    /** Our TSval at {@code nowPs} (1 ms ticks, RFC 7323 §5.4). */
    static int ourTs(long nowPs) {
        return OUR_TS_OFFSET + (int) (nowPs / MS);
    }

    static int tsSeq(int k) {
        return LOCAL_ISS + 1 + k * TS_MSS;
    }

    /** The peer's ACK below segment {@code ackSeg}, echoing {@code ecr}, SACKing [l, r) in segments. */
    static Segment tsAck(int ackSeg, int val, int ecr, int... pairs) {
        SackBlock[] b = new SackBlock[pairs.length / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = new SackBlock(tsSeq(pairs[2 * i]), tsSeq(pairs[2 * i + 1]));
        }
        return opts(win(ack(RECV, tsSeq(ackSeg)), SackRecoveryTest.PEER_WINDOW), ts(val, ecr, b));
    }

    TcpConnection tenInFlightWithTimestamps(TcpFeatures f) {
        TcpConnection c = newConnection(plainConfig().toBuilder().sack(true).timestamps(true).features(f).build());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        TcpOptions synAck = new TcpOptions(MSS, -1, true, true, 100, ourTs(0), List.of());
        recv(c, ack(seq(flags(opts(RECV, synAck), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS), LOCAL_ISS + 1), 10 * MS);
        recv(c, opts(win(RECV, SackRecoveryTest.PEER_WINDOW), ts(110, ourTs(10 * MS))), 20 * MS);
        c.send(20L * TS_MSS, S);
        assertEquals(10, poll(c, S).size());
        return c;
    }

    static List<Integer> seqs(List<Segment> segs) {
        return segs.stream().map(Segment::seq).toList();
    }

    @Test
    void eifelUndoesWhenTheAckEndingRecoveryEchoesTheOriginalTransmission() {
        TcpConnection c = tenInFlightWithTimestamps(ALL);
        int old = ourTs(10 * MS); // TS.Recent at the peer while 0 is missing
        recv(c, tsAck(0, 120, old, 1, 2), S + MS);
        recv(c, tsAck(0, 121, old, 1, 3), S + 2 * MS);
        assertEquals(List.of(tsSeq(0)), seqs(recv(c, tsAck(0, 122, old, 1, 4), S + 3 * MS)));
        assertEquals(5L * TS_MSS, c.cwndBytes());
        // the original 0 (TSval of 1 s) fills the hole: the ACK echoes it, older than the
        // retransmission's TSval (1.003 s): RFC 3522, Linux tcp_packet_delayed
        recv(c, tsAck(10, 123, ourTs(S)), S + 4 * MS);
        assertEquals(10L * TS_MSS, c.cwndBytes());
        assertEquals(Long.MAX_VALUE, c.ssthreshBytes());
        assertEquals(1, c.stats(2 * S).undos());
    }

    @Test
    void anAckEchoingTheRetransmissionIsNoEvidence() {
        TcpConnection c = tenInFlightWithTimestamps(ALL);
        int old = ourTs(10 * MS);
        recv(c, tsAck(0, 120, old, 1, 2), S + MS);
        recv(c, tsAck(0, 121, old, 1, 3), S + 2 * MS);
        recv(c, tsAck(0, 122, old, 1, 4), S + 3 * MS);
        // 0 was really lost: the retransmission (TSval 1.003 s) fills the hole
        recv(c, tsAck(10, 123, ourTs(S + 3 * MS)), S + 5 * MS);
        assertEquals(2L * TS_MSS, c.cwndBytes());
        assertEquals(0, c.stats(2 * S).undos());
    }

    @Test
    void eifelAfterATimeoutUndoesOnTheFirstAckAndSendsNewData() {
        TcpConnection c = tenInFlightWithTimestamps(TcpFeatures.rfc().withUndo(true));
        assertEquals(List.of(tsSeq(0)), seqs(poll(c, 2 * S)));
        // the ACK of 0 and 1 was delayed: it echoes the TSval of 1 s, older than the timeout's 2 s
        List<Segment> sent = recv(c, tsAck(2, 130, ourTs(S)), 2 * S + MS);
        assertEquals(10L * TS_MSS, c.cwndBytes());
        assertEquals(List.of(tsSeq(10), tsSeq(11)), seqs(sent), "new data, not a go-back of 2, 3");
        assertEquals(1, c.stats(3 * S).undos());
        assertEquals(0, c.stats(3 * S).spuriousRtos(), "Eifel, not F-RTO");
    }
}
