package org.toesim.tcp.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toesim.core.trace.TraceSink;
import org.toesim.tcp.cc.CongestionControls;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.rtt.RttEstimator;
import org.toesim.tcp.segment.TcpFlags;

/**
 * State fixtures built directly from a {@link ControlBlock} (smoltcp's socket_established()
 * idea), and the sanity check that the fixture equals the state reached by real packets.
 */
class FixtureTest extends EngineTestBase {

    /** ESTABLISHED after an active open at t=0 whose SYN-ACK arrived at 10 ms, built directly. */
    static ControlBlock establishedCcb(TcpConfig cfg) {
        ControlBlock.Constant k = new ControlBlock.Constant(TUPLE, LOCAL_ISS, REMOTE_ISS, true, MSS, MSS, MSS, false,
                0, 0, false, false);
        ControlBlock.Cached cached = new ControlBlock.Cached(cfg.ttl(), cfg.tos(), cfg.nagle(), cfg.delayedAck(),
                cfg.delayedAckTimeoutPs(), cfg.keepAlive(), cfg.keepAliveIdlePs(), cfg.keepAliveIntervalPs(),
                cfg.keepAliveProbes(), cfg.receiveBufferBytes(), cfg.sendBufferBytes());
        RttEstimator rtt = new RttEstimator(TcpConnection.rttConfig(cfg));
        rtt.onRttSample(10 * MS, false, false);
        ControlBlock.Delegated d = new ControlBlock.Delegated(TcpState.ESTABLISHED,
                new ControlBlock.SendState(1, 1, 1, 8192, REMOTE_ISS, LOCAL_ISS + 1, 8192, false, List.of(), 0),
                new ControlBlock.ReceiveState(1, 1 + WINDOW, -1, false, List.of(), List.of()),
                new ControlBlock.TimestampState(0, REMOTE_ISS + 1, LOCAL_ISS * 31 + 7),
                new ControlBlock.CongestionPart(cfg.initialCwndFor(MSS), Long.MAX_VALUE,
                        CongestionControls.create(cfg.congestionControl()).snapshot(), 0, false, 1),
                rtt.snapshot(),
                new ControlBlock.TimerState(TimerKind.IDLE, 0, 0, -1, 0, false, -1, 0, 0),
                null, List.of(), new ConnectionStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                Map.of()), null, null, null, null, null);
        return new ControlBlock(k, cached, d);
    }

    static ControlBlock withoutStats(ControlBlock c) {
        return new ControlBlock(c.constant(), c.cached(), c.delegated().withStats(null));
    }

    @Test
    void establishedFixtureEqualsStateReachedByPackets() {
        TcpConfig cfg = plainConfig();
        TcpConnection real = establishedByPackets(cfg);
        assertEquals(withoutStats(establishedCcb(cfg)), withoutStats(real.snapshot(10 * MS)));
    }

    @Test
    void fixtureBehavesLikeTheRealConnection() {
        TcpConfig cfg = plainConfig();
        TcpConnection real = establishedByPackets(cfg);
        TcpConnection fixture = TcpConnection.restore(establishedCcb(cfg), cfg, 10 * MS, recorder, TraceSink.NONE,
                "fixture");
        for (TcpConnection c : List.of(real, fixture)) {
            c.send(3000, S);
            c.close(S);
        }
        assertEquals(poll(real, S), poll(fixture, S));
        assertEquals(recv(real, flags(ack(RECV, LOCAL_ISS + 3002), TcpFlags.ACK), 2 * S),
                recv(fixture, flags(ack(RECV, LOCAL_ISS + 3002), TcpFlags.ACK), 2 * S));
        assertEquals(TcpState.FIN_WAIT_2, fixture.state());
        assertEquals(real.snapshot(3 * S).delegated().send(), fixture.snapshot(3 * S).delegated().send());
    }
}
