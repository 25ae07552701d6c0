package org.toesim.nic.dma;

import org.toesim.nic.device.DmaData;

/**
 * Told when a DMA read has completed. Implemented once by a device component (a ring, the
 * transmit path) and reused for every read; {@code cookie} tells the reads apart, so no object
 * is allocated per transfer.
 */
public interface DmaReadCallback {
    /** The read issued with {@code cookie} returned {@code data}; the simulator's now is the arrival instant. */
    void onReadComplete(long cookie, DmaData data);
}
