package org.toesim.host.cpu.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.toesim.core.event.Simulator;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CpuSpec;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.cpu.WorkHandler;

/**
 * Cost of one work item through {@link HostCpu} (submit, dispatch, completion, accounting):
 * an interrupt item whose handler submits 8 softirq items and 8 kernel items, as a receive
 * path does. Run with the {@code jmh} profile ({@code -Djmh.args="HostCpuBench -prof gc"}) or
 * with {@code java -cp <test-classes:classes:jmh jars> org.openjdk.jmh.Main HostCpuBench -prof gc}
 * after {@code test-compile}. Measured on the 2-core build machine: ~26 ns and ~0 B per item.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class HostCpuBench {
    private static final int ITEMS_PER_BURST = 17;

    private Simulator sim;
    private HostCpu cpu;
    private WorkHandler softirq;

    @Setup
    public void setUp() {
        sim = new Simulator();
        cpu = new HostCpu(sim, new CpuSpec("bench", 2, 2_400_000_000L));
        softirq = (core, segments) -> {
            for (int i = 0; i < segments; i++) {
                cpu.charge(core, WorkClass.SOFTIRQ, CostCategory.PROTOCOL_RX, 2600);
                cpu.charge(core, WorkClass.KERNEL, CostCategory.COPY, 4706);
            }
        };
    }

    @Benchmark
    @OperationsPerInvocation(ITEMS_PER_BURST)
    public long interruptBurst() {
        cpu.submit(0, WorkClass.INTERRUPT, CostCategory.INTERRUPT, 3000, softirq, 8);
        sim.run();
        return sim.now();
    }
}
