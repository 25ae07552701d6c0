package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/** RFC 9293 §3.5 (establishing a connection) and §3.10.7.2-3 (LISTEN, SYN_SENT). */
class HandshakeTest extends EngineTestBase {

    @Test
    void activeOpenSendsSynThenAcksSynAck() {
        TcpConnection c = establishedByPackets(plainConfig());
        assertEquals(TcpState.ESTABLISHED, c.state());
        assertEquals(List.of("CLOSED->SYN_SENT", "SYN_SENT->ESTABLISHED"), events);
        assertNothingSent(poll(c, 20 * MS));
    }

    @Test
    void synAckWithWrongAckIsAnsweredWithResetAndIgnored() {
        TcpConnection c = newConnection(plainConfig());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        Segment bad = ack(seq(flags(RECV, TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS), LOCAL_ISS + 5);
        assertSent(recv(c, bad, MS), new Segment(LOCAL_PORT, REMOTE_PORT, LOCAL_ISS + 5, 0, TcpFlags.RST, 0, 0,
                TcpOptions.NONE, org.toesim.tcp.segment.Payload.EMPTY));
        assertEquals(TcpState.SYN_SENT, c.state());
    }

    @Test
    void resetWithAcceptableAckRefusesConnection() {
        TcpConnection c = newConnection(plainConfig());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        assertNothingSent(recv(c, flags(seq(RECV, 0), TcpFlags.RST | TcpFlags.ACK), MS));
        assertEquals(TcpState.CLOSED, c.state());
        assertEquals("reset:connection refused", events.get(events.size() - 2));
    }

    @Test
    void listenerSpawnsConnectionThatAnswersSynWithSynAck() {
        TcpListener l = new TcpListener(LOCAL_IP, LOCAL_PORT, () -> LOCAL_ISS, t -> newConnection(plainConfig()));
        Segment syn = flags(seq(opts(RECV, synOptions(1000)), REMOTE_ISS), TcpFlags.SYN);
        out.clear();
        TcpConnection c = l.input(REMOTE_IP, syn, 0, sink);
        assertNotNull(c);
        assertSent(out, flags(seq(opts(SEND, synOptions(MSS)), LOCAL_ISS), TcpFlags.SYN | TcpFlags.ACK));
        assertEquals(TcpState.SYN_RECEIVED, c.state());
        assertNothingSent(recv(c, RECV, MS));
        assertEquals(TcpState.ESTABLISHED, c.state());
    }

    @Test
    void listenerAnswersStrayAckWithResetAndCreatesNothing() {
        TcpListener l = new TcpListener(LOCAL_IP, LOCAL_PORT, () -> LOCAL_ISS, t -> newConnection(plainConfig()));
        out.clear();
        assertNull(l.input(REMOTE_IP, RECV, 0, sink));
        assertSent(out, new Segment(LOCAL_PORT, REMOTE_PORT, LOCAL_ISS + 1, 0, TcpFlags.RST, 0, 0, TcpOptions.NONE,
                org.toesim.tcp.segment.Payload.EMPTY));
    }

    @Test
    void simultaneousOpenGoesThroughSynReceived() {
        TcpConnection c = newConnection(plainConfig());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        Segment peerSyn = flags(seq(opts(RECV, synOptions(MSS)), REMOTE_ISS), TcpFlags.SYN);
        // RFC 9293 §3.5 figure 7: SYN_SENT + SYN -> SYN_RECEIVED, SYN-ACK repeating ISS
        assertSent(recv(c, peerSyn, MS), flags(seq(opts(SEND, synOptions(MSS)), LOCAL_ISS),
                TcpFlags.SYN | TcpFlags.ACK));
        assertEquals(TcpState.SYN_RECEIVED, c.state());
        Segment peerSynAck = ack(seq(flags(opts(RECV, synOptions(MSS)), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1);
        // the peer's SYN-ACK repeats its SYN (old sequence): acknowledged, and ...
        recv(c, peerSynAck, 2 * MS);
        assertNothingSent(recv(c, RECV, 3 * MS));
        assertEquals(TcpState.ESTABLISHED, c.state());
    }

    @Test
    void segmentToClosedConnectionGetsReset() {
        TcpConnection c = newConnection(plainConfig());
        Segment probe = data(flags(RECV, 0), 0, 10);
        assertSent(recv(c, probe, 0), new Segment(LOCAL_PORT, REMOTE_PORT, 0, REMOTE_ISS + 11,
                TcpFlags.RST | TcpFlags.ACK, 0, 0, TcpOptions.NONE, org.toesim.tcp.segment.Payload.EMPTY));
    }
}
