package org.toesim.tcp.cc;

/**
 * State of {@link Dctcp} beyond cwnd and ssthresh: Reno's growth counter and the marked-fraction
 * estimator (RFC 8257 §3.3), so a connection moved between host and card keeps its alpha.
 *
 * @param segmentCountingCa whether growth counts acknowledged bytes
 * @param caAckedBytes      bytes acknowledged in congestion avoidance since cwnd last grew
 * @param alpha             the estimate of the marked fraction, in units of 1/1024
 * @param windowEndPos      send position whose acknowledgment ends the current observation window
 * @param ackedBytes        bytes acknowledged in the current window
 * @param markedBytes       of those, bytes acknowledged by ACKs carrying ECN-Echo
 */
public record DctcpSnapshot(boolean segmentCountingCa, long caAckedBytes, int alpha, long windowEndPos,
                            long ackedBytes, long markedBytes) implements CcSnapshot {
    @Override
    public String algorithm() {
        return Dctcp.NAME;
    }
}
