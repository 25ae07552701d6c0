package org.toesim.scenario.model;

import org.toesim.host.app.ResponderServer;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.spec.ShortConnectionsWorkload;

/**
 * Runs that {@code toesim bench} needs beyond what a scenario file can say: the closed-loop
 * short-connection shape of the ns-3 peer benchmark S3 ({@code shortconn.cc}).
 *
 * <pre>
 *   scenario (hosts, link, one shortConnections workload: from, to, count, size, tcp, port)
 *     --&gt; Topology without starting the workload
 *     --&gt; ResponderServer(to, size, responseBytes) + ClosedLoopShortConnections(from, concurrency)
 *     --&gt; run until every connection completed or failed (at most the scenario's stop limit)
 * </pre>
 */
public final class BenchRuns {
    private BenchRuns() {
    }

    /**
     * What one closed-loop short-connection run did.
     *
     * @param wallNs      wall time of the simulation loop (build excluded)
     * @param simTimePs   simulated time of the last whole response
     * @param events      events run
     * @param completed   connections whose whole response arrived
     * @param failed      connections that failed
     */
    public record ShortConnectionsOutcome(long wallNs, long simTimePs, long events, int completed, int failed) {
    }

    /**
     * Runs {@code s}'s first workload (a {@code shortConnections}: count, request size, TCP
     * options, port) closed-loop: {@code concurrency} connections open at once, each answered
     * with {@code responseBytes}.
     */
    public static ShortConnectionsOutcome shortConnectionsClosedLoop(Scenario s, int concurrency, int responseBytes)
            throws ScenarioException, SimulationException {
        if (!(s.workloads().size() == 1 && s.workloads().get(0) instanceof ShortConnectionsWorkload w)) {
            throw new IllegalArgumentException("the bench scenario needs exactly one shortConnections workload");
        }
        try (RunOutputs outputs = new RunOutputs(s, null)) {
            RunLoop.logStart(s);
            Topology t = Topology.build(s, outputs, null, false);
            HostNode from = t.hosts.get(w.from());
            HostNode to = t.hosts.get(w.to());
            int port = w.port();
            new ResponderServer(to.sockets, to.appCore(0), port, (int) w.sizeBytes(), responseBytes,
                    ApplicationWork.NONE);
            ClosedLoopShortConnections client = new ClosedLoopShortConnections(from.sockets, w.name(),
                    from.appCore(0), w.count(), w.sizeBytes(), responseBytes, to.ip, port);
            client.start(concurrency);
            t.sim.addStopCondition(client::done);
            long events0 = t.sim.eventsRun();
            long t0 = System.nanoTime();
            t.sim.runUntil(RunLoop.endPs(s.stop()));
            long wallNs = System.nanoTime() - t0;
            return new ShortConnectionsOutcome(wallNs, client.lastCompletePs(), t.sim.eventsRun() - events0,
                    client.completed(), client.failed());
        }
    }
}
