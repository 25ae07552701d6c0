package org.toesim.host.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Event;
import org.toesim.core.event.Simulator;
import org.toesim.core.trace.CollectingTraceSink;
import org.toesim.core.units.Units;

/** Saturation, per-category accounting and the warm-up reset. */
class HostCpuAccountingTest {
    private static final long GHZ = 1_000_000_000L;

    /** Offers one 1000-cycle item to core 0 every {@code gapPs}, {@code count} times. */
    private static Event offer(Simulator sim, HostCpu cpu, long gapPs, int count) {
        int[] sent = {0};
        Event[] self = new Event[1];
        self[0] = sim.newEvent("offer", "test", () -> {
            cpu.charge(0, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 1_000);
            if (++sent[0] < count) {
                sim.scheduleIn(self[0], gapPs);
            }
        });
        sim.scheduleIn(self[0], 0);
        return self[0];
    }

    @Test
    void offeredWorkBeyondCapacityCapsCompletionsAndQueueingDelayGrows() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, new CpuSpec("cpu", 1, GHZ));
        offer(sim, cpu, 500 * Units.PS_PER_NS, 20_000); // 2 M items/s offered, capacity 1 M/s

        sim.runUntil(Units.PS_PER_MS);
        double earlyMeanDelayPs = cpu.queueDelayPs(WorkClass.SOFTIRQ).mean();
        long earlyCompletions = cpu.completions(WorkClass.SOFTIRQ);
        cpu.reset(sim.now());
        sim.runUntil(10 * Units.PS_PER_MS);

        // capacity = clock / cycles per item = 1e9 / 1000 = 1e6 items/s -> 1000 per ms
        assertEquals(1_000, earlyCompletions, 1);
        assertEquals(9_000, cpu.completions(WorkClass.SOFTIRQ), 1);
        assertEquals(1.0, cpu.utilisation(0), 1e-9);
        double lateMeanDelayPs = cpu.queueDelayPs(WorkClass.SOFTIRQ).mean();
        // item i waits i * 0.5 us: mean over the first ms ~0.25 ms, over ms 1..10 ~2.75 ms
        assertEquals(0.25 * Units.PS_PER_MS, earlyMeanDelayPs, 0.01 * Units.PS_PER_MS);
        assertEquals(2.75 * Units.PS_PER_MS, lateMeanDelayPs, 0.01 * Units.PS_PER_MS);
        assertTrue(cpu.queuedItems(0) > 9_000, "backlog keeps growing: " + cpu.queuedItems(0));
    }

    @Test
    void offeredWorkBelowCapacityIsServedWithoutQueueing() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, new CpuSpec("cpu", 1, GHZ));
        offer(sim, cpu, 2 * Units.PS_PER_US, 5_000); // 0.5 M items/s
        sim.runUntil(10 * Units.PS_PER_MS);
        assertEquals(5_000, cpu.completions(WorkClass.SOFTIRQ));
        assertEquals(0.0, cpu.queueDelayPs(WorkClass.SOFTIRQ).max(), 0.0);
        assertEquals(5_000 * Units.PS_PER_US, cpu.busyPs(0));
        // the run ends at its 10 ms limit: 0.5 M items/s of 1 us each keep the core half busy
        assertEquals(10 * Units.PS_PER_MS, sim.now());
        assertEquals(0.5, cpu.utilisation(0), 1e-9);
    }

    @Test
    void perCategoryAccountingSumsToTotalBusyTime() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, new CpuSpec("cpu", 3, 2_400_000_000L));
        SplittableRandom rnd = new SplittableRandom(7);
        long submittedCycles = 0;
        long[] submittedByCategory = new long[CostCategory.COUNT];
        for (int i = 0; i < 5_000; i++) {
            int core = rnd.nextInt(3);
            WorkClass wc = WorkClass.of(rnd.nextInt(WorkClass.COUNT));
            CostCategory cat = CostCategory.of(rnd.nextInt(CostCategory.COUNT));
            long cycles = rnd.nextLong(0, 20_000);
            long atPs = rnd.nextLong(0, 10 * Units.PS_PER_MS);
            submittedCycles += cycles;
            submittedByCategory[cat.ordinal()] += cycles;
            sim.schedule(atPs - sim.now(), "submit", "test", () -> cpu.charge(core, wc, cat, cycles));
        }
        sim.run();

        long byCategoryPs = 0;
        for (CostCategory cat : CostCategory.values()) {
            byCategoryPs += cpu.busyPs(cat);
            assertEquals(submittedByCategory[cat.ordinal()], cpu.cycles(cat), cat.toString());
        }
        long byCorePs = cpu.busyPs(0) + cpu.busyPs(1) + cpu.busyPs(2);
        assertEquals(byCorePs, byCategoryPs);
        assertEquals(submittedCycles, cpu.totalCycles());
        double weightedPs = 0;
        for (int c = 0; c < 3; c++) {
            weightedPs += cpu.utilisation(c) * sim.now();
        }
        assertEquals(byCorePs, weightedPs, 1e-9 * byCorePs);
        // each item is charged ceil(cycles / 2.4 GHz): at most 1 ps of rounding per item
        assertEquals(submittedCycles * 1_000 / 2.4, byCorePs, 5_000);
        CpuReport report = cpu.report();
        assertEquals(byCategoryPs, report.totalBusyPs());
        assertEquals(5_000, report.classes().stream().mapToLong(CpuReport.ClassReport::completions).sum());
    }

    @Test
    void resetAtWarmUpKeepsOnlyWhatFollowsAndChargesAStraddlingItemProRata() {
        Simulator sim = new Simulator();
        HostCpu cpu = new HostCpu(sim, new CpuSpec("cpu", 1, GHZ));
        cpu.charge(0, WorkClass.APPLICATION, CostCategory.APPLICATION, 10_000); // 0..10 us
        sim.runUntil(Units.PS_PER_US);
        cpu.charge(0, WorkClass.KERNEL, CostCategory.COPY, 1_000);              // waits, 10..11 us
        sim.runUntil(4 * Units.PS_PER_US);
        cpu.reset(sim.now());
        sim.schedule(16 * Units.PS_PER_US, "end", "test", () -> { });
        sim.run();

        assertEquals(6_000, cpu.cycles(CostCategory.APPLICATION));
        assertEquals(6 * Units.PS_PER_US, cpu.busyPs(CostCategory.APPLICATION));
        assertEquals(1_000, cpu.cycles(CostCategory.COPY));
        assertEquals(7.0 / 16, cpu.utilisation(0), 1e-9);
        assertEquals(1, cpu.queueDelayPs(WorkClass.KERNEL).count(), "started after the reset");
        assertEquals(0, cpu.queueDelayPs(WorkClass.APPLICATION).count(), "started before the reset");
        assertEquals(16 * Units.PS_PER_US, cpu.report().durationPs());
    }

    @Test
    void tracingRecordsEachCompletedItem() {
        Simulator sim = new Simulator();
        CollectingTraceSink sink = new CollectingTraceSink();
        HostCpu cpu = new HostCpu(sim, new CpuSpec("cpu", 1, GHZ), sink);
        cpu.charge(0, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 2_000);
        cpu.charge(0, WorkClass.SOFTIRQ, CostCategory.ACK, 1_000);
        sim.run();
        assertEquals(2, sink.entries().size());
        assertEquals(new CpuWorkDone(0, WorkClass.SOFTIRQ, CostCategory.ACK, 1_000, 2 * Units.PS_PER_US,
                Units.PS_PER_US), sink.entries().get(1).record());
    }
}
