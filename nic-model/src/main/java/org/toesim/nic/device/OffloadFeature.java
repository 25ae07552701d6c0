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
    FORWARD_FRAMES,
    /**
     * Runs the close on the card: the peer's FIN is processed there and announced with
     * {@link DeviceEvent.PeerClosed} once every byte before it is placed, a
     * {@link TxDescriptor.ToeSend} with {@code fin} sends the host's FIN, and the connection is
     * handed back ({@link UploadReason#CONNECTION_DONE}) when the card is done with it.
     */
    CLOSE_ON_CARD,
    /**
     * Takes neighbour updates from the host ({@link ToeCommand.UpdateNeighbour}): the connections
     * through that next hop use the new link-layer address from their next frame on.
     */
    NEIGHBOUR_UPDATE
}
