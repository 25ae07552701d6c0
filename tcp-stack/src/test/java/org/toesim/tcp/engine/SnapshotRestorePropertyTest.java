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
