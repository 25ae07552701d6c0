package org.toesim.nic.plain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingId;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.testing.Recorded;

class PlainNicRxTest {
    private static long arrivalAfter(PcieLink link, long startPs, DeviceToHost... queued) {
        long t = startPs;
        for (DeviceToHost m : queued) {
            t += link.wireTimePs(link.tlpMath().wireBytes(m));
        }
        return t + link.spec().oneWayLatencyPs();
    }

    @Test
    void frameIsWrittenIntoThePostedBufferThenCompletedThenInterrupted() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults(), 16);
        b.postRx(0, 4, 2048);
        b.h.runUntilIdle();
        DeviceToHost.DmaReadRequest fetch = b.all(DeviceToHost.DmaReadRequest.class).get(0);
        assertEquals(PlainNicBench.RX_RING, fetch.hostAddr());
        assertEquals(4 * RingId.RECEIVE.entryBytes(), fetch.lenBytes(), "four descriptors in one batched fetch");
        int before = b.h.received().size();

        long t0 = b.h.now() + Units.PS_PER_US;
        Frame f = PlainNicBench.data(1, 1000, 1448);
        b.h.at(t0, () -> b.arrive(f));
        b.h.runUntilIdle();

        List<Recorded> out = b.h.received().subList(before, b.h.received().size());
        assertEquals(3, out.size(), "frame write, completion write, MSI-X: " + out);
        DeviceToHost.DmaWrite frameWrite = (DeviceToHost.DmaWrite) out.get(0).message();
        assertEquals(PlainNicBench.bufferAddr(0, 0), frameWrite.hostAddr());
        assertEquals(new DmaData.FrameImage(f), frameWrite.data());
        assertEquals(f.lenBytes(), frameWrite.data().lenBytes());
        int hash = b.nic.rss().hash(f);
        DeviceToHost.DmaWrite cqWrite = (DeviceToHost.DmaWrite) out.get(1).message();
        assertEquals(PlainNicBench.CQ_RING, cqWrite.hostAddr());
        assertEquals(new DmaData.Entries(List.of(new DeviceCompletion.NicReceiveCompletion(0, f.lenBytes(), true, 0,
                hash, 1)), RingId.COMPLETION.entryBytes()), cqWrite.data());
        DeviceToHost.MsixInterrupt irq = (DeviceToHost.MsixInterrupt) out.get(2).message();
        assertEquals(0, irq.vector());

        PcieLink link = b.h.link();
        assertEquals(arrivalAfter(link, t0, frameWrite), out.get(0).atPs());
        assertEquals(arrivalAfter(link, t0, frameWrite, cqWrite), out.get(1).atPs());
        assertEquals(arrivalAfter(link, t0, frameWrite, cqWrite, irq), out.get(2).atPs());
        assertEquals(1, b.nic.stats().queue(0).rxFrames.value());
        assertEquals(f.lenBytes(), b.nic.stats().queue(0).rxBytes.value());
    }

    @Test
    void moderationDelaysTheInterruptByRxUsecs() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults(), 16);
        b.h.mmioWrite(Registers.irq(0, Registers.IRQ_USECS), 10);
        b.h.mmioWrite(Registers.irq(0, Registers.IRQ_FRAMES), 64);
        b.postRx(0, 8, 2048);
        b.h.runUntilIdle();
        long t0 = b.h.now() + Units.PS_PER_US;
        b.h.at(t0, () -> b.arrive(PlainNicBench.data(1, 1000, 1448)));
        b.h.at(t0 + 2 * Units.PS_PER_US, () -> b.arrive(PlainNicBench.data(2, 2448, 1448)));
        b.h.runUntilIdle();
        List<Recorded> irqs = b.h.received().stream()
                .filter(r -> r.message() instanceof DeviceToHost.MsixInterrupt).toList();
        assertEquals(1, irqs.size(), "two completions, one moderated interrupt");
        PcieLink link = b.h.link();
        assertEquals(arrivalAfter(link, t0 + 10 * Units.PS_PER_US, irqs.get(0).message()), irqs.get(0).atPs(),
                "fires rx-usecs after the first completion was written");
        assertEquals(2, b.completions(0).size());
    }

    @Test
    void frameWithNoPostedBufferIsDroppedAndCountedAsMissed() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults(), 16);
        int before = b.h.received().size();
        b.arrive(PlainNicBench.data(1, 1000, 100));
        b.h.runUntilIdle();
        assertEquals(before, b.h.received().size(), "nothing reaches the host");
        assertEquals(1, b.nic.stats().queue(0).rxMissed.value());
        assertEquals(0, b.nic.stats().queue(0).rxFrames.value());
    }

    @Test
    void framesArrivingWhileBuffersAreBeingFetchedWaitInThePacketBuffer() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults(), 16);
        b.postRx(0, 2, 2048);
        b.h.runFor(b.h.link().spec().oneWayLatencyPs() + 100 * Units.PS_PER_NS);
        Frame f1 = PlainNicBench.data(1, 1000, 500);
        Frame f2 = PlainNicBench.data(2, 1500, 500);
        Frame f3 = PlainNicBench.data(3, 2000, 500);
        b.arrive(f1);
        b.arrive(f2);
        b.arrive(f3);
        assertEquals(3L * f1.lenBytes(), b.nic.rxBufferedBytes(), "the descriptors are still being fetched");
        b.h.runUntilIdle();
        assertEquals(f1, b.frameAt(PlainNicBench.bufferAddr(0, 0)));
        assertEquals(f2, b.frameAt(PlainNicBench.bufferAddr(0, 1)));
        assertEquals(1, b.nic.stats().queue(0).rxMissed.value(), "the third had no buffer once the fetch returned");
        assertEquals(0, b.nic.rxBufferedBytes());
    }

    @Test
    void bufferTooSmallDropsTheFrameAndKeepsTheBufferForTheNext() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults(), 16);
        b.postRx(0, 1, 256);
        b.h.runUntilIdle();
        b.arrive(PlainNicBench.data(1, 1000, 1000));
        Frame small = PlainNicBench.data(2, 2000, 100);
        b.arrive(small);
        b.h.runUntilIdle();
        assertEquals(1, b.nic.stats().queue(0).rxLengthErrors.value());
        assertEquals(small, b.frameAt(PlainNicBench.bufferAddr(0, 0)));
        assertEquals(List.of(new DeviceCompletion.NicReceiveCompletion(0, small.lenBytes(), true, 0,
                b.nic.rss().hash(small), 1)), b.completions(0));
    }

    @Test
    void corruptedFrameHandedUpIsDroppedForItsFcs() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults(), 16);
        b.postRx(0, 2, 2048);
        b.h.runUntilIdle();
        b.nic.receive(PlainNicBench.data(1, 1000, 100).asCorrupted(), b.h.now());
        b.h.runUntilIdle();
        assertEquals(1, b.nic.stats().rxFcsDrops.value());
        assertEquals(0, b.nic.stats().total(s -> s.rxFrames));
        assertTrue(b.completions(0).isEmpty());
    }

    @Test
    void checksumVerifiedFollowsReceiveChecksumOffload() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults().withChecksumOffload(false, true), 16);
        b.postRx(0, 2, 2048);
        b.h.runUntilIdle();
        b.arrive(PlainNicBench.data(1, 1000, 100));
        b.h.runUntilIdle();
        DeviceCompletion.NicReceiveCompletion c = (DeviceCompletion.NicReceiveCompletion) b.completions(0).get(0);
        assertFalse(c.checksumVerified(), "without rx offload the host must checksum the bytes");
    }

    @Test
    void capabilityQueryIsAnsweredOnQueueZero() {
        PlainNicBench b = new PlainNicBench(PlainNicConfig.defaults().withQueues(2), 16);
        var cmd = b.h.memory().ring(RingId.COMMAND, 0x400_0000L, 4);
        b.h.mmioWrite(Registers.ring(RingId.COMMAND, Registers.RING_BASE), 0x400_0000L);
        b.h.mmioWrite(Registers.ring(RingId.COMMAND, Registers.RING_SIZE), 4);
        cmd.set(0, new org.toesim.nic.device.ToeCommand.CapabilityQuery(9, 0x500_0000L));
        b.h.mmioWrite(Registers.ring(RingId.COMMAND, Registers.RING_TAIL), 1);
        b.h.mmioRead(Registers.QUEUES);
        b.h.runUntilIdle();
        DmaData.CapabilityImage image = (DmaData.CapabilityImage) b.h.memory().at(0x500_0000L);
        assertFalse(image.capability().offloadSupported());
        assertTrue(image.capability().supports(org.toesim.nic.device.OffloadFeature.RECEIVE_SIDE_SCALING));
        assertTrue(image.capability().supports(org.toesim.nic.device.OffloadFeature.SEGMENTATION_OFFLOAD));
        assertEquals(List.of(new DeviceCompletion.CommandCompletion(9,
                org.toesim.nic.device.CommandStatus.SUCCESS, 64)), b.completions(0));
        assertEquals(2, b.all(DeviceToHost.MmioReadCompletion.class).get(0).value());
    }
}
