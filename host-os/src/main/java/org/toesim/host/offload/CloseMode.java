package org.toesim.host.offload;

/**
 * What happens when the application closes an offloaded connection, and who runs the peer's FIN.
 */
public enum CloseMode {
    /** Flush the connection back to the host, then close it there (FIN from the host stack). */
    UPLOAD_FIRST,
    /**
     * The close runs on the adapter when its capability lists
     * {@link org.toesim.nic.device.OffloadFeature#CLOSE_ON_CARD} (otherwise as UPLOAD_FIRST): the
     * application's close posts a send request with {@code fin} behind its sends, the peer's FIN
     * reaches the application as {@code PeerClosed}, and the connection comes back only when
     * the adapter is done with it (TIME_WAIT or CLOSED, {@code CONNECTION_DONE}), with its final
     * state and statistics.
     */
    CLOSE_ON_CARD
}
