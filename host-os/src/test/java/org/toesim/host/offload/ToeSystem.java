package org.toesim.host.offload;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.check.InvariantChecker;
import org.toesim.core.event.Simulator;
import org.toesim.host.check.CardView;
import org.toesim.host.check.ConnectionInvariants;
import org.toesim.host.check.HostView;
import org.toesim.host.check.SocketTracker;
import org.toesim.nic.ring.RingBoundsInvariant;
import org.toesim.tcp.engine.StreamAccounting;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.TraceRecord;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.CpuSpec;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.driver.AdapterRecord;
import org.toesim.host.driver.DriverConfig;
import org.toesim.host.driver.NicDriver;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.pcie.RootComplex;
import org.toesim.host.socket.SocketLayer;
import org.toesim.host.stack.DeviceFeatures;
import org.toesim.host.stack.DriverNetDevice;
import org.toesim.host.stack.HostStack;
import org.toesim.host.stack.NeighbourTable;
import org.toesim.host.stack.StackConfig;
import org.toesim.host.stack.WireNic;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.mac.QueueLimit;
import org.toesim.nic.net.Link;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.toe.Toe;
import org.toesim.nic.toe.ToeConfig;
import org.toesim.tcp.engine.TcpConfig;

/**
 * Test system: host A (host stack over a wire NIC, the peer) and host B (host stack + driver +
 * root complex + PCIe link + TOE + offload manager), MAC to MAC over a 10 Gbit/s link.
 */
final class ToeSystem {
    static final int IP_A = 0x0A000001;
    static final int IP_B = 0x0A000002;
    static final int PORT = 5001;

    /** A trace sink that also samples B's CPU counters at each manager record. */
    final class Sampler implements TraceSink {
        record Sample(long timePs, TraceRecord record, long protocolCycles, long perByteCycles, long hostTxFrames) {
        }

        final List<Sample> samples = new ArrayList<>();

        @Override
        public void record(long timePs, String component, TraceRecord record) {
            samples.add(new Sample(timePs, record, protocolCyclesB(), perByteCyclesB(),
                    toe == null ? 0 : toe.hostStackFramesSent()));
        }
    }

    final Simulator sim = new Simulator();
    final RandomStreams streams;
    /** Both hosts' TCP configuration (CUBIC unless a test passes another). */
    static final TcpConfig DEFAULT_TCP = TcpConfig.builder().mssBytes(1448).minRtoPs(200 * Units.PS_PER_MS)
            .initialRtoPs(Units.PS_PER_S).mslPs(Units.PS_PER_MS).build();
    final TcpConfig tcp;
    final CostTable costs = CostTable.defaults();
    // host A
    final HostCpu cpuA;
    final HostStack stackA;
    final SocketLayer socketsA;
    final HostMemory memA = new HostMemory();
    // host B
    final HostCpu cpuB;
    final HostMemory memB = new HostMemory();
    final RootComplex rc;
    final PcieLink pcie;
    final Toe toe;
    final NicDriver driver;
    AdapterRecord adapter;
    final HostStack stackB;
    /** B's neighbour table (its ARP cache): a change goes to the offload manager. */
    final NeighbourTable neighboursB;
    final SocketLayer socketsB;
    final HostStackPort stackPort;
    final DriverAdapterPort adapterPort;
    final OffloadManager manager;
    final SocketOffloadBridge bridge;
    final Sampler trace = new Sampler();
    final InvariantChecker checker = new InvariantChecker();
    ConnectionInvariants connectionChecks;

    ToeSystem(long seed, OffloadConfig config, ToeConfig toeConfig) {
        this(seed, config, toeConfig, p -> p);
    }

    /** {@code wrap} may stand between the manager and the real adapter port (tests of a stale adapter record). */
    ToeSystem(long seed, OffloadConfig config, ToeConfig toeConfig,
            java.util.function.UnaryOperator<AdapterPort> wrap) {
        this(seed, config, toeConfig, wrap, 1 << 20);
    }

    /** {@code slotBytes}: the adapter port's state slots (a flush whose CCB image is larger asks again). */
    ToeSystem(long seed, OffloadConfig config, ToeConfig toeConfig,
            java.util.function.UnaryOperator<AdapterPort> wrap, int slotBytes) {
        this(seed, config, toeConfig, wrap, slotBytes, DEFAULT_TCP);
    }

    /** {@code tcp}: both hosts' TCP configuration (e.g. another congestion control). */
    ToeSystem(long seed, OffloadConfig config, ToeConfig toeConfig,
            java.util.function.UnaryOperator<AdapterPort> wrap, int slotBytes, TcpConfig tcp) {
        this.tcp = tcp;
        streams = new RandomStreams(seed);
        cpuA = new HostCpu(sim, CpuSpec.of("A.cpu", 2));
        MacPort portA = new MacPort(sim, "A.mac", MacConfig.tenGig().withTxQueue(QueueLimit.frames(1000)));
        WireNic nicA = new WireNic(sim, cpuA, costs, portA, DeviceFeatures.NONE, false, 0, 0, 256);
        long macB = toeConfig.localMac();
        stackA = new HostStack(sim, streams, cpuA, costs, nicA, new NeighbourTable().put(IP_B, macB),
                StackConfig.of("A", 1, IP_A, org.toesim.nic.frame.MacAddress.local(1), tcp), TraceSink.NONE);
        socketsA = new SocketLayer(stackA, memA);

        cpuB = new HostCpu(sim, CpuSpec.of("B.cpu", 2));
        rc = new RootComplex(sim, "B.rc", memB, cpuB, costs);
        pcie = new PcieLink(sim, "B.pcie", PcieSpec.gen3x8());
        MacPort portB = new MacPort(sim, "B.mac", MacConfig.tenGig().withTxQueue(QueueLimit.frames(1000)));
        toe = new Toe(sim, pcie, PcieSpec.gen3x8(), toeConfig, portB, "B.toe");
        rc.connect(pcie);
        pcie.attach(rc, toe);
        driver = new NicDriver(sim, rc, DriverConfig.defaults("B.nic0").withModeration(0, 0), costs);
        new Link(sim, streams, "link", 5 * Units.PS_PER_US).attach(portA, portB);
        driver.attach(r -> adapter = r);
        sim.run();
        ReplayNetDevice dev = new ReplayNetDevice(new DriverNetDevice(driver));
        neighboursB = new NeighbourTable().put(IP_A, org.toesim.nic.frame.MacAddress.local(1));
        stackB = new HostStack(sim, streams, cpuB, costs, dev, neighboursB,
                StackConfig.of("B", 2, IP_B, macB, tcp), TraceSink.NONE);
        socketsB = new SocketLayer(stackB, memB);
        stackPort = new HostStackPort(stackB, dev);
        adapterPort = new DriverAdapterPort(driver, 0, 16, slotBytes);
        manager = new OffloadManager(sim, wrap.apply(adapterPort), stackPort, config, trace, "B");
        stackPort.setManager(manager);
        driver.setDeviceEventListener((e, core) -> manager.onDeviceEvent(e));
        neighboursB.addChangeListener(manager::neighbourChanged); // as the scenario runner wires it
        bridge = new SocketOffloadBridge(manager);
        checkInvariants();
    }

    /** Every test of this system runs with the connection, ring and kernel invariants checked after each event. */
    private void checkInvariants() {
        SocketTracker sockets = new SocketTracker().follow(socketsA).follow(socketsB);
        HostView a = new HostView("A", stackA, null);
        HostView b = new HostView("B", stackB, new CardView() {
            @Override
            public boolean holds(FourTuple tuple) {
                return toe.holdsConnection(tuple);
            }

            @Override
            public StreamAccounting accounting(FourTuple tuple) {
                return toe.accounting(tuple);
            }

            @Override
            public HandoffState handoffState(FourTuple tuple) {
                return manager.state(tuple);
            }
        });
        connectionChecks = new ConnectionInvariants(sockets, ip -> ip == IP_A ? a : ip == IP_B ? b : null, s -> null);
        checker.addAll(connectionChecks.all());
        checker.add(new RingBoundsInvariant("B.toe", toe::ringIndices, List.of(
                new RingBoundsInvariant.Bound("DMA read tags", toe.dma()::tagsInUse, toe.dma().maxReadTags()),
                new RingBoundsInvariant.Bound("CCB slots", toe::ccbSlotsInUse, toe.config().ccbCapacity()))));
        sim.setListener(checker);
    }

    /** B's host cycles that scale with TCP protocol work. */
    long protocolCyclesB() {
        return cpuB.cycles(CostCategory.PROTOCOL_RX) + cpuB.cycles(CostCategory.PROTOCOL_TX)
                + cpuB.cycles(CostCategory.ACK);
    }

    /** B's host cycles that scale with bytes (copies and checksums). */
    long perByteCyclesB() {
        return cpuB.cycles(CostCategory.COPY) + cpuB.cycles(CostCategory.CHECKSUM);
    }

    <T extends TraceRecord> List<Sampler.Sample> of(Class<T> type) {
        List<Sampler.Sample> out = new ArrayList<>();
        for (Sampler.Sample s : trace.samples) {
            if (type.isInstance(s.record())) {
                out.add(s);
            }
        }
        return out;
    }
}
