package org.toesim.scenario.model;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.host.stack.NeighbourTable;
import org.toesim.nic.net.Link;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.FaultSpec;
import org.toesim.scenario.spec.Problem;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;

/**
 * Schedules a scenario's faults as one event each, at their instants:
 * <pre>
 *   linkDown  --&gt; Link.setUp(false): both directions drop every frame (queued frames drain into it)
 *   linkUp    --&gt; Link.setUp(true)
 *   lossBurst --&gt; LossBurstGate.startBurst(duration, loss) on both directions
 *   cardReset --&gt; the host's offload manager flushes every offloaded connection
 * </pre>
 * Each fault is logged at INFO when it is applied, before its action runs.
 */
final class Faults {
    private static final Logger LOG = LoggerFactory.getLogger(Faults.class);
    private Faults() {
    }

    static void schedule(Scenario s, Simulator sim, Network network, Map<String, HostNode> hosts,
                         NeighbourTable neighbours) throws ScenarioException, SimulationException {
        for (int i = 0; i < s.faults().size(); i++) {
            FaultSpec f = s.faults().get(i);
            String path = "faults[" + i + "]";
            if (f instanceof FaultSpec.LinkDown d) {
                Link link = link(network, d.link(), path);
                at(sim, s, f, "fault.linkDown", d.link(), () -> link.setUp(false), path + " linkDown of link " + d.link());
            } else if (f instanceof FaultSpec.LinkUp u) {
                Link link = link(network, u.link(), path);
                at(sim, s, f, "fault.linkUp", u.link(), () -> link.setUp(true), path + " linkUp of link " + u.link());
            } else if (f instanceof FaultSpec.LossBurst b) {
                link(network, b.link(), path);
                LossBurstGate[] gates = network.gates(b.link());
                at(sim, s, f, "fault.lossBurst", b.link(), () -> {
                    gates[0].startBurst(b.durationPs(), b.loss());
                    gates[1].startBurst(b.durationPs(), b.loss());
                }, path + " lossBurst on link " + b.link() + ": loss " + b.loss() + " for "
                        + Units.formatDuration(b.durationPs()));
            } else if (f instanceof FaultSpec.CardReset r) {
                HostNode h = hosts.get(r.host());
                if (h == null) {
                    throw unknown(path + ".host", "host", r.host());
                }
                h.scheduleCardReset(sim, s, r.atPs(), path);
            } else if (f instanceof FaultSpec.NeighbourChange n) {
                HostNode h = hosts.get(n.host());
                if (h == null) {
                    throw unknown(path + ".host", "host", n.host());
                }
                at(sim, s, f, "fault.neighbourChange", n.host(), () -> neighbours.put(h.ip, n.mac()),
                        path + " neighbourChange: host " + n.host() + " moves to " + Long.toHexString(n.mac()));
            }
        }
    }

    private static void at(Simulator sim, Scenario s, FaultSpec f, String kind, String owner, Runnable action,
                           String what) {
        sim.scheduleAt(sim.newEvent(kind, owner, Priority.NORMAL, applied(sim, s, what, action)), f.atPs());
    }

    /** {@code action}, logged as the fault {@code what} when it runs. */
    static Runnable applied(Simulator sim, Scenario s, String what, Runnable action) {
        String run = RunLoop.name(s);
        return () -> {
            LOG.info("{} {}: fault {} applied", Units.logTime(sim.now()), run, what);
            action.run();
        };
    }

    private static Link link(Network network, String name, String path) throws ScenarioException {
        Link l = network.link(name);
        if (l == null) {
            throw unknown(path + ".link", "link", name);
        }
        return l;
    }

    private static ScenarioException unknown(String path, String what, String name) {
        return new ScenarioException(new Problem("<scenario>", 0, 0, path, "unknown " + what + " '" + name + "'",
                "the name of a " + what + " of the scenario", ""));
    }
}
