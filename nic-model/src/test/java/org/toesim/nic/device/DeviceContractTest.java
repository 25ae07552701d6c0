package org.toesim.nic.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class DeviceContractTest {
    @Test
    void handlesAreDistinctComparableAndAdapterScoped() {
        OffloadHandle.Allocator a = new OffloadHandle.Allocator(1);
        OffloadHandle.Allocator b = new OffloadHandle.Allocator(2);
        OffloadHandle h1 = a.allocate();
        OffloadHandle h2 = a.allocate();
        OffloadHandle other = b.allocate();
        assertNotEquals(h1, h2);
        assertNotEquals(h1, other);
        assertEquals(h1, h1);
        assertEquals(List.of(h1, h2), List.copyOf(new TreeSet<>(List.of(h2, h1))));
    }

    @Test
    void capabilityCopiesFeaturesAndChecksLimits() {
        EnumSet<OffloadFeature> features = EnumSet.of(OffloadFeature.IPV4, OffloadFeature.SACK);
        Capability cap = new Capability(true, 1024, 1000, 1 << 20, 1 << 20, 16, features);
        features.add(OffloadFeature.IPV6);
        assertTrue(cap.supports(OffloadFeature.SACK));
        assertTrue(!cap.supports(OffloadFeature.IPV6), "later changes to the caller's set do not leak in");
        assertThrows(IllegalArgumentException.class,
                () -> new Capability(true, 10, 11, 0, 0, 0, EnumSet.noneOf(OffloadFeature.class)));
    }

    @Test
    void ringRegistersDecodeBackToTheirRing() {
        for (RingId id : RingId.values()) {
            long tail = Registers.ring(id, Registers.RING_TAIL);
            assertEquals(id, Registers.ringAt(tail));
            assertEquals(Registers.RING_TAIL, Registers.ringField(tail));
        }
        assertEquals(null, Registers.ringAt(Registers.STATUS));
        assertEquals(null, Registers.ringAt(Registers.IRQ_BLOCKS));
    }

    @Test
    void dmaDataKnowsItsBusLength() {
        OffloadState ccb = () -> 320;
        assertEquals(320, new DmaData.StateImage(ccb).lenBytes());
        assertEquals(320 + 128, new DmaData.QueryImage(ccb, ConnectionStats.ZERO).lenBytes());
        assertEquals(3 * 64, new DmaData.Entries(List.of(new ToeCommand.CapabilityQuery(1, 0),
                new ToeCommand.CapabilityQuery(2, 0), new ToeCommand.CapabilityQuery(3, 0)),
                RingId.COMMAND.entryBytes()).lenBytes());
        assertThrows(IllegalArgumentException.class, () -> new HostToDevice.MmioWrite(1, 0, 0, 0, 2, 0));
    }

    @Test
    void queueRingRegistersDecodeBackToQueueAndRing() {
        for (int q = 0; q < Registers.MAX_QUEUES; q++) {
            for (RingId id : RingId.values()) {
                long head = Registers.ring(q, id, Registers.RING_HEAD);
                assertEquals(q, Registers.queueAt(head));
                assertEquals(id, Registers.ringInQueueAt(head));
                assertEquals(Registers.RING_HEAD, Registers.ringField(head));
                assertTrue(head < Registers.IRQ_BLOCKS, "queue blocks stay below the interrupt blocks");
            }
        }
        assertEquals(Registers.ring(RingId.SEND, Registers.RING_TAIL), Registers.ring(0, RingId.SEND, Registers.RING_TAIL));
        assertEquals(null, Registers.ringAt(Registers.ring(1, RingId.SEND, Registers.RING_TAIL)),
                "single-queue decoding does not mistake queue 1 for queue 0");
        assertEquals(-1, Registers.queueAt(Registers.IRQ_BLOCKS));
        assertEquals(null, Registers.ringInQueueAt(Registers.RING_BLOCKS + Registers.RING_STRIDE * RingId.values().length));
        assertThrows(IllegalArgumentException.class, () -> Registers.ring(Registers.MAX_QUEUES, RingId.SEND, 0));
        assertEquals(Registers.RSS_TABLE + 4 * 127, Registers.rssTable(127));
        assertThrows(IllegalArgumentException.class, () -> Registers.rssKey(10));
    }

    @Test
    void plainNicEntriesKeepTheirShortForms() {
        assertEquals(new TxDescriptor.NicSend(0x1000, 1514, true, 7, 0), new TxDescriptor.NicSend(0x1000, 1514, true, 7));
        assertEquals(new DeviceCompletion.NicSendCompletion(7, 1), new DeviceCompletion.NicSendCompletion(7));
        assertEquals(new DeviceCompletion.NicReceiveCompletion(7, 60, true, 0, 0, 1),
                new DeviceCompletion.NicReceiveCompletion(7, 60, true));
        assertThrows(IllegalArgumentException.class, () -> new DeviceCompletion.NicReceiveCompletion(7, 60, true, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new TxDescriptor.NicSend(0, 60, false, 1, -1));
    }
}
