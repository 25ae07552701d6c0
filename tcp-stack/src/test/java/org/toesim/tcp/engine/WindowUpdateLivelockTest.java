package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toesim.core.units.Units;
import org.toesim.tcp.harness.ChannelConfig;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * Issue 10, "livelock with receive autotuning on and the Linux ACK policy off": the RFC 1122
 * §4.2.3.3 window-update rule at a read measured the window against the free buffer space
 * (rcvNxt + tcp_space) while the segment it asked for carried the window {@code
 * __tcp_select_window} chose (capped by rcv_ssthresh, by the SYN window until data grows it,
 * by 65535 without window scaling). The ACK went out without moving the right edge, so the rule
 * still held at the next read: an application that reads whenever it runs (as {@link TcpPair}'s
 * does, even when nothing is readable) made the engine ask for a pure ACK "now" for ever, and the
 * side woke at one instant until the kernel's livelock guard stopped it. The RFC engine without
 * window scaling and a buffer above 64 KiB did the same at the first read after the handshake.
 */
class WindowUpdateLivelockTest extends EngineTestBase {
    static final long US = Units.PS_PER_US;

    /** Active open with our options as configured against a peer offering MSS 1460 and nothing else. */
    TcpConnection established(TcpConfig config) {
        TcpConnection c = newConnection(config);
        c.connect(LOCAL_ISS, 0);
        assertEquals(1, poll(c, 0).size(), "SYN");
        Segment synAck = ack(seq(flags(opts(RECV, synOptions(MSS)), TcpFlags.SYN | TcpFlags.ACK), REMOTE_ISS),
                LOCAL_ISS + 1);
        assertEquals(1, recv(c, synAck, 10 * MS).size(), "ACK of the SYN-ACK");
        assertEquals(TcpState.ESTABLISHED, c.state());
        return c;
    }

    /** Reads of nothing, each followed by the poll the caller makes when asked to: nothing is owed. */
    void assertEmptyReadsOweNothing(TcpConnection c, long atPs) {
        for (int i = 0; i < 3; i++) {
            assertEquals(List.of(), c.read(Long.MAX_VALUE, atPs), "nothing readable");
            assertNotEquals(TcpConnection.DUE_NOW, c.nextWakeupPs(), "read " + i + " of nothing owes output");
            assertNothingSent(poll(c, atPs));
        }
    }

    @Test
    void withoutWindowScalingABufferAboveTheFieldOwesNoUpdateAfterTheHandshake() {
        TcpConfig cfg = plainConfig().toBuilder().receiveBufferBytes(236_544).build();
        TcpConnection c = established(cfg);
        // the SYN offered 65535, all the unscaled field holds; the buffer's 236544 can never be offered
        assertEmptyReadsOweNothing(c, 20 * MS);
    }

    @Test
    void withAutotuningTheSynWindowCapsTheOfferAndEmptyReadsOweNothing() {
        // 228352 bytes: a window share of 114176 with wscale 7, but rcv_ssthresh starts at the
        // SYN window (65535, never scaled) and only data grows it
        TcpConfig cfg = plainConfig().toBuilder().windowScale(true).receiveBufferBytes(228_352)
                .maxReceiveBufferBytes(4 << 20).features(TcpFeatures.rfc().withReceiveAutotuning(true)).build();
        TcpConnection c = established(cfg);
        assertEmptyReadsOweNothing(c, 20 * MS);
    }

    @Test
    void withAutotuningAReadThatOpensTheWindowStillSendsOneUpdate() {
        TcpConfig cfg = plainConfig().toBuilder().receiveBufferBytes(64 * 1024).delayedAck(false)
                .features(TcpFeatures.rfc().withReceiveAutotuning(true)).build();
        TcpConnection c = established(cfg);
        int seg = MSS;
        Segment last = null;
        for (int k = 0; k < 16; k++) {
            List<Segment> acks = recv(c, data(seq(RECV, REMOTE_ISS + 1 + k * seg), (long) k * seg, seg), S + k * US);
            assertEquals(1, acks.size(), "no delayed ACK: one ACK per segment");
            last = acks.get(0);
        }
        assertEquals(REMOTE_ISS + 1 + 16 * seg, last.ack());
        assertEquals(16 * seg, c.read(Long.MAX_VALUE, S + MS).stream().mapToLong(p -> p.lenBytes()).sum());
        List<Segment> update = poll(c, S + MS);
        assertEquals(1, update.size(), "one window update (RFC 1122 §4.2.3.3)");
        assertTrue(update.get(0).window() > last.window(),
                "the update opens the window: " + update.get(0).window() + " after " + last.window());
        assertEmptyReadsOweNothing(c, S + MS);
    }

    // ------------------------------------------------------------------ the transfers that livelocked

    /** Links and buffers on which a bulk transfer livelocked before the fix (the side is the one that spun). */
    static Stream<Arguments> livelockedTransfers() {
        ChannelConfig gig = ChannelConfig.perfect(Units.PS_PER_MS, 1_000_000_000L);
        ChannelConfig fast = ChannelConfig.perfect(100 * US, 100_000_000L);
        ChannelConfig lossy = new ChannelConfig(500 * US, 100_000_000L, 0.01, 0.01, 300 * US, 0.0);
        TcpFeatures at = TcpFeatures.rfc().withReceiveAutotuning(true);
        return Stream.of(
                Arguments.of("autotuning 64 KiB (server, rcv_ssthresh below the grown buffer)", at, 64 * 1024, true, gig),
                Arguments.of("autotuning 128 KiB (server)", at, 128 * 1024, true, gig),
                Arguments.of("autotuning 128 KiB, 100 Mbit/s (server)", at, 128 * 1024, true, fast),
                Arguments.of("autotuning 223 KiB (client, SYN window cap)", at, 228_352, true, gig),
                Arguments.of("autotuning 110 KiB, no window scaling (server)", at, 112_640, false, gig),
                Arguments.of("autotuning and quick ACK 240 KiB, lossy", at.withQuickAck(true), 245_760, true, lossy),
                Arguments.of("RFC engine 231 KiB, no window scaling (client)", TcpFeatures.rfc(), 236_544, false,
                        fast));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("livelockedTransfers")
    void bulkTransferCompletes(String name, TcpFeatures features, int bufferBytes, boolean windowScale,
                               ChannelConfig link) {
        TcpConfig cfg = TcpConfig.builder().features(features).sendBufferBytes(256 * 1024)
                .receiveBufferBytes(bufferBytes).maxReceiveBufferBytes(4 << 20).windowScale(windowScale)
                .minRtoPs(200 * MS).mslPs(S).build();
        byte[] data = new byte[600_000];
        new Random(bufferBytes).nextBytes(data);
        TcpPair p = new TcpPair(1, link, cfg, cfg, data, 0xFFFFF000, -2000);
        p.run(60 * S); // a relapse throws SimulationLivelockException here (TcpPair's guard)
        assertArrayEquals(data, p.server.received.toByteArray(), "byte stream");
        assertEquals(TcpState.CLOSED, p.client.conn.state(), "client state");
        assertEquals(TcpState.CLOSED, p.server.conn.state(), "server state");
        assertFalse(p.client.reset || p.server.reset, "no reset");
        long serverAcks = p.log.stream().filter(s -> s.from().equals("server")).count();
        long clientSegments = p.log.size() - serverAcks;
        assertTrue(serverAcks <= clientSegments, "at most one ACK per data segment: " + serverAcks + " ACKs for "
                + clientSegments + " segments");
    }
}
