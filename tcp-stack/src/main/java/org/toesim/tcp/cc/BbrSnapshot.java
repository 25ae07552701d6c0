package org.toesim.tcp.cc;

/**
 * Private state of {@link Bbr} (Linux {@code struct bbr} names in brackets), carried in a CCB
 * so a connection moved between host and card continues with bit-identical BBR state. Times are
 * absolute simulated picoseconds, as {@link CubicSnapshot#epochStartPs()}: host and card share
 * the simulator's clock. Bandwidths are bytes per nanosecond scaled by {@link BbrParams#BW_UNIT}.
 *
 * @param mode                 [mode]
 * @param bwFilter             [bw] the windowed max-bandwidth filter, time in round trips
 * @param roundCount           [rtt_cnt] round trips counted so far
 * @param nextRoundDeliveredBytes [next_rtt_delivered] delivered count that ends the round
 * @param roundStart           [round_start] the last sample started a round
 * @param minRttPs             [min_rtt_us] windowed min RTT, {@link Long#MAX_VALUE} before any
 * @param minRttStampPs        [min_rtt_stamp] when it was taken, -1 before the first sample
 * @param probeRttDoneStampPs  [probe_rtt_done_stamp] end of the 200 ms in PROBE_RTT, 0 if not set
 * @param probeRttRoundDone    [probe_rtt_round_done]
 * @param packetConservation   [packet_conservation]
 * @param prevRecoveryState    [prev_ca_state] 0 open, 1 fast recovery, 2 loss (after an RTO)
 * @param priorCwndBytes       [prior_cwnd]
 * @param fullBwScaled         [full_bw]
 * @param fullBwCount          [full_bw_cnt]
 * @param fullBwReached        [full_bw_reached]
 * @param cycleIndex           [cycle_idx] PROBE_BW gain-cycle phase
 * @param cycleStampPs         [cycle_mstamp] when that phase began
 * @param pacingGain           [pacing_gain] in units of 1/256
 * @param cwndGain             [cwnd_gain] in units of 1/256
 * @param pacingRateBytesPerSec [sk_pacing_rate], 0 until set
 * @param hasSeenRtt           [has_seen_rtt]
 * @param lossEndPos           send position whose ACK ends the loss state an RTO began, -1 none
 */
public record BbrSnapshot(BbrMode mode, MaxFilterState bwFilter, long roundCount, long nextRoundDeliveredBytes,
                          boolean roundStart, long minRttPs, long minRttStampPs, long probeRttDoneStampPs,
                          boolean probeRttRoundDone, boolean packetConservation, int prevRecoveryState,
                          long priorCwndBytes, long fullBwScaled, int fullBwCount, boolean fullBwReached,
                          int cycleIndex, long cycleStampPs, int pacingGain, int cwndGain,
                          long pacingRateBytesPerSec, boolean hasSeenRtt, long lossEndPos) implements CcSnapshot {
    /** The three (time, value) samples of a {@link MaxFilter}, best first. */
    public record MaxFilterState(long t0, long v0, long t1, long v1, long t2, long v2) {
        static MaxFilterState of(long[] s) {
            return new MaxFilterState(s[0], s[1], s[2], s[3], s[4], s[5]);
        }

        long[] toArray() {
            return new long[] {t0, v0, t1, v1, t2, v2};
        }
    }

    @Override
    public String algorithm() {
        return Bbr.NAME;
    }
}
