package org.toesim.scenario.model;

import org.toesim.core.event.Simulator;
import org.toesim.core.stats.StatsRegistry;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.scenario.spec.HostCpuProfileName;
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
import org.toesim.nic.frame.EthernetWire;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.pcap.PcapWriter;
import org.toesim.nic.pcie.PcieGeneration;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.plain.PlainNic;
import org.toesim.nic.plain.PlainNicConfig;
import org.toesim.scenario.result.CardReport;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.spec.HostSpec;
import org.toesim.scenario.spec.NicModel;
import org.toesim.scenario.spec.NicSpec;
import org.toesim.scenario.spec.PcieSpec;
import org.toesim.scenario.spec.Problem;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.run.SimulationException;
import org.toesim.core.event.Priority;
import org.toesim.host.offload.DriverAdapterPort;
import org.toesim.host.offload.HostStackPort;
import org.toesim.host.offload.OffloadCounters;
import org.toesim.host.offload.OffloadManager;
import org.toesim.host.offload.ReplayNetDevice;
import org.toesim.host.offload.SocketOffloadBridge;
import org.toesim.host.offload.SocketOffloadConfig;
import org.toesim.nic.device.DeviceEndpoint;
import org.toesim.nic.device.Registers;
import org.toesim.nic.toe.CardProcessor;
import org.toesim.nic.toe.Toe;
import org.toesim.nic.toe.ToeConfig;
import org.toesim.nic.toe.ToeReport;

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
    /** The plain NIC, or null on a TOE host. */
    final PlainNic plainNic;
    /** The TOE, or null on a plain-NIC host. */
    final Toe toe;
    /** The offload manager of a TOE host (built with the stack), or null. */
    OffloadManager manager;
    private AdapterRecord adapter;
    /** The host stack and its socket layer, built once the adapter has attached. */
    HostStack stack;
    SocketLayer sockets;

    private HostNode(HostSpec spec, int index, CostTable costs, HostCpu cpu, HostMemory memory, PcieLink pcie,
                     MacPort port, RootComplex rootComplex, NicDriver driver, PlainNic plainNic, Toe toe) {
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
        this.toe = toe;
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
        if (toe == null) {
            stack = new HostStack(sim, streams, cpu, costs, new DriverNetDevice(driver), neighbours,
                    stackConfig(tcp), trace);
            sockets = new SocketLayer(stack, memory);
            return;
        }
        startOffloadStack(sim, streams, tcp, neighbours, trace);
    }

    /** The stack's identity, TCP settings and qdisc limit ({@code nic.txqueuelen}). */
    private StackConfig stackConfig(TcpConfig tcp) {
        return StackConfig.of(name(), index + 1, ip, mac, tcp).withTxQueueLen(spec.nic().txqueuelen());
    }

    /** Frames the host's qdisc dropped (txqueuelen full), since warm-up. */
    long qdiscDrops() {
        return stack == null ? 0 : stack.qdiscDrops().value();
    }

    /**
     * A TOE host's stack: the host stack over a replaying device (segments held during a
     * handoff go up again after a flush), the offload manager over the driver's TOE command
     * path, and the applications' socket calls routed through {@link OffloadSocketIo}.
     * <pre>
     *   HostStack --ReplayNetDevice--&gt; DriverNetDevice --&gt; NicDriver (NicSend, rx ring)
     *   OffloadManager(policy) --DriverAdapterPort--&gt; NicDriver (commands, buffers, sends) --PCIe--&gt; Toe
     *                          --HostStackPort-----&gt; HostStack (quiesce, snapshot, resume)
     *   NicDriver event ring --&gt; manager.onDeviceEvent (upload requests)
     *   SocketLayer.io = OffloadSocketIo --&gt; SocketOffloadBridge (receive pieces, SocketSendPath sends, close)
     * </pre>
     */
    private void startOffloadStack(Simulator sim, RandomStreams streams, TcpConfig tcp, NeighbourTable neighbours,
                                   TraceSink trace) {
        ReplayNetDevice dev = new ReplayNetDevice(new DriverNetDevice(driver));
        stack = new HostStack(sim, streams, cpu, costs, dev, neighbours, stackConfig(tcp), trace);
        sockets = new SocketLayer(stack, memory);
        HostStackPort stackPort = new HostStackPort(stack, dev);
        // offload commands and buffer posts run off the interrupt core (core 0), as a kernel worker would;
        // a command takes its state slot when it enters the COMMAND ring (commands beyond the ring wait
        // in the driver's backlog holding nothing), so one slot per ring slot serves any table size
        DriverAdapterPort adapterPort = new DriverAdapterPort(driver, cpu.cores() > 1 ? 1 : 0,
                driver.config().commandRingSlots(), MAX_CCB_IMAGE_BYTES);
        manager = new OffloadManager(sim, adapterPort, stackPort,
                ToeAssembly.offloadConfig(ToeAssembly.policy(spec.offload()), toe.config(), spec.nic()), trace, name());
        stackPort.setManager(manager);
        driver.setDeviceEventListener((e, core) -> manager.onDeviceEvent(e));
        neighbours.addChangeListener(manager::neighbourChanged); // neighbour invalidate: the card follows the host's table
        OffloadSocketIo io = new OffloadSocketIo(manager, new SocketOffloadBridge(manager, SocketOffloadConfig.defaults()),
                sim::now);
        sockets.setIo(io);
        offloadIo = io;
    }

    /** The socket calls of a TOE host, or null. */
    OffloadSocketIo offloadIo;

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
    void scheduleCardReset(Simulator sim, org.toesim.scenario.spec.Scenario s, long atPs, String path)
            throws ScenarioException {
        if (toe == null) {
            throw new ScenarioException(new Problem("<scenario>", 0, 0, path + ".host",
                    "host '" + name() + "' has a plain NIC; a card reset needs a TOE", "a host with nic.model toe", ""));
        }
        // the card fails; the host learns it from the adapter's upload requests (over PCIe) and flushes
        sim.scheduleAt(sim.newEvent("fault.cardReset", name(), Priority.NORMAL,
                Faults.applied(sim, s, path + " cardReset of host " + name(), toe::reset)), atPs);
    }

    /** The adapter's figures since warm-up. */
    NicReport nicReport(long nowPs) {
        if (toe != null) {
            return toeReport(nowPs);
        }
        // a plain NIC passes every received frame up to the host stack: all of them are slow path
        long toHost = plainNic.stats().total(q -> q.rxFrames);
        long drops = plainNic.stats().total(q -> q.rxMissed) + plainNic.stats().total(q -> q.rxLengthErrors);
        return new NicReport(name(), spec.nic().model().fileName(), 0, 0, 0, 0, 0, toHost,
                pcie.upstreamStats().utilisation(), pcie.downstreamStats().utilisation(), null, drops);
    }

    /**
     * A TOE's figures: offloads = connections the card installed, refused = InitiateOffloads
     * the card declined (table full), not possible = handoffs the adapter record ruled out before
     * any command (every CCB in use: the host fallback of a full table), flushes = connections the manager took back, fast path =
     * frames the classifier kept on the card, slow path = frames it passed to the host (plus
     * every frame received before any connection is offloaded).
     */
    private NicReport toeReport(long nowPs) {
        ToeReport r = toe.report(pcie);
        OffloadCounters c = manager.counters();
        long fast = r.fastPathFrames() - toeBase[0];
        long slow = r.framesToHost() - toeBase[1];
        CardReport card = cardReport(r, nowPs);
        return new NicReport(name(), spec.nic().model().fileName(), r.offloadsInstalled() - toeBase[2],
                c.refused() - toeBase[3], c.notPossible() - toeBase[5], c.flushes() - toeBase[4], fast, slow,
                pcie.upstreamStats().utilisation(), pcie.downstreamStats().utilisation(), card,
                card.framesDroppedNoBuffer() + card.framesRefusedBusy());
    }

    /** The card's figures since warm-up: counters and core busy time re-based there. */
    private CardReport cardReport(ToeReport r, long nowPs) {
        CardProcessor p = toe.processor();
        long elapsedPs = nowPs - cardBaseTimePs;
        long busyPs = 0;
        long busiestPs = 0;
        for (int k = 0; k < p.cores(); k++) {
            long b = p.coreBusyPs(k) - (k < cardBusyBasePs.length ? cardBusyBasePs[k] : 0);
            busyPs += b;
            busiestPs = Math.max(busiestPs, b);
        }
        double util = elapsedPs > 0 ? (double) busyPs / ((double) elapsedPs * p.cores()) : 0;
        double busiest = elapsedPs > 0 ? (double) busiestPs / elapsedPs : 0;
        return new CardReport(util, busiest, r.meanWorkQueueDepth(), r.framesRefusedBusy() - cardBase[0],
                r.framesDroppedNoBuffer() - cardBase[1], r.ccbOccupied(), r.ccbCapacity(), r.ccbMeanOccupancy(),
                r.ccbPeakOccupancy(), r.bufferStarvationSeconds(), r.bufferStarvationEpisodes(),
                r.uploadRequests() - cardBase[2], r.bytesPlaced() - cardBase[3], r.sendBytesReRead() - cardBase[4],
                r.hostClosesOnCard() - cardBase[5], r.peerClosesOnCard() - cardBase[6], r.indications() - cardBase[7],
                r.bytesIndicated() - cardBase[8], r.bytesIndicationAccepted() - cardBase[9]);
    }

    private final long[] toeBase = new long[6];
    private final long[] cardBase = new long[10];
    private long[] cardBusyBasePs = new long[0];
    private long cardBaseTimePs;

    /** Re-bases the TOE counters at the warm-up boundary (the registry resets the others). */
    void resetAtWarmUp(long nowPs) {
        if (toe != null) {
            ToeReport r = toe.report(null);
            OffloadCounters c = manager.counters();
            toeBase[0] = r.fastPathFrames();
            toeBase[1] = r.framesToHost();
            toeBase[2] = r.offloadsInstalled();
            toeBase[3] = c.refused();
            toeBase[4] = c.flushes();
            cardBase[0] = r.framesRefusedBusy();
            cardBase[1] = r.framesDroppedNoBuffer();
            cardBase[2] = r.uploadRequests();
            cardBase[3] = r.bytesPlaced();
            cardBase[4] = r.sendBytesReRead();
            cardBase[5] = r.hostClosesOnCard();
            cardBase[6] = r.peerClosesOnCard();
            cardBase[7] = r.indications();
            cardBase[8] = r.bytesIndicated();
            cardBase[9] = r.bytesIndicationAccepted();
            CardProcessor p = toe.processor();
            cardBusyBasePs = new long[p.cores()];
            for (int k = 0; k < p.cores(); k++) {
                cardBusyBasePs[k] = p.coreBusyPs(k);
            }
            cardBaseTimePs = nowPs;
            toeBase[5] = c.notPossible();
        }
    }

    String name() {
        return spec.name();
    }

    /** The COMPLETION ring: the default, or larger when more receive buffers and send slots can complete at once. */
    private static int completionSlots(DriverConfig d, int rxBuffers) {
        return Math.max(d.completionRingSlots(), Integer.highestOneBit(rxBuffers + d.sendRingSlots()) << 1);
    }

    /** The trace lifeline of this host's adapter: {@code <host>.card} for a TOE, {@code <host>.nic} otherwise. */
    String adapterLifeline() {
        return spec.name() + (toe != null ? ".card" : ".nic");
    }

    /**
     * Builds host {@code index}; {@code portConfig} is the MAC of its link end (rate, queue).
     *
     * @throws ScenarioException   an unknown cost name or a PCIe generation the model lacks
     * @throws SimulationException the host needs a part of the model not in this build
     */
    static HostNode build(Simulator sim, StatsRegistry stats, TraceSink trace, HostSpec spec, int index,
                          MacConfig portConfig, PcapWriter pcap, TcpConfig tcp, RandomStreams streams)
            throws ScenarioException, SimulationException {
        String path = "hosts[" + index + "]";
        CostTable base = spec.cpu() == HostCpuProfileName.MODERN ? CostTable.modern() : CostTable.foong2003();
        CostTable costs = CostOverrides.apply(base, spec.costs(), path + ".costs");
        NicSpec nicSpec = spec.nic();
        if (nicSpec.rssQueues() > 1 && nicSpec.model() == NicModel.TOE) {
            throw ModelUnavailable.missing(path + ".nic.rssQueues", nicSpec.rssQueues() + " RSS queues on a TOE",
                    "a TOE slow path that spreads frames over several receive queues (the Toe uses queue 0)");
        }
        if (nicSpec.rssQueues() > Registers.MAX_QUEUES) {
            throw new ScenarioException(new Problem("<scenario>", 0, 0, path + ".nic.rssQueues",
                    nicSpec.rssQueues() + " RSS queues; the modelled NIC has " + Registers.MAX_QUEUES,
                    "1 to " + Registers.MAX_QUEUES, ""));
        }
        HostCpu cpu = stats.register(new HostCpu(sim, new CpuSpec(spec.name() + ".cpu", spec.cores(), spec.clockHz()),
                trace));
        HostMemory memory = new HostMemory(MemorySpec.defaults().withAccessLatencyPs(0));
        PcieLink pcie = stats.register(new PcieLink(sim, spec.name() + ".pcie", pcieSpec(spec.pcie(), path)));
        MacPort port = new MacPort(sim, spec.name() + ".eth0", portConfig, trace, streams);
        port.stats().registerIn(stats);
        RootComplex rc = stats.register(new RootComplex(sim, spec.name() + ".rc", memory, cpu, costs));
        long moderationUsecs = nicSpec.interruptModeration().delayPs() / Units.PS_PER_US;
        int moderationFrames = nicSpec.interruptModeration().frames();
        Toe toe = null;
        PlainNic nic = null;
        DeviceEndpoint device;
        if (nicSpec.model() == NicModel.TOE) {
            // the TOE's own MAC receives (no pcap receive tap on a TOE host: the card owns its port)
            ToeConfig tc = ToeAssembly.config(nicSpec, Addressing.mac(index), index, tcp, path);
            toe = new Toe(sim, pcie, pcieSpec(spec.pcie(), path), tc, port, spec.name() + ".toe", trace,
                    spec.name() + ".card");
            device = toe;
        } else {
            nic = plainNic(sim, stats, spec, nicSpec, portConfig, pcie, port, path, moderationUsecs, moderationFrames);
            if (pcap != null) {
                port.connectReceiver(pcap.tap(nic));
            }
            device = nic;
        }
        pcie.attach(rc, device, trace, spec.name(), spec.name() + (toe != null ? ".card" : ".nic"));
        rc.connect(pcie);
        DriverConfig d0 = DriverConfig.defaults(spec.name() + ".nic0").withAdapterId(index + 1)
                .withModeration(moderationUsecs, moderationFrames);
        DriverConfig d = d0.withReceive(d0.receiveRingSlots(), d0.rxBuffers(),
                rxBufferBytes(portConfig.mtuBytes(), nic != null && nicSpec.lro()));
        int rxBuffers = nicSpec.rxBuffers();
        // the driver asks the NIC to fill in checksums only if the NIC offloads them
        DriverConfig dc = new DriverConfig(d.name(), d.adapterId(), d.queueCore(), d.vector(), d.commandRingSlots(),
                d.sendRingSlots(), toe == null ? nicSpec.receiveRingSlots()
                        : Math.max(TOE_RECEIVE_RING_SLOTS, nicSpec.receiveRingSlots()),
                completionSlots(d, rxBuffers), d.eventRingSlots(), rxBuffers,
                d.rxBufferBytes(), d.txBufferBytes(), d.napiBudget(), d.rxRefillBatch(), d.txWakeSlots(),
                d.moderationUsecs(), d.moderationFrames(), nicSpec.checksumOffload(), d.commandTimeoutPs(),
                nicSpec.rssQueues());
        NicDriver driver = new NicDriver(sim, rc, dc, costs);
        return new HostNode(spec, index, costs, cpu, memory, pcie, port, rc, driver, nic, toe);
    }

    /**
     * Length of the receive buffers the driver posts: one whole frame of the largest size the
     * NIC can deliver. Without LRO that is one MTU frame (2048 B for the 1500-byte MTU, as igb
     * and ixgbe use; 9216 B + slack for jumbo frames); with LRO an aggregate of up to a 64 KiB IP
     * packet, so the driver posts 64 KiB + headers buffers, as mlx5 does for hardware LRO. A
     * buffer smaller than an aggregate would drop it on the card (rxLengthErrors): with 2 KiB
     * buffers every merged frame was lost and a bulk transfer crawled on retransmissions.
     */
    static int rxBufferBytes(int mtuBytes, boolean lro) {
        if (lro) {
            return DriverConfig.DEFAULT_TX_BUFFER_BYTES;
        }
        int frameBytes = EthernetWire.HEADER_BYTES + mtuBytes + EthernetWire.FCS_BYTES;
        return Math.max(2048, (frameBytes + 1023) / 1024 * 1024);
    }

    /**
     * RECEIVE ring of a TOE host. Its plain-NIC buffers and the posted application buffers share
     * the ring and the driver frees slots in order, so a NIC buffer no slow-path frame has used
     * yet holds back every posted buffer completed after it: about (slots - rxBuffers) posted
     * buffers fit before the ring is full (the driver then fails the run loudly). 8192 slots
     * carry the default experiment (~800 posts) with room to spare.
     */
    static final int TOE_RECEIVE_RING_SLOTS = 8192;

    /** Largest CCB image (or forwarded frame batch) one offload state slot holds. */
    static final int MAX_CCB_IMAGE_BYTES = 1 << 20;

    private static PlainNic plainNic(Simulator sim, StatsRegistry stats, HostSpec spec, NicSpec nicSpec,
                                     MacConfig portConfig, PcieLink pcie, MacPort port, String path,
                                     long moderationUsecs, int moderationFrames) throws ScenarioException {
        PlainNicConfig nicConfig = PlainNicConfig.defaults()
                .withChecksumOffload(nicSpec.checksumOffload(), nicSpec.checksumOffload())
                .withTso(nicSpec.tso())
                .withQueues(nicSpec.rssQueues())
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
        return nic;
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
