package org.toesim.host.pcie;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.nic.device.DmaData;

/**
 * A region of host memory holding typed contents at arbitrary addresses (command results,
 * connection state images): an address -&gt; content map (a {@link TreeMap}, O(log n), never
 * scanned). A read returns the content stored at exactly that address with exactly that
 * length, a slice or {@link DmaData.Part} of it for a read inside it (a device reading a large
 * CCB image in several DMA reads), otherwise {@link DmaData.Opaque} of the asked length.
 */
public final class TypedRegion implements DmaTarget {
    private final HostMemory memory;
    private final MemoryRegion region;
    private final TreeMap<Long, DmaData> content = new TreeMap<>();

    /** Allocates {@code lenBytes} named {@code name}. */
    public TypedRegion(HostMemory memory, String name, RegionKind kind, long lenBytes) {
        this.memory = Objects.requireNonNull(memory, "memory");
        this.region = memory.allocate(name, kind, lenBytes, 64, false);
    }

    public MemoryRegion region() {
        return region;
    }

    /** The content at {@code hostAddr}, or null. */
    public DmaData at(long hostAddr) {
        return content.get(hostAddr);
    }

    /** The host writes {@code data} at {@code hostAddr}. */
    public void put(long hostAddr, DmaData data) {
        memory.writeLength(hostAddr, data.lenBytes());
        content.put(hostAddr, data);
    }

    /** Forgets the content at {@code hostAddr}; returns it. */
    public DmaData remove(long hostAddr) {
        return content.remove(hostAddr);
    }

    @Override
    public DmaData read(long hostAddr, int lenBytes) {
        memory.readLength(hostAddr, lenBytes);
        Map.Entry<Long, DmaData> e = content.floorEntry(hostAddr);
        return e == null ? new DmaData.Opaque(lenBytes) : DmaData.readOf(e.getKey(), e.getValue(), hostAddr, lenBytes);
    }

    @Override
    public void write(long hostAddr, DmaData data) {
        put(hostAddr, data);
    }
}
