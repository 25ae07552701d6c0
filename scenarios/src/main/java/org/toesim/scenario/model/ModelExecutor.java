package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.SimulationLivelockException;
import java.util.List;
import org.toesim.core.check.InvariantViolationException;
import org.toesim.core.event.EventListener;
import org.toesim.core.event.EventListeners;
import org.toesim.core.event.TrajectoryDigest;
import org.toesim.core.event.TrajectoryRecorder;
import org.toesim.core.stats.Tally;
import org.toesim.host.cpu.CostCategory;
import org.toesim.scenario.result.LatencySamples;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.result.TimeSeries;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.run.TrajectoryRequest;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;

/**
 * The simulation model as the command line sees it (registered for {@link java.util.ServiceLoader}).
 * <pre>
 *   execute(s, ctx): RunOutputs(pcap, trace files) --&gt; Topology.build(s) --&gt; Sampler
 *                    --&gt; RunLoop.run (warm-up, stop, progress, digest) --&gt; Reports.summary
 *   status: completed | durationReached | limitReached | stalled (RunLoop);
 *           an exception from an event --&gt; failed, with its message as statusReason
 *   trajectory: Record --&gt; TrajectoryRecorder.recording: RunResult.checkpoints
 *               Compare --&gt; TrajectoryRecorder.comparingWith(baseline's): RunResult.divergence if
 *                           the digest differs (no re-run: the recorder keeps the diverging block)
 *   observer:   told of every event after the digest
 *   checkInvariants: RunChecks (InvariantChecker on the simulator, trace time check) --&gt; a
 *                    violation ends the run as a SimulationException naming invariant, subject, time
 * </pre>
 * Keeps no state between calls: each call builds its own simulator, so sweeps may call it from
 * several threads at once.
 */
public final class ModelExecutor implements ScenarioExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(ModelExecutor.class);
    @Override
    public RunResult execute(Scenario scenario, RunContext context) throws ScenarioException, SimulationException {
        return run(scenario, context).result();
    }

    /**
     * What one run produced beyond the {@link RunResult}.
     *
     * @param result             summary and time series
     * @param requestLatencyPs   per request-response connection id, the latency of its requests
     *                           (send call to last response byte; the whole run, warm-up included)
     * @param payloadCyclesPerByteRx per host, its copy and checksum cycles (the work that scales with
     *                           payload bytes) per byte its applications received, since warm-up
     */
    public record Details(RunResult result, Map<String, Tally.Report> requestLatencyPs,
                          Map<String, Double> payloadCyclesPerByteRx) {
    }

    /** Runs one scenario and returns the result with the per-request latencies. */
    public Details run(Scenario scenario, RunContext context) throws ScenarioException, SimulationException {
        long startNs = System.nanoTime();
        try (RunOutputs outputs = new RunOutputs(scenario, context.outputDir())) {
            TrajectoryDigest digest = new TrajectoryDigest();
            TrajectoryRecorder recorder = recorder(digest, context.trajectory());
            RunChecks checks = context.checkInvariants() ? new RunChecks() : null;
            EventListener listener = listener(recorder == null ? digest : recorder, context, scenario, checks);
            RunLoop.logStart(scenario);
            Topology t = Topology.build(scenario, outputs, listener, true, checks);
            long intervalPs = scenario.outputs().timeSeriesIntervalPs();
            Sampler sampler = intervalPs > 0 ? new Sampler(t.sim, t.hostList(), t.workloads, intervalPs) : null;
            RunLoop.End end;
            try {
                end = RunLoop.run(t, context.progress(), sampler);
            } catch (RuntimeException e) {
                // an event failed (invariant, livelock, model error): report what the run reached, status failed
                String reason = failureReason(e, t.sim.now());
                if (e instanceof SimulationLivelockException) {
                    reason += " (the limit is stop.maxEventsPerInstant = " + scenario.stop().maxEventsPerInstant() + ")";
                }
                end = new RunLoop.End(RunStatus.FAILED, reason);
                LOG.info("{} {}: run ends: failed: {}", org.toesim.core.units.Units.logTime(t.sim.now()),
                        RunLoop.name(scenario), reason);
                LOG.debug("the failure", e);
            }
            if (checks != null && end.status() != RunStatus.FAILED) {
                try {
                    checks.checker.checkAll(t.sim.now()); // the state the run ended in
                } catch (InvariantViolationException e) {
                    end = new RunLoop.End(RunStatus.FAILED, failureReason(e, t.sim.now()));
                }
            }
            long wallMs = (System.nanoTime() - startNs) / 1_000_000;
            List<LatencySamples> samples = Reports.latencySamples(t);
            SummaryReport summary = summaryOrFail(t, digest, wallMs, end, samples);
            Map<String, Tally.Report> latency = new LinkedHashMap<>();
            for (int i = 0; i < t.workloads.ids().size(); i++) {
                Conn c = t.workloads.conn(i);
                Tally.Report r = c == null ? null : RequestResponseRun.latency(c);
                if (r != null) {
                    latency.put(c.id(), r);
                }
            }
            Map<String, Double> payload = new LinkedHashMap<>();
            for (HostNode h : t.hosts.values()) {
                long rx = t.workloads.bytesReceivedBy(h.name());
                long cycles = h.cpu.cycles(CostCategory.COPY) + h.cpu.cycles(CostCategory.CHECKSUM);
                payload.put(h.name(), rx == 0 ? 0.0 : (double) cycles / rx);
            }
            TimeSeries series = sampler == null ? TimeSeries.empty() : sampler.series();
            return new Details(trajectoryResult(summary, series, recorder, context.trajectory())
                    .with(samples, Reports.handoffs(t)), latency, payload);
        } catch (InvariantViolationException e) {
            throw new SimulationException("scenario '" + scenario.name() + "': " + e.getMessage(), e);
        } catch (SimulationLivelockException e) {
            throw new SimulationException("scenario '" + scenario.name() + "': " + e.getMessage()
                    + " (the limit is stop.maxEventsPerInstant = " + scenario.stop().maxEventsPerInstant() + ")", e);
        } catch (RuntimeException e) {
            throw new SimulationException("scenario '" + scenario.name() + "': simulation failed: " + e, e);
        }
    }

    /** The digest (or its recorder) and progress, then the invariant checker, then the caller's observer. */
    private static EventListener listener(EventListener digest, RunContext context, Scenario scenario, RunChecks checks) {
        List<EventListener> all = new ArrayList<>();
        all.add(RunLoop.listener(digest, context.progress(), RunLoop.endPs(scenario.stop()), RunLoop.name(scenario)));
        if (checks != null) {
            all.add(checks.checker);
        }
        if (context.observer() != null) {
            all.add(context.observer());
        }
        return EventListeners.of(all);
    }

    private static TrajectoryRecorder recorder(TrajectoryDigest digest, TrajectoryRequest request) {
        if (request instanceof TrajectoryRequest.Compare c) {
            return TrajectoryRecorder.comparingWith(digest, c.expected());
        }
        return request instanceof TrajectoryRequest.Record ? TrajectoryRecorder.recording(digest) : null;
    }

    /** The result with the recorded checkpoints, or with the divergence when the digest differs. */
    private static RunResult trajectoryResult(SummaryReport summary, TimeSeries series, TrajectoryRecorder recorder,
                                              TrajectoryRequest request) {
        if (request instanceof TrajectoryRequest.Compare c) {
            boolean same = c.expectedDigest().equals(summary.traceDigest());
            return new RunResult(summary, series, null, same ? null : recorder.divergence());
        }
        if (request instanceof TrajectoryRequest.Record) {
            return new RunResult(summary, series, recorder.checkpoints(), null);
        }
        return new RunResult(summary, series);
    }

    /** The failure in one line: the exception's message (its type when it has none), with its cause's. */
    static String failureReason(Throwable e, long nowPs) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !msg.contains(cause.getMessage())) {
            msg += " (caused by: " + cause.getMessage() + ")";
        }
        return "simulation failed at " + org.toesim.core.units.Units.formatTime(nowPs) + " simulated: " + msg;
    }

    /** The summary; if the model's state cannot even be reported after a failure, the failure itself. */
    private static SummaryReport summaryOrFail(Topology t, TrajectoryDigest digest, long wallMs, RunLoop.End end,
                                               List<LatencySamples> samples) throws SimulationException {
        try {
            return Reports.summary(t, digest, wallMs, end, samples);
        } catch (RuntimeException e) {
            if (end.status() == RunStatus.FAILED) {
                throw new SimulationException("scenario '" + t.scenario.name() + "': " + end.reason(), e);
            }
            throw e;
        }
    }
}
