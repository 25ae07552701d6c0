package org.toesim.host.cpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.CostJitter;
import org.toesim.core.stats.Counter;
import org.toesim.core.stats.Resettable;
import org.toesim.core.stats.Tally;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Rates;
import org.toesim.core.units.Units;

/**
 * The host's CPU: {@link CpuSpec#cores()} cores, each running one work item at a time. A work
 * item is (cycles, {@link CostCategory}, {@link WorkHandler}, int argument) submitted to a core
 * in a {@link WorkClass}; it occupies the core for {@code cycles / clockHz} and its handler runs
 * when it completes. Because busy time is charged on the core, offered work beyond
 * {@code clockHz} cycles per second per core queues up: completions cap at
 * {@code clockHz / cyclesPerItem} and queueing delay grows.
 *
 * <pre>
 *  submit(core, class, category, cycles, handler, arg)
 *     |  core idle? -> schedule the core's event at now (dispatch; same-instant submissions
 *     v                 all get queued before the core chooses, so class order holds)
 *  [INTERRUPT][SOFTIRQ][KERNEL][APPLICATION]   per-core FIFO rings, primitive arrays
 *     |  core free: take the head of the highest non-empty class
 *     v
 *  run on core for ceil(cycles * 1e12 / clockHz) ps     (the core's one Event, rescheduled)
 *     |
 *     v  completion: charge busy ps + cycles to the category, then handler.onWorkDone(core, arg)
 *        (the handler may submit more work), then the core takes its next item
 * </pre>
 *
 * <p><b>Non-preemptive.</b> A running item is never interrupted: an interrupt-class item
 * submitted while an application item runs waits until that item completes, then runs before
 * any other waiting item. Callers keep items short (one packet's protocol work, one
 * {@code recv()} call's copy, an application chunk of a few microseconds) so this bound on
 * interrupt latency stays realistic. Within a class, items run in submission order.
 *
 * <p><b>Affinity.</b> The caller names the core (the NIC's RSS queue-to-core map, a pinned
 * application thread); {@link #leastLoadedCore()} helps callers that want the least backlog.
 *
 * <p><b>Accounting.</b> Busy time and cycles are charged per core and per category when an item
 * completes; {@link #reset(long)} (warm-up) discards everything before {@code nowPs}, and an
 * item that straddles the reset is charged only its part after it (cycles pro rata). Per-core
 * utilisation is time-weighted and includes the running item. Queueing delay (submission to
 * start) is a {@link Tally} per class that keeps no samples (mean, variance, min, max; no
 * percentiles), so memory stays constant over millions of items. The CPU is itself
 * {@link Resettable}: register it in the run's {@code StatsRegistry}. Submission allocates
 * nothing once the rings have grown to the working-set size (JMH {@code HostCpuBench}: ~0 B
 * and a few tens of ns per item).
 *
 * <p><b>Cost jitter.</b> With a {@link CostJitter} set ({@link #setCostJitter}), every submitted
 * item's cycles are multiplied by one draw of it before the item is queued (the scenario's
 * {@code variation.cpuCostJitter}, stream {@code "<cpu>.jitter"}); the queued, run, charged and
 * traced cycles are the jittered ones. {@link CostJitter#OFF} (the default) draws nothing.
 *
 * <p><b>Logging.</b> Only WARN, for a configuration that is probably a mistake: a clock outside
 * {@value #PLAUSIBLE_MIN_CLOCK_HZ} Hz to {@value #PLAUSIBLE_MAX_CLOCK_HZ} Hz (a unit typo such as
 * {@code "3MHz"} for {@code "3GHz"}). Nothing is logged per work item.
 */
public final class HostCpu implements Resettable {
    private static final Logger LOG = LoggerFactory.getLogger(HostCpu.class);
    /** Below this clock a host CPU is implausible (warned, still simulated). */
    static final long PLAUSIBLE_MIN_CLOCK_HZ = 100_000_000L;
    /** Above this clock a host CPU is implausible (warned, still simulated). */
    static final long PLAUSIBLE_MAX_CLOCK_HZ = 10_000_000_000L;
    private final Simulator sim;
    private final CpuSpec spec;
    private final TraceSink trace;
    private final Core[] cores;
    private final Counter[] categoryCycles = new Counter[CostCategory.COUNT];
    private final Counter[] categoryBusyPs = new Counter[CostCategory.COUNT];
    private final Counter[] classCompletions = new Counter[WorkClass.COUNT];
    private final Tally[] classQueueDelayPs = new Tally[WorkClass.COUNT];
    private long resetPs;
    private CostJitter costJitter = CostJitter.OFF;

    /** A CPU without tracing. */
    public HostCpu(Simulator sim, CpuSpec spec) {
        this(sim, spec, TraceSink.NONE);
    }

    /** A CPU that records a {@link CpuWorkDone} per completed item when {@code trace} is enabled. */
    public HostCpu(Simulator sim, CpuSpec spec, TraceSink trace) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.spec = Objects.requireNonNull(spec, "spec");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.resetPs = sim.now();
        if (spec.clockHz() < PLAUSIBLE_MIN_CLOCK_HZ || spec.clockHz() > PLAUSIBLE_MAX_CLOCK_HZ) {
            LOG.warn("{} {}: clock {} Hz is outside the plausible {} to {} Hz of a host CPU (a unit typo?); "
                    + "simulated as given", Units.logTime(sim.now()), spec.name(), spec.clockHz(),
                    PLAUSIBLE_MIN_CLOCK_HZ, PLAUSIBLE_MAX_CLOCK_HZ);
        }
        this.cores = new Core[spec.cores()];
        for (int i = 0; i < cores.length; i++) {
            Core c = new Core(i, spec.name() + ".core" + i, sim.now());
            c.event = sim.newEvent("cpu.work", spec.name() + ".core" + i, Priority.NORMAL, () -> onCoreEvent(c));
            cores[i] = c;
        }
        for (CostCategory cat : CostCategory.values()) {
            categoryCycles[cat.ordinal()] = new Counter(spec.name() + ".cycles." + cat);
            categoryBusyPs[cat.ordinal()] = new Counter(spec.name() + ".busyPs." + cat);
        }
        for (WorkClass wc : WorkClass.values()) {
            classCompletions[wc.ordinal()] = new Counter(spec.name() + ".completions." + wc);
            classQueueDelayPs[wc.ordinal()] = new Tally(spec.name() + ".queueDelayPs." + wc, false);
        }
    }

    /**
     * Queues a work item on {@code core}. The item costs {@code cycles} of core time in
     * {@code category}; when it completes, {@code handler.onWorkDone(core, arg)} runs.
     *
     * @throws IndexOutOfBoundsException if {@code core} is not a core of this CPU
     * @throws IllegalArgumentException  if {@code cycles} is negative
     */
    public void submit(int core, WorkClass workClass, CostCategory category, long cycles, WorkHandler handler,
                       int arg) {
        Core c = cores[Objects.checkIndex(core, cores.length)];
        if (cycles < 0) {
            throw new IllegalArgumentException("negative cycles " + cycles + " for " + category + " on " + spec.name());
        }
        if (costJitter.enabled()) {
            cycles = costJitter.apply(cycles);
        }
        c.queues[workClass.ordinal()].push(cycles, category, handler, arg, sim.now());
        c.queuedItems++;
        c.queueLength.update(sim.now(), c.queuedItems);
        if (!c.running && !c.inCompletion && !c.event.isPending()) {
            sim.scheduleAt(c.event, sim.now());
        }
    }

    /**
     * Multiplies the cycles of every item submitted from now on by a draw of {@code jitter}
     * (run-to-run variation of per-packet costs); {@link CostJitter#OFF} switches it off.
     */
    public void setCostJitter(CostJitter jitter) {
        this.costJitter = Objects.requireNonNull(jitter, "jitter");
    }

    /** Queues an item that only consumes {@code cycles} (no completion action). */
    public void charge(int core, WorkClass workClass, CostCategory category, long cycles) {
        submit(core, workClass, category, cycles, WorkHandler.NONE, 0);
    }

    private void onCoreEvent(Core c) {
        if (c.running) {
            finishRunning(c);
        }
        startNext(c);
    }

    private void finishRunning(Core c) {
        long now = sim.now();
        c.running = false;
        long durationPs = c.runEndPs - c.runStartPs;
        long chargedPs = now - Math.max(c.runStartPs, resetPs);
        long chargedCycles = c.runStartPs >= resetPs || durationPs == 0
                ? c.runCycles : (long) ((double) c.runCycles * chargedPs / durationPs);
        c.busyPs += chargedPs;
        c.completions++;
        c.cyclesByCategory[c.runCategory] += chargedCycles;
        categoryCycles[c.runCategory].add(chargedCycles);
        categoryBusyPs[c.runCategory].add(chargedPs);
        classCompletions[c.runClass].increment();
        if (trace.enabled()) {
            trace.record(now, spec.name(), new CpuWorkDone(c.index, WorkClass.of(c.runClass),
                    CostCategory.of(c.runCategory), c.runCycles, c.runWaitPs, durationPs));
        }
        WorkHandler h = c.runHandler;
        c.runHandler = null;
        c.inCompletion = true;
        try {
            h.onWorkDone(c.index, c.runArg);
        } finally {
            c.inCompletion = false;
        }
    }

    private void startNext(Core c) {
        long now = sim.now();
        int cls = c.highestReadyClass();
        if (cls < 0) {
            if (c.busy.current() != 0) {
                c.busy.update(now, 0);
            }
            return;
        }
        WorkQueue q = c.queues[cls];
        long waitPs = now - q.headEnqueuedAtPs();
        c.runCycles = q.headCycles();
        c.runCategory = q.headCategory();
        c.runHandler = q.headHandler();
        c.runArg = q.headArg();
        c.runClass = cls;
        q.pop();
        c.queuedItems--;
        c.queueLength.update(now, c.queuedItems);
        c.running = true;
        c.runStartPs = now;
        c.runEndPs = now + Rates.cyclesTimePs(c.runCycles, spec.clockHz());
        if (c.busy.current() == 0) {
            c.busy.update(now, 1);
        }
        c.runWaitPs = waitPs;
        classQueueDelayPs[cls].add(waitPs);
        sim.scheduleAt(c.event, c.runEndPs);
    }

    /**
     * The core with the least outstanding work (remaining time of its running item plus its
     * queued cycles); ties go to the lowest index, so the choice is deterministic.
     */
    public int leastLoadedCore() {
        int best = 0;
        long bestPs = Long.MAX_VALUE;
        for (int i = 0; i < cores.length; i++) {
            long b = backlogPs(i);
            if (b < bestPs) {
                bestPs = b;
                best = i;
            }
        }
        return best;
    }

    /** Time {@code core} needs to finish its running and queued items if nothing else arrives. */
    public long backlogPs(int core) {
        Core c = cores[Objects.checkIndex(core, cores.length)];
        long remaining = c.running ? c.runEndPs - sim.now() : 0;
        return remaining + Rates.cyclesTimePs(c.queuedCycles(), spec.clockHz());
    }

    /** True when {@code core} runs nothing and has nothing queued. */
    public boolean isIdle(int core) {
        Core c = cores[Objects.checkIndex(core, cores.length)];
        return !c.running && c.queuedItems == 0;
    }

    /** Items waiting (not running) on {@code core}. */
    public int queuedItems(int core) {
        return cores[Objects.checkIndex(core, cores.length)].queuedItems;
    }

    /** Duration of {@code cycles} on one core, rounded up to a whole picosecond. */
    public long cyclesToPs(long cycles) {
        return Rates.cyclesTimePs(cycles, spec.clockHz());
    }

    public CpuSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public int cores() {
        return cores.length;
    }

    public long clockHz() {
        return spec.clockHz();
    }

    /** Time-weighted busy fraction of {@code core} since the last reset (running item included). */
    public double utilisation(int core) {
        return cores[Objects.checkIndex(core, cores.length)].busy.mean(sim.now());
    }

    /** Mean busy fraction over all cores since the last reset. */
    public double utilisation() {
        double sum = 0;
        for (Core c : cores) {
            sum += c.busy.mean(sim.now());
        }
        return sum / cores.length;
    }

    /** Cycles of completed items in {@code category} since the last reset, all cores. */
    public long cycles(CostCategory category) {
        return categoryCycles[category.ordinal()].value();
    }

    /** Cycles of completed items in {@code category} on {@code core} since the last reset. */
    public long cycles(int core, CostCategory category) {
        return cores[Objects.checkIndex(core, cores.length)].cyclesByCategory[category.ordinal()];
    }

    /** Busy picoseconds of completed items in {@code category} since the last reset, all cores. */
    public long busyPs(CostCategory category) {
        return categoryBusyPs[category.ordinal()].value();
    }

    /**
     * Busy picoseconds of {@code core} since the last reset up to now, the running item counted
     * so far: a reading that can be taken at any instant and differenced (utilisation over a window).
     */
    public long busyPsNow(int core) {
        Core c = cores[Objects.checkIndex(core, cores.length)];
        return c.busyPs + (c.running ? sim.now() - Math.max(c.runStartPs, resetPs) : 0);
    }

    /** Busy picoseconds of completed items on {@code core} since the last reset. */
    public long busyPs(int core) {
        return cores[Objects.checkIndex(core, cores.length)].busyPs;
    }

    /** Cycles of completed items over all categories and cores since the last reset. */
    public long totalCycles() {
        long sum = 0;
        for (Counter c : categoryCycles) {
            sum += c.value();
        }
        return sum;
    }

    /** Items of {@code workClass} completed since the last reset. */
    public long completions(WorkClass workClass) {
        return classCompletions[workClass.ordinal()].value();
    }

    /** Queueing delay (submission to start, ps) of items of {@code workClass} started since the last reset. */
    public Tally queueDelayPs(WorkClass workClass) {
        return classQueueDelayPs[workClass.ordinal()];
    }

    /** Discards all statistics before {@code nowPs} (the warm-up boundary); queued work stays. */
    @Override
    public void reset(long nowPs) {
        resetPs = nowPs;
        for (Core c : cores) {
            c.busy.reset(nowPs);
            c.queueLength.reset(nowPs);
            c.busyPs = 0;
            c.completions = 0;
            Arrays.fill(c.cyclesByCategory, 0);
        }
        for (int i = 0; i < CostCategory.COUNT; i++) {
            categoryCycles[i].reset(nowPs);
            categoryBusyPs[i].reset(nowPs);
        }
        for (int i = 0; i < WorkClass.COUNT; i++) {
            classCompletions[i].reset(nowPs);
            classQueueDelayPs[i].reset(nowPs);
        }
    }

    /** The statistics since the last reset, as an immutable report. */
    public CpuReport report() {
        long now = sim.now();
        List<CpuReport.CoreReport> coreReports = new ArrayList<>(cores.length);
        for (Core c : cores) {
            coreReports.add(new CpuReport.CoreReport(c.index, c.busy.mean(now), c.busyPs, c.completions,
                    c.queueLength.mean(now)));
        }
        List<CpuReport.CategoryReport> cats = new ArrayList<>(CostCategory.COUNT);
        for (CostCategory cat : CostCategory.values()) {
            cats.add(new CpuReport.CategoryReport(cat, cycles(cat), busyPs(cat)));
        }
        List<CpuReport.ClassReport> classes = new ArrayList<>(WorkClass.COUNT);
        for (WorkClass wc : WorkClass.values()) {
            classes.add(new CpuReport.ClassReport(wc, completions(wc), queueDelayPs(wc).report()));
        }
        return new CpuReport(spec.name(), spec.clockHz(), now - resetPs, coreReports, cats, classes);
    }
}
