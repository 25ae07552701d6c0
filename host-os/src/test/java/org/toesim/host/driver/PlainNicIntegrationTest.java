package org.toesim.host.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.CpuSpec;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.pcie.RootComplex;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.TestFrames;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.plain.PlainNic;
import org.toesim.nic.plain.PlainNicConfig;

/** Two hosts, each driver + root complex + PCIe link + PlainNic + MAC, ports wired back to back. */
class PlainNicIntegrationTest {
    private final Simulator sim = new Simulator();

    private final class Host {
        final HostCpu cpu;
        final NicDriver driver;
        final MacPort mac;
        final PlainNic nic;
        final List<Frame> received = new ArrayList<>();
        final List<Long> receivedAtPs = new ArrayList<>();
        AdapterRecord adapter;

        Host(String name) {
            CostTable costs = CostTable.defaults();
            cpu = new HostCpu(sim, CpuSpec.of(name + ".cpu", 2));
            RootComplex rc = new RootComplex(sim, name + ".rc", new HostMemory(), cpu, costs);
            PcieLink link = new PcieLink(sim, name + ".pcie", PcieSpec.gen3x8());
            PlainNicConfig nicConfig = PlainNicConfig.defaults();
            mac = new MacPort(sim, name + ".mac", nicConfig.mac());
            nic = new PlainNic(sim, name + ".nic", nicConfig, link, mac);
            rc.connect(link);
            link.attach(rc, nic);
            driver = new NicDriver(sim, rc, DriverConfig.defaults(name + ".nic0").withModeration(0, 0), costs);
            driver.setFrameReceiver((f, core, info) -> {
                received.add(f);
                receivedAtPs.add(sim.now());
            });
        }
    }

    @Test
    void framesGoHostToWireToHostAndBack() {
        Host a = new Host("A");
        Host b = new Host("B");
        a.mac.connectWire(b.mac);
        b.mac.connectWire(a.mac);
        a.driver.attach(r -> a.adapter = r);
        b.driver.attach(r -> b.adapter = r);
        sim.run();

        assertEquals(AdapterRecord.QueryOutcome.ANSWERED, a.adapter.outcome());
        assertFalse(a.adapter.offloadSupported(), "a plain NIC cannot offload");
        assertTrue(a.adapter.features().contains(OffloadFeature.CHECKSUM_OFFLOAD));

        long sentAt = sim.now();
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Frame f = TestFrames.fullSize(i);
            frames.add(f);
            assertTrue(a.driver.send(f, 0));
        }
        Frame ack = TestFrames.ack(100, TestFrames.MAC_B, TestFrames.MAC_A, TestFrames.IP_B, TestFrames.IP_A);
        assertTrue(b.driver.send(ack, 0));
        sim.run();

        assertEquals(frames, b.received, "host B got A's frames in order, intact");
        assertEquals(List.of(ack), a.received);
        assertEquals(10, a.driver.stats().txReclaimed(), "transmit buffers reclaimed on completion");
        assertEquals(10, b.driver.stats().rxFrames());
        // 10 frames of 1518 B need 10 x 1.2304 us of 10 Gbit/s wire before the last can arrive
        assertTrue(b.receivedAtPs.get(9) - sentAt >= 10 * 1_230_400L, "last at " + b.receivedAtPs.get(9));
        // with the vector masked while polling, B took fewer interrupts than frames
        assertTrue(b.driver.stats().interrupts() < 1 + 10 + 1, "interrupts " + b.driver.stats());
        assertTrue(b.cpu.cycles(1, CostCategory.INTERRUPT) == 0 && b.cpu.cycles(0, CostCategory.INTERRUPT) > 0,
                "queue 0 interrupts land on core 0");
        assertEquals(0, a.nic.txBufferedBytes());
    }
}
