package org.toesim.host.pcie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.RegionKind;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.DmaData;
import org.toesim.tcp.segment.Payload;

/** A device may read a large image in several DMA reads; each read must see its part of it. */
class TypedRegionTest {
    private final HostMemory memory = new HostMemory();
    private final TypedRegion region = new TypedRegion(memory, "state", RegionKind.CONNECTION_STATE, 64 * 1024);
    private final long base = region.region().baseAddress();

    @Test
    void exactReadReturnsTheStoredContent() {
        DmaData cap = new DmaData.CapabilityImage(Capability.none(Set.of()));
        region.put(base, cap);
        assertSame(cap, region.read(base, cap.lenBytes()));
    }

    @Test
    void readInsideBytesIsASliceAndInsideOtherContentIsAPart() {
        byte[] data = new byte[10_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        region.put(base, new DmaData.Bytes(Payload.real(0, data, 0, data.length)));
        DmaData slice = region.read(base + 4096, 4096);
        assertEquals(new DmaData.Bytes(Payload.real(4096, data, 4096, 4096)), slice);

        DmaData cap = new DmaData.CapabilityImage(Capability.none(Set.of()));
        long capAddr = base + 32 * 1024;
        region.put(capAddr, cap);
        assertEquals(new DmaData.Part(cap, 16, 32), region.read(capAddr + 16, 32));
    }

    @Test
    void readOutsideAnyContentIsOpaque() {
        region.put(base, new DmaData.CapabilityImage(Capability.none(Set.of())));
        assertEquals(new DmaData.Opaque(100), region.read(base + 1000, 100));
        assertEquals(new DmaData.Opaque(200), region.read(base + 40, 200), "runs past the stored content");
    }
}
