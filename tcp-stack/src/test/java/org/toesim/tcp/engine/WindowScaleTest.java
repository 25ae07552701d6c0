package org.toesim.tcp.engine;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/**
 * Window scaling, RFC 7323 §2: both SYNs carry the option, SYN windows are never scaled
 * (§2.2), later windows are shifted both ways.
 *
 * <pre>
 *   us ── SYN wscale 3, win 65535 ──▶ peer          (256 KB buffer needs shift 3, §2.3)
 *   us ◀─ SYN-ACK wscale 2, win 1000 ── peer        (1000 bytes: SYN window unscaled)
 *   us ── ACK win 32768 (= 256 KB >> 3) ──▶ peer
 *   us ◀─ ACK win 1000 (= 4000 bytes) ── peer  ─▶ 2 full segments fit, not 1000 bytes
 * </pre>
 */
class WindowScaleTest extends EngineTestBase {
    static final int BUFFER = 256 * 1024;

    @Test
    void negotiatedShiftsScaleWindowsBothWaysButNeverInSyns() {
        TcpConnection c = newConnection(plainConfig().toBuilder().windowScale(true).receiveBufferBytes(BUFFER).build());
        c.connect(LOCAL_ISS, 0);
        TcpOptions ours = new TcpOptions(MSS, 3, false, false, 0, 0, List.of());
        assertSent(poll(c, 0), win(ack(flags(seq(opts(SEND, ours), LOCAL_ISS), TcpFlags.SYN), 0), 65535));
        TcpOptions theirs = new TcpOptions(MSS, 2, false, false, 0, 0, List.of());
        Segment synAck = win(ack(seq(flags(opts(RECV, theirs), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1), 1000);
        assertSent(recv(c, synAck, 10 * MS), win(SEND, BUFFER >> 3));
        assertNothingSent(recv(c, win(RECV, 1000), 20 * MS));
        c.send(10_000, S);
        Segment first = flags(data(seq(win(SEND, BUFFER >> 3), LOCAL_ISS + 1), 0, MSS), TcpFlags.ACK);
        Segment second = flags(data(seq(win(SEND, BUFFER >> 3), LOCAL_ISS + 1 + MSS), MSS, MSS), TcpFlags.ACK);
        // 4000-byte window: two full segments; the 1080-byte rest waits (sender SWS, RFC 1122 §4.2.3.4)
        assertSent(poll(c, S), first, second);
    }

    @Test
    void withoutThePeersOptionNeitherSideScales() {
        TcpConnection c = newConnection(plainConfig().toBuilder().windowScale(true).receiveBufferBytes(BUFFER).build());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        Segment synAck = win(ack(seq(flags(opts(RECV, synOptions(MSS)), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1), 1000);
        // RFC 7323 §2.2: no option from the peer, so our windows go out unscaled (clamped to 65535)
        assertSent(recv(c, synAck, 10 * MS), win(SEND, 65535));
        assertNothingSent(recv(c, win(RECV, 1000), 20 * MS));
        c.send(10_000, S);
        assertSent(poll(c, S), flags(data(seq(win(SEND, 65535), LOCAL_ISS + 1), 0, 1000), TcpFlags.ACK));
    }

    @Test
    void theRecordedWindowEdgeNeverExceedsWhatTheFieldCouldSay() {
        // A 256 KB buffer without scaling: the peer was offered 65535 bytes, so the CCB handed
        // to an adapter must not promise more (RFC 7323 §2.3).
        TcpConnection c = newConnection(plainConfig().toBuilder().windowScale(true).receiveBufferBytes(BUFFER).build());
        c.connect(LOCAL_ISS, 0);
        poll(c, 0);
        Segment synAck = win(ack(seq(flags(opts(RECV, synOptions(MSS)), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1), 1000);
        assertSent(recv(c, synAck, 10 * MS), win(SEND, 65535));
        org.junit.jupiter.api.Assertions.assertEquals(65535, c.snapshot(10 * MS).rcvWndBytes());
    }
}
