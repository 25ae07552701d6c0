package org.toesim.host.pcie;

import java.util.Objects;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.nic.device.DmaData;

/**
 * A region of host memory cut into {@code count} equal buffers (the driver's receive or transmit
 * frame buffers), each holding at most one typed content (a frame, bytes) that starts at the
 * buffer's first address. Lookup is by index: {@code (addr - base) / bufferBytes}, O(1).
 *
 * <pre>
 *  base                                                              base + count * bufferBytes
 *  |-- buf 0 --|-- buf 1 --|-- buf 2 --| ...
 *     ^ content[0]            host put(i, data) (transmit) / device DmaWrite at address(i) (receive)
 * </pre>
 * The region is virtual by default (no bytes kept): the content object is what the reader sees,
 * and {@link HostMemory} records the lengths.
 */
public final class BufferPool implements DmaTarget {
    private final HostMemory memory;
    private final MemoryRegion region;
    private final int bufferBytes;
    private final DmaData[] content;

    /** Allocates {@code count} buffers of {@code bufferBytes} named {@code name}. */
    public BufferPool(HostMemory memory, String name, RegionKind kind, int count, int bufferBytes) {
        this.memory = Objects.requireNonNull(memory, "memory");
        if (count < 1 || bufferBytes < 1) {
            throw new IllegalArgumentException("pool " + name + " needs count >= 1 and bufferBytes >= 1");
        }
        this.bufferBytes = bufferBytes;
        this.region = memory.allocate(name, kind, (long) count * bufferBytes, 4096, false);
        this.content = new DmaData[count];
    }

    public MemoryRegion region() {
        return region;
    }

    public int count() {
        return content.length;
    }

    public int bufferBytes() {
        return bufferBytes;
    }

    /** First address of buffer {@code index}. */
    public long address(int index) {
        return region.baseAddress() + (long) Objects.checkIndex(index, content.length) * bufferBytes;
    }

    /** The content of buffer {@code index} (null if empty). */
    public DmaData content(int index) {
        return content[index];
    }

    /** The host writes {@code data} into buffer {@code index}. */
    public void put(int index, DmaData data) {
        if (data.lenBytes() > bufferBytes) {
            throw new IllegalArgumentException(data.lenBytes() + " B do not fit buffer " + index + " of "
                    + bufferBytes + " B in " + region);
        }
        content[index] = data;
        memory.writeLength(address(index), data.lenBytes());
    }

    /** Empties buffer {@code index}; returns what it held. */
    public DmaData take(int index) {
        DmaData d = content[index];
        content[index] = null;
        return d;
    }

    @Override
    public DmaData read(long hostAddr, int lenBytes) {
        int i = indexContaining(hostAddr);
        DmaData d = content[i];
        long start = address(i);
        // a device whose read limit is below the content's size fetches it in several reads (a
        // 64 KiB TSO send, 16 KiB reads): each read inside the content returns its part
        if (d == null || hostAddr < start || hostAddr + lenBytes > start + d.lenBytes()) {
            throw new IllegalStateException("device read " + lenBytes + " B at buffer " + i + " of " + region
                    + " (offset " + (hostAddr - start) + ") holding " + d);
        }
        memory.readLength(hostAddr, lenBytes);
        return DmaData.readOf(start, d, hostAddr, lenBytes);
    }

    @Override
    public void write(long hostAddr, DmaData data) {
        int i = indexOf(hostAddr);
        if (data.lenBytes() > bufferBytes) {
            throw new IllegalStateException("device wrote " + data.lenBytes() + " B into buffer " + i + " of "
                    + bufferBytes + " B in " + region);
        }
        memory.writeLength(hostAddr, data.lenBytes());
        content[i] = data;
    }

    /** The buffer {@code hostAddr} lies in (anywhere inside it). */
    private int indexContaining(long hostAddr) {
        long off = hostAddr - region.baseAddress();
        if (off < 0 || off / bufferBytes >= content.length) {
            throw new IllegalStateException("DMA at 0x" + Long.toHexString(hostAddr) + " is outside " + region);
        }
        return (int) (off / bufferBytes);
    }

    private int indexOf(long hostAddr) {
        long off = hostAddr - region.baseAddress();
        if (off < 0 || off % bufferBytes != 0 || off / bufferBytes >= content.length) {
            throw new IllegalStateException("DMA at 0x" + Long.toHexString(hostAddr)
                    + " is not the start of a buffer of " + region);
        }
        return (int) (off / bufferBytes);
    }
}
