package org.toesim.host.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.host.cpu.CostCategory;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingId;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.TestFrames;

class DriverTransmitTest {

    private static final long SEND_TAIL = Registers.ring(RingId.SEND, Registers.RING_TAIL);

    @Test
    void sendsInOneInstantShareOneDoorbellRungAfterTheirDescriptorCost() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        long t0 = b.sim.now();
        List<Frame> frames = List.of(TestFrames.fullSize(1), TestFrames.fullSize(2), TestFrames.fullSize(3));
        for (Frame f : frames) {
            assertTrue(b.driver.send(f, 0));
        }
        b.sim.run();
        List<ScriptedNic.Written> tails = new ArrayList<>();
        for (ScriptedNic.Written w : b.nic.writes) {
            if (w.offset() == SEND_TAIL) {
                tails.add(w);
            }
        }
        assertEquals(1, tails.size(), "one doorbell for the batch");
        assertEquals(3, tails.get(0).value());
        assertEquals(t0 + 3 * 250_000, tails.get(0).sentPs(), "after 3 x 600 cycles on core 0");
        assertEquals(3, b.nic.sentFrames.size());
        for (int i = 0; i < 3; i++) {
            assertSame(frames.get(i), b.nic.sentFrames.get(i), "the NIC read the frame the driver wrote");
        }
        DriverStats s = b.driver.stats();
        assertEquals(3, s.txFrames());
        assertEquals(3, s.txReclaimed(), "completions reclaimed every buffer");
        assertEquals(3, s.txWireFrames());
        assertEquals(0, b.driver.ring(RingId.SEND).tail() - b.driver.ring(RingId.SEND).head(), "ring empty");
        assertEquals(3 * b.costs.descriptorCycles(), b.cpu.cycles(0, CostCategory.DRIVER));
        assertEquals(3 * b.costs.descriptorCycles(), b.cpu.cycles(1, CostCategory.DRIVER), "reclaim on queue core");
    }

    @Test
    void fullQueueRefusesAndWakesOnceEnoughSlotsAreReclaimed() {
        DriverBench b = new DriverBench(DriverBench.config().withSendRing(8, 4)).attach();
        List<Integer> wakes = new ArrayList<>();
        b.driver.setTxQueueListener(wakes::add);
        for (int i = 0; i < 7; i++) {
            assertTrue(b.driver.send(TestFrames.fullSize(i), 0), "frame " + i);
        }
        assertTrue(b.driver.txQueueStopped(), "stopped when the last slot is used");
        assertFalse(b.driver.send(TestFrames.fullSize(99), 0));
        assertEquals(1, b.driver.stats().txQueueFullRefusals());
        b.sim.run();
        assertFalse(b.driver.txQueueStopped());
        assertEquals(List.of(7), wakes);
        assertTrue(b.driver.send(TestFrames.fullSize(8), 0));
        b.sim.run();
        assertEquals(8, b.nic.sentFrames.size());
        assertEquals(8, b.driver.stats().txReclaimed());
    }
}
