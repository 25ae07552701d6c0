package org.toesim.host.mem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.toesim.tcp.segment.Payload;

/**
 * The host's physical address space: named regions (descriptor rings, socket buffers,
 * application buffers, command rings) at fixed addresses, each optionally holding real bytes.
 * The PCIe root complex serves the adapter's DMA through {@link #write}, {@link #read} and
 * {@link #writePayload} after {@link #accessLatencyPs()}; the driver and socket layer allocate
 * regions and hand their addresses to the adapter.
 *
 * <pre>
 *  baseAddress (4 GiB)                                               base + size
 *  |--[rx-ring0]--[tx-ring0]--[cmd-ring]--[sock 7 rcvbuf]--[app buf]--....--|
 *      ^ aligned    ^ regions never overlap; freed addresses are never reused, so a late DMA
 *      |              into a freed buffer fails loudly instead of corrupting its next owner
 *  regionAt(addr): binary search over sorted bases -&gt; region whose [base, end) holds addr
 *  write(addr, len): must fit in ONE region, else MemoryAccessException naming region + address
 * </pre>
 *
 * <p>Allocation is a bump pointer with alignment. A region either holds real bytes (reads return
 * them) or is virtual: writes into it only record their length and are reported to the
 * {@link MemoryWriteObserver}, and reading real bytes from it is an error.
 */
public final class HostMemory {
    private final MemorySpec spec;
    private final RegionIndex index = new RegionIndex();
    /** Lookup by name only; never iterated. */
    private final Map<String, MemoryRegion> byName = new HashMap<>();
    private long nextFreeAddress;
    private long allocatedBytes;
    private MemoryWriteObserver observer;

    /** An address space with {@link MemorySpec#defaults()}. */
    public HostMemory() {
        this(MemorySpec.defaults());
    }

    public HostMemory(MemorySpec spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.nextFreeAddress = spec.baseAddress();
    }

    public MemorySpec spec() {
        return spec;
    }

    /** Latency of one memory access for DMA served by the host (the root complex adds it). */
    public long accessLatencyPs() {
        return spec.accessLatencyPs();
    }

    /** Sets the single observer of writes (null to remove). */
    public void setWriteObserver(MemoryWriteObserver observer) {
        this.observer = observer;
    }

    /** Allocates a region with the default alignment. */
    public MemoryRegion allocate(String name, RegionKind kind, long lenBytes, boolean realBytes) {
        return allocate(name, kind, lenBytes, spec.defaultAlignBytes(), realBytes);
    }

    /**
     * Allocates {@code lenBytes} at the next address aligned to {@code alignBytes}.
     *
     * @param name      unique among live regions, e.g. {@code "nic0.rx-ring0"}
     * @param realBytes true to keep the region's content (length must fit an int)
     * @throws IllegalArgumentException if the name is taken, the length is not positive, the
     *                                  alignment is not a power of two, or the space is exhausted
     */
    public MemoryRegion allocate(String name, RegionKind kind, long lenBytes, long alignBytes, boolean realBytes) {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("region name must not be blank");
        }
        if (byName.containsKey(name)) {
            throw new IllegalArgumentException("region name '" + name + "' is already allocated: " + byName.get(name));
        }
        if (lenBytes <= 0) {
            throw new IllegalArgumentException("region '" + name + "' needs a positive length, got " + lenBytes);
        }
        if (alignBytes <= 0 || Long.bitCount(alignBytes) != 1) {
            throw new IllegalArgumentException("region '" + name + "': alignment must be a power of two, got " + alignBytes);
        }
        if (realBytes && lenBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("region '" + name + "' of " + lenBytes + " bytes is too large to hold real bytes");
        }
        long base = (nextFreeAddress + alignBytes - 1) & -alignBytes;
        long limit = spec.baseAddress() + spec.sizeBytes();
        if (base < nextFreeAddress || base > limit - lenBytes) {
            throw new IllegalArgumentException("address space exhausted: cannot place " + lenBytes + " bytes for '"
                    + name + "' at 0x" + Long.toHexString(base) + " (limit 0x" + Long.toHexString(limit) + ")");
        }
        MemoryRegion r = new MemoryRegion(name, kind, base, lenBytes, realBytes);
        index.add(r);
        byName.put(name, r);
        nextFreeAddress = base + lenBytes;
        allocatedBytes += lenBytes;
        return r;
    }

    /** Frees {@code region}; its addresses become invalid and are never handed out again. */
    public void free(MemoryRegion region) {
        if (!index.remove(region)) {
            throw new IllegalArgumentException("region " + region + " is not live in this address space");
        }
        byName.remove(region.name());
        allocatedBytes -= region.lenBytes();
        region.markFreed();
    }

    /** The live region named {@code name}, or null. */
    public MemoryRegion region(String name) {
        return byName.get(name);
    }

    /** The live region containing {@code address}, or null (O(log n)). */
    public MemoryRegion find(long address) {
        return index.find(address);
    }

    /** The live region containing {@code address}; throws if there is none. */
    public MemoryRegion regionAt(long address) {
        return checkedRegion("access", address, 1);
    }

    /** Live regions in address order. */
    public List<MemoryRegion> regions() {
        List<MemoryRegion> out = new ArrayList<>(index.size());
        for (int i = 0; i < index.size(); i++) {
            out.add(index.get(i));
        }
        return out;
    }

    /** Bytes held by live regions. */
    public long allocatedBytes() {
        return allocatedBytes;
    }

    /**
     * Writes {@code src[off, off+len)} at {@code address}. Into a virtual region only the length
     * is recorded.
     *
     * @throws MemoryAccessException if the range is not inside one live region
     */
    public void write(long address, byte[] src, int off, int len) {
        Objects.checkFromIndexSize(off, len, src.length);
        MemoryRegion r = checkedRegion("write", address, len);
        byte[] b = r.bytes();
        if (b != null) {
            System.arraycopy(src, off, b, (int) (address - r.baseAddress()), len);
        }
        written(r, address, len);
    }

    /**
     * Writes a TCP payload at {@code address}: into a region with real bytes its content (real,
     * or the virtual payload's defined pattern); into a virtual region only its length.
     */
    public void writePayload(long address, Payload payload) {
        MemoryRegion r = checkedRegion("write", address, payload.lenBytes());
        byte[] b = r.bytes();
        if (b != null) {
            payload.copyTo(b, (int) (address - r.baseAddress()));
        }
        written(r, address, payload.lenBytes());
    }

    /** Records a write of {@code lenBytes} at {@code address} without content (virtual payload). */
    public void writeLength(long address, long lenBytes) {
        MemoryRegion r = checkedRegion("write", address, lenBytes);
        written(r, address, lenBytes);
    }

    /**
     * Reads {@code len} bytes at {@code address} into {@code dst[off, off+len)}.
     *
     * @throws MemoryAccessException if the range is not inside one live region, or that region
     *                               is virtual
     */
    public void read(long address, byte[] dst, int off, int len) {
        Objects.checkFromIndexSize(off, len, dst.length);
        MemoryRegion r = checkedRegion("read", address, len);
        byte[] b = r.bytes();
        if (b == null) {
            throw new MemoryAccessException("read of " + len + " bytes at 0x" + Long.toHexString(address)
                    + ": region " + r + " holds no real bytes", address, len, r.name());
        }
        System.arraycopy(b, (int) (address - r.baseAddress()), dst, off, len);
        r.countRead(len);
    }

    /** Reads {@code len} bytes at {@code address} into a new array. */
    public byte[] read(long address, int len) {
        byte[] out = new byte[len];
        read(address, out, 0, len);
        return out;
    }

    /** Records a read of {@code lenBytes} at {@code address} without content (DMA of virtual data). */
    public void readLength(long address, long lenBytes) {
        checkedRegion("read", address, lenBytes).countRead(lenBytes);
    }

    private void written(MemoryRegion r, long address, long len) {
        r.countWrite(len);
        MemoryWriteObserver o = observer;
        if (o != null) {
            o.onWrite(r, address, len, r.holdsBytes());
        }
    }

    private MemoryRegion checkedRegion(String op, long address, long len) {
        if (len < 0) {
            throw new MemoryAccessException(op + " of negative length " + len + " at 0x" + Long.toHexString(address),
                    address, len, null);
        }
        int i = index.floorIndex(address);
        MemoryRegion r = i < 0 ? null : index.get(i);
        if (r == null || !r.contains(address)) {
            throw new MemoryAccessException(op + " of " + len + " bytes at 0x" + Long.toHexString(address)
                    + ": no live region there" + (r == null ? " (below every region)"
                    : " (nearest below: " + r + ", which ends " + (address - r.endAddress())
                    + " bytes earlier)"), address, len, r == null ? null : r.name());
        }
        if (len > r.endAddress() - address) {
            throw new MemoryAccessException(op + " of " + len + " bytes at 0x" + Long.toHexString(address)
                    + " runs " + (len - (r.endAddress() - address)) + " bytes past the end of region " + r,
                    address, len, r.name());
        }
        return r;
    }
}
