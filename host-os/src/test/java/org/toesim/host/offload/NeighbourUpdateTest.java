package org.toesim.host.offload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.frame.MacAddress;
import org.toesim.nic.toe.ToeConfig;

/**
 * Neighbour invalidate, the whole system: A sends real bytes to B, whose connection runs on the
 * card. When B's neighbour table moves A to another MAC, the offload manager tells the card
 * (UpdateNeighbour) and the card's frames to A carry the new address from then on, whatever the
 * frames it receives from A say; the connection stays on the card and the transfer completes.
 */
class NeighbourUpdateTest {
    private static final int LEN = 2_000_000;

    @Test
    void theCardFollowsTheHostsNeighbourTable() {
        ToeSystem sys = new ToeSystem(1, OffloadConfig.of(new OffloadPolicy.Always()),
                ToeConfig.defaults().withPushTimerPs(Units.PS_PER_MS));
        byte[] data = new byte[LEN];
        new Random(3).nextBytes(data);
        OffloadEndToEndTest.Receiver rx = ConnectionInvariantsTest.send(sys, data);
        sys.sim.runUntil(sys.sim.now() + 300 * Units.PS_PER_US);
        assertEquals(HandoffState.OFFLOADED, sys.manager.state(rx.socket.tuple()), "on the card");
        assertTrue(rx.placed > 0 && rx.placed < LEN, "mid-transfer: " + rx.placed);
        assertEquals(MacAddress.local(1), sys.toe.neighbourMac(ToeSystem.IP_A), "learnt from A's frames");

        long moved = MacAddress.local(77);
        sys.neighboursB.put(ToeSystem.IP_A, moved);
        sys.sim.runUntil(sys.sim.now() + 2 * Units.PS_PER_MS);
        assertEquals(1, sys.manager.neighbourUpdates());
        assertEquals(1, sys.toe.neighbourUpdates());
        assertEquals(moved, sys.toe.neighbourMac(ToeSystem.IP_A),
                "the host's entry, though A's frames still come from its old address");
        assertEquals(HandoffState.OFFLOADED, sys.manager.state(rx.socket.tuple()), "no flush was needed");

        sys.neighboursB.put(ToeSystem.IP_A, moved); // the same entry again: no update
        sys.sim.runUntil(sys.sim.now() + 5 * Units.PS_PER_S);
        assertEquals(1, sys.toe.neighbourUpdates());
        assertEquals(LEN, rx.placed);
        assertArrayEquals(data, sys.memB.read(rx.dst.baseAddress(), LEN));
    }
}
