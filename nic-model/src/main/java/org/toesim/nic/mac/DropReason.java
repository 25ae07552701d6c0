package org.toesim.nic.mac;

/** Why a frame was discarded on its way. */
public enum DropReason {
    /** Transmit or output queue full (drop-tail). */
    QUEUE_FULL,
    /** IP packet larger than the port's MTU. */
    OVERSIZE,
    /** Bit errors: the receiver's FCS check failed. */
    FCS_ERROR,
    /** Random loss on a link (Bernoulli or Gilbert-Elliott). */
    LINK_LOSS,
    /** The link was administratively or physically down. */
    LINK_DOWN,
    /** A switch had no forwarding entry for the destination. */
    NO_ROUTE,
    /**
     * Dropped early by the queue's active queue management (RED, CoDel, step marking of a Not-ECT
     * frame) to signal congestion, before the queue was full (RFC 7567 §4).
     */
    AQM
}
