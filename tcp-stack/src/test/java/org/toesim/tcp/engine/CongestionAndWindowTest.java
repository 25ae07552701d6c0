package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * RFC 5681 §3.1-3.2 (IW, fast retransmit / recovery), RFC 6582 (partial ACK), RFC 896 (Nagle),
 * RFC 9293 §3.8.6.1 (zero-window probing), RFC 1122 §4.2.3.3 (receiver SWS).
 */
class CongestionAndWindowTest extends EngineTestBase {

    static Segment sent(long offset, int len, int flags) {
        return flags(data(seq(SEND, LOCAL_ISS + 1 + (int) offset), offset, len), flags);
    }

    TcpConnection bigWindow() {
        TcpConnection c = establishedByPackets(plainConfig());
        recv(c, win(RECV, 65535), 20 * MS);
        return c;
    }

    @Test
    void initialWindowIsTenSegmentsPerRfc6928() {
        TcpConnection c = bigWindow();
        c.send(100_000, S);
        List<Segment> burst = poll(c, S);
        assertEquals(10, burst.size());
        assertEquals(sent(0, MSS, TcpFlags.ACK), burst.get(0));
        assertEquals(sent(9L * MSS, MSS, TcpFlags.ACK), burst.get(9));
    }

    @Test
    void threeDuplicateAcksTriggerFastRetransmitAndNewRenoPartialAck() {
        TcpConnection c = bigWindow();
        c.send(10L * MSS, S);
        poll(c, S);
        Segment dup = win(RECV, 65535);
        assertNothingSent(recv(c, dup, S + MS));
        assertNothingSent(recv(c, dup, S + 2 * MS));
        assertSent(recv(c, dup, S + 3 * MS), sent(0, MSS, TcpFlags.ACK));
        // ssthresh = FlightSize/2 = 5 MSS; cwnd = ssthresh + 3 MSS (RFC 5681 §3.2 (2)-(3))
        assertEquals(5L * MSS, c.ssthreshBytes());
        assertEquals(8L * MSS, c.cwndBytes());
        // partial ACK (segment 2 also lost): retransmit it at once (RFC 6582 §3.2 (5))
        assertSent(recv(c, win(ack(RECV, LOCAL_ISS + 1 + 2 * MSS), 65535), S + 4 * MS),
                sent(2L * MSS, MSS, TcpFlags.ACK));
        // full ACK ends recovery with cwnd <= ssthresh
        assertNothingSent(recv(c, win(ack(RECV, LOCAL_ISS + 1 + 10 * MSS), 65535), S + 5 * MS));
        assertTrue(c.cwndBytes() <= 5L * MSS);
        assertEquals(1, c.stats(2 * S).fastRetransmits() - 1);
    }

    @Test
    void nagleHoldsSmallSegmentWhileDataIsUnacked() {
        TcpConnection c = bigWindow();
        c.send(10, S);
        assertSent(poll(c, S), sent(0, 10, TcpFlags.ACK | TcpFlags.PSH));
        c.send(10, S + MS);
        assertNothingSent(poll(c, S + MS));
        assertSent(recv(c, win(ack(RECV, LOCAL_ISS + 11), 65535), S + 2 * MS),
                sent(10, 10, TcpFlags.ACK | TcpFlags.PSH));
        TcpConnection noNagle = establishedByPackets(plainConfig().toBuilder().nagle(false).build());
        recv(noNagle, win(RECV, 65535), 20 * MS);
        noNagle.send(10, S);
        poll(noNagle, S);
        noNagle.send(10, S + MS);
        assertSent(poll(noNagle, S + MS), sent(10, 10, TcpFlags.ACK | TcpFlags.PSH));
    }

    @Test
    void minshallNagleHoldsASegmentTheWindowCutShort() {
        // Linux tcp_snd_wnd_test: with data in flight, a segment shorter than MSS only because
        // the window ends there waits for the next ACK; Minshall's rule frees short tails only
        TcpConnection c = establishedByPackets(plainConfig().toBuilder()
                .features(TcpFeatures.rfc().withMinshallNagle(true)).build());
        int wnd = 5 * MSS + 500;
        recv(c, win(RECV, wnd), 20 * MS);
        c.send(20L * MSS, S);
        List<Segment> burst = poll(c, S);
        assertEquals(5, burst.size(), "five full segments; the 500 bytes the window leaves wait");
        burst.forEach(seg -> assertEquals(MSS, seg.payloadLenBytes()));
        // one segment acknowledged: the window slides by MSS, one more full segment goes out
        assertSent(recv(c, win(ack(RECV, LOCAL_ISS + 1 + MSS), wnd), S + MS), sent(5L * MSS, MSS, TcpFlags.ACK));
        // all acknowledged: the next window's full segments go, its remainder waits again
        List<Segment> after = recv(c, win(ack(RECV, LOCAL_ISS + 1 + 6 * MSS), wnd), S + 2 * MS);
        assertEquals(5, after.size());
        after.forEach(seg -> assertEquals(MSS, seg.payloadLenBytes()));
    }

    @Test
    void zeroWindowIsProbedWithBackoff() {
        TcpConnection c = establishedByPackets(plainConfig());
        recv(c, win(RECV, 0), 20 * MS);
        c.send(100, S);
        assertNothingSent(poll(c, S));
        assertEquals(TimerKind.PERSIST, c.timerKind());
        long first = c.nextWakeupPs();
        Segment probe = seq(SEND, LOCAL_ISS);
        assertSent(poll(c, first), probe);
        long second = c.nextWakeupPs();
        assertSent(poll(c, second), probe);
        assertEquals(2 * (second - first), c.nextWakeupPs() - second);
        // the window opens: data flows, probing stops
        assertSent(recv(c, win(RECV, 1000), second + MS), sent(0, 100, TcpFlags.ACK | TcpFlags.PSH));
        assertEquals(TimerKind.RETRANSMIT, c.timerKind());
    }

    @Test
    void receiveWindowReopensOnlyBySwsThresholdAndSendsUpdate() {
        TcpConnection c = establishedByPackets(plainConfig());
        for (int i = 0; i < WINDOW / MSS; i++) {
            recv(c, data(seq(RECV, REMOTE_ISS + 1 + i * MSS), (long) i * MSS, MSS), S);
        }
        int got = (WINDOW / MSS) * MSS;
        c.consume(100, S + MS);
        assertNothingSent(poll(c, S + MS)); // 100 bytes free: silly, no update (RFC 1122 §4.2.3.3)
        c.consume(got, S + 2 * MS);
        assertSent(poll(c, S + 2 * MS), win(ack(SEND, REMOTE_ISS + 1 + got), WINDOW));
    }

    @Test
    void keepAliveProbesIdleConnectionAndResetsAfterProbes() {
        TcpConnection c = establishedByPackets(plainConfig().toBuilder().keepAlive(true).keepAliveIdlePs(10 * S)
                .keepAliveIntervalPs(S).keepAliveProbes(2).build());
        poll(c, 20 * MS);
        assertEquals(10 * S + 10 * MS, c.nextWakeupPs());
        Segment probe = seq(SEND, LOCAL_ISS);
        assertSent(poll(c, 10 * S + 10 * MS), probe);
        assertSent(poll(c, 11 * S + 10 * MS), probe);
        List<Segment> last = poll(c, 12 * S + 10 * MS);
        assertEquals(TcpFlags.RST, last.get(0).flags());
        assertEquals(TcpState.CLOSED, c.state());
    }
}
