package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.MacAddress;

/** UpdateNeighbour: the card's frames to that next hop carry the host's address from then on. */
class ToeNeighbourTest {
    private static final long MS = Units.PS_PER_MS;

    @Test
    void framesFollowTheHostsEntryAndStopLearningFromReceivedFrames() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5000);
        c.peerSends(ToeBench.bytes(3000, 1));
        b.h.runFor(100 * MS);
        List<Frame> before = List.copyOf(b.wireOut);
        assertFalse(before.isEmpty(), "the card acknowledged");
        assertEquals(ToeBench.PEER_MAC, before.get(before.size() - 1).dstMac(), "learnt from the peer's frames");
        long moved = MacAddress.local(42);
        b.command(new ToeCommand.UpdateNeighbour(70, ToeBench.PEER_IP, moved));
        b.h.runFor(MS);
        assertTrue(b.completions().contains(new DeviceCompletion.CommandCompletion(70, CommandStatus.SUCCESS, 0)));
        c.peerSends(ToeBench.bytes(3000, 2)); // still from PEER_MAC
        b.h.runFor(100 * MS);
        List<Frame> after = b.wireOut.subList(before.size(), b.wireOut.size());
        assertFalse(after.isEmpty());
        for (Frame f : after) {
            assertEquals(moved, f.dstMac(), "every frame after the update goes to the host's address");
        }
        assertEquals(1, b.toe.neighbourUpdates());
    }
}
