package org.toesim.host.mem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.toesim.tcp.segment.Payload;

class HostMemoryTest {
    private final HostMemory mem = new HostMemory();

    @Test
    void regionsAreAlignedAndDoNotOverlap() {
        SplittableRandom rnd = new SplittableRandom(11);
        List<MemoryRegion> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            long align = 1L << rnd.nextInt(13);
            long len = rnd.nextLong(1, 100_000);
            MemoryRegion r = mem.allocate("r" + i, RegionKind.OTHER, len, align, false);
            assertEquals(0, r.baseAddress() % align, r.toString());
            assertEquals(len, r.lenBytes());
            all.add(r);
        }
        MemoryRegion dflt = mem.allocate("default", RegionKind.DESCRIPTOR_RING, 3, false);
        assertEquals(0, dflt.baseAddress() % MemorySpec.DEFAULT_ALIGN_BYTES);
        all.add(dflt);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i - 1).endAddress() <= all.get(i).baseAddress(), all.get(i - 1) + " / " + all.get(i));
        }
        assertEquals(all, mem.regions());
        assertTrue(all.get(0).baseAddress() >= MemorySpec.DEFAULT_BASE_ADDRESS);
    }

    @Test
    void realBytesRoundTripAtTheirAddress() {
        mem.allocate("guard", RegionKind.OTHER, 100, true);
        MemoryRegion buf = mem.allocate("app.buf0", RegionKind.APPLICATION_BUFFER, 4096, true);
        byte[] data = new byte[1448];
        new SplittableRandom(3).nextBytes(data);
        mem.write(buf.address(100), data, 0, data.length);

        assertArrayEquals(data, mem.read(buf.address(100), 1448));
        assertEquals(0, mem.read(buf.address(99), 1)[0], "byte before untouched");
        assertEquals(0, mem.read(buf.address(1548), 1)[0], "byte after untouched");
        assertEquals(1, buf.writes());
        assertEquals(1448, buf.bytesWritten());
    }

    @Test
    void payloadsLandWithTheirContentOrOnlyTheirLength() {
        MemoryRegion real = mem.allocate("real", RegionKind.SOCKET_BUFFER, 8192, true);
        MemoryRegion virt = mem.allocate("virt", RegionKind.SOCKET_BUFFER, 1 << 30, false);
        List<String> seen = new ArrayList<>();
        mem.setWriteObserver((r, addr, len, realBytes) -> seen.add(r.name() + "@" + (addr - r.baseAddress())
                + "+" + len + (realBytes ? " real" : " virtual")));

        Payload p = Payload.virtual(1_000_000, 1448);
        mem.writePayload(real.address(2896), p);
        mem.writePayload(virt.address(1 << 20), p);

        assertArrayEquals(p.toByteArray(), mem.read(real.address(2896), 1448), "pattern content");
        assertEquals(List.of("real@2896+1448 real", "virt@1048576+1448 virtual"), seen);
        assertEquals(1448, virt.bytesWritten());
        MemoryAccessException e = assertThrows(MemoryAccessException.class, () -> mem.read(virt.address(0), 1));
        assertTrue(e.getMessage().contains("'virt'") && e.getMessage().contains("holds no real bytes"), e.getMessage());
    }

    @Test
    void accessPastTheEndNamesTheRegionAndTheAddress() {
        MemoryRegion ring = mem.allocate("nic0.rx-ring0", RegionKind.DESCRIPTOR_RING, 2048, true);
        long addr = ring.address(2000);
        MemoryAccessException e = assertThrows(MemoryAccessException.class,
                () -> mem.write(addr, new byte[100], 0, 100));
        assertEquals("nic0.rx-ring0", e.regionName());
        assertEquals(addr, e.address());
        assertTrue(e.getMessage().contains("0x" + Long.toHexString(addr)), e.getMessage());
        assertTrue(e.getMessage().contains("runs 52 bytes past the end"), e.getMessage());
        assertEquals(0, ring.writes(), "a failed write changes nothing");
    }

    @Test
    void accessBetweenOrOutsideRegionsNamesTheNearestRegionBelow() {
        MemoryRegion a = mem.allocate("a", RegionKind.OTHER, 100, 4096, false);
        mem.allocate("b", RegionKind.OTHER, 100, 4096, false);
        long gap = a.endAddress() + 10;
        MemoryAccessException e = assertThrows(MemoryAccessException.class, () -> mem.writeLength(gap, 1));
        assertEquals("a", e.regionName());
        assertTrue(e.getMessage().contains("no live region") && e.getMessage().contains("ends 10 bytes earlier"),
                e.getMessage());
        MemoryAccessException below = assertThrows(MemoryAccessException.class, () -> mem.regionAt(0x1000));
        assertNull(below.regionName());
        assertTrue(below.getMessage().contains("0x1000"), below.getMessage());
    }

    @Test
    void lookupFindsTheRightRegionAmongMany() {
        SplittableRandom rnd = new SplittableRandom(5);
        List<MemoryRegion> all = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            all.add(mem.allocate("r" + i, RegionKind.SOCKET_BUFFER, rnd.nextLong(1, 70_000),
                    1L << rnd.nextInt(12), false));
        }
        long lo = all.get(0).baseAddress() - 100;
        long hi = all.get(all.size() - 1).endAddress() + 100;
        for (int i = 0; i < 20_000; i++) {
            long addr = rnd.nextLong(lo, hi);
            MemoryRegion expected = null;
            for (MemoryRegion r : all) { // reference: linear scan, in the test only
                if (r.contains(addr)) {
                    expected = r;
                }
            }
            assertSame(expected, mem.find(addr), "address 0x" + Long.toHexString(addr));
        }
        for (MemoryRegion r : all) {
            assertSame(r, mem.find(r.baseAddress()));
            assertSame(r, mem.find(r.endAddress() - 1));
        }
    }

    @Test
    void freedRegionsStopResolvingAndTheirAddressesAreNotReused() {
        MemoryRegion a = mem.allocate("sock7.rcvbuf", RegionKind.SOCKET_BUFFER, 65536, false);
        MemoryRegion b = mem.allocate("sock8.rcvbuf", RegionKind.SOCKET_BUFFER, 65536, false);
        mem.free(a);
        assertFalse(a.isLive());
        assertNull(mem.find(a.baseAddress()));
        assertNull(mem.region("sock7.rcvbuf"));
        assertSame(b, mem.find(b.baseAddress() + 5));
        assertThrows(MemoryAccessException.class, () -> mem.writeLength(a.baseAddress(), 10));
        MemoryRegion again = mem.allocate("sock7.rcvbuf", RegionKind.SOCKET_BUFFER, 65536, false);
        assertTrue(again.baseAddress() >= b.endAddress());
        assertEquals(2 * 65536, mem.allocatedBytes());
        assertThrows(IllegalArgumentException.class, () -> mem.free(a));
    }

    @Test
    void badAllocationsAreRejected() {
        mem.allocate("x", RegionKind.OTHER, 10, false);
        assertThrows(IllegalArgumentException.class, () -> mem.allocate("x", RegionKind.OTHER, 10, false));
        assertThrows(IllegalArgumentException.class, () -> mem.allocate("y", RegionKind.OTHER, 0, false));
        assertThrows(IllegalArgumentException.class, () -> mem.allocate("y", RegionKind.OTHER, 10, 3, false));
        HostMemory small = new HostMemory(new MemorySpec(4096, 8192, 0, 64));
        small.allocate("fits", RegionKind.OTHER, 8000, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> small.allocate("too-big", RegionKind.OTHER, 200, false));
        assertTrue(e.getMessage().contains("exhausted"), e.getMessage());
    }

    @Test
    void accessLatencyDefaultsToEightyNanoseconds() {
        assertEquals(0, mem.accessLatencyPs());
        assertEquals(120_000, new HostMemory(MemorySpec.defaults().withAccessLatencyPs(120_000)).accessLatencyPs());
    }
}
