package org.toesim.tcp.rtt;

/**
 * The complete state of an {@link RttEstimator}, for a CCB. SRTT and RTTVAR are held scaled
 * (by 8 and by 4, as BSD and Linux do) so restoring is bit-exact.
 *
 * @param config        the parameters
 * @param hasSample     whether a valid RTT sample has been taken (RFC 6298 §2.2 vs §2.3)
 * @param srttX8Ps      8 * SRTT, in ps
 * @param rttvarX4Ps    4 * RTTVAR, in ps
 * @param backoffCount  consecutive RTO expiries since the last valid sample (§5.5)
 * @param latestRttPs   last valid sample, 0 if none
 * @param minRttPs      smallest valid sample, 0 if none
 * @param synTimeoutFloor RFC 6298 §5.7 applies: RTO at least 3 s until the first sample
 */
public record RttSnapshot(RttConfig config, boolean hasSample, long srttX8Ps, long rttvarX4Ps,
                          int backoffCount, long latestRttPs, long minRttPs,
                          boolean synTimeoutFloor) {
}
