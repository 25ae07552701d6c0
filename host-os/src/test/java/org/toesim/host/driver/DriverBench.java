package org.toesim.host.driver;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.event.Simulator;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.CpuSpec;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.pcie.RootComplex;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.pcie.PcieSpec;

/**
 * One host (2 cores at 2.4 GHz, default memory and cost table) with a driver attached through a
 * real Gen3 x8 link to a {@link ScriptedNic}; records what reaches the host with its instant and
 * what the driver delivers.
 */
final class DriverBench {
    record Arrival(long atPs, DeviceToHost message) {
    }

    record Delivered(long atPs, Frame frame, int core, RxInfo info) {
    }

    final Simulator sim = new Simulator();
    final CostTable costs = CostTable.defaults();
    final HostCpu cpu = new HostCpu(sim, CpuSpec.of("host.cpu", 2));
    final HostMemory memory = new HostMemory();
    final RootComplex rc = new RootComplex(sim, "host.rc", memory, cpu, costs);
    final PcieLink link = new PcieLink(sim, "pcie", PcieSpec.gen3x8());
    final ScriptedNic nic = new ScriptedNic(sim, link, PcieSpec.gen3x8());
    final List<Arrival> arrivals = new ArrayList<>();
    final List<Delivered> delivered = new ArrayList<>();
    final List<AdapterRecord> attached = new ArrayList<>();
    final NicDriver driver;

    DriverBench(DriverConfig config) {
        rc.connect(link);
        link.attach(m -> {
            arrivals.add(new Arrival(sim.now(), m));
            rc.receive(m);
        }, nic);
        driver = new NicDriver(sim, rc, config, costs);
        driver.setFrameReceiver((f, core, info) -> delivered.add(new Delivered(sim.now(), f, core, info)));
    }

    /** Test configuration: queue on core 1, no interrupt moderation, small rings. */
    static DriverConfig config() {
        return new DriverConfig("nic0", 1, 1, 0, 16, 32, 256, 512, 32, 200, 2048, DriverConfig.DEFAULT_TX_BUFFER_BYTES,
                64, 16, 8, 0, 0, true, org.toesim.core.units.Units.PS_PER_MS);
    }

    DriverBench attach() {
        driver.attach(attached::add);
        sim.run();
        return this;
    }

    /** Arrival instants of messages of {@code type}. */
    List<Long> arrivalsOf(Class<? extends DeviceToHost> type) {
        List<Long> out = new ArrayList<>();
        for (Arrival a : arrivals) {
            if (type.isInstance(a.message())) {
                out.add(a.atPs());
            }
        }
        return out;
    }

    long cyclesPs(long cycles) {
        return cpu.cyclesToPs(cycles);
    }
}
