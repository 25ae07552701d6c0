package org.toesim.tcp.cc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RenoTest {
    private static final int SMSS = 1000;

    @Test
    void slowStartGrowsByAtMostOneSmssPerAck() {
        CongestionState s = new CongestionState(SMSS, 10 * SMSS);
        CongestionControl reno = CongestionControls.create("reno");
        for (int i = 0; i < 10; i++) {
            reno.onAck(s, SMSS, 0);
        }
        assertEquals(20_000, s.cwndBytes, "10 ACKs of 1 SMSS double a 10-segment window");
        reno.onAck(s, 2 * SMSS, 0);
        assertEquals(21_000, s.cwndBytes, "a delayed ACK of 2 SMSS adds 1 SMSS (RFC 3465 L = 1)");
        reno.onAck(s, 500, 0);
        assertEquals(21_500, s.cwndBytes, "min(N, SMSS)");
        reno.onAck(s, 0, 0);
        assertEquals(21_500, s.cwndBytes, "no new data, no growth");
    }

    @Test
    void congestionAvoidanceAddsSmssSquaredOverCwndAtLeastOneByte() {
        CongestionState s = new CongestionState(SMSS, 20_000);
        s.ssthreshBytes = 20_000;
        CongestionControl reno = new Reno();
        reno.onAck(s, SMSS, 0);
        assertEquals(20_050, s.cwndBytes, "1000*1000/20000 = 50");
        reno.onAck(s, 2 * SMSS, 0);
        assertEquals(20_099, s.cwndBytes, "per ACK: 1000000/20050 = 49");
        s.cwndBytes = 2_000_000;
        s.ssthreshBytes = 1_000_000;
        reno.onAck(s, SMSS, 0);
        assertEquals(2_000_001, s.cwndBytes, "1000000/2000000 = 0 rounds up to 1 byte");
    }

    @Test
    void fastRetransmitSsthreshIsHalfTheFlightButAtLeastTwoSegments() {
        CongestionState s = new CongestionState(SMSS, 30_000);
        s.flightSizeBytes = 30_000;
        assertEquals(15_000, new Reno().ssthreshOnLoss(s, 0));
        assertEquals(15_000, new NewReno().ssthreshOnLoss(s, 0));
        s.flightSizeBytes = 3_001;
        assertEquals(2_000, new Reno().ssthreshOnLoss(s, 0), "max(1500, 2*SMSS)");
    }

    @Test
    void rtoCollapsesToTheLossWindow() {
        CongestionState s = new CongestionState(SMSS, 40_000);
        s.flightSizeBytes = 30_000;
        new NewReno().onRetransmissionTimeout(s, 0);
        assertEquals(15_000, s.ssthreshBytes);
        assertEquals(SMSS, s.cwndBytes);
        assertTrue(s.inSlowStart());
    }

    @Test
    void recoveryFlavourByName() {
        assertFalse(CongestionControls.create("reno").usesNewRenoRecovery());
        assertTrue(CongestionControls.create("newreno").usesNewRenoRecovery());
        assertTrue(CongestionControls.create("cubic").usesNewRenoRecovery());
        assertEquals("newreno", CongestionControls.create("newreno").name());
    }

    @Test
    void unknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CongestionControls.create("vegas"));
        assertTrue(e.getMessage().contains("'vegas'"));
        assertTrue(e.getMessage().contains("reno, newreno, cubic"), e.getMessage());
    }

    @Test
    void snapshotRestoreKeepsTheVariant() {
        for (String name : CongestionControls.NAMES) {
            CongestionControl cc = CongestionControls.create(name);
            CcSnapshot snap = cc.snapshot();
            assertEquals(name, snap.algorithm());
            CongestionControl back = CongestionControls.restore(snap);
            assertEquals(name, back.name());
            assertEquals(snap, back.snapshot());
        }
        assertInstanceOf(NewReno.class, CongestionControls.restore(new RenoSnapshot(true)));
    }
}
