package org.toesim.scenario.model;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Event;
import org.toesim.core.event.EventListener;
import org.toesim.core.event.EventListeners;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.StopMode;
import org.toesim.scenario.spec.StopSpec;

/**
 * Runs a built {@link Topology} to its stop condition.
 * <pre>
 *   t = 0          hosts attach, workloads start at their start times, faults, sampler
 *   t = warmUp     (first at that instant) every statistic is reset; the sampler re-bases
 *   stop:  duration          --&gt; runUntil(duration)
 *          workloadsDone     --&gt; stop condition "all workloads done", runUntil(limit)
 *                                   watchdog (done poll): no progress for stallTimeout --&gt; stop
 *   end:   all done --&gt; completed; duration --&gt; durationReached; watchdog --&gt; stalled;
 *          else limitReached (an exception from an event: failed, in ModelExecutor)
 *   every 16384 events       --&gt; ProgressListener.progress(now, end, events)
 *   every event              --&gt; TrajectoryDigest (the run's traceDigest), through a
 *                                TrajectoryRecorder when checkpoints are recorded or compared
 * </pre>
 * Logged (INFO): the start (hosts, workloads, stop rule), the warm-up boundary, the end with its
 * status and reason; every 2^20 events the simulated time reached (DEBUG).
 */
final class RunLoop {
    private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);
    private static final long PROGRESS_MASK = (1 << 14) - 1;
    private static final long LOG_PROGRESS_MASK = (1 << 20) - 1;
    /** Just before DELIVERY: the warm-up reset happens before anything else of its instant. */
    static final int WARM_UP_PRIORITY = Priority.DELIVERY - 1;

    private RunLoop() {
    }

    /** The simulated time at which the run stops at the latest. */
    static long endPs(StopSpec stop) {
        return stop.until() == StopMode.DURATION ? stop.durationPs() : stop.limitPs();
    }

    /**
     * The listener of a run: the digest (or the recorder that folds it), and progress every 16384
     * events (logged every 2^20).
     */
    static EventListener listener(EventListener digest, ProgressListener progress, long endPs, String run) {
        EventListener reporter = new EventListener() {
            private long events;

            @Override
            public void afterEvent(Event event, long nowPs) {
                if ((++events & PROGRESS_MASK) == 0) {
                    progress.progress(nowPs, endPs, events);
                    if ((events & LOG_PROGRESS_MASK) == 0 && LOG.isDebugEnabled()) {
                        LOG.debug("{} {}: {} events, {} of simulated time", Units.logTime(nowPs), run, events,
                                Units.formatTime(nowPs, 3));
                    }
                }
            }
        };
        return EventListeners.of(List.of(digest, reporter));
    }

    /** How a run ended: its status and, unless it is a result, why. */
    record End(RunStatus status, String reason) {
    }

    /** Runs to the stop condition; returns how the run ended (a failure propagates as an exception). */
    static End run(Topology t, ProgressListener progress, Sampler sampler) {
        Simulator sim = t.sim;
        StopSpec stop = t.scenario.stop();
        long endPs = endPs(stop);
        long warmUpPs = t.scenario.warmUpPs();
        String run = name(t.scenario);
        if (warmUpPs > 0) {
            sim.scheduleAt(sim.newEvent("run.warmUp", "run", WARM_UP_PRIORITY, () -> {
                if (LOG.isInfoEnabled()) {
                    LOG.info("{} {}: warm-up over: statistics reset", Units.logTime(sim.now()), run);
                }
                t.stats.resetAll(sim.now());
                t.workloads.resetAtWarmUp(sim.now());
                for (HostNode h : t.hosts.values()) {
                    h.resetAtWarmUp(sim.now());
                }
                if (sampler != null) {
                    sampler.rebase();
                }
            }), warmUpPs);
        }
        if (sampler != null) {
            sampler.start();
        }
        if (stop.until() == StopMode.WORKLOADS_DONE && t.workloads.allDone()) {
            return logged(t, new End(RunStatus.COMPLETED, null));
        }
        sim.runUntil(endPs);
        progress.progress(sim.now(), endPs, sim.eventsRun());
        return logged(t, end(t, stop));
    }

    /** Logs the start of a run of {@code s} (before its topology is built, at simulated time 0). */
    static void logStart(Scenario s) {
        if (LOG.isInfoEnabled()) {
            StopSpec stop = s.stop();
            LOG.info("{} {}: run starts: {} host(s), {} workload(s), {} fault(s), warm-up {}, stop {}", Units.logTime(0),
                    name(s), s.hosts().size(), s.workloads().size(), s.faults().size(),
                    Units.formatDuration(s.warmUpPs()), stop.until() == StopMode.DURATION
                            ? "after " + Units.formatDuration(stop.durationPs())
                            : "when the workloads are done (limit " + Units.formatDuration(stop.limitPs()) + ")");
        }
    }

    /** How log messages name a run (their component): {@code bulk-toe(seed=21)}. */
    static String name(Scenario s) {
        return s.name() + "(seed=" + s.seed() + ")";
    }

    private static End logged(Topology t, End end) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: run ends: {}, {} events{}", Units.logTime(t.sim.now()), name(t.scenario), end.status().jsonName(),
                    t.sim.eventsRun(), end.reason() == null ? "" : ": " + end.reason());
        }
        return end;
    }

    private static End end(Topology t, StopSpec stop) {
        if (t.workloads.allDone()) {
            return new End(RunStatus.COMPLETED, null);
        }
        if (stop.until() == StopMode.DURATION) {
            return new End(RunStatus.DURATION_REACHED, null);
        }
        String stalled = t.workloads.stallReason();
        if (stalled != null) {
            return new End(RunStatus.STALLED, stalled);
        }
        String reason = "the safety limit stop.limit = " + Units.formatDuration(stop.limitPs())
                + " of simulated time was reached before every workload finished";
        return new End(RunStatus.LIMIT_REACHED, reason);
    }
}
