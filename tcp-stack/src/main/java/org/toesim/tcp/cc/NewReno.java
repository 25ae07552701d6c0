package org.toesim.tcp.cc;

/**
 * NewReno, RFC 6582. Window growth and ssthresh are Reno's (RFC 5681 §3.1); RFC 6582 changes
 * only fast recovery, which the engine runs: {@link #usesNewRenoRecovery()} returns true so the
 * engine applies the §3.2 partial-ACK rules (retransmit the first unacknowledged segment,
 * deflate cwnd by the amount acknowledged, add back SMSS, stay in recovery until the ACK
 * covers the recovery point).
 */
public final class NewReno implements CongestionControl {
    /** Name in scenario files. */
    public static final String NAME = "newreno";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onAck(CongestionState s, long ackedBytes, long nowPs) {
        RenoGrowth.onAck(s, ackedBytes);
    }

    @Override
    public long ssthreshOnLoss(CongestionState s, long nowPs) {
        return RenoGrowth.halfFlight(s);
    }

    @Override
    public boolean usesNewRenoRecovery() {
        return true;
    }

    @Override
    public CcSnapshot snapshot() {
        return new RenoSnapshot(true);
    }
}
