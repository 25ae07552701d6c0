package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.toesim.core.units.Units;
import org.toesim.tcp.harness.ChannelConfig;

/**
 * ECN and DCTCP survive handoffs: a transfer whose client segments a queue marks CE (2 % of the
 * ECT ones, from a named stream), its two ends snapshotted and restored at 40 random instants,
 * emits exactly the segments, with exactly the ECN codepoints, of the uninterrupted run. The
 * CCB carries the echo latch, CWR, the once-per-window guard and DCTCP's estimator; a handoff
 * landing between a CE and its echo, or inside a reduction's window, would show as a
 * different segment. The same holds for fq-style pacing ({@code TcpConfig.pacing}).
 */
class EcnSnapshotPropertyTest {
    private static final String[] ALGORITHMS = {"dctcp", "cubic", "newreno"};

    static java.util.stream.IntStream seeds() {
        return java.util.stream.IntStream.range(0, 6);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aMarkedTransferEmitsIdenticalSegmentsAcrossHandoffs(int seed) {
        TcpConfig cfg = TcpConfig.builder().congestionControl(ALGORITHMS[seed % 3]).ecn(true)
                .features(seed % 2 == 0 ? TcpFeatures.linux() : TcpFeatures.rfc())
                .sendBufferBytes(1 << 20).receiveBufferBytes(1 << 20).sack(seed % 4 < 2).build();
        byte[] data = new byte[800_000 + 1000 * seed];
        new Random(seed).nextBytes(data);
        Random r = new Random(seed * 13L);
        long[] instants = new long[40];
        for (int i = 0; i < instants.length; i++) {
            instants[i] = 1 + (long) (r.nextDouble() * 400 * Units.PS_PER_MS);
        }
        Arrays.sort(instants);
        ChannelConfig link = ChannelConfig.perfect(Units.PS_PER_MS, 50_000_000L);
        TcpPair baseline = run(seed, link, cfg, data, instants, false);
        TcpPair swapped = run(seed, link, cfg, data, instants, true);
        assertArrayEquals(data, swapped.server.received.toByteArray(), "byte stream after handoffs");
        long ce = baseline.server.conn.stats(TransferPropertyTest.LIMIT_PS).ceReceived();
        long cuts = baseline.client.conn.stats(TransferPropertyTest.LIMIT_PS).ecnReductions();
        assertTrue(ce > 5 && cuts > 0, "marks reached the receiver (" + ce + ") and the sender cut (" + cuts + ")");
        assertTrue(baseline.log.stream().anyMatch(s -> s.ecn() == org.toesim.tcp.segment.EcnCodepoint.ECT_0));
        assertSameSegments(baseline, swapped);
        assertEquals(ce, swapped.server.conn.stats(TransferPropertyTest.LIMIT_PS).ceReceived());
    }

    /**
     * fq-style pacing of a CUBIC or NewReno sender (no rate of its own) across the same handoffs:
     * the release time travels in the CCB's timers, so no segment leaves earlier or later.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void pacedSendersEmitIdenticalSegmentsAcrossHandoffs(int seed) {
        TcpConfig cfg = TcpConfig.builder().congestionControl(seed % 2 == 0 ? "cubic" : "newreno").pacing(true)
                .ecn(seed % 3 == 0).features(TcpFeatures.linux()).sendBufferBytes(1 << 20)
                .receiveBufferBytes(1 << 20).build();
        byte[] data = new byte[600_000 + 1000 * seed];
        new Random(seed).nextBytes(data);
        Random r = new Random(seed * 7L);
        long[] instants = new long[40];
        for (int i = 0; i < instants.length; i++) {
            instants[i] = 1 + (long) (r.nextDouble() * 300 * Units.PS_PER_MS);
        }
        Arrays.sort(instants);
        ChannelConfig link = ChannelConfig.perfect(Units.PS_PER_MS, 50_000_000L);
        TcpPair baseline = run(seed, link, cfg, data, instants, false);
        TcpPair swapped = run(seed, link, cfg, data, instants, true);
        assertArrayEquals(data, swapped.server.received.toByteArray(), "byte stream after handoffs");
        assertSameSegments(baseline, swapped);
    }

    private static void assertSameSegments(TcpPair baseline, TcpPair swapped) {
        assertEquals(baseline.log.size(), swapped.log.size(), "segment count");
        for (int i = 0; i < baseline.log.size(); i++) {
            assertEquals(baseline.log.get(i), swapped.log.get(i), "segment " + i);
        }
    }

    private static TcpPair run(int seed, ChannelConfig link, TcpConfig cfg, byte[] data, long[] instants,
                               boolean viaSnapshot) {
        TcpPair p = new TcpPair(seed, link, cfg, cfg, data, 0xFFFFF000 + seed, -2000 - seed);
        p.markCe(0.02);
        for (int i = 0; i < instants.length; i++) {
            p.swapAt(i % 2 == 0 ? p.client : p.server, instants[i], viaSnapshot);
        }
        p.run(TransferPropertyTest.LIMIT_PS);
        return p;
    }
}
