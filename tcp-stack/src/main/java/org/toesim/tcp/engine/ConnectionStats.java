package org.toesim.tcp.engine;

import java.util.Map;

/**
 * Per-connection statistics at one instant (claim 12: the host monitors statistics of each
 * connection, offloaded or not). Counts are cumulative since the connection was created and
 * travel with the CCB, so a connection that moved to the adapter and back keeps one history.
 *
 * @param segmentsIn          segments processed by input
 * @param segmentsOut         segments emitted
 * @param bytesIn             payload bytes received (including duplicates)
 * @param bytesOut            payload bytes sent (including retransmissions)
 * @param fastRetransmits     segments retransmitted by fast retransmit / SACK recovery
 * @param timeoutRetransmits  segments retransmitted after an RTO (and SYN retries)
 * @param retransmittedBytes  payload bytes retransmitted
 * @param rtoFirings          retransmission-timer expiries
 * @param rttSamples          RTT samples taken
 * @param srttPs              smoothed RTT now, 0 before the first sample
 * @param cwndBytes           congestion window now
 * @param ssthreshBytes       slow-start threshold now (Long.MAX_VALUE before the first loss)
 * @param dupAcksIn           duplicate ACKs received (RFC 5681 §2 definition)
 * @param sackBlocksIn        SACK blocks received
 * @param sackBlocksOut       SACK blocks sent
 * @param dsacksIn            ACKs received whose first SACK block is a D-SACK block (RFC 2883 §4; dsack feature)
 * @param dsacksOut           D-SACK blocks sent (RFC 2883 §4; dsack feature)
 * @param undos               congestion-window reductions undone as spurious (Linux {@code tcp_undo_cwnd_reduction};
 *                            undo and frto features)
 * @param spuriousRtos        retransmission timeouts F-RTO declared spurious (RFC 5682 §3.1 step 3b;
 *                            Linux {@code LINUX_MIB_TCPSPURIOUSRTOS}), also counted in {@code undos}
 * @param timeInStatePs       time spent in each state, up to the instant of the snapshot
 */
public record ConnectionStats(long segmentsIn, long segmentsOut, long bytesIn, long bytesOut, long fastRetransmits,
                              long timeoutRetransmits, long retransmittedBytes, long rtoFirings, long rttSamples,
                              long srttPs, long cwndBytes, long ssthreshBytes, long dupAcksIn, long sackBlocksIn,
                              long sackBlocksOut, long dsacksIn, long dsacksOut, long undos, long spuriousRtos,
                              Map<TcpState, Long> timeInStatePs) {
    public ConnectionStats {
        timeInStatePs = StateTimes.copyOf(timeInStatePs); // immutable, every state present
    }
}
