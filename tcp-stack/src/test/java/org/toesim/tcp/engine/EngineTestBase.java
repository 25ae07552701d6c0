package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.trace.CollectingTraceSink;
import org.toesim.core.units.Units;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/**
 * smoltcp-style test kit: two template segments (remote-to-local {@link #RECV} and
 * local-to-remote {@link #SEND}) overridden field by field; each step feeds one segment or poll
 * at an explicit time and asserts the exact output, then that nothing else was sent. Initial
 * sequence numbers sit just below 2^32 so every exchange crosses the wrap.
 */
abstract class EngineTestBase {
    static final int LOCAL_IP = 0x0A000001;
    static final int REMOTE_IP = 0x0A000002;
    static final int LOCAL_PORT = 80;
    static final int REMOTE_PORT = 49500;
    static final FourTuple TUPLE = new FourTuple(LOCAL_IP, LOCAL_PORT, REMOTE_IP, REMOTE_PORT);
    /** Local ISS: data byte 0 is at 0xFFFFFFFF, byte 1 wraps to 0. */
    static final int LOCAL_ISS = 0xFFFFFFFE;
    /** Remote ISS: the fourth data byte wraps. */
    static final int REMOTE_ISS = 0xFFFFFFFB;
    static final long MS = Units.PS_PER_MS;
    static final long S = Units.PS_PER_S;
    static final int WINDOW = 32768;
    static final int MSS = 1460;

    /** Remote-to-local template: pure ACK of our SYN at REMOTE_ISS+1. */
    static final Segment RECV = new Segment(REMOTE_PORT, LOCAL_PORT, REMOTE_ISS + 1, LOCAL_ISS + 1, TcpFlags.ACK,
            8192, 0, TcpOptions.NONE, Payload.EMPTY);
    /** Local-to-remote template: pure ACK at LOCAL_ISS+1 acknowledging REMOTE_ISS+1. */
    static final Segment SEND = new Segment(LOCAL_PORT, REMOTE_PORT, LOCAL_ISS + 1, REMOTE_ISS + 1, TcpFlags.ACK,
            WINDOW, 0, TcpOptions.NONE, Payload.EMPTY);

    final List<Segment> out = new ArrayList<>();
    final SegmentSink sink = (tuple, seg) -> out.add(seg);
    final CollectingTraceSink trace = new CollectingTraceSink();
    final List<String> events = new ArrayList<>();
    final TcpEvents recorder = new TcpEvents() {
        @Override
        public void stateChanged(TcpConnection c, TcpState from, TcpState to, long nowPs) {
            events.add(from + "->" + to);
        }

        @Override
        public void reset(TcpConnection c, String reason, long nowPs) {
            events.add("reset:" + reason);
        }

        @Override
        public void peerClosed(TcpConnection c, long nowPs) {
            events.add("peerClosed");
        }
    };

    /** Plain RFC 9293 options for exact-segment tests: no SACK, timestamps or window scaling. */
    static TcpConfig plainConfig() {
        return TcpConfig.builder().sack(false).timestamps(false).windowScale(false).receiveBufferBytes(WINDOW)
                .sendBufferBytes(64 * 1024).mslPs(10 * S).build();
    }

    TcpConnection newConnection(TcpConfig config) {
        return new TcpConnection(TUPLE, config, recorder, trace, "test");
    }

    // ---- segment construction: copy with one field changed

    static Segment seq(Segment s, int v) {
        return new Segment(s.srcPort(), s.dstPort(), v, s.ack(), s.flags(), s.window(), 0, s.options(), s.payload());
    }

    static Segment ack(Segment s, int v) {
        return new Segment(s.srcPort(), s.dstPort(), s.seq(), v, s.flags(), s.window(), 0, s.options(), s.payload());
    }

    static Segment flags(Segment s, int v) {
        return new Segment(s.srcPort(), s.dstPort(), s.seq(), s.ack(), v, s.window(), 0, s.options(), s.payload());
    }

    static Segment win(Segment s, int v) {
        return new Segment(s.srcPort(), s.dstPort(), s.seq(), s.ack(), s.flags(), v, 0, s.options(), s.payload());
    }

    static Segment opts(Segment s, TcpOptions v) {
        return new Segment(s.srcPort(), s.dstPort(), s.seq(), s.ack(), s.flags(), s.window(), 0, v, s.payload());
    }

    static Segment data(Segment s, long streamOffset, int len) {
        return new Segment(s.srcPort(), s.dstPort(), s.seq(), s.ack(), s.flags(), s.window(), 0, s.options(),
                Payload.virtual(streamOffset, len));
    }

    static TcpOptions synOptions(int mss) {
        return new TcpOptions(mss, -1, false, false, 0, 0, List.of());
    }

    // ---- driving and asserting

    List<Segment> recv(TcpConnection c, Segment seg, long nowPs) {
        out.clear();
        c.input(seg, nowPs, sink);
        return new ArrayList<>(out);
    }

    List<Segment> poll(TcpConnection c, long nowPs) {
        out.clear();
        c.poll(nowPs, sink);
        return new ArrayList<>(out);
    }

    /** Exactly these segments, in order, and nothing else. */
    static void assertSent(List<Segment> actual, Segment... expected) {
        assertEquals(List.of(expected), actual);
    }

    static void assertNothingSent(List<Segment> actual) {
        assertEquals(List.of(), actual);
    }

    /** An ESTABLISHED connection (active open completed at t=0 with a 10 ms SYN RTT), by real packets. */
    TcpConnection establishedByPackets(TcpConfig config) {
        TcpConnection c = newConnection(config);
        c.connect(LOCAL_ISS, 0);
        assertSent(poll(c, 0), ack(flags(seq(opts(SEND, synOptions(MSS)), LOCAL_ISS), TcpFlags.SYN), 0));
        Segment synAck = ack(seq(flags(opts(RECV, synOptions(MSS)), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1);
        assertSent(recv(c, synAck, 10 * MS), SEND);
        return c;
    }
}
