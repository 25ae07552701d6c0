package org.toesim.tcp.cc;

/**
 * State of {@link HyStartPlusPlus} (RFC 9406 §4.2 variable names in brackets; RTTs in
 * picoseconds, {@link Long#MAX_VALUE} for "infinity").
 *
 * @param done                  HyStart++ is over for this connection: CSS ended, or a loss or
 *                              timeout happened (§4.3: initial slow start only)
 * @param inCss                 in Conservative Slow Start
 * @param windowEndPos          [windowEnd] send position whose acknowledgment ends the round, -1
 *                              before the first round
 * @param lastRoundMinRttPs     [lastRoundMinRTT]
 * @param currentRoundMinRttPs  [currentRoundMinRTT]
 * @param rttSampleCount        [rttSampleCount] RTT samples in the current round
 * @param cssBaselineMinRttPs   [cssBaselineMinRtt] currentRoundMinRTT when CSS was entered
 * @param cssRoundCount         rounds ended while in CSS (the round CSS started in counts)
 */
public record HystartSnapshot(boolean done, boolean inCss, long windowEndPos, long lastRoundMinRttPs,
                              long currentRoundMinRttPs, int rttSampleCount, long cssBaselineMinRttPs,
                              int cssRoundCount) {
}
