package org.toesim.nic.device;

/** Why the adapter asks the host to take a connection back (an {@link DeviceEvent.UploadRequest}). */
public enum UploadReason {
    /** Urgent data arrived (the card does not handle the urgent pointer). */
    URGENT_DATA,
    /** A retransmission or keep-alive timeout the card hands to the host. */
    TIMEOUT,
    /** A segment put the connection in a state the card does not handle (e.g. FIN, RST). */
    INVALID_STATE,
    /** The card failed. */
    HARDWARE_FAILURE,
    /** The connection carries too little traffic to be worth a CCB slot. */
    LOW_ACTIVITY,
    /** Drop or out-of-order rate above the card's threshold. */
    HIGH_DROP_OR_REORDER,
    /** Data keeps arriving and the host posts no buffers. */
    NO_POSTED_BUFFERS,
    /**
     * The connection's close ran on the card and it is done there: CLOSED after the FIN
     * handshake, or TIME_WAIT, which the card hands to the host unless it keeps TIME_WAIT itself.
     * The CCB comes back with the final state and statistics; the host never offloads it again.
     */
    CONNECTION_DONE
}
