package org.toesim.tcp.cc;

/**
 * State of {@link Reno} or {@link NewReno} beyond cwnd and ssthresh (which live in
 * {@link CongestionState}): the variant and the growth rule.
 *
 * @param newRenoRecovery   true for {@code "newreno"} (RFC 6582 recovery), false for {@code "reno"}
 * @param segmentCountingCa whether growth counts acknowledged bytes ({@link CcFeatures#segmentCountingCa()})
 * @param caAckedBytes      bytes acknowledged in congestion avoidance since cwnd last grew (Linux
 *                          {@code snd_cwnd_cnt}), 0 when {@code segmentCountingCa} is off
 */
public record RenoSnapshot(boolean newRenoRecovery, boolean segmentCountingCa, long caAckedBytes)
        implements CcSnapshot {
    /** The RFC 5681 growth rule (no segment counting). */
    public RenoSnapshot(boolean newRenoRecovery) {
        this(newRenoRecovery, false, 0);
    }

    @Override
    public String algorithm() {
        return newRenoRecovery ? NewReno.NAME : Reno.NAME;
    }
}
