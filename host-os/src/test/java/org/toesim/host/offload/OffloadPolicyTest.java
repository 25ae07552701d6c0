package org.toesim.host.offload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.FourTuple;

class OffloadPolicyTest {
    private static final FourTuple T = new FourTuple(0x0a000001, 5001, 0x0a000002, 40000);
    private static final long MS = Units.PS_PER_MS;

    private static ConnectionFacts facts(long bytes, long lifetimePs, long srttPs) {
        return new ConnectionFacts(T, TcpState.ESTABLISHED, bytes, 1_000, 1_000 + lifetimePs, srttPs);
    }

    @Test
    void neverAndAlways() {
        assertFalse(new OffloadPolicy.Never().decide(facts(1L << 40, 1000 * MS, MS)).offload());
        assertTrue(new OffloadPolicy.Always().decide(facts(0, 0, 0)).offload());
    }

    @Test
    void afterBytesSwitchesExactlyAtTheThreshold() {
        OffloadPolicy p = new OffloadPolicy.AfterBytes(4096);
        assertFalse(p.decide(facts(4095, 0, 0)).offload());
        PolicyDecision d = p.decide(facts(4096, 0, 0));
        assertTrue(d.offload());
        assertTrue(d.reason().contains("4096 >= 4096"), d.reason());
    }

    @Test
    void afterTimeSwitchesExactlyAtTheThreshold() {
        OffloadPolicy p = new OffloadPolicy.AfterTime(5 * MS);
        assertFalse(p.decide(facts(0, 5 * MS - 1, 0)).offload());
        assertTrue(p.decide(facts(0, 5 * MS, 0)).offload());
    }

    @Test
    void portsMatchLocalOrRemote() {
        OffloadPolicy p = OffloadPolicy.Ports.of(List.of(80, 5001));
        assertTrue(p.decide(facts(0, 0, 0)).offload()); // local 5001
        FourTuple other = new FourTuple(1, 33000, 2, 80);
        assertTrue(p.decide(new ConnectionFacts(other, TcpState.ESTABLISHED, 0, 0, 0, 0)).offload());
        FourTuple none = new FourTuple(1, 33000, 2, 443);
        PolicyDecision d = p.decide(new ConnectionFacts(none, TcpState.ESTABLISHED, 0, 0, 0, 0));
        assertFalse(d.offload());
        assertThrows(IllegalArgumentException.class, () -> OffloadPolicy.Ports.of(List.of(0)));
    }

    @Test
    void autoNeedsBulkAndLowRttAndLifetime() {
        OffloadPolicy.Auto p = OffloadPolicy.Auto.defaults();
        long bulk = OffloadPolicy.Auto.DEFAULT_MIN_BYTES;
        assertTrue(p.decide(facts(bulk, 2 * MS, 50 * Units.PS_PER_US)).offload());
        PolicyDecision small = p.decide(facts(bulk - 1, 2 * MS, 50 * Units.PS_PER_US));
        assertFalse(small.offload());
        assertTrue(small.reason().startsWith("not bulk"), small.reason());
        PolicyDecision noRtt = p.decide(facts(bulk, 2 * MS, 0));
        assertEquals("no RTT sample yet", noRtt.reason());
        PolicyDecision far = p.decide(facts(bulk, 2 * MS, 21 * MS));
        assertFalse(far.offload());
        assertTrue(far.reason().startsWith("srtt"), far.reason());
        PolicyDecision young = p.decide(facts(bulk, MS - 1, 50 * Units.PS_PER_US));
        assertFalse(young.offload());
        assertTrue(young.reason().startsWith("lifetime"), young.reason());
    }

    @Test
    void handoffStateTransitionsFollowTheSequence() {
        assertTrue(HandoffState.ON_HOST.canMoveTo(HandoffState.QUIESCING));
        assertFalse(HandoffState.ON_HOST.canMoveTo(HandoffState.OFFLOADED));
        assertTrue(HandoffState.OFFLOADING.canMoveTo(HandoffState.ON_HOST));
        assertFalse(HandoffState.OFFLOADED.canMoveTo(HandoffState.ON_HOST));
        assertTrue(HandoffState.FLUSHING.canMoveTo(HandoffState.ON_HOST_AGAIN));
        assertTrue(HandoffState.ON_HOST_AGAIN.canMoveTo(HandoffState.QUIESCING));
    }
}
