package org.toesim.tcp.cc;

/**
 * The congestion state a {@link CongestionControl} strategy reads and writes (ns-3's
 * TcpSocketState idea): the engine owns the object, fills in the inputs before each call, and
 * applies cwnd/ssthresh after. Quantities in bytes (RFC 5681 §2 vocabulary).
 */
public final class CongestionState {
    /** Sender maximum segment size, SMSS (RFC 5681 §2). */
    public int smssBytes;
    /** Congestion window, cwnd. */
    public long cwndBytes;
    /** Slow-start threshold, ssthresh; {@link Long#MAX_VALUE} until the first loss (RFC 5681 §3.1). */
    public long ssthreshBytes = Long.MAX_VALUE;
    /** FlightSize: bytes sent and not yet cumulatively acknowledged; set by the engine. */
    public long flightSizeBytes;
    /** Latest smoothed RTT known to the engine, 0 before the first sample. */
    public long srttPs;
    /** Smallest RTT sample seen, 0 before the first sample. */
    public long minRttPs;
    /**
     * SND.UNA as a send position (bytes from ISS), after the ACK being processed; set by the
     * engine before {@link CongestionControl#onAck}. HyStart++ ends a round when it passes the
     * round's end (RFC 9406 §4.2 windowEnd).
     */
    public long sndUnaPos;
    /**
     * The highest send position sent so far (SND.MAX here; RFC 9406's SND.NXT: the engine
     * rewinds its own SND.NXT on a timeout), set with {@link #sndUnaPos}.
     */
    public long sndMaxPos;

    public CongestionState(int smssBytes, long initialCwndBytes) {
        this.smssBytes = smssBytes;
        this.cwndBytes = initialCwndBytes;
    }

    /** True while cwnd &lt; ssthresh (RFC 5681 §3.1: slow start). */
    public boolean inSlowStart() {
        return cwndBytes < ssthreshBytes;
    }

    /** Initial window per RFC 6928 §2: min(10*MSS, max(2*MSS, 14600)). */
    public static long initialWindowRfc6928(int smssBytes) {
        return Math.min(10L * smssBytes, Math.max(2L * smssBytes, 14600L));
    }

    /** Initial window per RFC 5681 §3.1 (the older rule, for comparison runs). */
    public static long initialWindowRfc5681(int smssBytes) {
        if (smssBytes > 2190) {
            return 2L * smssBytes;
        }
        if (smssBytes > 1095) {
            return 3L * smssBytes;
        }
        return 4L * smssBytes;
    }
}
