package org.toesim.tcp.cc;

/**
 * Reno congestion control, RFC 5681 §3.1-§3.2.
 *
 * <pre>
 *   ACK of N new bytes:  cwnd &lt; ssthresh ? cwnd += min(N, SMSS)          (§3.1 eq. 2, RFC 3465 L=1)
 *                                        : cwnd += max(1, SMSS*SMSS/cwnd) (§3.1 eq. 3)
 *                        (segment counting: Linux tcp_slow_start / tcp_cong_avoid_ai, see RenoGrowth)
 *   3 dupACKs / SACK:    ssthresh = max(FlightSize/2, 2*SMSS)            (§3.1 eq. 4)
 *   RTO:                 ssthresh as above, cwnd = 1 SMSS                 (§3.1, loss window)
 * </pre>
 *
 * Fast recovery is the engine's (RFC 5681 §3.2); with this algorithm the first ACK of new data
 * ends it ({@link #usesNewRenoRecovery()} is false). Private state: the segment-counting byte
 * counter only.
 */
public final class Reno implements CongestionControl {
    /** Name in scenario files. */
    public static final String NAME = "reno";

    private final RenoGrowth growth;

    /** Reno with RFC 5681 growth. */
    public Reno() {
        this(false, 0);
    }

    /** Reno with segment-counting growth on or off and that avoidance byte counter. */
    public Reno(boolean segmentCountingCa, long caAckedBytes) {
        this.growth = new RenoGrowth(segmentCountingCa, caAckedBytes);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onAck(CongestionState s, long ackedBytes, long nowPs) {
        growth.onAck(s, ackedBytes);
    }

    @Override
    public long ssthreshOnLoss(CongestionState s, long nowPs) {
        growth.onCongestion();
        return RenoGrowth.halfFlight(s);
    }

    @Override
    public void onRetransmissionTimeout(CongestionState s, long nowPs) {
        growth.onCongestion();
        CongestionControl.super.onRetransmissionTimeout(s, nowPs);
    }

    @Override
    public CcSnapshot snapshot() {
        return new RenoSnapshot(false, growth.segmentCounting(), growth.caAckedBytes());
    }
}
