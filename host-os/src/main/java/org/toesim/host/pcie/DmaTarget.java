package org.toesim.host.pcie;

import org.toesim.nic.device.DmaData;

/**
 * The owner of a region of host memory whose content is typed: the {@link RootComplex} routes
 * every DMA that falls in the region here. Implementations keep their content with O(1) or
 * O(log n) lookup by address and also account the access on {@link org.toesim.host.mem.HostMemory}
 * (so region counters and write observers see DMA traffic).
 */
public interface DmaTarget {
    /**
     * The content the device reads at {@code hostAddr}.
     *
     * @throws IllegalStateException if the device reads something the host never wrote there
     */
    DmaData read(long hostAddr, int lenBytes);

    /** The device wrote {@code data} at {@code hostAddr}. */
    void write(long hostAddr, DmaData data);
}
