package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.tcp.harness.ChannelConfig;

/**
 * {@code pacing} for algorithms without a rate of their own (Linux's fq qdisc over
 * {@code tcp_update_pacing_rate}): CUBIC's data segments leave one at a time, spaced by
 * (L + 40 B) / rate with rate = 120 % of cwnd / SRTT in congestion avoidance (200 % in slow
 * start), where unpaced CUBIC sends ACK-clocked bursts; the release time travels in the CCB.
 */
class FqPacingTest {
    private static TcpConfig config(boolean pacing) {
        return TcpConfig.builder().congestionControl("cubic").features(TcpFeatures.linux()).pacing(pacing)
                .sendBufferBytes(1 << 20).receiveBufferBytes(1 << 20).build();
    }

    private static byte[] data(int len) {
        byte[] d = new byte[len];
        new Random(len).nextBytes(d);
        return d;
    }

    /** Client data segments sent at the instant of the previous one, after the first RTT sample. */
    private static int bursts(TcpPair p) {
        long last = -1;
        int same = 0;
        for (TcpPair.Sent s : p.log) {
            if (s.from().equals("client") && s.segment().payloadLenBytes() > 0 && s.timePs() > 10 * Units.PS_PER_MS) {
                same += s.timePs() == last ? 1 : 0;
                last = s.timePs();
            }
        }
        return same;
    }

    @Test
    void pacedCubicSendsOneSegmentAtATimeWhereUnpacedCubicBursts() {
        ChannelConfig link = ChannelConfig.perfect(Units.PS_PER_MS, 100_000_000L);
        byte[] d = data(2_000_000);
        TcpPair paced = new TcpPair(1, link, config(true), config(true), d, 1, 2);
        paced.run(TransferPropertyTest.LIMIT_PS);
        TcpPair unpaced = new TcpPair(1, link, config(false), config(false), d, 1, 2);
        unpaced.run(TransferPropertyTest.LIMIT_PS);
        assertArrayEquals(d, paced.server.received.toByteArray(), "every byte");
        assertTrue(bursts(unpaced) > 100, "unpaced CUBIC bursts: " + bursts(unpaced));
        assertEquals(0, bursts(paced), "paced CUBIC: one data segment per release time");
    }

    @Test
    void theRateIsLinuxsRatioOfCwndOverSrtt() {
        TcpPair p = new TcpPair(2, ChannelConfig.perfect(Units.PS_PER_MS, 100_000_000L), config(true), config(true),
                data(1_000_000), 1, 2);
        p.run(60 * Units.PS_PER_MS);
        TcpConnection c = p.client.conn;
        Pacer pacer = new Pacer(c.tcbForTest());
        long srttUs = c.srttPs() / Units.PS_PER_US;
        long cwnd = c.cwndBytes();
        int ratio = cwnd < c.ssthreshBytes() / 2 ? 200 : 120;
        long flight = c.tcbForTest().flightBytes();
        assertEquals(Math.max(cwnd, flight) * ratio / 100 * 1_000_000L / srttUs, pacer.linuxRateBytesPerSec());
        assertTrue(pacer.linuxRateBytesPerSec() > 0);
    }
}
