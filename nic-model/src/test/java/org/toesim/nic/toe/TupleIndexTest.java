package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.tcp.segment.FourTuple;

/** The primitive-keyed frame lookup of the CCB table agrees with a four-tuple map through installs, shared keys and removals. */
class TupleIndexTest {
    private final OffloadHandle.Allocator handles = new OffloadHandle.Allocator(1);

    private CardConnection conn(int localIp, int localPort, int remoteIp, int remotePort) {
        return new CardConnection(handles.allocate(), new FourTuple(localIp, localPort, remoteIp, remotePort), 0, null);
    }

    @Test
    void lookupsMatchTheTuplesThroughGrowthSharingAndRemoval() {
        CcbTable table = new CcbTable(4096, 1024, 0, "t");
        List<CardConnection> all = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            CardConnection c = conn(0x0A000001 + (i % 3 == 0 ? 1 : 0), 5000 + (i % 50), 0x0B000000 + i / 50, 80);
            all.add(c);
            table.reserve();
            table.install(c, 0);
        }
        // the i % 3 == 0 connections share remote end and local port with none; add two that share a key
        CardConnection a = conn(0x0A000001, 7000, 0x0C000001, 443);
        CardConnection b = conn(0x0A000002, 7000, 0x0C000001, 443);
        for (CardConnection c : List.of(a, b)) {
            table.reserve();
            table.install(c, 0);
        }
        assertSame(a, table.byFrame(0x0A000001, 7000, 0x0C000001, 443));
        assertSame(b, table.byFrame(0x0A000002, 7000, 0x0C000001, 443));
        assertNull(table.byFrame(0x0A000003, 7000, 0x0C000001, 443));
        table.remove(a, 0);
        assertSame(b, table.byFrame(0x0A000002, 7000, 0x0C000001, 443));
        assertNull(table.byFrame(0x0A000001, 7000, 0x0C000001, 443), "the removed one, not its key-sharer");
        for (int i = 0; i < all.size(); i += 2) {
            table.remove(all.get(i), 0);
        }
        for (int i = 0; i < all.size(); i++) {
            FourTuple t = all.get(i).tuple;
            CardConnection found = table.byFrame(t.localIp(), t.localPort(), t.remoteIp(), t.remotePort());
            if (i % 2 == 0) {
                assertNull(found, "removed " + t);
            } else {
                assertSame(all.get(i), found, t.toString());
            }
        }
        assertNull(table.byFrame(0x0A000001, 5000, 0x0B000000, 81), "wrong remote port");
    }
}
