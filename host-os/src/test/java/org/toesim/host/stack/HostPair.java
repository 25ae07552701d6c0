package org.toesim.host.stack;

import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.CpuSpec;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.socket.SocketLayer;
import org.toesim.nic.frame.MacAddress;
import org.toesim.nic.mac.MacConfig;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.mac.QueueLimit;
import org.toesim.nic.net.Link;
import org.toesim.tcp.engine.TcpConfig;

/** Test fixture: hosts A and B back to back over a real Ethernet link model. */
public final class HostPair {
    public static final int IP_A = 0x0A000001;
    public static final int IP_B = 0x0A000002;

    /** Knobs of the fixture. */
    public record Spec(long seed, long linkRateBitsPerSec, long propagationDelayPs, int coresA, int coresB,
                       long clockHzA, long clockHzB, CostTable costs, TcpConfig tcp, DeviceFeatures features,
                       boolean rxChecksumOffload, long itrPs) {
        public static Spec defaults() {
            return new Spec(1, 1_000_000_000L, 10 * Units.PS_PER_US, 2, 2, CpuSpec.DEFAULT_CLOCK_HZ,
                    CpuSpec.DEFAULT_CLOCK_HZ, CostTable.defaults(),
                    TcpConfig.builder().mssBytes(1448).minRtoPs(200 * Units.PS_PER_MS)
                            .initialRtoPs(Units.PS_PER_S).mslPs(Units.PS_PER_MS).build(),
                    DeviceFeatures.NONE, false, 98 * Units.PS_PER_US);
        }

        public Spec withSeed(long s) {
            return new Spec(s, linkRateBitsPerSec, propagationDelayPs, coresA, coresB, clockHzA, clockHzB, costs, tcp,
                    features, rxChecksumOffload, itrPs);
        }

        public Spec withLinkRate(long r) {
            return new Spec(seed, r, propagationDelayPs, coresA, coresB, clockHzA, clockHzB, costs, tcp, features,
                    rxChecksumOffload, itrPs);
        }

        public Spec withClockB(long hz, int cores) {
            return new Spec(seed, linkRateBitsPerSec, propagationDelayPs, coresA, cores, clockHzA, hz, costs, tcp,
                    features, rxChecksumOffload, itrPs);
        }

        public Spec withFeatures(DeviceFeatures f, boolean rxCsum) {
            return new Spec(seed, linkRateBitsPerSec, propagationDelayPs, coresA, coresB, clockHzA, clockHzB, costs,
                    tcp, f, rxCsum, itrPs);
        }

        public Spec withTcp(TcpConfig t) {
            return new Spec(seed, linkRateBitsPerSec, propagationDelayPs, coresA, coresB, clockHzA, clockHzB, costs,
                    t, features, rxChecksumOffload, itrPs);
        }
    }

    /** One host: CPU, memory, device, stack, sockets. */
    public static final class Host {
        public final HostCpu cpu;
        public final HostMemory memory = new HostMemory();
        public final MacPort port;
        public final WireNic nic;
        public final HostStack stack;
        public final SocketLayer sockets;

        Host(Simulator sim, RandomStreams streams, Spec spec, String name, int id, int ip, int peerIp, int cores,
             long clockHz) {
            cpu = new HostCpu(sim, new CpuSpec(name + ".cpu", cores, clockHz));
            MacConfig mac = MacConfig.tenGig().withRate(spec.linkRateBitsPerSec()).withTxQueue(QueueLimit.frames(1000));
            port = new MacPort(sim, name + ".mac", mac);
            nic = new WireNic(sim, cpu, spec.costs(), port, spec.features(), spec.rxChecksumOffload(), 0,
                    spec.itrPs(), 256);
            NeighbourTable nt = new NeighbourTable().put(peerIp, MacAddress.local(3 - id));
            stack = new HostStack(sim, streams, cpu, spec.costs(), nic, nt,
                    StackConfig.of(name, id, ip, MacAddress.local(id), spec.tcp()), TraceSink.NONE);
            sockets = new SocketLayer(stack, memory);
        }
    }

    public final Simulator sim = new Simulator();
    public final RandomStreams streams;
    public final Host a;
    public final Host b;
    public final Link link;

    public HostPair(Spec spec) {
        streams = new RandomStreams(spec.seed());
        a = new Host(sim, streams, spec, "hostA", 1, IP_A, IP_B, spec.coresA(), spec.clockHzA());
        b = new Host(sim, streams, spec, "hostB", 2, IP_B, IP_A, spec.coresB(), spec.clockHzB());
        link = new Link(sim, streams, "link", spec.propagationDelayPs()).attach(a.port, b.port);
    }
}
