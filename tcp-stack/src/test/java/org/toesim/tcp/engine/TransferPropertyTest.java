package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.toesim.core.units.Units;
import org.toesim.tcp.harness.ChannelConfig;

/**
 * Two engines over a lossy, reordering, duplicating channel: whatever the seed, the server
 * receives exactly the client's bytes in order and both sides end CLOSED without a reset.
 */
class TransferPropertyTest {
    static final long LIMIT_PS = 600 * Units.PS_PER_S;

    static java.util.stream.IntStream seeds() {
        return java.util.stream.IntStream.range(0, 50);
    }

    static ChannelConfig lossy() {
        return new ChannelConfig(100 * Units.PS_PER_US, 100_000_000L, 0.05, 0.05, 300 * Units.PS_PER_US, 0.02);
    }

    static TcpConfig config(int seed) {
        TcpConfig.Builder b = TcpConfig.builder().mslPs(Units.PS_PER_S).minRtoPs(200 * Units.PS_PER_MS)
                .initialRtoPs(Units.PS_PER_S).sendBufferBytes(16 * 1024).receiveBufferBytes(8 * 1024)
                .mssBytes(536);
        String[] cc = {"reno", "newreno", "cubic"};
        b.congestionControl(cc[seed % 3]);
        b.sack(seed % 2 == 0).timestamps(seed % 4 < 2).windowScale(seed % 5 != 0).nagle(seed % 7 != 0);
        return b.build();
    }

    static byte[] data(int seed) {
        Random r = new Random(seed);
        byte[] d = new byte[20_000 + r.nextInt(20_000)];
        r.nextBytes(d);
        return d;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void receiverGetsExactlyTheSendersBytesAndBothClose(int seed) {
        byte[] data = data(seed);
        TcpPair pair = new TcpPair(seed, lossy(), config(seed), config(seed), data, 0xFFFFF000 + seed, -2000 - seed);
        pair.run(LIMIT_PS);
        assertArrayEquals(data, pair.server.received.toByteArray(), "byte stream");
        assertEquals(TcpState.CLOSED, pair.client.conn.state(), "client state");
        assertEquals(TcpState.CLOSED, pair.server.conn.state(), "server state");
        assertFalse(pair.client.reset || pair.server.reset, "no reset");
    }

    /**
     * Over the lossy channel (5 % loss each way, 2 % reordering), RACK-TLP repairs most losses
     * that cost the RFC engine a retransmission timeout (tail losses, lost retransmissions,
     * too few duplicate ACKs): over the 25 SACK seeds the senders' RTOs fall from 16 to 5.
     */
    @org.junit.jupiter.api.Test
    void rackAndTlpTurnMostTimeoutsIntoFastRepairs() {
        TcpFeatures f = TcpFeatures.rfc().withPrr(true).withRack(true).withTlp(true).withLimitedTransmit(true);
        long rfc = 0;
        long linux = 0;
        for (int seed = 0; seed < 50; seed += 2) {
            rfc += clientRtos(seed, config(seed));
            linux += clientRtos(seed, config(seed).toBuilder().features(f).build());
        }
        assertEquals(16, rfc, "RTOs with the RFC engine");
        org.junit.jupiter.api.Assertions.assertTrue(linux * 2 < rfc, "RTOs with RACK-TLP: " + linux);
    }

    private static long clientRtos(int seed, TcpConfig cfg) {
        byte[] data = data(seed);
        TcpPair pair = new TcpPair(seed, lossy(), cfg, cfg, data, 0xFFFFF000 + seed, -2000 - seed);
        pair.run(LIMIT_PS);
        assertArrayEquals(data, pair.server.received.toByteArray(), "byte stream");
        return pair.client.conn.stats(pair.sim.now()).rtoFirings();
    }

    /** The same over the lossy, reordering channel with PRR, RACK, TLP and limited transmit on. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void linuxLossRecoveryDeliversExactlyTheSendersBytes(int seed) {
        byte[] data = data(seed);
        TcpFeatures f = TcpFeatures.rfc().withPrr(true).withRack(true).withTlp(true).withLimitedTransmit(true);
        TcpConfig cfg = config(seed).toBuilder().features(f).build();
        TcpPair pair = new TcpPair(seed, lossy(), cfg, cfg, data, 0xFFFFF000 + seed, -2000 - seed);
        pair.run(LIMIT_PS);
        assertArrayEquals(data, pair.server.received.toByteArray(), "byte stream");
        assertEquals(TcpState.CLOSED, pair.client.conn.state(), "client state");
        assertEquals(TcpState.CLOSED, pair.server.conn.state(), "server state");
        assertFalse(pair.client.reset || pair.server.reset, "no reset");
    }
}
