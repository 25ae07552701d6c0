package org.toesim.host.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.WorkClass;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingId;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.TestFrames;

class DriverReceiveTest {

    @Test
    void frameIsDeliveredAfterInterruptAndDescriptorCostOnTheQueueCore() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        long interruptCyclesBefore = b.cpu.cycles(1, CostCategory.INTERRUPT);
        Frame f = TestFrames.fullSize(7);
        b.nic.deliver(f, true);
        b.sim.run();

        assertEquals(1, b.delivered.size());
        DriverBench.Delivered d = b.delivered.get(0);
        assertSame(f, d.frame());
        assertEquals(1, d.core());
        assertEquals(new RxInfo(0, f.lenBytes(), true, 1), d.info());
        List<Long> msix = b.arrivalsOf(DeviceToHost.MsixInterrupt.class);
        long irqAt = msix.get(msix.size() - 1);
        // 3000 interrupt cycles + 600 descriptor cycles at 2.4 GHz: 1250 ns + 250 ns
        assertEquals(irqAt + 1_250_000 + 250_000, d.atPs());
        assertEquals(b.costs.interruptCycles(), b.cpu.cycles(1, CostCategory.INTERRUPT) - interruptCyclesBefore);
        assertEquals(0, b.cpu.cycles(0, CostCategory.INTERRUPT), "nothing runs on the other core");
        // the frame's DMA write arrived before the interrupt (posted ordering)
        List<Long> writes = b.arrivalsOf(DeviceToHost.DmaWrite.class);
        assertTrue(writes.get(writes.size() - 1) < irqAt);
    }

    @Test
    void checksumFlagPassesThroughAndBufferIsReposted() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        b.nic.deliver(TestFrames.ack(3, TestFrames.MAC_B, TestFrames.MAC_A, TestFrames.IP_B, TestFrames.IP_A), false);
        b.sim.run();
        assertFalse(b.delivered.get(0).info().checksumVerified());
        // the one completed buffer went back at the end of the run: tail 200 -> 201
        assertEquals(List.of(200L, 201L), b.nic.valuesWritten(Registers.ring(RingId.RECEIVE, Registers.RING_TAIL)));
        assertEquals(200, b.nic.rxBuffers.size());
    }

    @Test
    void budgetOf64SplitsAHundredCompletionsIntoTwoPollRuns() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        DriverStats before = b.driver.stats();
        long irqBefore = b.cpu.cycles(1, CostCategory.INTERRUPT);
        for (int i = 0; i < 100; i++) {
            b.nic.deliver(TestFrames.fullSize(i), true);
        }
        b.sim.run();
        DriverStats after = b.driver.stats();
        assertEquals(100, b.delivered.size());
        for (int i = 0; i < 100; i++) {
            assertEquals(i, b.delivered.get(i).frame().frameId(), "in ring order");
        }
        // 64 + 36, then the interrupt held pending while masked fires at unmask: one empty run
        assertEquals(3, after.pollRuns() - before.pollRuns());
        assertEquals(1, after.budgetExhaustedRuns() - before.budgetExhaustedRuns());
        // HEAD released after each run: 1 (attach), 65, 101
        assertEquals(List.of(1L, 65L, 101L), b.nic.valuesWritten(Registers.ring(RingId.COMPLETION,
                Registers.RING_HEAD)));
        assertEquals(100 * b.costs.descriptorCycles(), b.cpu.cycles(1, CostCategory.DRIVER));
        // one MSI-X per completion (no moderation): the first is taken, the rest held by the mask
        assertEquals(2, after.interrupts() - before.interrupts());
        assertEquals(0, after.interruptsWhilePolling() - before.interruptsWhilePolling());
        assertEquals(2 * b.costs.interruptCycles(), b.cpu.cycles(1, CostCategory.INTERRUPT) - irqBefore);
    }

    @Test
    void rxBuffersAreRepostedInBatchesWithOneDoorbellEach() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        for (int i = 0; i < 40; i++) {
            b.nic.deliver(TestFrames.fullSize(i), true);
        }
        b.sim.run();
        // attach posted 200; batches of 16 during the run, the remaining 8 at its end
        assertEquals(List.of(200L, 216L, 232L, 240L), b.nic.valuesWritten(Registers.ring(RingId.RECEIVE,
                Registers.RING_TAIL)));
        assertEquals(200, b.nic.rxBuffers.size(), "all buffers back on the card");
        assertEquals(40, b.driver.stats().rxFrames());
    }

    @Test
    void protocolWorkSubmittedOnDeliveryRunsBetweenDescriptors() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        java.util.List<String> order = new java.util.ArrayList<>();
        b.driver.setFrameReceiver((f, core, info) -> {
            order.add("rx" + f.frameId());
            b.cpu.submit(core, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 2600,
                    (c, arg) -> order.add("tcp" + arg), (int) f.frameId());
        });
        for (int i = 0; i < 3; i++) {
            b.nic.deliver(TestFrames.fullSize(i), true);
        }
        b.sim.run();
        assertEquals(List.of("rx0", "tcp0", "rx1", "tcp1", "rx2", "tcp2"), order);
    }
}
