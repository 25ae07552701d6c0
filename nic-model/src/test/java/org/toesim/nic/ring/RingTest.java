package org.toesim.nic.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.testing.DeviceHarness;
import org.toesim.nic.testing.EchoTestDevice;
import org.toesim.nic.testing.Recorded;
import org.toesim.nic.testing.ScriptedHostMemory;

class RingTest {
    private static final long SEND_BASE = 0x10_000;
    private static final long COMPLETION_BASE = 0x20_000;
    private static final long BUFFERS = 0x100_000;
    private final PcieSpec spec = PcieSpec.gen3x8();
    private final DeviceHarness h = new DeviceHarness(spec, (sim, bus) -> new EchoTestDevice(sim, bus, spec, 32, 4));
    private final EchoTestDevice device = h.device();
    private final ScriptedHostMemory.RingImage send = h.configureRing(RingId.SEND, SEND_BASE, 8);
    private final ScriptedHostMemory.RingImage completions = h.configureRing(RingId.COMPLETION, COMPLETION_BASE, 8);
    private int hostTail;
    private int hostHead;
    private long nextCookie = 100;

    /** Host posts {@code n} sends and rings the tail doorbell. */
    private void post(int n) {
        for (int i = 0; i < n; i++) {
            send.set(hostTail, new TxDescriptor.NicSend(BUFFERS + 0x1000L * hostTail, 128, false, nextCookie++));
            hostTail = (hostTail + 1) % 8;
        }
        h.mmioWrite(Registers.ring(RingId.SEND, Registers.RING_TAIL), hostTail);
    }

    /** Host consumes every completion written so far and releases the slots. */
    private List<Long> consumeCompletions() {
        List<Long> cookies = new ArrayList<>();
        int deviceTail = device.queues().writeBackRing(RingId.COMPLETION).tail();
        while (hostHead != deviceTail) {
            RingEntry e = completions.get(hostHead);
            cookies.add(((DeviceCompletion.NicSendCompletion) e).cookie());
            hostHead = (hostHead + 1) % 8;
        }
        h.mmioWrite(Registers.ring(RingId.COMPLETION, Registers.RING_HEAD), hostHead);
        return cookies;
    }

    @Test
    void descriptorsAreFetchedInBatchesSplitAtTheWrap() {
        post(5); // slots 0..4: batch of 4, then 1
        h.runUntilIdle();
        assertEquals(List.of(100L, 101L, 102L, 103L, 104L), consumeCompletions());
        post(6); // slots 5,6,7 | 0,1,2: the fetch stops at the end of the ring
        h.runUntilIdle();
        assertEquals(List.of(105L, 106L, 107L, 108L, 109L, 110L), consumeCompletions());
        h.runUntilIdle();

        List<long[]> fetches = new ArrayList<>();
        for (Recorded r : h.received()) {
            if (r.message() instanceof DeviceToHost.DmaReadRequest q && q.hostAddr() < BUFFERS) {
                fetches.add(new long[] {(q.hostAddr() - SEND_BASE) / 32, q.lenBytes() / 32});
            }
        }
        assertEquals(List.of("0+4", "4+1", "5+3", "0+3"),
                fetches.stream().map(f -> f[0] + "+" + f[1]).toList());
        FetchRing ring = device.queues().fetchRing(RingId.SEND);
        assertEquals(3, ring.head());
        assertEquals(DescriptorState.RECLAIMED, ring.state(2));
        assertEquals(DescriptorState.RECLAIMED, ring.state(7));
        assertEquals(DescriptorState.RECLAIMED, ring.state(3));
        assertEquals(3, device.queues().writeBackRing(RingId.COMPLETION).head());
    }

    @Test
    void completionsAreWrittenBackTogetherThenInterrupt() {
        post(2);
        h.runUntilIdle();
        List<Recorded> writes = h.received().stream()
                .filter(r -> r.message() instanceof DeviceToHost.DmaWrite || r.message() instanceof DeviceToHost.MsixInterrupt)
                .toList();
        // the two buffer reads complete back to back (different instants): two write-backs, two interrupts
        assertEquals(4, writes.size());
        DeviceToHost.DmaWrite first = (DeviceToHost.DmaWrite) writes.get(0).message();
        assertEquals(COMPLETION_BASE, first.hostAddr());
        assertEquals(new DmaData.Entries(List.of(new DeviceCompletion.NicSendCompletion(100)), 32), first.data());
        assertTrue(writes.get(1).message() instanceof DeviceToHost.MsixInterrupt);
        assertTrue(writes.get(1).atPs() > writes.get(0).atPs(), "MSI-X arrives after the completion it signals");
    }

    @Test
    void aFullCompletionRingHoldsEntriesUntilTheHeadDoorbell() {
        post(7); // the completion ring holds 7; all fit
        h.runUntilIdle();
        WriteBackRing cq = device.queues().writeBackRing(RingId.COMPLETION);
        assertEquals(7, cq.entriesWritten());
        consumeCompletions();
        post(7);
        h.runUntil(h.now() + 20_000_000); // 20 us
        assertEquals(14, cq.entriesWritten());
        // host does not release: the next round waits on the card
        post(3);
        h.runUntilIdle();
        assertEquals(0, cq.entriesWritten() - 14);
        assertEquals(3, cq.queued());
        consumeCompletions();
        h.runUntilIdle();
        assertEquals(17, cq.entriesWritten());
        assertEquals(0, cq.queued());
    }

    @Test
    void tailDoorbellMayNotOverrunTheRing() {
        h.runUntilIdle(); // configuration writes arrive
        FetchRing ring = device.queues().fetchRing(RingId.SEND);
        ring.onTailDoorbell(0); // nothing new
        assertEquals(DescriptorState.FREE, ring.state(0));
        FetchRing fresh = new FetchRing(RingId.SEND, device.dma(), 4, 4, r -> { });
        fresh.configure(SEND_BASE, 8);
        fresh.onTailDoorbell(7); // 7 entries: the most an 8-slot ring holds
        assertEquals(DescriptorState.FETCHING, fresh.state(3));
        assertEquals(DescriptorState.POSTED, fresh.state(6));
        FetchRing other = new FetchRing(RingId.SEND, device.dma(), 4, 4, r -> { });
        other.configure(SEND_BASE, 8);
        other.onTailDoorbell(5);
        assertThrows(IllegalStateException.class, () -> other.onTailDoorbell(4), "tail moved past head");
    }

    @Test
    void mmioReadReturnsRingIndices() {
        post(3);
        h.runUntilIdle();
        h.poll(); // skip to the end
        HostToDevice.MmioRead read = h.mmioRead(Registers.ring(RingId.SEND, Registers.RING_HEAD));
        long sentAt = h.now();
        h.runUntilIdle();
        Recorded last = h.received().get(h.received().size() - 1);
        DeviceToHost.MmioReadCompletion c = (DeviceToHost.MmioReadCompletion) last.message();
        assertEquals(read.requestId(), c.requestId());
        assertEquals(3, c.value());
        long expected = sentAt + h.link().wireTimePs(24) + spec.readRoundTripPs() + h.link().wireTimePs(4 + 20);
        assertEquals(expected, last.atPs());
    }
}
