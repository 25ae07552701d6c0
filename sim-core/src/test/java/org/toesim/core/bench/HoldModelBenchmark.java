package org.toesim.core.bench;

import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.random.RandomGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.toesim.core.event.EventListKind;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.Draws;
import org.toesim.core.random.RandomStreams;

/**
 * The classic hold model: {@code pending} events in the list; each executed event reschedules
 * itself at now + Exponential(mean) (delays from a precomputed table of 2^16 variates, so the
 * figure is the event list's cost, not the random generator's). Throughput is events per second; the events are reused,
 * so {@code gc.alloc.rate.norm} should be ~0 B/op in steady state.
 *
 * <pre>
 *   ./mvnw -q -Djmh.module=sim-core -pl sim-core -am test-compile exec:exec -Djmh.args="HoldModel -prof gc"
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class HoldModelBenchmark {
    private static final int BATCH = 10_000;
    private static final long MEAN_DELAY_PS = 1_000_000;

    @Param({"1000", "100000", "1000000"})
    public int pending;

    /** The event-list structure under test. */
    @Param({"LADDER", "QUATERNARY_HEAP"})
    public EventListKind kind;

    /** Exponential delays, drawn once: the benchmark measures the event list, not the generator. */
    private static final int TABLE = 1 << 16;

    private Simulator sim;
    private long[] delaysPs;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        sim = new Simulator(kind, pending * 2);
        RandomGenerator rng = new RandomStreams(1).get("hold");
        delaysPs = new long[TABLE];
        for (int i = 0; i < TABLE; i++) {
            delaysPs[i] = Draws.exponentialPs(rng, MEAN_DELAY_PS);
        }
        // One shared action: the running event reschedules itself.
        Runnable hold = () -> sim.scheduleIn(sim.currentEvent(), nextDelayPs());
        for (int i = 0; i < pending; i++) {
            sim.scheduleIn(sim.newEvent("hold", "bench", hold), Draws.exponentialPs(rng, MEAN_DELAY_PS));
        }
        // Let the list reach its steady-state time distribution.
        for (int i = 0; i < pending * 2; i++) {
            sim.step();
        }
    }

    private long nextDelayPs() {
        long d = delaysPs[next];
        next = (next + 1) & (TABLE - 1);
        return d;
    }

    /** Executes {@value #BATCH} events; each reschedules itself. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long hold() {
        for (int i = 0; i < BATCH; i++) {
            sim.step();
        }
        return sim.now();
    }
}
