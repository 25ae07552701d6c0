package org.toesim.host.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;

/** Class priority, FIFO order, completion timing and core choice. */
class HostCpuSchedulingTest {
    private static final long GHZ = 1_000_000_000L;

    private final Simulator sim = new Simulator();
    private final HostCpu cpu = new HostCpu(sim, new CpuSpec("cpu", 2, GHZ));
    private final List<String> done = new ArrayList<>();
    private final List<Long> doneAtPs = new ArrayList<>();

    private WorkHandler record(String label) {
        return (core, arg) -> {
            done.add(label + "@" + core + ":" + arg);
            doneAtPs.add(sim.now());
        };
    }

    @Test
    void itemRunsForItsCyclesAndItsActionSeesCoreAndArgument() {
        cpu.submit(1, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 2500, record("rx"), 42);
        sim.run();
        assertEquals(List.of("rx@1:42"), done);
        assertEquals(2500 * Units.PS_PER_NS, doneAtPs.get(0), "2500 cycles at 1 GHz = 2.5 us");
    }

    @Test
    void interruptQueuedAfterApplicationWorkRunsFirstWhenTheCoreFrees() {
        cpu.submit(0, WorkClass.APPLICATION, CostCategory.APPLICATION, 10_000, record("app1"), 0);
        sim.runUntil(1_000 * Units.PS_PER_NS);
        cpu.submit(0, WorkClass.APPLICATION, CostCategory.APPLICATION, 1_000, record("app2"), 0);
        cpu.submit(0, WorkClass.KERNEL, CostCategory.SYSCALL, 1_000, record("sys"), 0);
        cpu.submit(0, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 1_000, record("softirq"), 0);
        cpu.submit(0, WorkClass.INTERRUPT, CostCategory.INTERRUPT, 1_000, record("irq"), 0);
        sim.run();
        // app1 is not preempted; then strictly by class.
        assertEquals(List.of("app1@0:0", "irq@0:0", "softirq@0:0", "sys@0:0", "app2@0:0"), done);
        assertEquals(10 * Units.PS_PER_US, doneAtPs.get(0));
        assertEquals(11 * Units.PS_PER_US, doneAtPs.get(1));
        assertEquals(9 * Units.PS_PER_US, cpu.queueDelayPs(WorkClass.INTERRUPT).max(), 0.0);
    }

    @Test
    void sameInstantSubmissionsToAnIdleCoreAreChosenByClass() {
        cpu.submit(0, WorkClass.APPLICATION, CostCategory.APPLICATION, 100, record("app"), 0);
        cpu.submit(0, WorkClass.INTERRUPT, CostCategory.INTERRUPT, 100, record("irq"), 0);
        sim.run();
        assertEquals(List.of("irq@0:0", "app@0:0"), done);
    }

    @Test
    void itemsOfOneClassRunInSubmissionOrder() {
        for (int i = 0; i < 100; i++) {
            cpu.submit(0, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 10 + (i % 7), record("s"), i);
        }
        sim.run();
        for (int i = 0; i < 100; i++) {
            assertEquals("s@0:" + i, done.get(i));
        }
    }

    @Test
    void workSubmittedByACompletionCompetesWithWaitingWork() {
        // The interrupt handler schedules softirq work on its core; the waiting application
        // item must wait for it.
        cpu.submit(0, WorkClass.INTERRUPT, CostCategory.INTERRUPT, 500, (core, arg) -> {
            done.add("irq");
            cpu.submit(core, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 500, record("rx"), 7);
        }, 0);
        cpu.submit(0, WorkClass.APPLICATION, CostCategory.APPLICATION, 500, record("app"), 0);
        sim.run();
        assertEquals(List.of("irq", "rx@0:7", "app@0:0"), done);
        assertEquals(1_500 * Units.PS_PER_NS, sim.now());
        assertEquals(4, sim.eventsRun(), "one dispatch, then one completion event per item");
    }

    @Test
    void coresRunInParallel() {
        cpu.submit(0, WorkClass.KERNEL, CostCategory.COPY, 1_000, record("a"), 0);
        cpu.submit(1, WorkClass.KERNEL, CostCategory.COPY, 1_000, record("b"), 0);
        sim.run();
        assertEquals(Units.PS_PER_US, sim.now());
        assertEquals(2, done.size());
    }

    @Test
    void leastLoadedCoreHasTheSmallestBacklogAndTiesGoToTheLowestIndex() {
        HostCpu four = new HostCpu(sim, new CpuSpec("four", 4, GHZ));
        assertEquals(0, four.leastLoadedCore());
        four.charge(0, WorkClass.APPLICATION, CostCategory.APPLICATION, 5_000);
        four.charge(1, WorkClass.APPLICATION, CostCategory.APPLICATION, 2_000);
        four.charge(2, WorkClass.APPLICATION, CostCategory.APPLICATION, 3_000);
        four.charge(3, WorkClass.APPLICATION, CostCategory.APPLICATION, 2_000);
        four.charge(3, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 1);
        assertEquals(1, four.leastLoadedCore());
        sim.runUntil(1_500 * Units.PS_PER_NS);
        assertEquals(500 * Units.PS_PER_NS, four.backlogPs(1));
        assertEquals(1, four.leastLoadedCore());
        sim.run();
        assertTrue(four.isIdle(0) && four.isIdle(3));
        assertEquals(0, four.leastLoadedCore());
    }

    @Test
    void badSubmissionsAreRejected() {
        assertThrows(IndexOutOfBoundsException.class,
                () -> cpu.charge(2, WorkClass.KERNEL, CostCategory.COPY, 1));
        assertThrows(IllegalArgumentException.class,
                () -> cpu.charge(0, WorkClass.KERNEL, CostCategory.COPY, -1));
        assertThrows(IllegalArgumentException.class, () -> new CpuSpec("x", 0, GHZ));
    }
}
