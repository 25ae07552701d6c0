package org.toesim.host.mem;

/**
 * A named, contiguous range {@code [baseAddress, baseAddress + lenBytes)} of host memory,
 * allocated by {@link HostMemory}. It either holds real bytes (so tests can read back what the
 * adapter placed) or only counts what is written to it (virtual: large simulations keep no
 * payload). Access goes through {@link HostMemory}, which finds the region by address and checks
 * bounds.
 */
public final class MemoryRegion {
    private final String name;
    private final RegionKind kind;
    private final long baseAddress;
    private final long lenBytes;
    private final byte[] bytes;
    private boolean live = true;
    private long writes;
    private long bytesWritten;
    private long reads;
    private long bytesRead;

    MemoryRegion(String name, RegionKind kind, long baseAddress, long lenBytes, boolean realBytes) {
        this.name = name;
        this.kind = kind;
        this.baseAddress = baseAddress;
        this.lenBytes = lenBytes;
        this.bytes = realBytes ? new byte[Math.toIntExact(lenBytes)] : null;
    }

    public String name() {
        return name;
    }

    public RegionKind kind() {
        return kind;
    }

    /** First address of the region. */
    public long baseAddress() {
        return baseAddress;
    }

    public long lenBytes() {
        return lenBytes;
    }

    /** One past the last address of the region. */
    public long endAddress() {
        return baseAddress + lenBytes;
    }

    /** The address {@code offsetBytes} into the region. */
    public long address(long offsetBytes) {
        if (offsetBytes < 0 || offsetBytes > lenBytes) {
            throw new IndexOutOfBoundsException("offset " + offsetBytes + " outside region " + this);
        }
        return baseAddress + offsetBytes;
    }

    /** True when {@code address} lies in the region. */
    public boolean contains(long address) {
        return address >= baseAddress && address - baseAddress < lenBytes;
    }

    /** True when the region holds real bytes. */
    public boolean holdsBytes() {
        return bytes != null;
    }

    /** False once the region has been freed. */
    public boolean isLive() {
        return live;
    }

    /** Number of writes into the region. */
    public long writes() {
        return writes;
    }

    /** Total bytes written into the region (real or length-only). */
    public long bytesWritten() {
        return bytesWritten;
    }

    /** Number of reads from the region. */
    public long reads() {
        return reads;
    }

    /** Total bytes read from the region. */
    public long bytesRead() {
        return bytesRead;
    }

    byte[] bytes() {
        return bytes;
    }

    void markFreed() {
        live = false;
    }

    void countWrite(long len) {
        writes++;
        bytesWritten += len;
    }

    void countRead(long len) {
        reads++;
        bytesRead += len;
    }

    @Override
    public String toString() {
        return "'" + name + "' " + kind + " [0x" + Long.toHexString(baseAddress) + ", 0x"
                + Long.toHexString(endAddress()) + ")" + (bytes == null ? " virtual" : "");
    }
}
