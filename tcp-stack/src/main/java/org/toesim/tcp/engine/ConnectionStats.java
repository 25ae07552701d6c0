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
 * @param sendLimits          how the sender spent its time with data to send (Linux's
 *                            {@code tcp_chrono}: busy, receive-window limited; plus congestion-window limited)
 * @param ceReceived          data segments received with CE in their IP header (RFC 3168 §5)
 * @param ecnReductions       window reductions on ECN-Echo (RFC 3168 §6.1.2; Linux {@code TCPECNReductions}-like)
 */
public record ConnectionStats(long segmentsIn, long segmentsOut, long bytesIn, long bytesOut, long fastRetransmits,
                              long timeoutRetransmits, long retransmittedBytes, long rtoFirings, long rttSamples,
                              long srttPs, long cwndBytes, long ssthreshBytes, long dupAcksIn, long sackBlocksIn,
                              long sackBlocksOut, long dsacksIn, long dsacksOut, long undos, long spuriousRtos,
                              Map<TcpState, Long> timeInStatePs, SendLimits sendLimits, long ceReceived,
                              long ecnReductions) {
    /**
     * Where a sender's time went while it had data unacknowledged or unsent (after Linux's
     * {@code tcpi_busy_time}, {@code tcpi_rwnd_limited}; the congestion-window share is ours),
     * classified after every output attempt, so each interval counts under the reason the last
     * attempt found. The rest of the busy time ({@code busy - cwnd - rwnd}) is the sender waiting
     * with everything sent: for the application (its next write) or for ACKs of a short tail.
     *
     * @param busyPs         time with data in flight or queued
     * @param cwndLimitedPs  time with data queued that the congestion window held back (loss
     *                       recovery included)
     * @param rwndLimitedPs  time with data queued that the peer's receive window held back
     * @param pacingLimitedPs time with data queued and both windows open that the pacer held back
     * @param now            what the last output attempt found (the interval since counts under it
     *                       up to the snapshot; a restored engine carries on from here)
     */
    public record SendLimits(long busyPs, long cwndLimitedPs, long rwndLimitedPs, long pacingLimitedPs,
                             SendLimit now) {
        public static final SendLimits NONE = new SendLimits(0, 0, 0, 0, SendLimit.IDLE);

        public SendLimits {
            now = now == null ? SendLimit.IDLE : now;
        }

        /** Without pacing (a sender that never paces). */
        public SendLimits(long busyPs, long cwndLimitedPs, long rwndLimitedPs, SendLimit now) {
            this(busyPs, cwndLimitedPs, rwndLimitedPs, 0, now);
        }
    }

    /** What holds a sender back right now (see {@link SendLimits}). */
    public enum SendLimit {
        /** Nothing unacknowledged, nothing queued. */
        IDLE,
        /** Data in flight or queued and nothing holding it (or Nagle, or everything already sent). */
        BUSY,
        /** Data queued, the congestion window full (or loss recovery). */
        CWND,
        /** Data queued, the peer's receive window full. */
        RWND,
        /** Data queued, both windows open: the pacer holds it until its release time (BBR, {@code pacing}). */
        PACING
    }

    public ConnectionStats {
        timeInStatePs = StateTimes.copyOf(timeInStatePs); // immutable, every state present
        sendLimits = sendLimits == null ? SendLimits.NONE : sendLimits;
    }

    /** Statistics without send-limit times (older callers and hand-built fixtures). */
    public ConnectionStats(long segmentsIn, long segmentsOut, long bytesIn, long bytesOut, long fastRetransmits,
                           long timeoutRetransmits, long retransmittedBytes, long rtoFirings, long rttSamples,
                           long srttPs, long cwndBytes, long ssthreshBytes, long dupAcksIn, long sackBlocksIn,
                           long sackBlocksOut, long dsacksIn, long dsacksOut, long undos, long spuriousRtos,
                           Map<TcpState, Long> timeInStatePs) {
        this(segmentsIn, segmentsOut, bytesIn, bytesOut, fastRetransmits, timeoutRetransmits, retransmittedBytes,
                rtoFirings, rttSamples, srttPs, cwndBytes, ssthreshBytes, dupAcksIn, sackBlocksIn, sackBlocksOut,
                dsacksIn, dsacksOut, undos, spuriousRtos, timeInStatePs, SendLimits.NONE, 0, 0);
    }
}
