package org.toesim.tcp.cc;

/**
 * The RFC 5681 §3.1 window-growth rules shared by {@link Reno}, {@link NewReno} and the
 * slow-start phase of {@link Cubic}.
 */
final class RenoGrowth {
    private RenoGrowth() {
    }

    /**
     * Slow start (RFC 5681 §3.1 eq. 2 with RFC 3465 Appropriate Byte Counting, L = 1 SMSS):
     * {@code cwnd += min(N, SMSS)} where N is the number of newly acknowledged bytes.
     */
    static void slowStart(CongestionState s, long ackedBytes) {
        s.cwndBytes += Math.min(ackedBytes, s.smssBytes);
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

    /** One ACK of new data outside recovery: slow start below ssthresh, else avoidance. */
    static void onAck(CongestionState s, long ackedBytes) {
        if (ackedBytes <= 0) {
            return;
        }
        if (s.inSlowStart()) {
            slowStart(s, ackedBytes);
        } else {
            congestionAvoidance(s);
        }
    }
}
