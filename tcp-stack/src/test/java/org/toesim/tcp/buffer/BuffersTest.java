package org.toesim.tcp.buffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Payload;

/** Send buffer, receive buffer and reassembly queue with virtual and real payloads. */
class BuffersTest {

    @Test
    void virtualSendsStayOneRunAndSliceWithoutBytes() {
        SendBuffer b = new SendBuffer(10_000);
        assertEquals(6000, b.appendVirtual(6000));
        assertEquals(4000, b.appendVirtual(6000), "capacity bounds what is accepted");
        assertEquals(1, b.runs().size());
        Payload p = b.slice(1460, 1460);
        assertFalse(p.hasBytes());
        assertEquals(1460, p.streamOffset());
        b.releaseTo(2000);
        assertEquals(8000, b.queuedBytes());
        assertEquals(2000, b.runs().get(0).streamOffset());
    }

    @Test
    void realSendsAreCopiedAndSlicedAcrossRuns() {
        SendBuffer b = new SendBuffer(100);
        byte[] a = {1, 2, 3};
        byte[] c = {4, 5, 6, 7};
        b.appendReal(a, 0, 3);
        b.appendReal(c, 0, 4);
        a[0] = 99; // the buffer holds its own copy
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, b.slice(0, 5).toByteArray());
        b.releaseTo(2);
        assertArrayEquals(new byte[] {3, 4, 5, 6, 7}, b.slice(2, 5).toByteArray());
    }

    @Test
    void reassemblyTrimsOverlapsAndDeliversInOrder() {
        ReassemblyQueue q = new ReassemblyQueue(8);
        byte[] data = new byte[100];
        for (int i = 0; i < 100; i++) {
            data[i] = (byte) i;
        }
        assertEquals(20, q.insert(Payload.real(50, data, 50, 20)));
        assertEquals(20, q.insert(Payload.real(40, data, 40, 40)), "only the new parts are held");
        assertEquals(0, q.insert(Payload.real(55, data, 55, 10)));
        assertNull(q.pollAt(10));
        ReceiveBuffer r = new ReceiveBuffer(40);
        Payload p;
        long at = 40;
        while ((p = q.pollAt(at)) != null) {
            r.append(p);
            at = p.endOffset();
        }
        assertEquals(80, at);
        assertTrue(q.isEmpty());
        byte[] got = new byte[40];
        int off = 0;
        for (Payload x : r.read(100)) {
            x.copyTo(got, off);
            off += x.lenBytes();
        }
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 40, 80), got);
    }

    @Test
    void theBoundCountsIslandsNotSegments() {
        // A burst of contiguous segments beyond one hole is one island: none may be dropped.
        ReassemblyQueue q = new ReassemblyQueue(2);
        for (int i = 0; i < 100; i++) {
            q.insert(Payload.virtual(1000 + 10L * i, 10));
        }
        assertEquals(1, q.rangeCount());
        assertEquals(1000, q.heldBytes());
        q.insert(Payload.virtual(5000, 10));
        q.insert(Payload.virtual(5010, 10));
        assertEquals(2, q.rangeCount());
        // A third island beyond both: the furthest island is dropped whole.
        q.insert(Payload.virtual(9000, 10));
        assertEquals(2, q.rangeCount());
        assertEquals(List.of(1000L, 5000L), q.coalescedRanges().stream().map(x -> x[0]).toList());
        assertEquals(1020, q.heldBytes());
        // A piece that fills the hole between two islands joins them.
        q.insert(Payload.virtual(2000, 3000));
        assertEquals(1, q.rangeCount());
    }

    @Test
    void islandCountMatchesTheCoalescedRangesUnderRandomInsertsAndPolls() {
        java.util.Random rnd = new java.util.Random(5);
        ReassemblyQueue q = new ReassemblyQueue(6);
        long rcv = 0;
        for (int step = 0; step < 5000; step++) {
            if (rnd.nextInt(4) == 0) {
                Payload p = q.pollAt(rcv);
                if (p != null) {
                    rcv = p.endOffset();
                } else {
                    rcv += rnd.nextInt(20);
                }
            } else {
                q.insert(Payload.virtual(rcv + rnd.nextInt(400), 1 + rnd.nextInt(30)));
            }
            assertEquals(q.coalescedRanges().size(), q.rangeCount(), "step " + step);
            assertTrue(q.rangeCount() <= 6);
        }
    }

    @Test
    void reassemblyIsBoundedDroppingTheFurthestRange() {
        ReassemblyQueue q = new ReassemblyQueue(2);
        q.insert(Payload.virtual(100, 10));
        q.insert(Payload.virtual(300, 10));
        q.insert(Payload.virtual(200, 10));
        assertEquals(List.of(100L, 200L), q.coalescedRanges().stream().map(x -> x[0]).toList());
        assertEquals(20, q.heldBytes());
    }

    @Test
    void receiveBufferMergesVirtualRunsAndConsumes() {
        ReceiveBuffer r = new ReceiveBuffer(0);
        r.append(Payload.virtual(0, 1000));
        r.append(Payload.virtual(1000, 1000));
        assertEquals(1, r.runs().size());
        assertEquals(1500, r.consume(1500));
        assertEquals(500, r.readableBytes());
        assertEquals(1500, r.runs().get(0).streamOffset());
    }
}
