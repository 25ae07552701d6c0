package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/**
 * The Linux receive side and RTT sampling behind their {@link TcpFeatures} flags: quick-ACK
 * (tcp_incr_quickack), the ACK policy (__tcp_ack_snd_check, tcp_cleanup_rbuf), window scale and
 * SYN windows (tcp_select_initial_window), receive autotuning (tcp_rcv_space_adjust) and
 * microsecond RTT samples (tcp_clean_rtx_queue).
 */
class LinuxReceiverTest extends EngineTestBase {
    static final int SEG = MSS;
    static final long US = Units.PS_PER_US;

    static TcpConfig plain(TcpFeatures f) {
        return plainConfig().toBuilder().features(f).build();
    }

    Segment dataAt(long offset, int len) {
        return data(seq(RECV, REMOTE_ISS + 1 + (int) offset), offset, len);
    }

    Segment ackOf(long offset, int window) {
        return win(ack(SEND, REMOTE_ISS + 1 + (int) offset), window);
    }

    // ------------------------------------------------------------------ quick-ACK and ACK policy

    @Test
    void quickAckAcksEverySegmentThenOnePerTwoSegmentsAtTheRead() {
        TcpConnection c = establishedByPackets(plain(TcpFeatures.rfc().withQuickAck(true).withLinuxAckPolicy(true)));
        // quick = rcv_wnd / (2 * rcv_mss) = 32768 / 2920 = 11 ACKs, one per segment
        for (int k = 1; k <= 11; k++) {
            assertSent(recv(c, dataAt((k - 1) * SEG, SEG), S + k * US), ackOf(k * SEG, WINDOW - k * SEG));
        }
        // out of quick-ACK mode, nothing read: the window would shrink, so no ACK at arrival
        assertNothingSent(recv(c, dataAt(11 * SEG, SEG), S + 12 * US));
        assertNothingSent(recv(c, dataAt(12 * SEG, SEG), S + 13 * US));
        // the read sends it (tcp_cleanup_rbuf: more than one rcv_mss unacknowledged)
        c.read(13 * SEG, S + 20 * US);
        assertSent(poll(c, S + 20 * US), ackOf(13 * SEG, WINDOW));
        // a reader that keeps up: one ACK per two segments, at the read
        assertNothingSent(recv(c, dataAt(13 * SEG, SEG), S + 30 * US));
        c.read(SEG, S + 31 * US);
        assertNothingSent(poll(c, S + 31 * US));
        assertNothingSent(recv(c, dataAt(14 * SEG, SEG), S + 40 * US));
        c.read(SEG, S + 41 * US);
        assertSent(poll(c, S + 41 * US), ackOf(15 * SEG, WINDOW));
    }

    @Test
    void withoutTheFlagsEverySecondSegmentIsAckedAtArrival() {
        TcpConnection c = establishedByPackets(plain(TcpFeatures.rfc()));
        assertNothingSent(recv(c, dataAt(0, SEG), S));
        assertSent(recv(c, dataAt(SEG, SEG), S + US), ackOf(2 * SEG, WINDOW - 2 * SEG));
    }

    @Test
    void quickAckIsReenteredAfterDuplicateData() {
        TcpConnection c = establishedByPackets(plain(TcpFeatures.rfc().withQuickAck(true).withLinuxAckPolicy(true)));
        for (int k = 1; k <= 11; k++) {
            recv(c, dataAt((k - 1) * SEG, SEG), S + k * US);
        }
        c.read(11 * SEG, S + 12 * US);
        assertNothingSent(poll(c, S + 12 * US));
        assertNothingSent(recv(c, dataAt(11 * SEG, SEG), S + 13 * US));
        // a duplicate (tcp_data_queue out_of_window: tcp_enter_quickack_mode) is ACKed at once ...
        assertSent(recv(c, dataAt(0, SEG), S + 14 * US), ackOf(12 * SEG, WINDOW - SEG));
        // ... and so is the next in-order segment
        assertSent(recv(c, dataAt(12 * SEG, SEG), S + 15 * US), ackOf(13 * SEG, WINDOW - 2 * SEG));
    }

    @Test
    void smallReadSendsNoWindowUpdateButDoublingTheWindowDoes() {
        TcpConnection c = establishedByPackets(plain(TcpFeatures.rfc().withLinuxAckPolicy(true)));
        for (int k = 0; k < 14; k++) {
            assertNothingSent(recv(c, dataAt(k * SEG, SEG), S + k * US));
        }
        assertSent(poll(c, S + 40 * MS), ackOf(14 * SEG, WINDOW - 14 * SEG));
        c.read(4000, S + 41 * MS);
        assertNothingSent(poll(c, S + 41 * MS)); // 16328 < 2 * 12328
        c.read(14 * SEG - 4000, S + 42 * MS);
        assertSent(poll(c, S + 42 * MS), ackOf(14 * SEG, WINDOW)); // 32768 >= 2 * 12328

        TcpConnection rfc = establishedByPackets(plain(TcpFeatures.rfc()).toBuilder().delayedAck(false).build());
        for (int k = 0; k < 14; k++) {
            recv(rfc, dataAt(k * SEG, SEG), S + k * US);
        }
        rfc.read(4000, S + 41 * MS);
        assertSent(poll(rfc, S + 41 * MS), ackOf(14 * SEG, WINDOW - 14 * SEG + 4000)); // RFC 1122 SWS update
    }

    // ------------------------------------------------------------------ window scale and SYN windows

    static TcpConfig linuxBuffers(TcpFeatures f) {
        return TcpConfig.builder().sack(false).timestamps(true).windowScale(true).receiveBufferBytes(131_072)
                .maxReceiveBufferBytes(32 << 20).sendBufferBytes(4 << 20).features(f).build();
    }

    @Test
    void windowScaleComesFromTheMaximumBufferAndSynWindowsFromTheInitialOne() {
        TcpConnection client = newConnection(linuxBuffers(TcpFeatures.rfc().withReceiveAutotuning(true)));
        client.connect(LOCAL_ISS, 0);
        Segment syn = poll(client, 0).get(0);
        assertEquals(10, syn.options().windowScale(), "ilog2(32 MiB) - 15");
        assertEquals(64240, syn.window(), "rounddown(131072 / 2, 1460)");

        TcpConnection server = newConnection(linuxBuffers(TcpFeatures.rfc().withReceiveAutotuning(true)));
        server.listen(LOCAL_ISS, 0);
        TcpOptions peerSyn = new TcpOptions(MSS, 10, false, true, 1000, 0, List.of());
        Segment synAck = recv(server, opts(seq(flags(RECV, TcpFlags.SYN), REMOTE_ISS), peerSyn), MS).get(0);
        assertEquals(10, synAck.options().windowScale());
        assertEquals(65160, synAck.window(), "rounddown(65536, 1448): 45 segments with timestamps");

        // no autotuning, maximum above the buffer: the scale still follows the maximum
        TcpConnection fixed = newConnection(linuxBuffers(TcpFeatures.rfc()));
        fixed.connect(LOCAL_ISS, 0);
        Segment fixedSyn = poll(fixed, 0).get(0);
        assertEquals(10, fixedSyn.options().windowScale());
        assertEquals(65535, fixedSyn.window());
        // buffer = maximum and no autotuning: as before, the smallest shift for the buffer
        TcpConnection old = newConnection(linuxBuffers(TcpFeatures.rfc()).toBuilder()
                .receiveBufferBytes(4 << 20).maxReceiveBufferBytes(4 << 20).build());
        old.connect(LOCAL_ISS, 0);
        assertEquals(7, poll(old, 0).get(0).options().windowScale());
    }

    // ------------------------------------------------------------------ receive autotuning

    /** Active open with timestamps and window scaling; the SYN-ACK arrives at 2 ms. Returns our SYN's TSval. */
    int openWithTimestamps(TcpConnection c) {
        c.connect(LOCAL_ISS, 0);
        Segment syn = poll(c, 0).get(0);
        TcpOptions o = new TcpOptions(MSS, 10, false, true, 1000, syn.options().tsVal(), List.of());
        recv(c, ack(seq(flags(opts(RECV, o), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS), LOCAL_ISS + 1), 2 * MS);
        return syn.options().tsVal();
    }

    /** Largest window (scaled) in ACKs sent for {@code n} full segments from {@code offset}, each read at once. */
    long receiveAndRead(TcpConnection c, long offset, int n, long fromPs, long stepPs, int tsEcr) {
        long maxWnd = 0;
        for (int i = 0; i < n; i++) {
            long now = fromPs + i * stepPs;
            Segment d = opts(data(seq(RECV, REMOTE_ISS + 1 + (int) (offset + (long) i * 1448)), offset + i * 1448L,
                    1448), new TcpOptions(-1, -1, false, true, 2000 + (int) (offset / 1448) + i, tsEcr, List.of()));
            for (Segment s : recv(c, d, now)) {
                maxWnd = Math.max(maxWnd, (long) s.window() << 10);
            }
            c.read(1448, now);
            for (Segment s : poll(c, now)) {
                maxWnd = Math.max(maxWnd, (long) s.window() << 10);
            }
        }
        return maxWnd;
    }

    @Test
    void windowGrowsAfterAnRttOfReads() {
        TcpConnection c = newConnection(linuxBuffers(TcpFeatures.rfc().withReceiveAutotuning(true)));
        int tsEcr = openWithTimestamps(c);
        // receiver RTT from TSecr: 4 ms; during the first RTT the window stays near the initial 64 KiB
        long first = receiveAndRead(c, 0, 40, 4 * MS, 50 * US, tsEcr);
        assertTrue(first <= 65536, "first RTT window " + first);
        assertEquals(131_072, c.receiveBufferBytes());
        // a read one receiver RTT after the start measures 41 segments copied: the buffer grows ...
        long later = receiveAndRead(c, 40 * 1448L, 20, 6100 * US, 50 * US, tsEcr);
        assertTrue(c.receiveBufferBytes() > 1_000_000, "grown buffer " + c.receiveBufferBytes());
        assertTrue(c.receiveBufferBytes() <= 32 << 20);
        // ... and the advertised window with it, 2 MSS per segment (tcp_grow_window)
        assertTrue(later > 65536 + 10 * 2048, "window after an RTT " + later);

        TcpConnection fixed = newConnection(linuxBuffers(TcpFeatures.rfc()));
        int ecr = openWithTimestamps(fixed);
        receiveAndRead(fixed, 0, 40, 4 * MS, 50 * US, ecr);
        receiveAndRead(fixed, 40 * 1448L, 20, 6100 * US, 50 * US, ecr);
        assertEquals(131_072, fixed.receiveBufferBytes(), "without the flag the buffer stays");
    }

    @Test
    void receiverRttTimesTheWindowAsAdvertisedNotWhatIsLeftOfIt() {
        // tcp_rcv_rtt_measure: the timed window ends at rcv_nxt + tp->rcv_wnd, the window of our
        // last ACK (from rcv_wup), so its end lies past the right edge the sender may fill now and
        // the sample spans a round trip. The window left (right edge - rcv_nxt) would end at data
        // already in flight, sampled microseconds later, and pin the minimum-latched estimate low
        TcpConnection c = newConnection(linuxBuffers(TcpFeatures.rfc().withReceiveAutotuning(true)));
        int tsEcr = openWithTimestamps(c);
        ControlBlock before = c.snapshot(3 * MS);
        long advertised = before.delegated().receiver().lastAdvWndBytes();
        long rcvNxt0 = before.delegated().receive().rcvNxtPos();
        assertEquals(rcvNxt0 + advertised, before.delegated().receive().rcvAdvRightPos());
        Segment d = opts(data(seq(RECV, REMOTE_ISS + 1), 0, 1448), new TcpOptions(-1, -1, false, true, 2000, tsEcr,
                List.of()));
        recv(c, d, 4 * MS);
        ControlBlock after = c.snapshot(4 * MS);
        assertEquals(rcvNxt0 + 1448 + advertised, after.delegated().receiver().rcvRttSeqPos(),
                "one segment past the advertised right edge");
    }

    // ------------------------------------------------------------------ microsecond RTT

    /** Sends one full segment at {@code atPs}; returns its TSval. */
    int sendOne(TcpConnection c, long atPs) {
        c.send(1448, atPs);
        List<Segment> sent = poll(c, atPs);
        assertEquals(1, sent.size());
        return sent.get(0).options().tsVal();
    }

    Segment ackWithTs(int ackOffset, int tsEcr) {
        return opts(ack(RECV, LOCAL_ISS + 1 + ackOffset), new TcpOptions(-1, -1, false, true, 1001, tsEcr, List.of()));
    }

    @Test
    void rttSampleOf250MicrosecondsReads250Microseconds() {
        TcpConnection c = newConnection(linuxBuffers(TcpFeatures.rfc().withMicrosecondRtt(true)));
        openWithTimestamps(c);
        int tsVal = sendOne(c, S);
        recv(c, ackWithTs(1448, tsVal), S + 250 * US);
        assertEquals(250 * US, c.latestRttPs());
        assertEquals(250 * US, c.minRttPs());

        // the same with timestamp echoes in 1 ms ticks: 0
        TcpConnection rfc = newConnection(linuxBuffers(TcpFeatures.rfc()));
        openWithTimestamps(rfc);
        int v = sendOne(rfc, S);
        recv(rfc, ackWithTs(1448, v), S + 250 * US);
        assertEquals(0, rfc.latestRttPs());
    }

    @Test
    void karnsRuleSkipsTheSendTimeOfARetransmittedSegment() {
        TcpConnection c = newConnection(linuxBuffers(TcpFeatures.rfc().withMicrosecondRtt(true)));
        openWithTimestamps(c);
        sendOne(c, S);
        long rto = c.nextWakeupPs();
        List<Segment> resent = poll(c, rto);
        assertEquals(1, resent.size(), "RTO retransmission");
        recv(c, ackWithTs(1448, resent.get(0).options().tsVal()), rto + 250 * US);
        // not 250 µs from the resend nor the time since the first send: the TSecr fallback,
        // at least one tick (tcp_rtt_tsopt_us(tp, 1))
        assertEquals(MS, c.latestRttPs());
    }

    @Test
    void everyAckOfNewDataGivesASampleFromItsOldestSegment() {
        TcpConnection c = newConnection(linuxBuffers(TcpFeatures.rfc().withMicrosecondRtt(true)));
        openWithTimestamps(c);
        c.send(4 * 1448, S);
        assertEquals(4, poll(c, S).size());
        recv(c, ackWithTs(2 * 1448, 0), S + 300 * US);
        assertEquals(300 * US, c.latestRttPs());
        recv(c, ackWithTs(4 * 1448, 0), S + 420 * US);
        assertEquals(420 * US, c.latestRttPs());
        assertEquals(300 * US, c.minRttPs());
    }
}
