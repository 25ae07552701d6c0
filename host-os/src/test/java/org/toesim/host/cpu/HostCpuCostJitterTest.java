package org.toesim.host.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.CostJitter;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.CollectingTraceSink;
import org.junit.jupiter.api.Test;

/** Per-item CPU cost jitter: every item's cycles vary, the mean holds, nothing is negative. */
class HostCpuCostJitterTest {
    private static final long GHZ = 1_000_000_000L;

    /** The cycles each of {@code n} 1000-cycle items ran for, with the given jitter. */
    private static long[] run(CostJitter jitter, int n) {
        Simulator sim = new Simulator();
        CollectingTraceSink trace = new CollectingTraceSink();
        HostCpu cpu = new HostCpu(sim, new CpuSpec("h.cpu", 1, GHZ), trace);
        cpu.setCostJitter(jitter);
        for (int i = 0; i < n; i++) {
            cpu.charge(0, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 1_000);
        }
        cpu.charge(0, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 0);
        sim.run();
        List<Long> cycles = new ArrayList<>();
        long lastPs = -1;
        for (CollectingTraceSink.Entry e : trace.entries()) {
            if (e.record() instanceof CpuWorkDone d) {
                assertTrue(e.timePs() >= lastPs, "completions in time order");
                lastPs = e.timePs();
                assertEquals(cpu.cyclesToPs(d.cycles()), d.runPs(), "ran for its (jittered) cycles");
                cycles.add(d.cycles());
            }
        }
        assertEquals(0L, cycles.get(cycles.size() - 1), "a zero-cost item stays free");
        long[] out = new long[n];
        long sum = 0;
        for (int i = 0; i < n; i++) {
            out[i] = cycles.get(i);
            sum += out[i];
        }
        assertEquals(sum, cpu.totalCycles(), "charged = run");
        return out;
    }

    @Test
    void jitteredItemsVaryAroundTheirCostAndStayPositive() {
        long[] c = run(CostJitter.lognormal(new RandomStreams(1).get("h.cpu.jitter"), 0.03), 20_000);
        double sum = 0;
        long min = Long.MAX_VALUE;
        long max = 0;
        for (long x : c) {
            sum += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        assertEquals(1_000, sum / c.length, 2, "mean cost kept");
        assertTrue(min > 0 && min < 970 && max > 1_030, "items differ: " + min + ".." + max);
        assertTrue(min >= 913 && max <= 1_094, "truncated at 3 sigma: " + min + ".." + max);
    }

    @Test
    void offChargesExactlyTheCostAndSameSeedRepeats() {
        for (long x : run(CostJitter.OFF, 100)) {
            assertEquals(1_000, x);
        }
        long[] a = run(CostJitter.lognormal(new RandomStreams(7).get("h.cpu.jitter"), 0.03), 100);
        long[] b = run(CostJitter.lognormal(new RandomStreams(7).get("h.cpu.jitter"), 0.03), 100);
        long[] other = run(CostJitter.lognormal(new RandomStreams(8).get("h.cpu.jitter"), 0.03), 100);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(other));
    }
}
