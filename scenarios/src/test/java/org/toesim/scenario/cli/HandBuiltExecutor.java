package org.toesim.scenario.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.HostReport;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.result.TimeSeries;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.HostSpec;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.WorkloadSpec;

/**
 * TEST ONLY: stands in for the model so the command line can be tested end to end. Its
 * numbers are arbitrary functions of the scenario (goodput grows with the last host's CCB
 * capacity and the seed), not simulation results.
 */
final class HandBuiltExecutor implements ScenarioExecutor {
    final AtomicInteger calls = new AtomicInteger();
    final boolean fail;

    HandBuiltExecutor(boolean fail) {
        this.fail = fail;
    }

    /** A stand-in whose runs end as status failed with {@code reason} (as the model reports a failed event). */
    static ScenarioExecutor failedRun(String reason) {
        HandBuiltExecutor inner = new HandBuiltExecutor(false);
        return (s, ctx) -> {
            RunResult r = inner.execute(s, ctx);
            return new RunResult(r.summary().withStatus(RunStatus.FAILED, reason), r.timeSeries());
        };
    }

    @Override
    public RunResult execute(Scenario s, RunContext ctx) throws SimulationException {
        calls.incrementAndGet();
        if (fail) {
            throw new SimulationException("invariant broken at 1.5ms: sndUna > sndNxt");
        }
        HostSpec last = s.hosts().get(s.hosts().size() - 1);
        double goodput = 1e9 + last.nic().ccbCapacity() * 1e6 + s.seed() * 1e5;
        ctx.progress().progress(1, 2, 3);
        List<ConnectionReport> conns = new ArrayList<>();
        for (WorkloadSpec w : s.workloads()) {
            conns.add(new ConnectionReport(w.name() + ".c0", w.from(), w.to(), 1_000_000, goodput, 0,
                    last.nic().model().fileName().equals("toe"), 0, "ok"));
        }
        List<HostReport> hosts = s.hosts().stream().map(h -> new HostReport(h.name(), 0.5, 1.0, 2.0)).toList();
        List<NicReport> nics = s.hosts().stream().map(h -> new NicReport(h.name(), h.nic().model().fileName(),
                0, 0, 0, 0, 0, 0.1, 0.1)).toList();
        TimeSeries ts = new TimeSeries(s.outputs().timeSeriesIntervalPs(), List.of("a.cpuUtilization"));
        ts.addRow(1_000_000_000L, 0.5);
        ts.addRow(2_000_000_000L, 0.6);
        return new RunResult(new SummaryReport(s.name(), s.seed(), 2_000_000_000L, 1, 42, conns, hosts, nics,
                String.format("%016x", s.seed() * 31 + last.nic().ccbCapacity())), ts);
    }
}
