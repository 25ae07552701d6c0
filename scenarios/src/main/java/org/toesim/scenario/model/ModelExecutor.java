package org.toesim.scenario.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import org.toesim.core.check.InvariantViolationException;
import org.toesim.core.event.EventListener;
import org.toesim.core.event.EventListeners;
import org.toesim.core.event.TrajectoryDigest;
import org.toesim.core.stats.Tally;
import org.toesim.host.cpu.CostCategory;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.result.TimeSeries;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;

/**
 * The simulation model as the command line sees it (registered for {@link java.util.ServiceLoader}).
 * <pre>
 *   execute(s, ctx): RunOutputs(pcap, trace files) --&gt; Topology.build(s) --&gt; Sampler
 *                    --&gt; RunLoop.run (warm-up, stop, progress, digest) --&gt; Reports.summary
 *   checkInvariants: RunChecks (InvariantChecker on the simulator, trace time check) --&gt; a
 *                    violation ends the run as a SimulationException naming invariant, subject, time
 * </pre>
 * Keeps no state between calls: each call builds its own simulator, so sweeps may call it from
 * several threads at once.
 */
public final class ModelExecutor implements ScenarioExecutor {
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
            RunChecks checks = context.checkInvariants() ? new RunChecks() : null;
            EventListener listener = RunLoop.listener(digest, context.progress(), RunLoop.endPs(scenario.stop()));
            if (checks != null) {
                listener = EventListeners.of(List.of(listener, checks.checker));
            }
            Topology t = Topology.build(scenario, outputs, listener, true, checks);
            long intervalPs = scenario.outputs().timeSeriesIntervalPs();
            Sampler sampler = intervalPs > 0 ? new Sampler(t.sim, t.hostList(), t.workloads, intervalPs) : null;
            RunLoop.run(t, context.progress(), sampler);
            if (checks != null) {
                checks.checker.checkAll(t.sim.now());
            }
            long wallMs = (System.nanoTime() - startNs) / 1_000_000;
            SummaryReport summary = Reports.summary(t, digest, wallMs);
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
            return new Details(new RunResult(summary, sampler == null ? TimeSeries.empty() : sampler.series()),
                    latency, payload);
        } catch (InvariantViolationException e) {
            throw new SimulationException("scenario '" + scenario.name() + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new SimulationException("scenario '" + scenario.name() + "': simulation failed: " + e, e);
        }
    }
}
