package org.toesim.nic.device;

/**
 * Per-connection statistics the adapter keeps for an offloaded connection (claim 12), returned
 * by a query and at flush.
 */
public record ConnectionStats(long segmentsIn, long segmentsOut, long payloadBytesIn, long payloadBytesOut,
        long retransmittedSegments, long duplicateAcksIn, long outOfOrderSegmentsIn, long droppedSegmentsIn,
        long smoothedRttPs) {
    /** All zero. */
    public static final ConnectionStats ZERO = new ConnectionStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
