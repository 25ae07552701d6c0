package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.harness.ChannelConfig;
import org.toesim.tcp.rtt.SendTimeSnapshot;

/**
 * The CCB parts of the Linux profile round-trip through {@code TcpConnection.restore} and
 * {@code snapshot}: the receive side ({@link ControlBlock.ReceiverState}) and the microsecond
 * send-time log ({@link ControlBlock.SendTimeRtt}). Every field gets a value of its own, so a
 * field the codec dropped would come back as its default and fail the comparison; ages must
 * survive a restore at a later instant unchanged.
 */
class CcbLinuxStateTest {
    private static final long SHIFT_PS = 7 * Units.PS_PER_MS + 3;
    private static final TcpConfig LINUX = TcpConfig.builder().features(TcpFeatures.linux())
            .sendBufferBytes(1 << 20).receiveBufferBytes(64 * 1024).maxReceiveBufferBytes(4 << 20).build();

    /** One value per field, none of them a default. */
    static final ControlBlock.ReceiverState RECEIVER = new ControlBlock.ReceiverState(true, 12_345, 23_456, 7, true,
            3_000_001, 8 * 4_000_003L, 0x5EED, 777_777, 5_000_009, 34_567, 45_678, 6_000_011);
    static final ControlBlock.SendTimeRtt SEND_TIMES = new ControlBlock.SendTimeRtt(1_234_567,
            new SendTimeSnapshot(1001, new long[] {2001, 9_000, 3001, SendTimeSnapshot.RETRANSMITTED, 4001,
                    SendTimeSnapshot.NOT_LOGGED, 5001, 4_000}));

    /** A bulk transfer 40 ms in over a lossy link, both engines running the Linux profile. */
    private static TcpPair midTransfer() {
        byte[] data = new byte[2_000_000];
        new Random(3).nextBytes(data);
        ChannelConfig link = new ChannelConfig(500 * Units.PS_PER_US, 100_000_000L, 0.01, 0.0, 300 * Units.PS_PER_US, 0.0);
        TcpPair p = new TcpPair(3, link, LINUX, LINUX, data, 0xFFFFF000, -2000);
        p.run(40 * Units.PS_PER_MS);
        return p;
    }

    private static ControlBlock roundTrip(ControlBlock ccb, long nowPs) {
        TcpConnection c = TcpConnection.restore(ccb, LINUX, nowPs + SHIFT_PS, TcpEvents.NONE, TraceSink.NONE, "r");
        return c.snapshot(nowPs + SHIFT_PS);
    }

    private static ControlBlock withoutStats(ControlBlock c) {
        return new ControlBlock(c.constant(), c.cached(), c.delegated().withStats(null));
    }

    private static ControlBlock withLinuxParts(ControlBlock c, ControlBlock.ReceiverState receiver,
                                               ControlBlock.SendTimeRtt sendTimes) {
        ControlBlock.Delegated d = c.delegated();
        return new ControlBlock(c.constant(), c.cached(), new ControlBlock.Delegated(d.state(), d.send(), d.receive(),
                d.timestamps(), d.congestion(), d.rtt(), d.timers(), d.scoreboard(), d.sackReported(), d.stats(),
                d.undo(), receiver, sendTimes, d.ecn(), d.rate()));
    }

    @Test
    void midTransferStateRoundTripsAtALaterInstant() {
        TcpPair p = midTransfer();
        long now = p.sim.now();
        ControlBlock client = p.client.conn.snapshot(now);
        ControlBlock server = p.server.conn.snapshot(now);
        assertTrue(client.delegated().sendTimeRtt().sendTimes().runCount() > 10, "the sender has data in flight");
        assertTrue(server.delegated().receiver().rcvRttX8Ps() > 0, "the receiver measured its RTT");
        assertTrue(server.cached().receiveBufferBytes() > 64 * 1024, "autotuning grew the buffer");
        assertEquals(withoutStats(client), withoutStats(roundTrip(client, now)));
        assertEquals(withoutStats(server), withoutStats(roundTrip(server, now)));
    }

    @Test
    void everyReceiverAndSendTimeFieldSurvivesRestore() {
        TcpPair p = midTransfer();
        long now = p.sim.now();
        ControlBlock ccb = withLinuxParts(p.client.conn.snapshot(now), RECEIVER, SEND_TIMES);
        ControlBlock back = roundTrip(ccb, now);
        assertEquals(RECEIVER, back.delegated().receiver());
        assertEquals(SEND_TIMES, back.delegated().sendTimeRtt());
        TcpConnection restored = TcpConnection.restore(ccb, LINUX, now, TcpEvents.NONE, TraceSink.NONE, "r");
        assertEquals(1_234_567, restored.minRttPs(), "the ca_rtt minimum, not the estimator's");
    }

    @Test
    void copyMethodsKeepTheLinuxParts() {
        ControlBlock.Delegated d = withLinuxParts(midTransfer().client.conn.snapshot(40 * Units.PS_PER_MS), RECEIVER,
                SEND_TIMES).delegated();
        assertEquals(d, d.withState(d.state()));
        assertEquals(d, d.withReceive(d.receive()));
        assertEquals(d, d.withStats(d.stats()));
    }

    @Test
    void partsOfBehavioursNotRunningAreAbsentAndRestoreFresh() {
        TcpConnection rfc = new TcpConnection(EngineTestBase.TUPLE, TcpConfig.defaults(), TcpEvents.NONE,
                TraceSink.NONE, "rfc");
        ControlBlock ccb = rfc.snapshot(0);
        assertNull(ccb.delegated().receiver());
        assertNull(ccb.delegated().sendTimeRtt());
        ControlBlock linux = TcpConnection.restore(ccb, LINUX, 0, TcpEvents.NONE, TraceSink.NONE, "l").snapshot(0);
        assertNotNull(linux.delegated().receiver());
        assertEquals(SendTimeSnapshot.EMPTY, linux.delegated().sendTimeRtt().sendTimes());
    }
}
