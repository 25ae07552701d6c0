package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * NewReno fast recovery without SACK (RFC 6582 §3.2 over RFC 5681 §3.2), one rule per test.
 * Ten full segments (0..9) in flight from a 20-segment queue; three duplicate ACKs retransmit
 * segment 0 with ssthresh = 5 and cwnd = ssthresh + 3 = 8 segments; recover = 10.
 */
class NewRenoRecoveryTest extends EngineTestBase {
    static final int PEER_WINDOW = 65535;

    static Segment seg(int k) {
        return flags(data(seq(SEND, LOCAL_ISS + 1 + k * MSS), (long) k * MSS, MSS), TcpFlags.ACK);
    }

    static Segment ackOf(int bytes) {
        return win(ack(RECV, LOCAL_ISS + 1 + bytes), PEER_WINDOW);
    }

    TcpConnection inFastRecovery() {
        TcpConnection c = establishedByPackets(plainConfig());
        recv(c, win(RECV, PEER_WINDOW), 20 * MS);
        c.send(20L * MSS, S);
        List<Segment> burst = poll(c, S);
        assertEquals(10, burst.size());
        assertNothingSent(recv(c, ackOf(0), S + MS));
        assertNothingSent(recv(c, ackOf(0), S + 2 * MS));
        assertSent(recv(c, ackOf(0), S + 3 * MS), seg(0));
        assertEquals(5L * MSS, c.ssthreshBytes());
        assertEquals(8L * MSS, c.cwndBytes());
        return c;
    }

    @Test
    void partialAckRetransmitsTheNextHoleAndDeflatesByTheAmountAckedPlusSmss() {
        TcpConnection c = inFastRecovery();
        // ACK 2 segments (0 repaired, 1 had arrived, 2 lost): resend 2; cwnd = 8 - 2 + 1 = 7;
        // FlightSize 8 > 7: no new segment (RFC 6582 §3.2 (5))
        assertSent(recv(c, ackOf(2 * MSS), S + 4 * MS), seg(2));
        assertEquals(7L * MSS, c.cwndBytes());
        assertEquals(5L * MSS, c.ssthreshBytes());
    }

    @Test
    void partialAckOfLessThanSmssDeflatesWithoutAddingBack() {
        TcpConnection c = inFastRecovery();
        assertSent(recv(c, ackOf(1000), S + 4 * MS),
                flags(data(seq(SEND, LOCAL_ISS + 1 + 1000), 1000, MSS), TcpFlags.ACK));
        assertEquals(8L * MSS - 1000, c.cwndBytes());
    }

    @Test
    void retransmissionTimerIsResetOnTheFirstPartialAckOnly() {
        TcpConnection c = inFastRecovery();
        assertEquals(2 * S, c.nextWakeupPs(), "armed at the first transmission (1 s), RTO 1 s");
        recv(c, ackOf(2 * MSS), S + 4 * MS);
        assertEquals(2 * S + 4 * MS, c.nextWakeupPs(), "first partial ACK restarts the timer");
        recv(c, ackOf(4 * MSS), S + 5 * MS);
        assertEquals(2 * S + 4 * MS, c.nextWakeupPs(), "later partial ACKs do not (Impatient variant, §4)");
    }

    @Test
    void fullAckExitsWithFlightSizePlusSmssWhenThatIsBelowSsthresh() {
        TcpConnection c = inFastRecovery();
        // ACK 10 = recover: FlightSize 0, cwnd = min(ssthresh, max(FlightSize, SMSS) + SMSS) = 2
        List<Segment> sent = recv(c, ackOf(10 * MSS), S + 4 * MS);
        assertEquals(2L * MSS, c.cwndBytes());
        assertSent(sent, seg(10), seg(11));
    }

    @Test
    void fullAckExitsWithSsthreshWhenFlightSizeIsLarge() {
        TcpConnection c = inFastRecovery();
        // ten more duplicates inflate cwnd to 18 segments (RFC 5681 §3.2 (4)): new segments 10..17
        for (int i = 1; i <= 10; i++) {
            List<Segment> sent = recv(c, ackOf(0), S + (3 + i) * MS);
            if (i >= 3) {
                assertSent(sent, seg(7 + i));
            } else {
                assertNothingSent(sent);
            }
        }
        assertEquals(18L * MSS, c.cwndBytes());
        // ACK 10: FlightSize 8 segments: cwnd = min(5, 9) = ssthresh; 8 in flight > 5: nothing sent
        assertNothingSent(recv(c, ackOf(10 * MSS), S + 20 * MS));
        assertEquals(5L * MSS, c.cwndBytes());
    }
}
