package org.toesim.nic.device;

/** Optional abilities an adapter reports in its {@link Capability}. */
public enum OffloadFeature {
    /** Offloads IPv4 connections. */
    IPV4,
    /** Offloads IPv6 connections. */
    IPV6,
    /** Handles the window scale option (RFC 7323 section 2). */
    WINDOW_SCALE,
    /** Handles timestamps (RFC 7323 section 3). */
    TIMESTAMPS,
    /** Handles selective acknowledgments (RFC 2018). */
    SACK,
    /** Plain-NIC checksum offload on send and receive. */
    CHECKSUM_OFFLOAD,
    /** Plain-NIC TCP segmentation offload. */
    SEGMENTATION_OFFLOAD,
    /** Plain-NIC large receive offload (in-order TCP segments of a flow coalesced into one buffer). */
    LARGE_RECEIVE_OFFLOAD,
    /** Plain-NIC receive-side scaling over several receive queues. */
    RECEIVE_SIDE_SCALING,
    /** Can indicate data into indication buffers when no buffer is posted. */
    INDICATE_DATA,
    /**
     * Takes frames of an offloaded connection back from the host ({@link ToeCommand.ForwardFrames})
     * and processes them as if just received.
     */
    FORWARD_FRAMES
}
