package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.tcp.segment.FourTuple;

/**
 * A CCB table of a million entries costs what its installed CCBs cost: nothing is allocated per
 * entry of the capacity, the received-frame index grows with the installs, and a key shared by
 * two local addresses comes apart in O(1).
 */
class CcbTableScaleTest {
    private static final int MILLION = 1_000_000;
    private final OffloadHandle.Allocator handles = new OffloadHandle.Allocator(1);

    private CardConnection conn(int localIp, int localPort, int remoteIp, int remotePort) {
        return new CardConnection(handles.allocate(), new FourTuple(localIp, localPort, remoteIp, remotePort), 0, null);
    }

    @Test
    void aMillionEntryTableAllocatesForWhatIsInstalledOnly() {
        CcbTable table = new CcbTable(MILLION, 1024, 0, "t");
        assertEquals(MILLION, table.capacity());
        assertTrue(table.indexSlotCapacity() <= CcbTable.INITIAL_INDEX_ENTRIES,
                "empty: index room for " + table.indexSlotCapacity());
        assertEquals(0, table.memoryBytes());
        List<CardConnection> all = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            CardConnection c = conn(0x0A000001, 5001, 0x0B000000 + i / 60_000, 1024 + i % 60_000);
            assertTrue(table.reserve());
            assertTrue(table.install(c, 0));
            all.add(c);
        }
        // the index doubles at half load: room for at most 4x what is installed, not for the capacity
        assertTrue(table.indexSlotCapacity() >= 10_000 && table.indexSlotCapacity() <= 40_000,
                "index room " + table.indexSlotCapacity() + " for 10,000 CCBs of a " + MILLION + "-entry table");
        assertEquals(10_000L * 1024, table.memoryBytes(), "card memory: installed CCBs only");
        for (CardConnection c : all) {
            FourTuple t = c.tuple;
            assertSame(c, table.byFrame(t.localIp(), t.localPort(), t.remoteIp(), t.remotePort()));
            assertSame(c, table.byHandle(c.handle));
        }
    }

    @Test
    void aFullTableRefusesAndCountsAndFreesSlotsOnRemoval() {
        CcbTable table = new CcbTable(3, 1024, 0, "t");
        List<CardConnection> in = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            assertTrue(table.reserve());
            CardConnection c = conn(0x0A000001, 80, 0x0B000001, 2000 + i);
            table.install(c, 0);
            in.add(c);
        }
        assertFalse(table.reserve(), "full");
        assertEquals(1, table.refusals());
        table.remove(in.get(0), 0);
        assertTrue(table.reserve(), "a slot came back");
    }

    @Test
    void aSharedKeyLeftWithOneConnectionStillFindsIt() {
        CcbTable table = new CcbTable(16, 1024, 0, "t");
        CardConnection a = conn(0x0A000001, 7000, 0x0C000001, 443);
        CardConnection b = conn(0x0A000002, 7000, 0x0C000001, 443);
        CardConnection c = conn(0x0A000003, 7000, 0x0C000001, 443);
        for (CardConnection x : List.of(a, b, c)) {
            table.reserve();
            table.install(x, 0);
        }
        table.remove(b, 0);
        table.remove(a, 0);
        assertSame(c, table.byFrame(0x0A000003, 7000, 0x0C000001, 443), "the survivor, through the tuple map");
        assertNull(table.byFrame(0x0A000001, 7000, 0x0C000001, 443));
        table.remove(c, 0);
        assertNull(table.byFrame(0x0A000003, 7000, 0x0C000001, 443));
        CardConnection d = conn(0x0A000001, 7000, 0x0C000001, 443);
        table.reserve();
        table.install(d, 0);
        assertSame(d, table.byFrame(0x0A000001, 7000, 0x0C000001, 443), "the key is free again");
    }
}
