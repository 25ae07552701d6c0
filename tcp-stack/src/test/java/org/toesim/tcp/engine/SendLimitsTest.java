package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.tcp.harness.ChannelConfig;

/**
 * Where a bulk sender's time goes ({@link ConnectionStats.SendLimits}): a transfer into a small
 * receive buffer is receive-window limited, the same transfer into a large buffer over a slow
 * link is congestion-window limited, and neither share can exceed the busy time.
 */
class SendLimitsTest {
    private static final int BYTES = 2_000_000;

    private static ConnectionStats.SendLimits bulk(int receiveBufferBytes) {
        TcpConfig server = TcpConfig.builder().sack(true).timestamps(true).windowScale(true)
                .receiveBufferBytes(receiveBufferBytes).build();
        TcpConfig client = TcpConfig.builder().sack(true).timestamps(true).windowScale(true)
                .sendBufferBytes(4 << 20).build();
        // 10 ms each way, 100 Mbit/s: a BDP of 250 KB
        ChannelConfig link = new ChannelConfig(10 * Units.PS_PER_MS, 100_000_000L, 0.0, 0.0, 0, 0.0);
        TcpPair p = new TcpPair(1, link, client, server, new byte[BYTES], 1000, 5000);
        p.run(20 * Units.PS_PER_S);
        assertEquals(BYTES, p.server.received.size(), "every byte arrives");
        return p.client.conn.stats(p.sim.now()).sendLimits();
    }

    @Test
    void aSmallReceiveBufferMakesTheSenderReceiveWindowLimited() {
        ConnectionStats.SendLimits small = bulk(16 * 1024);
        assertTrue(small.busyPs() > 0);
        assertTrue(small.rwndLimitedPs() > 0.8 * small.busyPs(), "16 KiB of window over a 20 ms RTT: " + small);
        assertTrue(small.cwndLimitedPs() < 0.1 * small.busyPs(), small.toString());
    }

    @Test
    void aLargeReceiveBufferLeavesTheCongestionWindowAsTheLimit() {
        ConnectionStats.SendLimits large = bulk(8 << 20);
        assertTrue(large.cwndLimitedPs() > 0.5 * large.busyPs(), "slow start over a 20 ms RTT: " + large);
        assertTrue(large.rwndLimitedPs() < 0.1 * large.busyPs(), large.toString());
        assertTrue(large.cwndLimitedPs() + large.rwndLimitedPs() <= large.busyPs());
    }
}
