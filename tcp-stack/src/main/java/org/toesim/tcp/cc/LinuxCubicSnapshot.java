package org.toesim.tcp.cc;

/**
 * State of {@link LinuxCubicGrowth} ({@code struct bictcp} names in brackets).
 *
 * @param cnt               [cnt] segments ACKed per cwnd increment
 * @param lastMaxCwndSegs   [last_max_cwnd] 0 before the first loss (and after an RTO)
 * @param lastCwndSegs      [last_cwnd]
 * @param lastTimeJiffies   [last_time]
 * @param originSegs        [bic_origin_point]
 * @param kUnits            [bic_K] in 1/1024 s
 * @param delayMinPs        [delay_min] 0 before the first sample
 * @param epochStartJiffies [epoch_start], -1 for none
 * @param ackCntSegs        [ack_cnt]
 * @param tcpCwndSegs       [tcp_cwnd] Reno-friendly estimate
 * @param cwndCntSegs       snd_cwnd_cnt of tcp_cong_avoid_ai
 * @param ackedCarryBytes   ACKed bytes short of a whole segment
 */
public record LinuxCubicSnapshot(long cnt, long lastMaxCwndSegs, long lastCwndSegs, long lastTimeJiffies,
                                 long originSegs, long kUnits, long delayMinPs, long epochStartJiffies,
                                 long ackCntSegs, long tcpCwndSegs, long cwndCntSegs, long ackedCarryBytes) {
}
