package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RxDescriptor;

/** Card core queue overflow and per-connection order across cores under load. */
class ToeLoadTest {
    private static final long MS = Units.PS_PER_MS;

    /** Bytes DMA-written into [addr, addr + len), checking each write continues where the last one ended. */
    private static byte[] placed(ToeBench b, long addr, int len) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long next = addr;
        for (DeviceToHost.DmaWrite w : b.dataWrites()) {
            if (w.hostAddr() >= addr && w.hostAddr() < addr + len) {
                assertEquals(next, w.hostAddr(), "writes into the buffer follow the stream");
                byte[] bytes = ((DmaData.Bytes) w.data()).payload().toByteArray();
                out.writeBytes(bytes);
                next += bytes.length;
            }
        }
        return out.toByteArray();
    }

    @Test
    void aFullCoreQueueDropsAndCountsFramesAndThePeerRecovers() {
        ToeBench b = new ToeBench(ToeConfig.defaults().withCores(1).withMaxQueuedFramesPerCore(4)
                .withPushTimerPs(10_000 * MS)); // the buffer completes when full, not by the push timer
        ToeBench.Conn c = b.offload(5000);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 14_600, 11));
        b.h.runFor(MS);
        byte[] data = ToeBench.bytes(14_600, 2);
        c.peerSends(data); // ten 1460 B segments (initial window, RFC 6928) arrive back to back
        assertEquals(10, c.peer.unackedBytes() / 1460);
        // one frame runs, four wait; the sixth is refused, the next four are out of order and refused too
        ToeReport r = b.toe.report(null);
        assertEquals(5, r.framesRefusedBusy());
        assertEquals(6L, r.paths().get(PathReason.FAST_DATA));
        assertEquals(4L, r.paths().get(PathReason.OUT_OF_ORDER));
        assertEquals(1, b.toe.connectionStats(c.handle).droppedSegmentsIn());
        assertEquals(0, r.framesToHost(), "refused frames never reach the host");
        b.h.runFor(5000 * MS); // the peer retransmits what the card dropped
        assertEquals(new org.toesim.nic.device.DeviceCompletion.ReceiveCompletion(c.handle, 11, 14_600, false,
                org.toesim.nic.device.CommandStatus.SUCCESS), b.completions().get(b.completions().size() - 1));
        assertArrayEquals(data, placed(b, 0x100000, 14_600));
        assertEquals(c.peer.sndNxt(), c.peer.sndUna());
    }

    @Test
    void twoConnectionsOnTwoCoresKeepTheirOwnOrderUnderLoad() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c1 = b.offload(5000);
        ToeBench.Conn c2 = b.offload(5001);
        int core1 = b.toe.coreOf(c1.handle);
        int core2 = b.toe.coreOf(c2.handle);
        if (core1 == core2) {
            c2 = b.offload(5002);
            core2 = b.toe.coreOf(c2.handle);
        }
        assertNotEquals(core1, core2, "the bench needs connections on both cores");
        int n = 200_000;
        b.post(new RxDescriptor.PostBuffer(c1.handle, 0x1000000, n, 1));
        b.post(new RxDescriptor.PostBuffer(c2.handle, 0x2000000, n, 2));
        b.h.runFor(MS);
        long before1 = b.toe.processor().startedOn(core1);
        long before2 = b.toe.processor().startedOn(core2);
        byte[] d1 = ToeBench.bytes(n, 11);
        byte[] d2 = ToeBench.bytes(n, 12);
        c1.peerSends(d1);
        c2.peerSends(d2);
        b.h.runFor(5000 * MS);
        assertArrayEquals(d1, placed(b, 0x1000000, n));
        assertArrayEquals(d2, placed(b, 0x2000000, n));
        assertTrue(b.toe.processor().startedOn(core1) - before1 > 137, "core " + core1 + " ran connection 1");
        assertTrue(b.toe.processor().startedOn(core2) - before2 > 137, "core " + core2 + " ran connection 2");
        // the two streams were placed interleaved in time (both cores worked at once)
        int switches = 0;
        long last = -1;
        for (DeviceToHost.DmaWrite w : b.dataWrites()) {
            long which = w.hostAddr() >= 0x2000000 ? 2 : w.hostAddr() >= 0x1000000 ? 1 : 0;
            if (which != 0 && last != -1 && which != last) {
                switches++;
            }
            last = which != 0 ? which : last;
        }
        assertTrue(switches > 20, "placements interleave: " + switches + " switches");
    }
}
