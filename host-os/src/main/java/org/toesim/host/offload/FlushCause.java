package org.toesim.host.offload;

/** Why the host takes an offloaded connection back (claim 8). */
public enum FlushCause {
    /** The host decided (an explicit {@link OffloadManager#flush} call). */
    POLICY,
    /** The application closed the socket and the close mode is {@link CloseMode#UPLOAD_FIRST}. */
    APPLICATION_CLOSE,
    /** The adapter asked for it ({@code DeviceEvent.UploadRequest}). */
    UPLOAD_REQUEST,
    /**
     * A segment the adapter cannot process (SYN, FIN, RST, URG) was held by the host during the
     * handoff; the connection comes back once the segments before it are on the card.
     */
    SLOW_PATH_SEGMENT,
    /**
     * A statistics poll found the adapter's connection past ESTABLISHED (it took the peer's FIN
     * itself, e.g. one released from its reorder park, without asking for an upload): the close
     * is the host's to finish.
     */
    CLOSING_ON_ADAPTER,
    /** The adapter failed or was reset; every connection on it comes back. */
    CARD_RESET
}
