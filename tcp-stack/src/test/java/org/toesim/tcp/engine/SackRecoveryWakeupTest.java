package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.toesim.tcp.engine.SackRecoveryTest.PEER_WINDOW;
import static org.toesim.tcp.engine.SackRecoveryTest.SYN_SACK;
import static org.toesim.tcp.engine.SackRecoveryTest.sackAck;
import static org.toesim.tcp.engine.SackRecoveryTest.seg;
import static org.toesim.tcp.engine.SackRecoveryTest.seqOf;

import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * The wake-up time during SACK recovery when cwnd leaves room by the flight size but not by
 * pipe (RFC 6675 §5 (C)): the engine once said "output due now" while its SACK loop sent
 * nothing, so a caller that polls at {@link TcpConnection#nextWakeupPs()} polled at the same
 * instant for ever.
 *
 * <pre>
 *   9 segments (0..8) at 1 s; 0 lost; SACK [1,2) [1,3) [1,4): recovery, resend 0,
 *        cwnd = ssthresh = FlightSize/2 = 4.5 SMSS
 *   ACK 4, ACK 5 (partial, no SACK):  FlightSize = pipe = 4 SMSS, still in recovery
 *   application queues a 500-byte tail: cwnd - FlightSize = 730 bytes, cwnd - pipe < SMSS
 *   poll: nothing may go ─▶ next wake-up is the RTO, not now
 *   ACK 6: pipe 3 SMSS ─▶ the tail goes out (then the rescue retransmission, rule 4)
 * </pre>
 */
class SackRecoveryWakeupTest extends EngineTestBase {
    static final int TAIL = 500;

    /** In SACK recovery with FlightSize = pipe = 4 SMSS, cwnd 4.5 SMSS, a 500-byte tail queued. */
    TcpConnection tailQueuedInRecovery() {
        TcpConnection c = newConnection(plainConfig().toBuilder().sack(true).nagle(false).build());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        Segment synAck = ack(seq(flags(opts(RECV, SYN_SACK), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1);
        assertSent(recv(c, synAck, 10 * MS), SEND);
        assertNothingSent(recv(c, win(RECV, PEER_WINDOW), 20 * MS));
        c.send(9L * MSS);
        assertEquals(9, poll(c, S).size());
        assertNothingSent(recv(c, sackAck(0, 1, 2), S + MS));
        assertNothingSent(recv(c, sackAck(0, 1, 3), S + 2 * MS));
        assertSent(recv(c, sackAck(0, 1, 4), S + 3 * MS), seg(0));
        assertEquals(9L * MSS / 2, c.cwndBytes(), "NewReno ssthresh: FlightSize / 2");
        assertNothingSent(recv(c, sackAck(4), S + 4 * MS));
        assertNothingSent(recv(c, sackAck(5), S + 5 * MS));
        c.send(TAIL);
        return c;
    }

    @Test
    void pollAtNowLeavesTheNextWakeupInTheFutureWhenPipeLeavesNoRoom() {
        TcpConnection c = tailQueuedInRecovery();
        long now = S + 6 * MS;
        assertNothingSent(poll(c, now));
        long wake = c.nextWakeupPs();
        assertTrue(wake > now, "next wake-up " + wake + " must lie after now " + now);
        assertEquals(S + 5 * MS + S, wake, "the retransmission timer restarted by the partial ACK at 1.005 s");
        assertNothingSent(poll(c, now));
        assertEquals(wake, c.nextWakeupPs());
    }

    @Test
    void theTailGoesOutOnceAnAckLowersPipe() {
        TcpConnection c = tailQueuedInRecovery();
        assertNothingSent(poll(c, S + 6 * MS));
        Segment tail = flags(data(seq(SEND, seqOf(9)), 9L * MSS, TAIL), TcpFlags.ACK | TcpFlags.PSH);
        // then RFC 6675 rule 4: the rescue retransmission, one SMSS ending at HighData
        Segment rescue = data(seq(SEND, seqOf(9) + TAIL - MSS), 9L * MSS + TAIL - MSS, MSS);
        assertSent(recv(c, sackAck(6), S + 7 * MS), tail, rescue);
        assertTrue(c.nextWakeupPs() > S + 7 * MS);
    }
}
