package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toesim.core.trace.CollectingTraceSink;
import org.toesim.tcp.trace.TcpTrace;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/** RFC 9293 §3.6 (closing), §3.10.7.4 (acceptability, RST, SYN) and RFC 5961 §3-4 (challenge ACK). */
class CloseAndResetTest extends EngineTestBase {

    @Test
    void activeCloseThroughFinWait2AndTimeWaitFor2Msl() {
        TcpConnection c = establishedByPackets(plainConfig());
        c.close(S);
        assertEquals(TcpState.FIN_WAIT_1, c.state());
        Segment fin = flags(SEND, TcpFlags.FIN | TcpFlags.ACK);
        assertSent(poll(c, S), fin);
        assertNothingSent(recv(c, ack(RECV, LOCAL_ISS + 2), S + MS));
        assertEquals(TcpState.FIN_WAIT_2, c.state());
        Segment peerFin = flags(ack(RECV, LOCAL_ISS + 2), TcpFlags.FIN | TcpFlags.ACK);
        // the FIN takes one sequence number; the right window edge stays put (RFC 9293 §3.8.6.2.2)
        Segment finAck = win(ack(seq(SEND, LOCAL_ISS + 2), REMOTE_ISS + 2), WINDOW - 1);
        assertSent(recv(c, peerFin, S + 2 * MS), finAck);
        assertEquals(TcpState.TIME_WAIT, c.state());
        // a retransmitted FIN is acknowledged and restarts 2*MSL (RFC 9293 §3.10.7.4)
        assertSent(recv(c, peerFin, 5 * S), finAck);
        assertEquals(5 * S + 20 * S, c.nextWakeupPs());
        assertNothingSent(poll(c, 25 * S));
        assertEquals(TcpState.CLOSED, c.state());
    }

    @Test
    void aCloseLaterThanTheLastSegmentIsStampedWithItsOwnTime() {
        TcpConnection c = establishedByPackets(plainConfig()); // last segment at 10 ms
        c.close(5 * S);
        List<CollectingTraceSink.Entry> entries = trace.entries();
        CollectingTraceSink.Entry last = entries.get(entries.size() - 1);
        assertEquals(new TcpTrace.StateChange(((TcpTrace.StateChange) last.record()).conn(), TcpState.ESTABLISHED, TcpState.FIN_WAIT_1), last.record());
        assertEquals(5 * S, last.timePs(), "stamped with the close call's time, not the last segment's");
        assertSent(poll(c, 5 * S), flags(SEND, TcpFlags.FIN | TcpFlags.ACK));
        assertNothingSent(recv(c, ack(RECV, LOCAL_ISS + 2), 5 * S + MS));
        long previous = Long.MIN_VALUE;
        for (CollectingTraceSink.Entry e : trace.entries()) {
            assertTrue(e.timePs() >= previous, "trace goes back in time at " + e);
            previous = e.timePs();
        }
        Map<TcpState, Long> inState = c.stats(6 * S).timeInStatePs();
        assertEquals(5 * S - 10 * MS, inState.get(TcpState.ESTABLISHED), "ESTABLISHED until the close");
        assertEquals(MS, inState.get(TcpState.FIN_WAIT_1), "FIN_WAIT_1 from the close to the ACK of the FIN");
    }

    @Test
    void passiveCloseThroughCloseWaitAndLastAck() {
        TcpConnection c = establishedByPackets(plainConfig());
        Segment peerFin = flags(RECV, TcpFlags.FIN | TcpFlags.ACK);
        assertSent(recv(c, peerFin, S), win(ack(SEND, REMOTE_ISS + 2), WINDOW - 1));
        assertEquals(TcpState.CLOSE_WAIT, c.state());
        c.close(2 * S);
        assertEquals(TcpState.LAST_ACK, c.state());
        assertSent(poll(c, 2 * S), win(flags(ack(SEND, REMOTE_ISS + 2), TcpFlags.FIN | TcpFlags.ACK), WINDOW - 1));
        assertNothingSent(recv(c, seq(ack(RECV, LOCAL_ISS + 2), REMOTE_ISS + 2), 2 * S + MS));
        assertEquals(TcpState.CLOSED, c.state());
    }

    @Test
    void simultaneousCloseThroughClosing() {
        TcpConnection c = establishedByPackets(plainConfig());
        c.close(S);
        poll(c, S);
        Segment peerFin = flags(RECV, TcpFlags.FIN | TcpFlags.ACK); // does not ack our FIN
        assertSent(recv(c, peerFin, S + MS), win(ack(seq(SEND, LOCAL_ISS + 2), REMOTE_ISS + 2), WINDOW - 1));
        assertEquals(TcpState.CLOSING, c.state());
        assertNothingSent(recv(c, seq(ack(RECV, LOCAL_ISS + 2), REMOTE_ISS + 2), S + 2 * MS));
        assertEquals(TcpState.TIME_WAIT, c.state());
    }

    @Test
    void finIsHeldUntilTheGapBeforeItFills() {
        TcpConnection c = establishedByPackets(plainConfig());
        Segment lateFin = flags(data(seq(RECV, REMOTE_ISS + 11), 10, 10), TcpFlags.FIN | TcpFlags.ACK);
        assertSent(recv(c, lateFin, S), SEND);
        assertEquals(TcpState.ESTABLISHED, c.state());
        assertSent(recv(c, data(RECV, 0, 10), S + MS), win(ack(SEND, REMOTE_ISS + 22), WINDOW - 21));
        assertEquals(TcpState.CLOSE_WAIT, c.state());
        assertEquals(20, c.readableBytes());
    }

    @Test
    void exactResetClosesConnection() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertNothingSent(recv(c, flags(RECV, TcpFlags.RST), S));
        assertEquals(TcpState.CLOSED, c.state());
        assertEquals("reset:connection reset", events.get(events.size() - 2));
    }

    @Test
    void inWindowInexactResetGetsChallengeAck() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertSent(recv(c, seq(flags(RECV, TcpFlags.RST), REMOTE_ISS + 100), S), SEND);
        assertEquals(TcpState.ESTABLISHED, c.state());
    }

    @Test
    void outOfWindowResetIsIgnoredSilently() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertNothingSent(recv(c, seq(flags(RECV, TcpFlags.RST), REMOTE_ISS - 100), S));
        assertEquals(TcpState.ESTABLISHED, c.state());
    }

    @Test
    void synInSynchronizedStateGetsChallengeAck() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertSent(recv(c, flags(RECV, TcpFlags.SYN), S), SEND);
        assertEquals(TcpState.ESTABLISHED, c.state());
    }

    @Test
    void unacceptableSegmentIsAnsweredWithAck() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertSent(recv(c, data(seq(RECV, REMOTE_ISS - 500), 0, 10), S), SEND);
        assertSent(recv(c, data(seq(RECV, REMOTE_ISS + 1 + WINDOW), 0, 10), S), SEND);
        assertEquals(0, c.readableBytes());
    }

    @Test
    void ackOfUnsentDataIsAnsweredAndDropped() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertSent(recv(c, ack(RECV, LOCAL_ISS + 1000), S), SEND);
        assertEquals(LOCAL_ISS + 1, c.sndUna());
    }

    @Test
    void abortSendsResetAndCloses() {
        TcpConnection c = establishedByPackets(plainConfig());
        out.clear();
        c.abort(S, sink);
        assertSent(out, new Segment(LOCAL_PORT, REMOTE_PORT, LOCAL_ISS + 1, 0, TcpFlags.RST, 0, 0,
                org.toesim.tcp.segment.TcpOptions.NONE, org.toesim.tcp.segment.Payload.EMPTY));
        assertEquals(TcpState.CLOSED, c.state());
    }
}
