package org.toesim.nic.ring;

/** Base address and size of a ring, with modular index arithmetic. */
record RingGeometry(long baseAddr, int sizeSlots, int entryBytes) {
    RingGeometry {
        if (sizeSlots < 2 || Integer.bitCount(sizeSlots) != 1) {
            throw new IllegalArgumentException("ring size must be a power of two >= 2, got " + sizeSlots);
        }
    }

    int mask() {
        return sizeSlots - 1;
    }

    /** Slots from {@code from} forward to {@code to}, modulo the size. */
    int distance(int from, int to) {
        return (to - from) & mask();
    }

    int next(int index, int n) {
        return (index + n) & mask();
    }

    long slotAddr(int index) {
        return baseAddr + (long) index * entryBytes;
    }

    void checkIndex(int index) {
        if (index < 0 || index >= sizeSlots) {
            throw new IllegalArgumentException("ring index " + index + " outside [0, " + sizeSlots + ")");
        }
    }
}
