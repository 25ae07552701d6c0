package org.toesim.tcp.cc;

/**
 * State of {@link Reno} or {@link NewReno}. Both keep no private state beyond cwnd and
 * ssthresh (which live in {@link CongestionState}), so the record only names the variant.
 *
 * @param newRenoRecovery true for {@code "newreno"} (RFC 6582 recovery), false for {@code "reno"}
 */
public record RenoSnapshot(boolean newRenoRecovery) implements CcSnapshot {
    @Override
    public String algorithm() {
        return newRenoRecovery ? NewReno.NAME : Reno.NAME;
    }
}
