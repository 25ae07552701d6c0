package org.toesim.host.mem;

/**
 * Sees every write into host memory, real or length-only, so a test can prove that payload landed
 * at the right address even when no bytes are kept.
 */
@FunctionalInterface
public interface MemoryWriteObserver {
    /**
     * Called after a write has been checked and applied.
     *
     * @param region    the region written
     * @param address   first address written
     * @param lenBytes  bytes written
     * @param realBytes true when the region now holds the written content
     */
    void onWrite(MemoryRegion region, long address, long lenBytes, boolean realBytes);
}
