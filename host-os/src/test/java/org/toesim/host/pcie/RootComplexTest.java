package org.toesim.host.pcie;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.DelayJitter;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.CpuSpec;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.MemorySpec;
import org.toesim.host.mem.MemoryAccessException;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.tcp.segment.Payload;

class RootComplexTest {
    private final Simulator sim = new Simulator();
    private final HostCpu cpu = new HostCpu(sim, CpuSpec.of("cpu", 2));
    /** An explicit extra memory latency (the default is 0), so the test sees it applied. */
    private final HostMemory memory = new HostMemory(MemorySpec.defaults().withAccessLatencyPs(80 * Units.PS_PER_NS));
    private final RootComplex rc = new RootComplex(sim, "rc", memory, cpu, CostTable.defaults());
    private final List<HostToDevice> toDevice = new ArrayList<>();
    private final List<Long> toDeviceAtPs = new ArrayList<>();

    RootComplexTest() {
        rc.connect(m -> {
            toDevice.add(m);
            toDeviceAtPs.add(sim.now());
        });
    }

    @Test
    void dmaReadsAreServedAfterTheMemoryAccessLatencyInArrivalOrder() {
        HostRing ring = new HostRing(memory, "rx", RingId.RECEIVE, 8);
        rc.register(ring);
        RxDescriptor.NicBuffer d0 = new RxDescriptor.NicBuffer(0x1000, 2048, 0);
        RxDescriptor.NicBuffer d1 = new RxDescriptor.NicBuffer(0x2000, 2048, 1);
        ring.produce(d0);
        ring.produce(d1);
        sim.schedule(1_000, "dev", "t", () -> rc.receive(new DeviceToHost.DmaReadRequest(7, 0, ring.slotAddress(0), 64)));
        sim.schedule(1_500, "dev", "t", () -> rc.receive(new DeviceToHost.DmaReadRequest(8, 0, ring.slotAddress(1), 32)));
        sim.run();
        long latency = memory.accessLatencyPs();
        assertEquals(80 * Units.PS_PER_NS, latency);
        assertEquals(List.of(1_000 + latency, 1_500 + latency), toDeviceAtPs);
        HostToDevice.DmaReadCompletion c0 = (HostToDevice.DmaReadCompletion) toDevice.get(0);
        assertEquals(7, c0.requestId());
        assertEquals(List.<RingEntry>of(d0, d1), ((DmaData.Entries) c0.data()).entries());
        assertEquals(1_000 + latency, c0.sentPs());
        assertEquals(List.<RingEntry>of(d1), ((DmaData.Entries) ((HostToDevice.DmaReadCompletion) toDevice.get(1))
                .data()).entries());
        assertEquals(2, rc.counters().dmaReads());
        assertEquals(96, rc.counters().dmaReadBytes());
    }

    @Test
    void dmaWritesLandInTheirOwnersContentAndRawMemory() {
        HostRing cq = new HostRing(memory, "cq", RingId.COMPLETION, 4);
        BufferPool pool = new BufferPool(memory, "bufs", RegionKind.SOCKET_BUFFER, 4, 2048);
        rc.register(cq);
        rc.register(pool);
        MemoryRegion app = memory.allocate("app", RegionKind.APPLICATION_BUFFER, 4096, true);
        DeviceCompletion e = new DeviceCompletion.NicSendCompletion(3);
        rc.receive(new DeviceToHost.DmaWrite(1, 0, cq.slotAddress(2), new DmaData.Entries(List.of(e), 32)));
        DmaData.Opaque blob = new DmaData.Opaque(100);
        rc.receive(new DeviceToHost.DmaWrite(2, 0, pool.address(1), blob));
        byte[] bytes = {1, 2, 3, 4, 5};
        rc.receive(new DeviceToHost.DmaWrite(3, 0, app.address(10), new DmaData.Bytes(Payload.real(0, bytes, 0, 5))));
        assertSame(e, cq.entry(2));
        assertSame(blob, pool.content(1));
        assertArrayEquals(bytes, memory.read(app.address(10), 5));
        assertEquals(32 + 100 + 5, rc.counters().dmaWriteBytes());
        assertThrows(IllegalStateException.class, () -> rc.receive(new DeviceToHost.DmaWrite(4, 0,
                pool.address(1) + 4, blob)), "not the start of a buffer");
        assertThrows(MemoryAccessException.class, () -> rc.receive(new DeviceToHost.DmaWrite(5, 0, 0x10, blob)));
        // a raw read of real bytes returns them
        rc.receive(new DeviceToHost.DmaReadRequest(9, 0, app.address(10), 5));
        sim.run();
        DmaData read = ((HostToDevice.DmaReadCompletion) toDevice.get(0)).data();
        assertArrayEquals(bytes, ((DmaData.Bytes) read).payload().toByteArray());
    }

    @Test
    void msixRunsTheVectorsHandlerAsInterruptWorkOnItsCore() {
        List<Long> ranAt = new ArrayList<>();
        rc.bindVector(5, 1, (core, vector) -> {
            assertEquals(1, core);
            assertEquals(5, vector);
            ranAt.add(sim.now());
        });
        sim.schedule(2_000, "dev", "msi", () -> rc.receive(new DeviceToHost.MsixInterrupt(1, 0, 5)));
        sim.run();
        assertEquals(List.of(2_000 + 1_250_000L), ranAt, "3000 cycles at 2.4 GHz");
        assertEquals(3000, cpu.cycles(1, CostCategory.INTERRUPT));
        assertEquals(1, rc.counters().interrupts());
        assertThrows(IllegalStateException.class, () -> rc.receive(new DeviceToHost.MsixInterrupt(2, 0, 6)));
        // dispatch masked vector 5: the next MSI-X is held pending until the handler's owner unmasks
        rc.receive(new DeviceToHost.MsixInterrupt(3, 0, 5));
        sim.run();
        assertEquals(1, ranAt.size());
        assertEquals(1, rc.interruptsHeldByMask());
        rc.unmaskVector(5);
        sim.run();
        assertEquals(2, ranAt.size());
        assertEquals(2, rc.counters().interrupts());
    }

    @Test
    void interruptJitterDelaysEachHandlerByABoundedNonNegativeDrawAndHoldsInterruptsMeanwhile() {
        long meanPs = 2 * Units.PS_PER_US;
        rc.setInterruptJitter(DelayJitter.exponential(new RandomStreams(3).get("rc.irq.jitter"), meanPs));
        List<Long> ranAt = new ArrayList<>();
        rc.bindVector(5, 1, (core, vector) -> {
            ranAt.add(sim.now());
            rc.unmaskVector(5);
        });
        long handlerPs = 1_250_000; // 3000 cycles at 2.4 GHz
        long sumDelayPs = 0;
        int n = 2_000;
        for (int i = 0; i < n; i++) {
            long arrivalPs = sim.now() + 1_000;
            sim.schedule(1_000, "dev", "msi", () -> rc.receive(new DeviceToHost.MsixInterrupt(1, 0, 5)));
            sim.run();
            assertEquals(i + 1, ranAt.size());
            long delayPs = ranAt.get(i) - arrivalPs - handlerPs;
            assertTrue(delayPs >= 0 && delayPs <= 10 * meanPs, "delay " + delayPs);
            sumDelayPs += delayPs;
        }
        assertEquals(meanPs, (double) sumDelayPs / n, 0.1 * meanPs, "mean extra latency");
        // a second MSI-X while the first is still on its way is held (masked) and runs after the first
        sim.schedule(1_000, "dev", "msi", () -> {
            rc.receive(new DeviceToHost.MsixInterrupt(2, 0, 5));
            rc.receive(new DeviceToHost.MsixInterrupt(3, 0, 5));
        });
        sim.run();
        assertEquals(n + 2, ranAt.size());
        assertTrue(ranAt.get(n + 1) >= ranAt.get(n) + handlerPs);
        assertEquals(1, rc.interruptsHeldByMask());
    }

    @Test
    void mmioReadCompletionReachesItsCallback() {
        List<Long> values = new ArrayList<>();
        rc.mmioRead(0x10, 4, (off, v) -> {
            assertEquals(0x10, off);
            values.add(v);
        });
        HostToDevice.MmioRead r = assertInstanceOf(HostToDevice.MmioRead.class, toDevice.get(0));
        rc.receive(new DeviceToHost.MmioReadCompletion(r.requestId(), 0, 4, 4));
        assertEquals(List.of(4L), values);
        assertThrows(IllegalStateException.class, () -> rc.receive(new DeviceToHost.MmioReadCompletion(999, 0, 4, 4)));
    }

    @Test
    void hostRingReclaimsOnlyContiguousCompletedSlots() {
        HostRing ring = new HostRing(memory, "tx", RingId.SEND, 4);
        assertEquals(3, ring.freeSlots());
        int a = ring.produce(new RxDescriptor.NicBuffer(0x1000, 64, 0));
        int b = ring.produce(new RxDescriptor.NicBuffer(0x2000, 64, 1));
        ring.produce(new RxDescriptor.NicBuffer(0x3000, 64, 2));
        assertThrows(IllegalStateException.class, () -> ring.produce(new RxDescriptor.NicBuffer(0x4000, 64, 3)));
        assertEquals(0, ring.complete(b), "slot a still in use");
        assertEquals(0, ring.freeSlots());
        assertEquals(2, ring.complete(a));
        assertEquals(2, ring.freeSlots());
    }
}
