package org.toesim.tcp.cc;

/**
 * NewReno, RFC 6582. Window growth and ssthresh are Reno's (RFC 5681 §3.1, or Linux segment
 * counting, see {@link RenoGrowth}); RFC 6582 changes only fast recovery, which the engine runs:
 * {@link #usesNewRenoRecovery()} returns true so the engine applies the §3.2 partial-ACK rules
 * (retransmit the first unacknowledged segment, deflate cwnd by the amount acknowledged, add
 * back SMSS, stay in recovery until the ACK covers the recovery point).
 */
public final class NewReno implements CongestionControl {
    /** Name in scenario files. */
    public static final String NAME = "newreno";

    private final RenoGrowth growth;

    /** NewReno with RFC 5681 growth. */
    public NewReno() {
        this(false, 0);
    }

    /** NewReno with segment-counting growth on or off and that avoidance byte counter. */
    public NewReno(boolean segmentCountingCa, long caAckedBytes) {
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
    public boolean usesNewRenoRecovery() {
        return true;
    }

    @Override
    public CcSnapshot snapshot() {
        return new RenoSnapshot(true, growth.segmentCounting(), growth.caAckedBytes());
    }
}
