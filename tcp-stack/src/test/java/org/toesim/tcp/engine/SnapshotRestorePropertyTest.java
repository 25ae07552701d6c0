package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.toesim.core.units.Units;
import org.toesim.tcp.harness.ChannelConfig;

/**
 * A transfer whose connections are snapshotted into a {@link org.toesim.tcp.ccb.ControlBlock}
 * and replaced by restored ones at random instants (the host-to-TOE handoff and back) must
 * deliver the same bytes and, in an identical environment, emit exactly the segments of the
 * uninterrupted run at exactly the same times.
 */
class SnapshotRestorePropertyTest {

    static java.util.stream.IntStream seeds() {
        return java.util.stream.IntStream.range(0, 30);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void restoredRunEmitsIdenticalSegments(int seed) {
        check(seed, TransferPropertyTest.config(seed));
    }

    /** The same with PRR, RACK, TLP and limited transmit on: their state travels in the CCB too. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void restoredRunEmitsIdenticalSegmentsWithLinuxLossRecovery(int seed) {
        TcpFeatures f = TcpFeatures.rfc().withPrr(true).withRack(true).withTlp(true).withLimitedTransmit(true);
        check(seed, TransferPropertyTest.config(seed).toBuilder().features(f).build());
    }

    /**
     * The same with the whole Linux profile ({@link TcpFeatures#linux()}): segment-counting
     * growth, HyStart++, loss recovery and undo, and the receive side and microsecond send times.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void restoredRunEmitsIdenticalSegmentsWithLinuxFeatures(int seed) {
        check(seed, TransferPropertyTest.config(seed).toBuilder().features(TcpFeatures.linux()).build());
    }

    /**
     * CUBIC with HyStart++ into a queue that builds (20 Mbit/s, 1 ms, FIFO without a limit):
     * the RTT rises in slow start, so handoffs land in standard slow start, in CSS and after it.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("hystartSeeds")
    void hyStartStateSurvivesHandoffsInSlowStart(int seed) {
        TcpConfig cfg = TcpConfig.builder().congestionControl("cubic").features(TcpFeatures.linux())
                .sendBufferBytes(1 << 20).receiveBufferBytes(1 << 20).sack(seed % 2 == 0).build();
        byte[] data = new byte[600_000 + 1000 * seed];
        new Random(seed).nextBytes(data);
        Random r = new Random(seed * 31L);
        long[] instants = new long[40];
        for (int i = 0; i < instants.length; i++) {
            instants[i] = 1 + (long) (r.nextDouble() * 400 * Units.PS_PER_MS);
        }
        java.util.Arrays.sort(instants);
        ChannelConfig link = ChannelConfig.perfect(Units.PS_PER_MS, 20_000_000L);
        TcpPair baseline = run(seed, link, cfg, data, instants, false);
        TcpPair swapped = run(seed, link, cfg, data, instants, true);
        assertArrayEquals(data, swapped.server.received.toByteArray(), "byte stream after handoffs");
        assertEquals(baseline.log.size(), swapped.log.size(), "segment count");
        for (int i = 0; i < baseline.log.size(); i++) {
            assertEquals(baseline.log.get(i), swapped.log.get(i), "segment " + i);
        }
    }

    /**
     * Receive autotuning that actually grows the buffer (64 KiB up to 4 MiB) with quick ACKs and
     * the Linux ACK policy, over a 1 Gbit/s link or a 1 % lossy one (odd seeds): handoffs land while the receiver
     * measures its RTT, right-sizes and leaves quick-ACK mode, and while the sender's
     * microsecond send-time log holds a full window.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("hystartSeeds")
    void receiveAutotuningSurvivesHandoffs(int seed) {
        TcpConfig cfg = TcpConfig.builder().congestionControl(seed < 2 ? "cubic" : "reno")
                .features(TcpFeatures.linux()).sendBufferBytes(1 << 20).receiveBufferBytes(64 * 1024)
                .maxReceiveBufferBytes(4 << 20).sack(seed % 2 == 0).timestamps(seed % 4 < 2).build();
        byte[] data = new byte[1_500_000 + 1000 * seed];
        new Random(seed).nextBytes(data);
        Random r = new Random(seed * 17L);
        long[] instants = new long[100];
        for (int i = 0; i < instants.length; i++) {
            instants[i] = 1 + (long) (r.nextDouble() * 500 * Units.PS_PER_MS);
        }
        java.util.Arrays.sort(instants);
        ChannelConfig link = seed % 2 == 1
                ? new ChannelConfig(500 * Units.PS_PER_US, 100_000_000L, 0.01, 0.0, 300 * Units.PS_PER_US, 0.0)
                : ChannelConfig.perfect(Units.PS_PER_MS, 1_000_000_000L);
        TcpPair baseline = run(seed, link, cfg, data, instants, false);
        TcpPair swapped = run(seed, link, cfg, data, instants, true);
        org.junit.jupiter.api.Assertions.assertTrue(baseline.server.conn.receiveBufferBytes() > 4 * 64 * 1024,
                "the receiver's buffer grew: " + baseline.server.conn.receiveBufferBytes());
        assertArrayEquals(data, swapped.server.received.toByteArray(), "byte stream after handoffs");
        assertEquals(baseline.log.size(), swapped.log.size(), "segment count");
        for (int i = 0; i < baseline.log.size(); i++) {
            assertEquals(baseline.log.get(i), swapped.log.get(i), "segment " + i);
        }
        assertEquals(baseline.server.conn.receiveBufferBytes(), swapped.server.conn.receiveBufferBytes());
    }

    /**
     * BBR (issue 17): its model, the delivery-rate sampler's per-segment log and the pacing release
     * time travel in the CCB, over the lossy or the 20 Mbit/s link, RFC or Linux features.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void restoredBbrRunEmitsIdenticalSegments(int seed) {
        TcpFeatures f = seed % 3 == 0 ? TcpFeatures.rfc() : TcpFeatures.linux();
        check(seed, TransferPropertyTest.config(seed).toBuilder().congestionControl("bbr").features(f).build());
    }

    /**
     * BBR over a 20 Mbit/s, 1 ms path with a larger transfer, so handoffs land in STARTUP,
     * DRAIN and PROBE_BW, between paced segments, and (odd seeds, 1 % loss) in recovery.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("hystartSeeds")
    void bbrStateSurvivesHandoffsBetweenPacedSegments(int seed) {
        TcpConfig cfg = TcpConfig.builder().congestionControl("bbr").features(TcpFeatures.linux())
                .sendBufferBytes(1 << 20).receiveBufferBytes(1 << 20).sack(seed < 2).build();
        byte[] data = new byte[800_000 + 1000 * seed];
        new Random(seed).nextBytes(data);
        Random r = new Random(seed * 43L);
        long[] instants = new long[60];
        for (int i = 0; i < instants.length; i++) {
            instants[i] = 1 + (long) (r.nextDouble() * 400 * Units.PS_PER_MS);
        }
        java.util.Arrays.sort(instants);
        ChannelConfig link = seed % 2 == 1
                ? new ChannelConfig(Units.PS_PER_MS, 20_000_000L, 0.01, 0.0, 0, 0.0)
                : ChannelConfig.perfect(Units.PS_PER_MS, 20_000_000L);
        TcpPair baseline = run(seed, link, cfg, data, instants, false);
        TcpPair swapped = run(seed, link, cfg, data, instants, true);
        assertArrayEquals(data, swapped.server.received.toByteArray(), "byte stream after handoffs");
        assertEquals(baseline.log.size(), swapped.log.size(), "segment count");
        for (int i = 0; i < baseline.log.size(); i++) {
            assertEquals(baseline.log.get(i), swapped.log.get(i), "segment " + i);
        }
    }

    static java.util.stream.IntStream hystartSeeds() {
        return java.util.stream.IntStream.range(0, 4);
    }

    private static TcpPair run(int seed, ChannelConfig link, TcpConfig cfg, byte[] data, long[] instants,
                               boolean viaSnapshot) {
        TcpPair p = new TcpPair(seed, link, cfg, cfg, data, 0xFFFFF000 + seed, -2000 - seed);
        for (int i = 0; i < instants.length; i++) {
            p.swapAt(i % 2 == 0 ? p.client : p.server, instants[i], viaSnapshot);
        }
        p.run(TransferPropertyTest.LIMIT_PS);
        return p;
    }

    /** The same with D-SACK, undo and F-RTO on: their state travels in the CCB too. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void restoredRunWithUndoFeaturesEmitsIdenticalSegments(int seed) {
        check(seed, TransferPropertyTest.config(seed).toBuilder().features(UndoTest.ALL).build());
    }

    private static void check(int seed, TcpConfig cfg) {
        byte[] data = TransferPropertyTest.data(seed);
        Random r = new Random(seed * 7919L);
        long[] instants = new long[48];
        for (int i = 0; i < instants.length; i++) {
            // mostly while data flows, some during loss recovery and closing
            long span = i < 40 ? 300 * Units.PS_PER_MS : 4 * Units.PS_PER_S;
            instants[i] = 1 + (long) (r.nextDouble() * span);
        }
        TcpPair baseline = pair(seed, cfg, data, instants, false);
        TcpPair swapped = pair(seed, cfg, data, instants, true);
        assertArrayEquals(data, swapped.server.received.toByteArray(), "byte stream after handoffs");
        assertEquals(TcpState.CLOSED, swapped.client.conn.state());
        assertEquals(TcpState.CLOSED, swapped.server.conn.state());
        assertEquals(baseline.log.size(), swapped.log.size(), "segment count");
        for (int i = 0; i < baseline.log.size(); i++) {
            assertEquals(baseline.log.get(i), swapped.log.get(i), "segment " + i);
        }
        assertEquals(baseline.client.conn.stats(baseline.sim.now()), swapped.client.conn.stats(swapped.sim.now()),
                "client statistics travel with the CCB");
        assertEquals(baseline.server.conn.stats(baseline.sim.now()), swapped.server.conn.stats(swapped.sim.now()),
                "server statistics travel with the CCB");
    }

    private static TcpPair pair(int seed, TcpConfig cfg, byte[] data, long[] instants, boolean viaSnapshot) {
        ChannelConfig link = seed % 2 == 0 ? TransferPropertyTest.lossy()
                : ChannelConfig.perfect(2 * Units.PS_PER_MS, 20_000_000L);
        TcpPair p = new TcpPair(seed, link, cfg, cfg, data, 0xFFFFF000 + seed, -2000 - seed);
        for (int i = 0; i < instants.length; i++) {
            p.swapAt(i % 2 == 0 ? p.client : p.server, instants[i], viaSnapshot);
        }
        p.run(TransferPropertyTest.LIMIT_PS);
        return p;
    }
}
