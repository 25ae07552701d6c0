package org.toesim.host.mem;

import java.util.Arrays;

/**
 * Live regions sorted by base address in parallel arrays; address lookup is a binary search
 * (O(log n), no allocation). Regions never overlap, so the region holding an address is the one
 * with the greatest base at or below it, if it extends that far. Appending a region above all
 * others (the allocator's usual case) is O(1) amortised; removal shifts the tail (O(n) memmove,
 * only on free).
 */
final class RegionIndex {
    private long[] bases = new long[16];
    private MemoryRegion[] regions = new MemoryRegion[16];
    private int count;

    int size() {
        return count;
    }

    MemoryRegion get(int i) {
        return regions[i];
    }

    void add(MemoryRegion r) {
        int pos = -(Arrays.binarySearch(bases, 0, count, r.baseAddress()) + 1);
        if (pos < 0) {
            throw new IllegalStateException("two regions at 0x" + Long.toHexString(r.baseAddress()));
        }
        if (count == bases.length) {
            bases = Arrays.copyOf(bases, count * 2);
            regions = Arrays.copyOf(regions, count * 2);
        }
        System.arraycopy(bases, pos, bases, pos + 1, count - pos);
        System.arraycopy(regions, pos, regions, pos + 1, count - pos);
        bases[pos] = r.baseAddress();
        regions[pos] = r;
        count++;
    }

    boolean remove(MemoryRegion r) {
        int pos = Arrays.binarySearch(bases, 0, count, r.baseAddress());
        if (pos < 0 || regions[pos] != r) {
            return false;
        }
        System.arraycopy(bases, pos + 1, bases, pos, count - pos - 1);
        System.arraycopy(regions, pos + 1, regions, pos, count - pos - 1);
        count--;
        regions[count] = null;
        return true;
    }

    /** Index of the region with the greatest base at or below {@code address}, or -1. */
    int floorIndex(long address) {
        int pos = Arrays.binarySearch(bases, 0, count, address);
        return pos >= 0 ? pos : -(pos + 1) - 1;
    }

    /** The region containing {@code address}, or null. */
    MemoryRegion find(long address) {
        int i = floorIndex(address);
        if (i < 0) {
            return null;
        }
        MemoryRegion r = regions[i];
        return r.contains(address) ? r : null;
    }
}
