package org.toesim.tcp.cc;

/**
 * State of {@link LinuxHystart} ({@code struct bictcp} field names in brackets; times in
 * picoseconds, {@link Long#MAX_VALUE} for "none").
 *
 * @param found        [found] slow start already ended by HyStart
 * @param roundStartPs [round_start] when the current round began
 * @param lastAckPs    [last_ack] the last ACK of the current ACK train
 * @param endSeqPos    [end_seq] send position whose acknowledgment ends the round, -1 before the first,
 *                     -2 from an RTO until the next ACK gives SND.MAX
 * @param currRttPs    [curr_rtt] smallest RTT sample of the round
 * @param sampleCount  [sample_cnt] samples taken in the round
 */
public record LinuxHystartSnapshot(boolean found, long roundStartPs, long lastAckPs, long endSeqPos, long currRttPs,
                                   int sampleCount) {
}
