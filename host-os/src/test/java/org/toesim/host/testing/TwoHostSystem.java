package org.toesim.host.testing;

import java.util.Objects;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.CpuSpec;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.driver.AdapterRecord;
import org.toesim.host.driver.DriverConfig;
import org.toesim.host.driver.NicDriver;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.pcie.RootComplex;
import org.toesim.host.socket.SocketLayer;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.stack.DeviceFeatures;
import org.toesim.host.stack.DriverNetDevice;
import org.toesim.host.stack.FrameReceiver;
import org.toesim.host.stack.NetDevice;
import org.toesim.host.stack.RxInfo;
import org.toesim.host.stack.HostStack;
import org.toesim.host.stack.NeighbourTable;
import org.toesim.host.stack.StackConfig;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.MacAddress;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.net.Link;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.plain.PlainNic;
import org.toesim.nic.plain.PlainNicConfig;
import org.toesim.tcp.engine.TcpConfig;

/**
 * Test fixture: two real hosts back to back, every layer the production one.
 *
 * <pre>
 *  host A                                                        host B (same shape)
 *  SocketLayer / HostStack / DriverNetDevice / NicDriver
 *    RootComplex (HostMemory, HostCpu) == PcieLink == PlainNic -- MacPort --Link-- MacPort ...
 * </pre>
 * The constructor attaches both drivers (capability query over the PCIe link) and runs the
 * simulator until both adapter records are filled, then builds the stacks on
 * {@link DriverNetDevice}s. Workloads then run with {@code sys.sim.run()}.
 */
public final class TwoHostSystem {
    public static final int IP_A = 0x0A000001;
    public static final int IP_B = 0x0A000002;

    /**
     * Knobs of the fixture.
     *
     * @param seed               random streams seed
     * @param linkRateBitsPerSec Ethernet line rate of both MACs
     * @param propagationDelayPs one-way propagation delay of the link
     * @param coresA             cores of host A
     * @param coresB             cores of host B
     * @param clockHzA           clock of host A
     * @param clockHzB           clock of host B
     * @param costs              both hosts' CPU cost table
     * @param tcp                both stacks' TCP settings
     * @param checksumOffload    NIC checksum offload, receive and transmit (both hosts)
     * @param tso                NIC TCP segmentation offload (both hosts)
     * @param queues             queue pairs of each NIC (and of the driver)
     * @param moderationUsecs    driver's rx-usecs of every vector
     * @param moderationFrames   driver's rx-max-frames of every vector
     * @param pcie               the PCIe link of each host
     */
    public record Spec(long seed, long linkRateBitsPerSec, long propagationDelayPs, int coresA, int coresB,
            long clockHzA, long clockHzB, CostTable costs, TcpConfig tcp, boolean checksumOffload, boolean tso,
            int queues, long moderationUsecs, int moderationFrames, PcieSpec pcie) {

        public Spec {
            Objects.requireNonNull(costs, "costs");
            Objects.requireNonNull(tcp, "tcp");
            Objects.requireNonNull(pcie, "pcie");
        }

        /**
         * 1 Gbit/s link, 10 us propagation, 2 cores of 2.4 GHz per host, default costs, MSS 1448,
         * checksum offload and TSO on, one queue pair, driver moderation 8 us / 32 frames, PCIe
         * gen3 x8.
         */
        public static Spec defaults() {
            return new Spec(1, 1_000_000_000L, 10 * Units.PS_PER_US, 2, 2, CpuSpec.DEFAULT_CLOCK_HZ,
                    CpuSpec.DEFAULT_CLOCK_HZ, CostTable.defaults(),
                    TcpConfig.builder().mssBytes(1448).minRtoPs(200 * Units.PS_PER_MS).initialRtoPs(Units.PS_PER_S)
                            .mslPs(Units.PS_PER_MS).build(),
                    true, true, 1, 8, 32, PcieSpec.gen3x8());
        }

        public Spec withSeed(long s) {
            return new Spec(s, linkRateBitsPerSec, propagationDelayPs, coresA, coresB, clockHzA, clockHzB, costs, tcp,
                    checksumOffload, tso, queues, moderationUsecs, moderationFrames, pcie);
        }

        public Spec withLinkRate(long rateBitsPerSec) {
            return new Spec(seed, rateBitsPerSec, propagationDelayPs, coresA, coresB, clockHzA, clockHzB, costs, tcp,
                    checksumOffload, tso, queues, moderationUsecs, moderationFrames, pcie);
        }

        public Spec withCoresB(int cores, long clockHz) {
            return new Spec(seed, linkRateBitsPerSec, propagationDelayPs, coresA, cores, clockHzA, clockHz, costs, tcp,
                    checksumOffload, tso, queues, moderationUsecs, moderationFrames, pcie);
        }

        public Spec withCoresA(int cores, long clockHz) {
            return new Spec(seed, linkRateBitsPerSec, propagationDelayPs, cores, coresB, clockHz, clockHzB, costs, tcp,
                    checksumOffload, tso, queues, moderationUsecs, moderationFrames, pcie);
        }

        public Spec withOffloads(boolean checksum, boolean segmentation) {
            return new Spec(seed, linkRateBitsPerSec, propagationDelayPs, coresA, coresB, clockHzA, clockHzB, costs,
                    tcp, checksum, segmentation, queues, moderationUsecs, moderationFrames, pcie);
        }

        public Spec withQueues(int n) {
            return new Spec(seed, linkRateBitsPerSec, propagationDelayPs, coresA, coresB, clockHzA, clockHzB, costs,
                    tcp, checksumOffload, tso, n, moderationUsecs, moderationFrames, pcie);
        }

        public Spec withModeration(long usecs, int frames) {
            return new Spec(seed, linkRateBitsPerSec, propagationDelayPs, coresA, coresB, clockHzA, clockHzB, costs,
                    tcp, checksumOffload, tso, queues, usecs, frames, pcie);
        }

        public Spec withTcp(TcpConfig t) {
            return new Spec(seed, linkRateBitsPerSec, propagationDelayPs, coresA, coresB, clockHzA, clockHzB, costs,
                    t, checksumOffload, tso, queues, moderationUsecs, moderationFrames, pcie);
        }

        public Spec withPropagationDelayPs(long delayPs) {
            return new Spec(seed, linkRateBitsPerSec, delayPs, coresA, coresB, clockHzA, clockHzB, costs, tcp,
                    checksumOffload, tso, queues, moderationUsecs, moderationFrames, pcie);
        }
    }

    /** Observes every frame the driver hands to the stack (before the stack sees it). */
    @FunctionalInterface
    public interface RxTap {
        void onFrame(Frame frame, int core, RxInfo info);
    }

    /** The stack's device: the host's {@link DriverNetDevice}, with an optional receive tap. */
    private static final class TappedDevice implements NetDevice {
        private final DriverNetDevice inner;
        private RxTap tap;

        TappedDevice(DriverNetDevice inner) {
            this.inner = inner;
        }

        @Override
        public DeviceFeatures features() {
            return inner.features();
        }

        @Override
        public void setReceiver(FrameReceiver receiver) {
            inner.setReceiver((f, core, info) -> {
                if (tap != null) {
                    tap.onFrame(f, core, info);
                }
                receiver.onFrame(f, core, info);
            });
        }

        @Override
        public void setTxReadyListener(Runnable listener) {
            inner.setTxReadyListener(listener);
        }

        @Override
        public boolean send(Frame frame, int core, WorkClass workClass, int tsoSegmentBytes) {
            return inner.send(frame, core, workClass, tsoSegmentBytes);
        }
    }

    /** One host: CPU, memory, root complex, PCIe link, plain NIC + MAC, driver, stack, sockets. */
    public static final class Host {
        public final String name;
        public final HostCpu cpu;
        public final HostMemory memory = new HostMemory();
        public final RootComplex rc;
        public final PcieLink pcie;
        public final MacPort mac;
        public final PlainNic nic;
        public final NicDriver driver;
        private final Spec spec;
        private final int id;
        private final int ip;
        private final int peerIp;
        private AdapterRecord adapter;
        private DriverNetDevice device;
        private TappedDevice tapped;
        private HostStack stack;
        private SocketLayer sockets;

        Host(Simulator sim, Spec spec, String name, int id, int ip, int peerIp, int cores, long clockHz) {
            this.name = name;
            this.spec = spec;
            this.id = id;
            this.ip = ip;
            this.peerIp = peerIp;
            cpu = new HostCpu(sim, new CpuSpec(name + ".cpu", cores, clockHz));
            rc = new RootComplex(sim, name + ".rc", memory, cpu, spec.costs());
            pcie = new PcieLink(sim, name + ".pcie", spec.pcie());
            MacConfig macConfig = MacConfig.tenGig().withRate(spec.linkRateBitsPerSec());
            PlainNicConfig nicConfig = PlainNicConfig.defaults().withMac(macConfig).withQueues(spec.queues())
                    .withChecksumOffload(spec.checksumOffload(), spec.checksumOffload()).withTso(spec.tso());
            mac = new MacPort(sim, name + ".mac", macConfig);
            nic = new PlainNic(sim, name + ".nic", nicConfig, pcie, mac);
            rc.connect(pcie);
            pcie.attach(rc, nic);
            driver = new NicDriver(sim, rc, driverConfig(spec, name, cores), spec.costs());
        }

        private static DriverConfig driverConfig(Spec spec, String name, int cores) {
            DriverConfig d = DriverConfig.defaults(name + ".nic0")
                    .withModeration(spec.moderationUsecs(), spec.moderationFrames());
            return d.withTxChecksumOffload(spec.checksumOffload()).withQueues(spec.queues());
        }

        void attach() {
            driver.attach(r -> adapter = r);
        }

        void buildStack(Simulator sim, RandomStreams streams) {
            if (adapter == null) {
                throw new IllegalStateException(name + ": driver did not attach");
            }
            device = new DriverNetDevice(driver);
            tapped = new TappedDevice(device);
            NeighbourTable nt = new NeighbourTable().put(peerIp, MacAddress.local(3 - id));
            stack = new HostStack(sim, streams, cpu, spec.costs(), tapped, nt,
                    StackConfig.of(name, id, ip, MacAddress.local(id), spec.tcp()), TraceSink.NONE);
            sockets = new SocketLayer(stack, memory);
        }

        /** Sees every received frame on its way from the driver to the stack (null: none). */
        public void setRxTap(RxTap tap) {
            tapped.tap = tap;
        }

        public AdapterRecord adapter() {
            return adapter;
        }

        public DriverNetDevice device() {
            return device;
        }

        public HostStack stack() {
            return stack;
        }

        public SocketLayer sockets() {
            return sockets;
        }

        public int ip() {
            return ip;
        }
    }

    public final Simulator sim = new Simulator();
    public final RandomStreams streams;
    public final Spec spec;
    public final Host a;
    public final Host b;
    public final Link link;

    /** Builds, wires and attaches both hosts; on return the stacks are ready for workloads. */
    public TwoHostSystem(Spec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        streams = new RandomStreams(spec.seed());
        a = new Host(sim, spec, "hostA", 1, IP_A, IP_B, spec.coresA(), spec.clockHzA());
        b = new Host(sim, spec, "hostB", 2, IP_B, IP_A, spec.coresB(), spec.clockHzB());
        link = new Link(sim, streams, "link", spec.propagationDelayPs()).attach(a.mac, b.mac);
        a.attach();
        b.attach();
        while ((a.adapter == null || b.adapter == null) && sim.step()) {
            // attach: capability queries over both PCIe links
        }
        a.buildStack(sim, streams);
        b.buildStack(sim, streams);
    }

    public TwoHostSystem() {
        this(Spec.defaults());
    }
}
