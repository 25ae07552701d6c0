package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.toesim.core.units.Units;
import org.toesim.tcp.harness.ChannelConfig;

/**
 * Basic liveness of every {@link TcpFeatures} combination (issue 10): whichever of the 16 Linux
 * behaviours a connection runs, a bulk transfer between two engines delivers exactly the
 * client's bytes, both sides end CLOSED without a reset, and no side ever wakes for ever at one
 * instant ({@link TcpPair#MAX_EVENTS_PER_INSTANT}). The 2^16 subsets (HyStart++ and Linux
 * HyStart exclusive, so a subset naming both keeps HyStart++) are sampled: every single
 * behaviour alone, every "all but one", and 200 subsets drawn from fixed seeds, each with its own
 * receive buffer (64-256 KiB, autotuning up to 4 MiB), TCP options, congestion control and link.
 * Deterministic: case {@code k} is the same run on every machine.
 */
class FeatureLivenessPropertyTest {
    static final int FEATURES = 16;
    static final int RANDOM_SUBSETS = 200;
    static final long LIMIT_PS = 600 * Units.PS_PER_S;

    /** The subset whose bit i is feature i in {@link TcpFeatures}' component order. */
    static TcpFeatures subset(int mask) {
        boolean[] b = new boolean[FEATURES];
        for (int i = 0; i < FEATURES; i++) {
            b[i] = (mask >> i & 1) != 0;
        }
        boolean linuxHystart = b[2] && !b[1];
        return new TcpFeatures(b[0], b[1], linuxHystart, b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11],
                b[12], b[13], b[14], b[15]);
    }

    static Stream<Arguments> cases() {
        int all = (1 << FEATURES) - 1;
        Stream<Arguments> single = IntStream.range(0, FEATURES).mapToObj(i -> Arguments.of("only " + i, 1 << i, i));
        Stream<Arguments> allBut = IntStream.range(0, FEATURES)
                .mapToObj(i -> Arguments.of("all but " + i, all & ~(1 << i), 100 + i));
        Random r = new Random(0x10_1ADL);
        int[] masks = new int[RANDOM_SUBSETS];
        for (int k = 0; k < RANDOM_SUBSETS; k++) {
            masks[k] = r.nextInt(1 << FEATURES);
        }
        Stream<Arguments> random = IntStream.range(0, RANDOM_SUBSETS)
                .mapToObj(k -> Arguments.of("random " + k, masks[k], 1000 + k));
        return Stream.concat(Stream.concat(single, allBut), random);
    }

    @ParameterizedTest(name = "{0}: feature mask {1}")
    @MethodSource("cases")
    void bulkTransferCompletes(String name, int mask, int seed) {
        TcpFeatures f = subset(mask);
        Random r = new Random(seed);
        int buffer = (64 + r.nextInt(193)) * 1024;
        String[] cc = {"reno", "newreno", "cubic"};
        TcpConfig cfg = TcpConfig.builder().features(f).congestionControl(cc[r.nextInt(3)])
                .sendBufferBytes(256 * 1024).receiveBufferBytes(buffer).maxReceiveBufferBytes(4 << 20)
                .windowScale(r.nextInt(4) != 0).timestamps(r.nextBoolean()).sack(r.nextBoolean())
                .nagle(r.nextInt(4) != 0).delayedAck(r.nextInt(8) != 0).minRtoPs(200 * Units.PS_PER_MS)
                .mslPs(Units.PS_PER_S).build();
        ChannelConfig link = switch (r.nextInt(3)) {
            case 0 -> ChannelConfig.perfect(Units.PS_PER_MS, 1_000_000_000L);
            case 1 -> ChannelConfig.perfect(100 * Units.PS_PER_US, 100_000_000L);
            default -> new ChannelConfig(500 * Units.PS_PER_US, 100_000_000L, 0.01, 0.01, 300 * Units.PS_PER_US,
                    0.005);
        };
        byte[] data = new byte[200_000 + r.nextInt(400_000)];
        r.nextBytes(data);
        String what = f + " buffer " + buffer + " " + cfg.congestionControl() + " ws " + cfg.windowScale() + " ts "
                + cfg.timestamps() + " sack " + cfg.sack() + " " + link;
        TcpPair p = new TcpPair(seed, link, cfg, cfg, data, 0xFFFFF000 + seed, -2000 - seed);
        p.run(LIMIT_PS);
        assertArrayEquals(data, p.server.received.toByteArray(), "byte stream: " + what);
        assertEquals(TcpState.CLOSED, p.client.conn.state(), "client state: " + what);
        assertEquals(TcpState.CLOSED, p.server.conn.state(), "server state: " + what);
        assertFalse(p.client.reset || p.server.reset, "no reset: " + what);
    }
}
