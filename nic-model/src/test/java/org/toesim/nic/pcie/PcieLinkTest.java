package org.toesim.nic.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostToDevice;

class PcieLinkTest {
    private final Simulator sim = new Simulator();
    private final List<Long> hostArrivals = new ArrayList<>();
    private final List<DeviceToHost> hostMessages = new ArrayList<>();
    private final List<Long> deviceArrivals = new ArrayList<>();

    private PcieLink link(PcieSpec spec) {
        PcieLink link = new PcieLink(sim, "pcie", spec);
        link.attach(m -> {
            hostArrivals.add(sim.now());
            hostMessages.add(m);
        }, m -> deviceArrivals.add(sim.now()));
        return link;
    }

    /** Payload Gbit/s of {@code count} back-to-back DMA writes of {@code lenBytes} each, from first send to last bit. */
    private double writeGbps(PcieSpec spec, int count, int lenBytes) {
        PcieLink link = link(spec);
        for (int i = 0; i < count; i++) {
            link.sendToHost(new DeviceToHost.DmaWrite(i, 0, 0x1000L * i, new DmaData.Opaque(lenBytes)));
        }
        sim.run();
        long lastBitPs = hostArrivals.get(hostArrivals.size() - 1) - spec.oneWayLatencyPs();
        return (double) count * lenBytes * 8 / lastBitPs * 1e12 / 1e9;
    }

    @Test
    void gen3x8Mps256LargeWriteRunsAt52point9Gbps() {
        double gbps = writeGbps(PcieSpec.gen3x8(), 1, 1 << 20);
        assertEquals(52.9, gbps, 52.9 * 0.01, "Gen3 x8 MPS 256 DMA write");
    }

    @Test
    void gen3x8SixtyFourBytePayloadsRunAt42point1Gbps() {
        double gbps = writeGbps(PcieSpec.gen3x8(), 10_000, 64);
        assertEquals(42.1, gbps, 42.1 * 0.01, "Gen3 x8 64-byte DMA writes");
    }

    @Test
    void withoutDllpOverheadOnlyTlpOverheadRemains() {
        double gbps = writeGbps(PcieSpec.gen3x8().withDllpOverhead(false), 1, 1 << 20);
        // 63.015 * 256/280 = 57.61 Gbit/s
        assertEquals(57.61, gbps, 0.05);
    }

    @Test
    void generationsScaleTheRawRate() {
        assertEquals(2_000_000_000L, PcieSpec.of(PcieGeneration.GEN1, 1).rawRateBitsPerSec());
        assertEquals(4_000_000_000L * 4, PcieSpec.of(PcieGeneration.GEN2, 4).rawRateBitsPerSec());
        assertEquals(126_030_769_230L, PcieSpec.of(PcieGeneration.GEN4, 8).rawRateBitsPerSec());
        assertEquals(504_123_076_923L, PcieSpec.of(PcieGeneration.GEN5, 16).rawRateBitsPerSec());
    }

    @Test
    void dmaReadLatencyIsRoundTripPlusSerialization() {
        PcieSpec spec = PcieSpec.gen3x8();
        PcieLink link = link(spec);
        double psPerByte = 1e12 * 8 * 130 / 128 / (8e9 * 8) / (286794.0 / 312214.0);
        // device asks for 1024 B at t=0; the host answers the instant the request arrives
        link.sendToHost(new DeviceToHost.DmaReadRequest(7, 0, 0x4000, 1024));
        sim.run();
        long requestArrival = hostArrivals.get(0);
        // 2 request TLPs (MRRS 512) of 24 B
        assertEquals(450_000 + 48 * psPerByte, requestArrival, 1.0);
        link.sendToDevice(new HostToDevice.DmaReadCompletion(7, sim.now(), 0x4000, new DmaData.Opaque(1024)));
        sim.run();
        // 4 completion TLPs (MPS 256) of 20 B overhead each
        double expected = 900_000 + 48 * psPerByte + (1024 + 80) * psPerByte;
        assertEquals(expected, deviceArrivals.get(0), 2.0);
    }

    @Test
    void eachDirectionIsAFifoAndDirectionsAreIndependent() {
        PcieSpec spec = PcieSpec.gen3x8();
        PcieLink link = link(spec);
        link.sendToHost(new DeviceToHost.DmaWrite(1, 0, 0, new DmaData.Opaque(4096)));
        link.sendToHost(new DeviceToHost.MsixInterrupt(2, 0, 3));
        link.sendToDevice(new HostToDevice.MmioWrite(1, 0, 0, 0x10, 4, 5));
        sim.run();
        long writeSer = link.wireTimePs(4096 + 16 * 24);
        long msixSer = link.wireTimePs(4 + 24);
        assertEquals(List.of(writeSer + 450_000, writeSer + msixSer + 450_000), hostArrivals);
        assertEquals(List.of(link.wireTimePs(4 + 24) + 450_000), deviceArrivals);
        assertEquals(DeviceToHost.MsixInterrupt.class, hostMessages.get(1).getClass(), "interrupt after data");
        LinkStats up = link.upstreamStats();
        assertEquals(17, up.tlps());
        assertEquals(4100, up.payloadBytes());
        assertEquals(4096 + 16 * 24 + 28, up.wireBytes());
        assertEquals(writeSer + msixSer, up.busyPs());
    }

    @Test
    void rejectsUnsupportedWidthsAndSizes() {
        assertThrows(IllegalArgumentException.class, () -> PcieSpec.of(PcieGeneration.GEN3, 3));
        assertThrows(IllegalArgumentException.class, () -> PcieSpec.gen3x8().withMps(300));
        assertThrows(IllegalArgumentException.class, () -> PcieSpec.gen3x8().withMrrs(64));
    }
}
