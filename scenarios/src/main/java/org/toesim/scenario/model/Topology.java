package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.toesim.core.event.EventListener;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.stats.StatsRegistry;
import org.toesim.nic.mac.MacConfig;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.FaultSpec;
import org.toesim.scenario.spec.HostSpec;
import org.toesim.scenario.spec.LinkSpec;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.spec.TcpSpec;
import org.toesim.tcp.engine.TcpConfig;
import org.toesim.host.stack.NeighbourTable;

/**
 * Everything one run simulates, built from a {@link Scenario} on a fresh {@link Simulator}:
 * <pre>
 *   Simulator, RandomStreams(seed), StatsRegistry (reset at warm-up)
 *   hosts (in file order)  --&gt; HostNode each (+ its Variation jitter), attached at time 0
 *   links, switches        --&gt; Network
 *   faults                 --&gt; Faults (events at their instants)
 *   workloads              --&gt; Workloads (connections and their reports)
 * </pre>
 */
final class Topology {
    final Scenario scenario;
    final Simulator sim;
    final RandomStreams streams;
    final StatsRegistry stats;
    final Map<String, HostNode> hosts;
    final Network network;
    final Workloads workloads;

    private Topology(Scenario scenario, Simulator sim, RandomStreams streams, StatsRegistry stats,
                     Map<String, HostNode> hosts, Network network, Workloads workloads) {
        this.scenario = scenario;
        this.sim = sim;
        this.streams = streams;
        this.stats = stats;
        this.hosts = hosts;
        this.network = network;
        this.workloads = workloads;
    }

    /** Builds the whole topology; nothing has run yet except what is scheduled at time 0. */
    static Topology build(Scenario s, RunOutputs outputs, EventListener listener)
            throws ScenarioException, SimulationException {
        return build(s, outputs, listener, true);
    }

    /**
     * Builds the whole topology; with {@code startWorkloads} false the workloads only set the
     * hosts' TCP options and ports (the bench drives its own applications).
     */
    static Topology build(Scenario s, RunOutputs outputs, EventListener listener, boolean startWorkloads)
            throws ScenarioException, SimulationException {
        return build(s, outputs, listener, startWorkloads, null);
    }

    /**
     * Builds the whole topology; with {@code checks} (null: none) the trace goes through its time
     * check and its invariants are registered on the built model.
     */
    static Topology build(Scenario s, RunOutputs outputs, EventListener listener, boolean startWorkloads,
                          RunChecks checks) throws ScenarioException, SimulationException {
        Workloads workloads = Workloads.check(s);
        Map<String, TcpSpec> tcp = TcpConfigs.perHost(s);
        Simulator sim = new Simulator(1 << 14);
        sim.setMaxEventsPerInstant(s.stop().maxEventsPerInstant());
        sim.setListener(listener);
        TraceSink trace = checks == null ? outputs.trace : checks.traceSink(outputs.trace, sim);
        RandomStreams streams = new RandomStreams(s.seed());
        StatsRegistry stats = new StatsRegistry();
        Map<String, LinkSpec> hostLinks = Network.hostLinks(s);
        Map<String, HostNode> hosts = new LinkedHashMap<>();
        for (int i = 0; i < s.hosts().size(); i++) {
            HostSpec h = s.hosts().get(i);
            LinkSpec l = hostLinks.get(h.name());
            int mtu = h.nic().mtuBytes();
            MacConfig portConfig = l != null ? Network.hostPortConfig(l, mtu) : Network.defaultPort(mtu);
            hosts.put(h.name(), HostNode.build(sim, stats, trace, h, i, portConfig,
                    outputs.pcapByHost.get(h.name()), TcpConfigs.of(tcp.getOrDefault(h.name(), TcpSpec.DEFAULT), mtu),
                    streams));
            Variation.applyTo(hosts.get(h.name()), s.variation(), streams);
        }
        Set<String> burstLinks = new HashSet<>();
        for (FaultSpec f : s.faults()) {
            if (f instanceof FaultSpec.LossBurst b) {
                burstLinks.add(b.link());
            }
        }
        Network network = new Network(sim, streams, stats, trace, s, hosts, outputs.pcapByHost, burstLinks);
        // one ARP cache for every host, filled by configuration (faults may change an entry)
        NeighbourTable neighbours = new NeighbourTable();
        for (HostNode h : hosts.values()) {
            neighbours.put(h.ip, h.mac);
        }
        Faults.schedule(s, sim, network, hosts, neighbours);
        for (HostNode h : hosts.values()) {
            h.attach();
        }
        boot(sim, hosts);
        for (HostNode h : hosts.values()) {
            TcpConfig engine = TcpConfigs.of(tcp.getOrDefault(h.name(), TcpSpec.DEFAULT), h.port.config().mtuBytes());
            h.startStack(sim, streams, engine, neighbours,
                    trace);
            stats.register(h.stack.qdiscDrops());
        }
        if (checks != null) {
            checks.register(hosts, workloads);
        }
        if (startWorkloads) {
            workloads.measurePhases(new ArrayList<>(hosts.values()), network.wireEnds());
            workloads.schedule(sim, streams, hosts);
        }
        return new Topology(s, sim, streams, stats, hosts, network, workloads);
    }

    /**
     * Runs the simulation until every driver has attached (rings programmed, capability
     * answered): the host stacks are built on the adapter records. Takes a few microseconds of
     * simulated time; workloads due earlier start when it ends.
     */
    private static void boot(Simulator sim, Map<String, HostNode> hosts) throws SimulationException {
        for (HostNode h : hosts.values()) {
            while (h.adapter() == null) {
                if (!sim.step()) {
                    throw new SimulationException("host '" + h.name() + "': the adapter never answered the driver's "
                            + "capability query");
                }
            }
        }
    }

    List<HostNode> hostList() {
        return new ArrayList<>(hosts.values());
    }
}
