package org.toesim.tcp.cc;

/**
 * The Reno window-growth rules shared by {@link Reno}, {@link NewReno} and the slow-start phase
 * of {@link Cubic}: RFC 5681 §3.1 as written, or, with segment counting, Linux's.
 *
 * <pre>
 *   ACK of N new bytes       RFC 5681 (segmentCounting off)        Linux (segmentCounting on)
 *   slow start               cwnd += min(N, SMSS)  (RFC 3465 L=1)  cwnd = min(cwnd + N, ssthresh),
 *                                                                   the rest of N goes on to CA
 *                                                                   (tcp_slow_start)
 *   congestion avoidance     cwnd += max(1, SMSS*SMSS/cwnd)        acked += N; while acked &gt;= cwnd:
 *                            once per ACK (§3.1 eq. 3)              acked -= cwnd, cwnd += SMSS
 *                                                                   (tcp_cong_avoid_ai, RFC 3465 §2.1)
 * </pre>
 *
 * With delayed ACKs (one ACK per two segments) the RFC rule adds about SMSS/2 per RTT in
 * congestion avoidance and halves the slow-start growth rate; segment counting adds 1 SMSS per
 * RTT and doubles cwnd per RTT whatever the ACK ratio. The byte counter is Linux's
 * {@code snd_cwnd_cnt} in bytes; like Linux ({@code tcp_init_cwnd_reduction},
 * {@code tcp_enter_loss}) it restarts at each congestion event.
 */
final class RenoGrowth {
    private final boolean segmentCounting;
    /** Bytes acknowledged in congestion avoidance since cwnd last grew (Linux snd_cwnd_cnt). */
    private long caAckedBytes;

    RenoGrowth(boolean segmentCounting, long caAckedBytes) {
        this.segmentCounting = segmentCounting;
        this.caAckedBytes = caAckedBytes;
    }

    boolean segmentCounting() {
        return segmentCounting;
    }

    long caAckedBytes() {
        return caAckedBytes;
    }

    /** One ACK of new data outside recovery: slow start below ssthresh, else avoidance. */
    void onAck(CongestionState s, long ackedBytes) {
        if (ackedBytes <= 0) {
            return;
        }
        if (!segmentCounting) {
            if (s.inSlowStart()) {
                slowStart(s, ackedBytes);
            } else {
                congestionAvoidance(s);
            }
            return;
        }
        long restBytes = ackedBytes;
        if (s.inSlowStart()) {
            restBytes = slowStartToSsthresh(s, ackedBytes);
        }
        if (restBytes > 0) {
            congestionAvoidanceCounting(s, restBytes);
        }
    }

    /** A congestion event (fast retransmit or RTO): the avoidance byte counter restarts. */
    void onCongestion() {
        caAckedBytes = 0;
    }

    /**
     * Linux {@code tcp_cong_avoid_ai(tp, cwnd, acked)} in bytes (RFC 3465 §2.1 byte counting):
     * credit accumulated at a larger window is applied first as one SMSS, then every full cwnd
     * of acknowledged bytes adds one SMSS.
     */
    private void congestionAvoidanceCounting(CongestionState s, long ackedBytes) {
        long w = Math.max(1L, s.cwndBytes);
        if (caAckedBytes >= w) {
            caAckedBytes = 0;
            s.cwndBytes += s.smssBytes;
        }
        caAckedBytes += ackedBytes;
        if (caAckedBytes >= w) {
            long delta = caAckedBytes / w;
            caAckedBytes -= delta * w;
            s.cwndBytes += delta * s.smssBytes;
        }
    }

    /**
     * Slow start (RFC 5681 §3.1 eq. 2 with RFC 3465 Appropriate Byte Counting, L = 1 SMSS):
     * {@code cwnd += min(N, SMSS)} where N is the number of newly acknowledged bytes.
     */
    static void slowStart(CongestionState s, long ackedBytes) {
        s.cwndBytes += Math.min(ackedBytes, s.smssBytes);
    }

    /**
     * Linux {@code tcp_slow_start} in bytes: {@code cwnd = min(cwnd + N, ssthresh)}; returns the
     * acknowledged bytes not used to reach ssthresh (Linux passes them on to congestion
     * avoidance in the same ACK).
     */
    static long slowStartToSsthresh(CongestionState s, long ackedBytes) {
        long grownBytes = Math.min(s.cwndBytes + ackedBytes, s.ssthreshBytes);
        long restBytes = ackedBytes - (grownBytes - s.cwndBytes);
        s.cwndBytes = grownBytes;
        return Math.max(0, restBytes);
    }

    /**
     * Congestion avoidance (RFC 5681 §3.1 eq. 3): {@code cwnd += SMSS*SMSS/cwnd} per ACK,
     * integer division, at least 1 byte ("if the above formula yields 0, the result SHOULD be
     * rounded up to 1 byte").
     */
    static void congestionAvoidance(CongestionState s) {
        long smss = s.smssBytes;
        s.cwndBytes += Math.max(1L, smss * smss / Math.max(1L, s.cwndBytes));
    }

    /** RFC 5681 §3.1 eq. (4): {@code ssthresh = max(FlightSize / 2, 2*SMSS)}. */
    static long halfFlight(CongestionState s) {
        return Math.max(s.flightSizeBytes / 2, 2L * s.smssBytes);
    }
}
