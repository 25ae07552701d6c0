package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.stats.StatsRegistry;
import org.toesim.core.trace.TraceSink;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.spec.WorkloadSpec;

/**
 * The traffic of a run: each {@link WorkloadSpec} becomes applications on the socket layer of
 * its two hosts, and each of their TCP connections a row of the summary.
 */
final class Workloads {
    private final List<ConnectionReport> none = new ArrayList<>();

    private Workloads() {
    }

    static Workloads build(Scenario s, Simulator sim, RandomStreams streams, StatsRegistry stats,
                           Map<String, HostNode> hosts, TraceSink trace) throws ScenarioException, SimulationException {
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec w = s.workloads().get(i);
            throw ModelUnavailable.missing("workloads[" + i + "]", "a " + w.type() + " workload from '" + w.from()
                    + "' to '" + w.to() + "'", "the host TCP stack, socket layer and applications "
                    + "(org.toesim.host.stack, socket, app; branch host-stack)");
        }
        return new Workloads();
    }

    /** Whether every workload has finished (true when there are none). */
    boolean allDone() {
        return true;
    }

    /** Time-series column names, {@code <connection>.<metric>}. */
    List<String> seriesColumns() {
        return List.of();
    }

    /** Writes this interval's values for {@link #seriesColumns()} into {@code row} from {@code offset}. */
    void sample(double[] row, int offset, long intervalPs) {
    }

    /** Discards what was counted before the warm-up boundary. */
    void resetAtWarmUp(long nowPs) {
    }

    /** Payload bytes the applications on {@code host} received since warm-up. */
    long bytesReceivedBy(String host) {
        return 0;
    }

    /** Payload bytes the applications on {@code host} sent since warm-up. */
    long bytesSentBy(String host) {
        return 0;
    }

    /** One report per connection, in workload then connection order. */
    List<ConnectionReport> reports(long endPs) {
        return none;
    }
}
