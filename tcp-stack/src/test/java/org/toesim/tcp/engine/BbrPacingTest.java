package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Priority;
import org.toesim.core.units.Units;
import org.toesim.tcp.harness.ChannelConfig;

/**
 * BBR through the engine (issue 17): pacing releases data segments one at a time from the
 * engine's wake-up time instead of in ACK-clocked bursts, and BBR's model keeps the bottleneck
 * queue short where CUBIC fills it.
 */
class BbrPacingTest {
    private static TcpConfig config(String cc) {
        return TcpConfig.builder().congestionControl(cc).features(TcpFeatures.linux()).sendBufferBytes(1 << 20)
                .receiveBufferBytes(1 << 20).build();
    }

    private static byte[] data(int len) {
        byte[] d = new byte[len];
        new Random(len).nextBytes(d);
        return d;
    }

    /** Client data segments sent at the same instant as the previous one (a burst). */
    private static int sameInstantDataSegments(TcpPair p) {
        long last = -1;
        int same = 0;
        for (TcpPair.Sent s : p.log) {
            if (s.from().equals("client") && s.segment().payloadLenBytes() > 0) {
                same += s.timePs() == last ? 1 : 0;
                last = s.timePs();
            }
        }
        return same;
    }

    @Test
    void pacedDataLeavesOneSegmentPerWakeupWhereCubicBursts() {
        ChannelConfig link = ChannelConfig.perfect(Units.PS_PER_MS, 100_000_000L);
        byte[] d = data(2_000_000);
        TcpPair bbr = new TcpPair(1, link, config("bbr"), config("bbr"), d, 1, 2);
        bbr.run(TransferPropertyTest.LIMIT_PS);
        TcpPair cubic = new TcpPair(1, link, config("cubic"), config("cubic"), d, 1, 2);
        cubic.run(TransferPropertyTest.LIMIT_PS);
        assertArrayEquals(d, bbr.server.received.toByteArray(), "BBR delivers every byte");
        assertArrayEquals(d, cubic.server.received.toByteArray());
        int cubicBursts = sameInstantDataSegments(cubic);
        assertTrue(cubicBursts > 100, "CUBIC sends segments back to back on each ACK: " + cubicBursts);
        assertEquals(0, sameInstantDataSegments(bbr), "BBR paces every data segment");
    }

    @Test
    void bbrKeepsTheRttNearTheBaseRttWhereCubicFillsTheQueue() {
        // 20 Mbit/s, 1 ms each way, unlimited FIFO: base RTT 2 ms + 0.6 ms serialisation
        ChannelConfig link = ChannelConfig.perfect(Units.PS_PER_MS, 20_000_000L);
        byte[] d = data(3_000_000);
        long bbrRttPs = medianSrttPs(new TcpPair(3, link, config("bbr"), config("bbr"), d, 1, 2));
        long cubicRttPs = medianSrttPs(new TcpPair(3, link, config("cubic"), config("cubic"), d, 1, 2));
        long baseRttPs = 2 * Units.PS_PER_MS + 1500L * 8 * Units.PS_PER_S / 20_000_000L;
        assertTrue(bbrRttPs < 2 * baseRttPs, "BBR's SRTT stays near the base RTT: " + bbrRttPs / 1e9 + " ms");
        assertTrue(cubicRttPs > 10 * baseRttPs, "CUBIC's SRTT grows with the queue: " + cubicRttPs / 1e9 + " ms");
    }

    /** The client's SRTT every 10 ms from 300 ms until the transfer ends; the median. */
    private static long medianSrttPs(TcpPair p) {
        List<Long> samples = new ArrayList<>();
        long[] at = {300 * Units.PS_PER_MS};
        org.toesim.core.event.Event[] ev = new org.toesim.core.event.Event[1];
        ev[0] = p.sim.newEvent("sample", "test", Priority.TIMER, () -> {
            if (p.client.conn.state() == TcpState.ESTABLISHED) {
                samples.add(p.client.conn.srttPs());
                at[0] += 10 * Units.PS_PER_MS;
                p.sim.scheduleAt(ev[0], at[0]);
            }
        });
        p.sim.scheduleAt(ev[0], at[0]);
        p.run(TransferPropertyTest.LIMIT_PS);
        assertTrue(samples.size() > 20, "samples: " + samples.size());
        samples.sort(Long::compare);
        return samples.get(samples.size() / 2);
    }
}
