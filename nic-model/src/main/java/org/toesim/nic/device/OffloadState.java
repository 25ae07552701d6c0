package org.toesim.nic.device;

/**
 * The connection state (CCB, claim 20) whose control passes between host and adapter. The TCP
 * engine's control block is wrapped in an implementation of this interface by the host's offload
 * manager; the bus only needs to know how many bytes its image occupies in host memory, which
 * is what the DMA transfer of an {@link ToeCommand.InitiateOffload} or a flush costs.
 *
 * <p>Implementations must be immutable snapshots: once handed to the bus the host must not
 * change them (the adapter owns the live state from then on).
 */
public interface OffloadState {
    /** Size of the state image in host memory, in bytes (for DMA timing). */
    int imageSizeBytes();
}
