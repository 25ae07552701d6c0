package org.toesim.scenario.model;

import org.toesim.core.event.Simulator;
import org.toesim.core.stats.StatsRegistry;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.CpuSpec;
import org.toesim.host.cpu.HostCpu;
import org.toesim.core.random.RandomStreams;
import org.toesim.host.driver.AdapterRecord;
import org.toesim.host.socket.SocketLayer;
import org.toesim.host.stack.DriverNetDevice;
import org.toesim.host.stack.HostStack;
import org.toesim.host.stack.NeighbourTable;
import org.toesim.host.stack.StackConfig;
import org.toesim.tcp.engine.TcpConfig;
import org.toesim.host.driver.DriverConfig;
import org.toesim.host.driver.NicDriver;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.MemorySpec;
import org.toesim.host.pcie.RootComplex;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.pcap.PcapWriter;
import org.toesim.nic.pcie.PcieGeneration;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.plain.PlainNic;
import org.toesim.nic.plain.PlainNicConfig;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.spec.HostSpec;
import org.toesim.scenario.spec.NicModel;
import org.toesim.scenario.spec.NicSpec;
import org.toesim.scenario.spec.PcieSpec;
import org.toesim.scenario.spec.Problem;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.run.SimulationException;

/**
 * One host of the topology, assembled bottom-up:
 * <pre>
 *   HostCpu(cores, clock) + CostTable(defaults + overrides)   HostMemory (access latency 0:
 *        |                                                     the scenario's PCIe read
 *   RootComplex --- PcieLink(gen, lanes, MPS, MRRS, RTT) ---   latency is end to end)
 *        |                                          |
 *   NicDriver (rings, NAPI, commands)      PlainNic | Toe --- MacPort(rate, queue) --- Link
 * </pre>
 * The driver is attached (rings programmed, capability queried) at time 0.
 */
final class HostNode {
    final HostSpec spec;
    final int index;
    final int ip;
    final long mac;
    final CostTable costs;
    final HostCpu cpu;
    final HostMemory memory;
    final PcieLink pcie;
    final MacPort port;
    final RootComplex rootComplex;
    final NicDriver driver;
    final PlainNic plainNic;
    private AdapterRecord adapter;
    /** The host stack and its socket layer, built once the adapter has attached. */
    HostStack stack;
    SocketLayer sockets;

    private HostNode(HostSpec spec, int index, CostTable costs, HostCpu cpu, HostMemory memory, PcieLink pcie,
                     MacPort port, RootComplex rootComplex, NicDriver driver, PlainNic plainNic) {
        this.spec = spec;
        this.index = index;
        this.ip = Addressing.ip(index);
        this.mac = Addressing.mac(index);
        this.costs = costs;
        this.cpu = cpu;
        this.memory = memory;
        this.pcie = pcie;
        this.port = port;
        this.rootComplex = rootComplex;
        this.driver = driver;
        this.plainNic = plainNic;
    }

    /** Programs the adapter and queries its capability (events from time 0 on). */
    void attach() {
        driver.attach(record -> adapter = record);
    }

    /**
     * Builds the host stack over the attached driver, with one TCP configuration for all its
     * connections and every host of the topology as a neighbour.
     */
    void startStack(Simulator sim, RandomStreams streams, TcpConfig tcp, NeighbourTable neighbours, TraceSink trace) {
        stack = new HostStack(sim, streams, cpu, costs, new DriverNetDevice(driver), neighbours,
                StackConfig.of(name(), index + 1, ip, mac, tcp), trace);
        sockets = new SocketLayer(stack, memory);
    }

    /**
     * The core that runs application connection {@code k}: core 0 takes the NIC's interrupts,
     * so applications go round-robin over the others (core 0 on a one-core host).
     */
    int appCore(int k) {
        int cores = cpu.cores();
        return cores == 1 ? 0 : 1 + k % (cores - 1);
    }

    /** What the capability query found, or null while it is outstanding. */
    AdapterRecord adapter() {
        return adapter;
    }

    /**
     * Schedules a reset of this host's adapter at {@code atPs}: the offload manager flushes every
     * offloaded connection back to the host stack.
     */
    void scheduleCardReset(long atPs, String path) throws SimulationException {
        throw ModelUnavailable.missing(path, "a card reset of host '" + name() + "'",
                "the TOE device model and the offload manager (branches nic-toe, host-offload)");
    }

    /** The adapter's figures since warm-up. */
    NicReport nicReport() {
        // a plain NIC passes every received frame up to the host stack: all of them are slow path
        long toHost = plainNic.stats().total(q -> q.rxFrames);
        return new NicReport(name(), spec.nic().model().fileName(), 0, 0, 0, 0, toHost,
                pcie.upstreamStats().utilisation(), pcie.downstreamStats().utilisation());
    }

    String name() {
        return spec.name();
    }

    /**
     * Builds host {@code index}; {@code portConfig} is the MAC of its link end (rate, queue).
     *
     * @throws ScenarioException   an unknown cost name or a PCIe generation the model lacks
     * @throws SimulationException the host needs a part of the model not in this build
     */
    static HostNode build(Simulator sim, StatsRegistry stats, TraceSink trace, HostSpec spec, int index,
                          MacConfig portConfig, PcapWriter pcap) throws ScenarioException, SimulationException {
        String path = "hosts[" + index + "]";
        CostTable costs = CostOverrides.apply(CostTable.defaults(), spec.costs(), path + ".costs");
        NicSpec nicSpec = spec.nic();
        if (nicSpec.model() == NicModel.TOE) {
            // The Toe device, offload manager and socket bridge exist, but the Toe refuses the
            // host stack's transmit descriptors (NicSend) and the host-os applications post their
            // buffers without SocketOffloadBridge; host-os tests bridge the first with a shim that
            // skips PCIe, which a scenario run must not do.
            throw ModelUnavailable.missing(path + ".nic.model", "a TOE adapter",
                    "a Toe that transmits the host stack's frames from its SEND ring and applications "
                    + "that post receive buffers through org.toesim.host.offload.SocketOffloadBridge");
        }
        if (nicSpec.rssQueues() > 1) {
            throw ModelUnavailable.missing(path + ".nic.rssQueues", nicSpec.rssQueues() + " RSS queues",
                    "a multi-queue NIC driver (org.toesim.host.driver drives one queue set)");
        }
        HostCpu cpu = stats.register(new HostCpu(sim, new CpuSpec(spec.name() + ".cpu", spec.cores(), spec.clockHz()),
                trace));
        HostMemory memory = new HostMemory(MemorySpec.defaults().withAccessLatencyPs(0));
        PcieLink pcie = stats.register(new PcieLink(sim, spec.name() + ".pcie", pcieSpec(spec.pcie(), path)));
        MacPort port = new MacPort(sim, spec.name() + ".eth0", portConfig, trace);
        port.stats().registerIn(stats);
        RootComplex rc = stats.register(new RootComplex(sim, spec.name() + ".rc", memory, cpu, costs));
        long moderationUsecs = nicSpec.interruptModeration().delayPs() / Units.PS_PER_US;
        int moderationFrames = nicSpec.interruptModeration().frames();
        PlainNicConfig nicConfig = PlainNicConfig.defaults()
                .withChecksumOffload(nicSpec.checksumOffload(), nicSpec.checksumOffload())
                .withTso(nicSpec.tso())
                .withModeration(moderationUsecs, moderationFrames)
                .withMac(portConfig);
        if (nicSpec.lro()) {
            if (!nicSpec.checksumOffload()) {
                throw new ScenarioException(new Problem("<scenario>", 0, 0, path + ".nic.lro",
                        "LRO needs receive checksum offload", "checksumOffload true, or lro false", ""));
            }
            nicConfig = nicConfig.withLro(true, nicConfig.lroFlushTimeoutPs());
        }
        PlainNic nic = new PlainNic(sim, spec.name() + ".nic", nicConfig, pcie, port);
        nic.registerStats(stats);
        if (pcap != null) {
            port.connectReceiver(pcap.tap(nic));
        }
        pcie.attach(rc, nic);
        rc.connect(pcie);
        DriverConfig d = DriverConfig.defaults(spec.name() + ".nic0").withAdapterId(index + 1)
                .withModeration(moderationUsecs, moderationFrames);
        // the driver asks the NIC to fill in checksums only if the NIC offloads them
        DriverConfig dc = new DriverConfig(d.name(), d.adapterId(), d.queueCore(), d.vector(), d.commandRingSlots(),
                d.sendRingSlots(), d.receiveRingSlots(), d.completionRingSlots(), d.eventRingSlots(), d.rxBuffers(),
                d.rxBufferBytes(), d.txBufferBytes(), d.napiBudget(), d.rxRefillBatch(), d.txWakeSlots(),
                d.moderationUsecs(), d.moderationFrames(), nicSpec.checksumOffload(), d.commandTimeoutPs());
        NicDriver driver = new NicDriver(sim, rc, dc, costs);
        return new HostNode(spec, index, costs, cpu, memory, pcie, port, rc, driver, nic);
    }

    private static org.toesim.nic.pcie.PcieSpec pcieSpec(PcieSpec s, String path) throws ScenarioException {
        if (s.gen() > PcieGeneration.values().length) {
            throw new ScenarioException(new Problem("<scenario>", 0, 0, path + ".pcie.gen",
                    "PCIe generation " + s.gen() + " is not modelled", "1 to " + PcieGeneration.values().length, ""));
        }
        return org.toesim.nic.pcie.PcieSpec.of(PcieGeneration.of(s.gen()), s.lanes()).withMps(s.maxPayloadBytes())
                .withMrrs(s.maxReadRequestBytes()).withReadRoundTripPs(s.readLatencyPs());
    }
}
