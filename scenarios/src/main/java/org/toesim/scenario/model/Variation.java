package org.toesim.scenario.model;

import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.CostJitter;
import org.toesim.core.random.DelayJitter;
import org.toesim.core.random.RandomStreams;
import org.toesim.scenario.spec.VariationSpec;

/**
 * The jitter sources of a run ({@link VariationSpec}), each on its own named stream of the
 * run's {@link RandomStreams}:
 * <pre>
 *   host h:      cpu.setCostJitter(lognormal("h.cpu.jitter", cpuCostJitter))
 *                rootComplex.setInterruptJitter(exponential("h.rc.irq.jitter", interruptJitter))
 *   workload w:  start event at max(now, start) + U[0, startJitter)      "w.start.jitter"
 *   connection k of w: its connect call U[0, startJitter) after that     "w.c&lt;k&gt;.start.jitter"
 * </pre>
 * A source set to 0 is {@link CostJitter#OFF} / {@link DelayJitter#OFF}: it draws nothing and
 * the model runs exactly as it does without it (no stream is even created).
 */
final class Variation {
    private Variation() {
    }

    /** Sets the CPU cost and interrupt latency jitter of {@code host}. */
    static void applyTo(HostNode host, VariationSpec v, RandomStreams streams) {
        if (v.cpuCostJitter() > 0) {
            host.cpu.setCostJitter(CostJitter.lognormal(streams.get(host.cpu.name() + ".jitter"), v.cpuCostJitter()));
        }
        if (v.interruptJitterPs() > 0) {
            host.rootComplex.setInterruptJitter(DelayJitter.exponential(
                    streams.get(host.rootComplex.name() + ".irq.jitter"), v.interruptJitterPs()));
        }
    }

    /** The start offset source of workload {@code workload}. */
    static DelayJitter workloadStart(VariationSpec v, RandomStreams streams, String workload) {
        return start(v, streams, workload + ".start.jitter");
    }

    /** The start offset source of connection {@code k} of {@code workload}. */
    static DelayJitter connectionStart(VariationSpec v, RandomStreams streams, String workload, int k) {
        // drawn once: a fresh generator, not a cached one (each caches 15 KB of Well19937c state,
        // 1.5 GB for 100,000 connections); the draw is the stream's first either way
        return v.startJitterPs() > 0 ? DelayJitter.uniform(streams.fresh(workload + ".c" + k + ".start.jitter"),
                v.startJitterPs()) : DelayJitter.OFF;
    }

    private static DelayJitter start(VariationSpec v, RandomStreams streams, String stream) {
        return v.startJitterPs() > 0 ? DelayJitter.uniform(streams.get(stream), v.startJitterPs()) : DelayJitter.OFF;
    }

    /** Runs {@code action} now when {@code skew} is off, else one draw of it later. */
    static void after(Simulator sim, DelayJitter skew, String owner, Runnable action) {
        if (!skew.enabled()) {
            action.run();
            return;
        }
        sim.scheduleIn(sim.newEvent("workload.connectionStart", owner, Priority.NORMAL, action), skew.drawPs());
    }
}
