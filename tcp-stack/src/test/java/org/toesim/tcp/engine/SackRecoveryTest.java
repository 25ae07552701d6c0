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
 * SACK-based loss recovery (RFC 6675 over RFC 2018 SACK blocks), segment by segment. Ten full
 * segments (0..9) are in flight from a 20-segment queue; the peer's ACKs carry SACK blocks
 * written in segment numbers. NewReno's ssthresh: FlightSize/2 = 5 segments.
 *
 * <pre>
 *   lost: 0, 2, 4      SACK [1,2) ─▶ [3,4) ─▶ [5,6): 3rd dupACK, retransmit 0, cwnd = 5
 *   SACK [5,7)  pipe = 5: nothing        SACK [5,8)  0, 2, 4 IsLost: pipe 3 ─▶ resend 2, 4
 *   SACK [5,9)  no hole left ─▶ new segment 10
 *   ACK 10 (RecoveryPoint) ─▶ exit, cwnd = min(ssthresh, FlightSize + SMSS)
 * </pre>
 */
class SackRecoveryTest extends EngineTestBase {
    static final int PEER_WINDOW = 65535;
    static final TcpOptions SYN_SACK = new TcpOptions(MSS, -1, true, false, 0, 0, List.of());

    /** Our data segment {@code k} (MSS bytes at offset k*MSS). */
    static Segment seg(int k) {
        return flags(data(seq(SEND, LOCAL_ISS + 1 + k * MSS), (long) k * MSS, MSS), TcpFlags.ACK);
    }

    static int seqOf(int k) {
        return LOCAL_ISS + 1 + k * MSS;
    }

    /** The peer's ACK of everything below segment {@code ackSeg}, with SACK blocks [l, r) in segments. */
    static Segment sackAck(int ackSeg, int... pairs) {
        List<SackBlock> blocks = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            blocks.add(new SackBlock(seqOf(pairs[i]), seqOf(pairs[i + 1])));
        }
        return opts(win(ack(RECV, seqOf(ackSeg)), PEER_WINDOW), new TcpOptions(-1, -1, false, false, 0, 0, blocks));
    }

    /** ESTABLISHED with SACK permitted, peer window 65535, 20 segments queued, 0..9 sent at 1 s. */
    TcpConnection tenInFlight() {
        TcpConnection c = newConnection(plainConfig().toBuilder().sack(true).build());
        c.connect(LOCAL_ISS, 0);
        assertSent(poll(c, 0), ack(flags(seq(opts(SEND, SYN_SACK), LOCAL_ISS), TcpFlags.SYN), 0));
        Segment synAck = ack(seq(flags(opts(RECV, SYN_SACK), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1);
        assertSent(recv(c, synAck, 10 * MS), SEND);
        assertNothingSent(recv(c, win(RECV, PEER_WINDOW), 20 * MS));
        c.send(20L * MSS, S);
        List<Segment> burst = poll(c, S);
        assertEquals(10, burst.size(), "RFC 6928 initial window");
        assertEquals(seg(9), burst.get(9));
        return c;
    }

    /** Segments 0, 2, 4 lost; the third duplicate ACK starts recovery. */
    TcpConnection inRecovery() {
        TcpConnection c = tenInFlight();
        assertNothingSent(recv(c, sackAck(0, 1, 2), S + MS));
        assertNothingSent(recv(c, sackAck(0, 3, 4, 1, 2), S + 2 * MS));
        assertSent(recv(c, sackAck(0, 5, 6, 3, 4, 1, 2), S + 3 * MS), seg(0));
        return c;
    }

    @Test
    void thirdDuplicateAckWithSackBlocksEntersRecoveryAndRetransmitsSndUna() {
        TcpConnection c = inRecovery();
        // RFC 6675 §5 (4.2)-(4.3): ssthresh = cwnd = FlightSize/2; pipe = 6 not lost + 1 rexmit > cwnd
        assertEquals(5L * MSS, c.ssthreshBytes());
        assertEquals(5L * MSS, c.cwndBytes());
        assertEquals(1, c.stats(2 * S).fastRetransmits());
        assertEquals(3, c.stats(2 * S).dupAcksIn());
    }

    @Test
    void dupThreshSegmentsSackedInOneAckMakeSndUnaLostAndStartRecovery() {
        TcpConnection c = tenInFlight();
        // two SACKed segments above SND.UNA: not IsLost yet (RFC 6675 §4), one dupACK only
        assertNothingSent(recv(c, sackAck(0, 1, 3), S + MS));
        // the ACKs for 3 were lost; this one SACKs 1..3: DupThresh segments above SND.UNA, IsLost(0)
        assertSent(recv(c, sackAck(0, 1, 4), S + 2 * MS), seg(0));
        assertEquals(2, c.stats(2 * S).dupAcksIn(), "entered on the 2nd dupACK by IsLost (§5)");
        assertEquals(5L * MSS, c.cwndBytes());
    }

    @Test
    void nextSegRetransmitsLostHolesInOrderAsFarAsPipeAllows() {
        TcpConnection c = inRecovery();
        // [5,7): 2 lost (3 SACKed segments above it); pipe = 4 + 1 = 5 = cwnd: nothing
        assertNothingSent(recv(c, sackAck(0, 5, 7, 3, 4, 1, 2), S + 4 * MS));
        // [5,8): 4 lost too; pipe = 2 + 1 = 3, room for two: NextSeg rule 1 picks 2, then 4 (§4, §5 C)
        assertSent(recv(c, sackAck(0, 5, 8, 3, 4, 1, 2), S + 5 * MS), seg(2), seg(4));
        assertEquals(3, c.stats(2 * S).fastRetransmits());
    }

    @Test
    void newDataGoesOutWhenNoHoleIsLeftToRetransmit() {
        TcpConnection c = inRecovery();
        recv(c, sackAck(0, 5, 8, 3, 4, 1, 2), S + 5 * MS);
        // [5,9): pipe = 1 + 3 = 4; holes 0, 2, 4 already retransmitted: NextSeg rule 2, new data
        assertSent(recv(c, sackAck(0, 5, 9, 3, 4, 1, 2), S + 6 * MS), seg(10));
        // the retransmitted 0 arrives: ACK 2; pipe = 2 + 2 = 4: one more new segment
        assertSent(recv(c, sackAck(2, 3, 4, 5, 9), S + 7 * MS), seg(11));
        assertEquals(5L * MSS, c.cwndBytes(), "cwnd stays at ssthresh during recovery");
    }

    @Test
    void cumulativeAckOfRecoveryPointEndsRecovery() {
        TcpConnection c = inRecovery();
        recv(c, sackAck(0, 5, 8, 3, 4, 1, 2), S + 5 * MS);
        recv(c, sackAck(0, 5, 9, 3, 4, 1, 2), S + 6 * MS);
        // ACK 10 covers RecoveryPoint (segment 10 = HighData at entry): exit; FlightSize = 1 segment,
        // cwnd = min(ssthresh, FlightSize + SMSS) = 2 segments: one new segment goes out
        assertSent(recv(c, sackAck(10), S + 7 * MS), seg(11));
        assertEquals(2L * MSS, c.cwndBytes());
        // out of recovery: a later single duplicate ACK is not a loss
        assertNothingSent(recv(c, sackAck(10, 11, 12), S + 8 * MS));
        assertEquals(2L * MSS, c.cwndBytes());
    }

    @Test
    void rtoDuringRecoveryEndsItAndFencesANewOneUntilRecoveryPointIsAcked() {
        TcpConnection c = inRecovery();
        long rto = c.nextWakeupPs();
        assertEquals(2 * S, rto, "timer armed by the first transmission at 1 s, RTO 1 s (RFC 6298 (2.4))");
        // RFC 5681 §3.1: cwnd = 1 SMSS; RFC 6675 §5.1: RecoveryPoint = HighData; go back to SND.UNA
        assertSent(poll(c, rto), seg(0));
        assertEquals(MSS, c.cwndBytes());
        assertEquals(5L * MSS, c.ssthreshBytes());
        assertEquals(TimerKind.RETRANSMIT, c.timerKind());
        // duplicate ACKs with new SACK information: no fast retransmit before HighACK >= RecoveryPoint
        assertNothingSent(recv(c, sackAck(0, 5, 7, 3, 4, 1, 2), rto + MS));
        assertNothingSent(recv(c, sackAck(0, 5, 8, 3, 4, 1, 2), rto + 2 * MS));
        assertNothingSent(recv(c, sackAck(0, 5, 9, 3, 4, 1, 2), rto + 3 * MS));
        assertEquals(1, c.stats(3 * S).fastRetransmits());
        assertEquals(1, c.stats(3 * S).timeoutRetransmits());
    }

    @Test
    void afterRtoGoBackSkipsSegmentsSackedSinceTheTimeout() {
        TcpConnection c = inRecovery();
        long rto = c.nextWakeupPs();
        assertSent(poll(c, rto), seg(0));
        // the peer holds 1, 3, 5: ACK 2 and SACK 3, 5. Slow start: cwnd = 2 segments.
        // RFC 6675 §5.1: use SACK information arriving after the RTO: resend 2 and 4, not 3
        assertSent(recv(c, sackAck(2, 3, 4, 5, 6), rto + 10 * MS), seg(2), seg(4));
        assertEquals(2L * MSS, c.cwndBytes());
        // 2 and 4 arrive: ACK 6; cwnd 3 (RFC 3465 L = 1 SMSS); go-back resumes at 6, past the SACKed 5
        assertSent(recv(c, sackAck(6), rto + 20 * MS), seg(6), seg(7), seg(8));
        assertEquals(3L * MSS, c.cwndBytes());
        assertEquals(6, c.stats(3 * S).timeoutRetransmits(), "0, 2, 4, 6, 7, 8: never the SACKed 3 or 5");
    }

    @Test
    void afterRtoSegmentsSackedBeforeItAreResentBecauseTheReceiverMayHaveReneged() {
        TcpConnection c = inRecovery();
        long rto = c.nextWakeupPs();
        assertSent(poll(c, rto), seg(0));
        // RFC 2018 §8: the receiver dropped its out-of-order data (1, 3, 5 SACKed before the RTO);
        // the sender ignores the old SACK information and resends 1 and 2
        assertSent(recv(c, sackAck(1), rto + 10 * MS), seg(1), seg(2));
    }
}
