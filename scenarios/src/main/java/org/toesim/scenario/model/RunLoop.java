package org.toesim.scenario.model;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Event;
import org.toesim.core.event.EventListener;
import org.toesim.core.event.EventListeners;
import org.toesim.core.event.Priority;
import org.toesim.core.event.RunOutcome;
import org.toesim.core.event.Simulator;
import org.toesim.core.event.TrajectoryDigest;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.spec.StopMode;
import org.toesim.scenario.spec.StopSpec;

/**
 * Runs a built {@link Topology} to its stop condition.
 * <pre>
 *   t = 0          hosts attach, workloads start at their start times, faults, sampler
 *   t = warmUp     (first at that instant) every statistic is reset; the sampler re-bases
 *   stop:  duration          --&gt; runUntil(duration)
 *          workloadsDone     --&gt; stop condition "all workloads done", runUntil(limit)
 *   every 16384 events       --&gt; ProgressListener.progress(now, end, events)
 *   every event              --&gt; TrajectoryDigest (the run's traceDigest)
 * </pre>
 */
final class RunLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);
    private static final long PROGRESS_MASK = (1 << 14) - 1;
    /** Just before DELIVERY: the warm-up reset happens before anything else of its instant. */
    static final int WARM_UP_PRIORITY = Priority.DELIVERY - 1;

    private RunLoop() {
    }

    /** The simulated time at which the run stops at the latest. */
    static long endPs(StopSpec stop) {
        return stop.until() == StopMode.DURATION ? stop.durationPs() : stop.limitPs();
    }

    /** Runs; returns how the run ended. */
    /** The listener of a run: the digest, and progress every 16384 events. */
    static EventListener listener(TrajectoryDigest digest, ProgressListener progress, long endPs) {
        EventListener reporter = new EventListener() {
            private long events;

            @Override
            public void afterEvent(Event event, long nowPs) {
                if ((++events & PROGRESS_MASK) == 0) {
                    progress.progress(nowPs, endPs, events);
                }
            }
        };
        return EventListeners.of(List.of(digest, reporter));
    }

    static RunOutcome run(Topology t, ProgressListener progress, Sampler sampler) {
        Simulator sim = t.sim;
        long endPs = endPs(t.scenario.stop());
        long warmUpPs = t.scenario.warmUpPs();
        if (warmUpPs > 0) {
            sim.scheduleAt(sim.newEvent("run.warmUp", "run", WARM_UP_PRIORITY, () -> {
                t.stats.resetAll(sim.now());
                t.workloads.resetAtWarmUp(sim.now());
                for (HostNode h : t.hosts.values()) {
                    h.resetAtWarmUp();
                }
                if (sampler != null) {
                    sampler.rebase();
                }
            }), warmUpPs);
        }
        if (sampler != null) {
            sampler.start();
        }
        RunOutcome outcome;
        if (t.scenario.stop().until() == StopMode.WORKLOADS_DONE) {
            if (t.workloads.allDone()) {
                return RunOutcome.STOPPED;
            }
            outcome = sim.runUntil(endPs);
            if (!t.workloads.allDone()) {
                LOG.warn("scenario '{}': workloads not finished at the safety limit of {} ps", t.scenario.name(), endPs);
            }
        } else {
            outcome = sim.runUntil(endPs);
        }
        progress.progress(sim.now(), endPs, sim.eventsRun());
        return outcome;
    }
}
