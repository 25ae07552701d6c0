package org.toesim.scenario.spec;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.toesim.host.stack.StackConfig;
import org.toesim.nic.device.Registers;
import org.toesim.nic.pcie.PcieGeneration;

/**
 * What the simulation model needs of a scenario beyond the file format: cost names the model's
 * tables know, one TCP configuration per host stack, a TOE where a card is reset, ports that do
 * not collide, sizes the model's int counters hold, parts of the model not in this build. They
 * run in {@link ScenarioValidator}, so {@code toesim validate} rejects exactly what
 * {@code toesim run} would, with the file position of the offending value.
 */
public final class ModelChecks {
    /** Host cycle-cost names ({@code hosts[i].costs}), in the order of the model's cost table. */
    public static final List<String> HOST_COST_NAMES = List.of("rxPacketCycles", "txPacketCycles",
            "copyCyclesPerByte", "checksumCyclesPerByte", "interruptCycles", "syscallCycles", "contextSwitchCycles",
            "descriptorCycles", "offloadCommandCycles", "completionCycles", "ackCycles");
    /** Card cycle-cost names ({@code hosts[i].nic.cardCycles}), in the order of the TOE's table. */
    public static final List<String> CARD_CYCLE_NAMES = List.of("fastPathRx", "fastPathAck", "tx", "slowPath",
            "command", "descriptor", "timer");
    /** The TCP engine's largest retransmission timeout (RFC 6298 (2.5) allows a maximum of 60 s or more). */
    public static final long MAX_RTO_PS = 60_000_000_000_000L;
    /** Highest listening port. */
    public static final int MAX_PORT = 65_535;

    private ModelChecks() {
    }

    /** Adds every model-level problem of {@code s} to {@code issues}, in document order. */
    static void check(Scenario s, List<ScenarioValidator.Issue> issues) {
        Map<String, HostSpec> hosts = new HashMap<>();
        for (int i = 0; i < s.hosts().size(); i++) {
            HostSpec h = s.hosts().get(i);
            hosts.putIfAbsent(h.name(), h);
            host(h, "hosts[" + i + "]", issues);
        }
        workloads(s, issues);
        for (int i = 0; i < s.faults().size(); i++) {
            if (s.faults().get(i) instanceof FaultSpec.CardReset r) {
                HostSpec h = hosts.get(r.host());
                if (h != null && h.nic().model() != NicModel.TOE) {
                    issues.add(new ScenarioValidator.Issue("faults[" + i + "].host", "host '" + r.host()
                            + "' has a plain NIC; a card reset needs a TOE", "a host with nic.model toe", ""));
                }
            }
        }
    }

    private static void host(HostSpec h, String p, List<ScenarioValidator.Issue> issues) {
        names(h.costs(), HOST_COST_NAMES, p + ".costs", "host cost", issues);
        NicSpec n = h.nic();
        if (n.model() == NicModel.TOE) {
            names(n.cardCycles(), CARD_CYCLE_NAMES, p + ".nic.cardCycles", "card cost", issues);
            if (n.rssQueues() > 1) {
                issues.add(new ScenarioValidator.Issue(p + ".nic.rssQueues", n.rssQueues()
                        + " RSS queues on a TOE are not in this build (the TOE's slow path uses one receive queue)",
                        "1 with nic.model toe", ""));
            }
        } else if (n.card() != CardProfileName.BASELINE) {
            issues.add(new ScenarioValidator.Issue(p + ".nic.card", "card profile '" + n.card().fileName()
                    + "' on a plain NIC", "no card, or nic.model toe", ""));
        } else if (!n.cardCycles().isEmpty()) {
            issues.add(new ScenarioValidator.Issue(p + ".nic.cardCycles", "card costs on a plain NIC",
                    "no cardCycles, or nic.model toe", ""));
        } else if (n.close() != CardCloseName.UPLOAD) {
            issues.add(new ScenarioValidator.Issue(p + ".nic.close", "close '" + n.close().fileName()
                    + "' on a plain NIC: only a TOE runs a close", "no close, or nic.model toe", ""));
        } else if (n.indicationBuffers() > 0) {
            issues.add(new ScenarioValidator.Issue(p + ".nic.indicationBuffers", n.indicationBuffers()
                    + " indication buffers on a plain NIC: only a TOE indicates data", "0, or nic.model toe", ""));
        }
        if (n.rssQueues() > Registers.MAX_QUEUES) {
            issues.add(new ScenarioValidator.Issue(p + ".nic.rssQueues", n.rssQueues()
                    + " RSS queues; the modelled NIC has " + Registers.MAX_QUEUES, "1 to " + Registers.MAX_QUEUES, ""));
        }
        if (n.lro() && n.model() == NicModel.PLAIN && !n.checksumOffload()) {
            issues.add(new ScenarioValidator.Issue(p + ".nic.lro", "LRO needs receive checksum offload",
                    "checksumOffload true, or lro false", ""));
        }
        if (h.pcie().gen() > PcieGeneration.values().length) {
            issues.add(new ScenarioValidator.Issue(p + ".pcie.gen", "PCIe generation " + h.pcie().gen()
                    + " is not modelled", "1 to " + PcieGeneration.values().length, ""));
        }
    }

    private static void names(Map<String, Long> given, List<String> known, String path, String what,
                              List<ScenarioValidator.Issue> issues) {
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                issues.add(new ScenarioValidator.Issue(path + "." + name, "unknown " + what + " name '" + name + "'",
                        "one of " + String.join(", ", known), Suggest.closest(name, known)));
            }
        }
    }

    private static void workloads(Scenario s, List<ScenarioValidator.Issue> issues) {
        Map<String, Integer> tcpOwner = new HashMap<>();
        Map<String, Integer> mtu = new HashMap<>();
        for (HostSpec h : s.hosts()) {
            mtu.putIfAbsent(h.name(), h.nic().mtuBytes());
        }
        Set<Integer> ports = new HashSet<>();
        int stride = Math.max(1, s.workloads().size());
        for (int i = 0; i < s.workloads().size(); i++) {
            WorkloadSpec w = s.workloads().get(i);
            String p = "workloads[" + i + "]";
            sameTcp(s, tcpOwner, mtu, w, i, issues);
            tcp(w.tcp().resolvedFor(Math.min(mtu.getOrDefault(w.from(), NicSpec.DEFAULT_MTU_BYTES),
                    mtu.getOrDefault(w.to(), NicSpec.DEFAULT_MTU_BYTES))), p + ".tcp", issues);
            sizes(w, p, issues);
            int n = w instanceof BulkWorkload b ? b.serverPorts()
                    : w instanceof RequestResponseWorkload r ? r.serverPorts() : 1;
            for (int k = 0; k < n; k++) {
                long port = w.port() + (long) k * stride;
                if (port > MAX_PORT || !ports.add((int) port)) {
                    issues.add(new ScenarioValidator.Issue(p + (n > 1 ? ".connections" : ".port"), "listening port "
                            + port + (port > MAX_PORT ? " is out of range" : " is taken by another workload"),
                            "ports that do not collide and stay <= " + MAX_PORT + " (bulk connection k listens on "
                                    + "port + (k mod serverPorts) x " + stride + ", the number of workloads; fewer"
                                    + " serverPorts need fewer ports; a request-response server listens on port +"
                                    + " j x " + stride + ", j < serverPorts)", ""));
                    break;
                }
            }
            int connections = w instanceof BulkWorkload b ? b.connections()
                    : w instanceof RequestResponseWorkload r ? r.connections() : 1;
            long perPort = (connections + (long) n - 1) / n;
            if (perPort > StackConfig.EPHEMERAL_PORTS) {
                // each connection to one listening port needs its own client port
                issues.add(new ScenarioValidator.Issue(p + ".serverPorts", n + " listening port(s) for "
                        + connections + " connections put " + perPort + " on one port, more than the client's "
                        + StackConfig.EPHEMERAL_PORTS + " ephemeral ports (" + StackConfig.EPHEMERAL_LOW_PORT + ".."
                        + StackConfig.EPHEMERAL_HIGH_PORT + ") can hold towards one destination port",
                        "serverPorts >= " + ((connections + StackConfig.EPHEMERAL_PORTS - 1)
                                / StackConfig.EPHEMERAL_PORTS), ""));
            }
        }
    }

    /**
     * The host stack applies one TCP configuration to all its connections; compared with the MSS
     * resolved from the host's MTU (no mss and mss = MTU - 40 are the same options).
     */
    private static void sameTcp(Scenario s, Map<String, Integer> owner, Map<String, Integer> mtu, WorkloadSpec w,
                                int i, List<ScenarioValidator.Issue> issues) {
        boolean reported = false;
        for (String host : new String[] {w.from(), w.to()}) {
            Integer first = owner.putIfAbsent(host, i);
            int hostMtu = mtu.getOrDefault(host, NicSpec.DEFAULT_MTU_BYTES);
            if (!reported && first != null
                    && !s.workloads().get(first).tcp().resolvedFor(hostMtu).equals(w.tcp().resolvedFor(hostMtu))) {
                issues.add(new ScenarioValidator.Issue("workloads[" + i + "].tcp", "differs from workloads[" + first
                        + "].tcp on host '" + host + "'; the host stack runs one TCP configuration per host",
                        "the same tcp options for every workload of a host", ""));
                reported = true;
            }
        }
    }

    private static void tcp(TcpSpec t, String p, List<ScenarioValidator.Issue> issues) {
        if (t.sendBufferBytes() < t.mssBytes()) {
            issues.add(new ScenarioValidator.Issue(p + ".sendBuffer", t.sendBufferBytes() + " B is less than one MSS ("
                    + t.mssBytes() + " B)", "a buffer of at least mss bytes", ""));
        }
        if (t.receiveBufferBytes() < t.mssBytes()) {
            issues.add(new ScenarioValidator.Issue(p + ".receiveBuffer", t.receiveBufferBytes()
                    + " B is less than one MSS (" + t.mssBytes() + " B)", "a buffer of at least mss bytes", ""));
        }
        if (t.minRtoPs() > MAX_RTO_PS) {
            issues.add(new ScenarioValidator.Issue(p + ".minRto", "is above the largest RTO (60s)",
                    "a duration <= 60s such as \"200ms\"", ""));
        }
    }

    private static void sizes(WorkloadSpec w, String p, List<ScenarioValidator.Issue> issues) {
        if (w.tcp().realBytes() && w instanceof ShortConnectionsWorkload) {
            issues.add(new ScenarioValidator.Issue(p + ".tcp.realBytes", "real payload bytes in a shortConnections "
                    + "workload are not in this build (bulk, requestResponse and pacedStream send and check real bytes)",
                    "realBytes false on shortConnections", ""));
        }
        if (w instanceof PacedStreamWorkload ps) {
            if (w.tcp().realBytes() && ps.chunkBytes() > Integer.MAX_VALUE) {
                issues.add(new ScenarioValidator.Issue(p + ".chunk", "real bytes need chunks below 2 GiB",
                        "a smaller chunk", ""));
            }
            if (ps.sizeBytes() % ps.chunkBytes() != 0) {
                issues.add(new ScenarioValidator.Issue(p + ".size", "is not a whole number of chunks ("
                        + ps.chunkBytes() + " B)", "a multiple of chunk", ""));
            }
        }
        if (w instanceof RequestResponseWorkload r) {
            if (r.requestBytes() > Integer.MAX_VALUE) {
                issues.add(new ScenarioValidator.Issue(p + ".request", "larger than 2 GiB", "a smaller request", ""));
            }
            if (r.responseBytes() > Integer.MAX_VALUE) {
                issues.add(new ScenarioValidator.Issue(p + ".response", "larger than 2 GiB", "a smaller response", ""));
            }
        }
        if (w instanceof ShortConnectionsWorkload sc && sc.sizeBytes() > Integer.MAX_VALUE) {
            issues.add(new ScenarioValidator.Issue(p + ".size", "larger than 2 GiB", "a smaller size", ""));
        }
    }
}
