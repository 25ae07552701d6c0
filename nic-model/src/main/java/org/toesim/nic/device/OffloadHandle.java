package org.toesim.nic.device;

/**
 * The name of one offloaded TCP connection as it crosses the bus (claims 1, 5, 6, 18).
 *
 * <p>Opaque by construction: the representation is private and there is no accessor, so the
 * host stack can store a handle, pass it back, compare it and use it as a map key, but cannot
 * read anything out of it. Handles are minted by an {@link Allocator} that the driver owns (one
 * per adapter; never static), so two adapters never share a handle space by accident.
 */
public final class OffloadHandle implements Comparable<OffloadHandle> {
    private final long value;

    private OffloadHandle(long value) {
        this.value = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OffloadHandle h && h.value == value;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(value * 0x9E3779B97F4A7C15L);
    }

    /** Orders handles by minting order (deterministic iteration in sorted maps). */
    @Override
    public int compareTo(OffloadHandle other) {
        return Long.compare(value, other.value);
    }

    /** A label for traces; it carries no meaning a caller may rely on. */
    @Override
    public String toString() {
        return "handle#" + Long.toHexString(value);
    }

    /** Mints distinct handles in a fixed order. One per adapter, owned by the driver. */
    public static final class Allocator {
        private long next;

        /** An allocator whose first handle is derived from {@code adapterId} (so handle spaces of adapters differ). */
        public Allocator(int adapterId) {
            this.next = ((long) adapterId << 40) + 1;
        }

        /** A handle never returned before by this allocator. */
        public OffloadHandle allocate() {
            return new OffloadHandle(next++);
        }
    }
}
