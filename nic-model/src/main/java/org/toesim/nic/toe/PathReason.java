package org.toesim.nic.toe;

/**
 * The classifier's verdict on one received frame (claim 14), counted per card and per
 * connection. Fast-path verdicts are processed on the card; the others go to the host through
 * the receive ring like a plain NIC's frames.
 */
public enum PathReason {
    /** In-order data of an offloaded connection. */
    FAST_DATA(true),
    /** A pure ACK (no data) of an offloaded connection. */
    FAST_ACK(true),
    /** An in-order FIN handled on the card ({@link ToeConfig.FinAction#ON_CARD}). */
    FAST_FIN(true),
    /** No CCB for the four-tuple. */
    NO_CCB(false),
    /** SYN set. */
    SYN(false),
    /** FIN set ({@link ToeConfig.FinAction#TO_HOST}, or not in order). */
    FIN(false),
    /** RST set. */
    RST(false),
    /** URG set (the card does not implement the urgent pointer). */
    URG(false),
    /** An IPv4 fragment. */
    IP_FRAGMENT(false),
    /** IPv4 options present. */
    IP_OPTIONS(false),
    /** The TCP checksum does not verify. */
    BAD_CHECKSUM(false),
    /** Data beyond RCV.NXT, or not overlapping it. */
    OUT_OF_ORDER(false),
    /** The CCB was flushed or the card failed: the card no longer processes it. */
    NOT_ACTIVE(false);

    private final boolean fast;

    PathReason(boolean fast) {
        this.fast = fast;
    }

    /** Whether the card processes such a frame itself. */
    public boolean isFastPath() {
        return fast;
    }
}
