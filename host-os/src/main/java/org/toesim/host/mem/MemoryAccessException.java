package org.toesim.host.mem;

/**
 * An access outside any live region, or running past the end of its region, or reading real
 * bytes from a region that holds none. The message names the access, the address (hex) and the
 * region involved or the nearest one below.
 */
public final class MemoryAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final long address;
    private final long lenBytes;
    private final String regionName;

    MemoryAccessException(String message, long address, long lenBytes, String regionName) {
        super(message);
        this.address = address;
        this.lenBytes = lenBytes;
        this.regionName = regionName;
    }

    /** The first address of the failed access. */
    public long address() {
        return address;
    }

    /** The length of the failed access. */
    public long lenBytes() {
        return lenBytes;
    }

    /** The region the access hit or came closest to, or null when there is none. */
    public String regionName() {
        return regionName;
    }
}
