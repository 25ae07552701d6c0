package org.toesim.tcp.cc;

import org.toesim.core.units.Units;

/**
 * CUBIC's window growth as Linux computes it ({@code net/ipv4/tcp_cubic.c}, {@code bictcp_update}
 * and {@code tcp_cong_avoid_ai}), in segments and 1 ms jiffies. Used by {@link Cubic} when
 * {@link CcFeatures#linuxCubic()} is on. Where it differs from RFC 9438 (the default {@link Cubic}
 * path) and why it matters for results:
 * <ul>
 *   <li>the Reno-friendly window grows by 1 segment per {@code cwnd * beta_scale / 8} segments
 *       ACKed (beta_scale = 15: 0.53 segment per RTT) for the whole epoch; RFC 9438 §4.3 switches
 *       to 1 segment per RTT once W_est reaches cwnd_prior;</li>
 *   <li>before the first loss ({@code last_max_cwnd == 0}: after a HyStart exit or an RTO) cwnd
 *       grows at least 1 segment per 20 ACKed, 5 % per RTT;</li>
 *   <li>the target is W_cubic(t + delay_min), not t + SRTT; beta = 717/1024; the cubic term is
 *       recomputed at most once per jiffy, and not within HZ/32 while cwnd is unchanged.</li>
 * </ul>
 *
 * <pre>
 *   ACK of N segments in CA:  ack_cnt += N
 *     new epoch: epoch = now, ack_cnt = N, tcp_cwnd = cwnd,
 *                K = cbrt((last_max - cwnd) / C), origin = max(last_max, cwnd)
 *     target = origin +- C (t + delay_min - K)^3;  cnt = cwnd / (target - cwnd) or 100 cwnd
 *     no loss yet: cnt = min(cnt, 20);  Reno-friendly: tcp_cwnd += ack_cnt / (cwnd * 15/8),
 *     tcp_cwnd &gt; cwnd: cnt = min(cnt, cwnd / (tcp_cwnd - cwnd));  cnt = max(cnt, 2)
 *     tcp_cong_avoid_ai(cnt, N): cwnd += 1 per cnt segments ACKed
 *   loss:  epoch ends; last_max = cwnd, or cwnd (1 + beta)/2 when below last_max; ssthresh = cwnd beta
 *   RTO:   everything above resets (bictcp_reset), delay_min too
 * </pre>
 */
final class LinuxCubicGrowth {
    /** HZ of the reference kernel build (CONFIG_HZ=1000). */
    static final long PS_PER_JIFFY = Units.PS_PER_MS;
    static final long HZ = 1000;
    /** BICTCP_BETA_SCALE and beta. */
    static final long BETA_SCALE = 1024;
    static final long BETA = 717;
    /** beta_scale = 8 * (BICTCP_BETA_SCALE + beta) / 3 / (BICTCP_BETA_SCALE - beta). */
    static final long FRIENDLY_SCALE = 8 * (BETA_SCALE + BETA) / 3 / (BETA_SCALE - BETA);
    /** bic_scale * 10 = cube_rtt_scale, C = 410 / 1024. */
    static final long CUBE_RTT_SCALE = 410;
    /** BICTCP_HZ: K and t in 1/1024 s. */
    static final int BICTCP_HZ = 10;
    /** cube_factor = 2^(10 + 3 BICTCP_HZ) / cube_rtt_scale. */
    static final long CUBE_FACTOR = (1L << (10 + 3 * BICTCP_HZ)) / CUBE_RTT_SCALE;

    private long cnt;
    private long lastMaxCwndSegs;
    private long lastCwndSegs;
    private long lastTimeJiffies;
    private long originSegs;
    private long kUnits;
    private long delayMinPs;
    /** Jiffy of the epoch start, -1 for none (Linux: epoch_start == 0). */
    private long epochStartJiffies = -1;
    private long ackCntSegs;
    private long tcpCwndSegs;
    /** snd_cwnd_cnt of tcp_cong_avoid_ai. */
    private long cwndCntSegs;
    /** Bytes ACKed not yet a whole segment. */
    private long ackedCarryBytes;

    LinuxCubicGrowth() {
    }

    LinuxCubicGrowth(LinuxCubicSnapshot snap) {
        cnt = snap.cnt();
        lastMaxCwndSegs = snap.lastMaxCwndSegs();
        lastCwndSegs = snap.lastCwndSegs();
        lastTimeJiffies = snap.lastTimeJiffies();
        originSegs = snap.originSegs();
        kUnits = snap.kUnits();
        delayMinPs = snap.delayMinPs();
        epochStartJiffies = snap.epochStartJiffies();
        ackCntSegs = snap.ackCntSegs();
        tcpCwndSegs = snap.tcpCwndSegs();
        cwndCntSegs = snap.cwndCntSegs();
        ackedCarryBytes = snap.ackedCarryBytes();
    }

    /** delay_min, 0 before the first sample. */
    long delayMinPs() {
        return delayMinPs;
    }

    /**
     * {@code cubictcp_acked}: an RTT sample. Samples within 1 s of an epoch start are discarded
     * (right after fast recovery). Returns whether the sample counts (HyStart may use it).
     */
    boolean onRttSample(long rttPs, long nowPs) {
        if (epochStartJiffies >= 0 && jiffies(nowPs) - epochStartJiffies < HZ) {
            return false;
        }
        long delayPs = Math.max(1, rttPs);
        if (delayMinPs == 0 || delayMinPs > delayPs) {
            delayMinPs = delayPs;
        }
        return true;
    }

    /** Congestion avoidance for {@code ackedBytes} acknowledged ({@code bictcp_update}, {@code tcp_cong_avoid_ai}). */
    void congestionAvoidance(CongestionState s, long ackedBytes, long nowPs) {
        ackedCarryBytes += ackedBytes;
        long acked = ackedCarryBytes / s.smssBytes;
        ackedCarryBytes -= acked * s.smssBytes;
        if (acked <= 0) {
            return;
        }
        long cwnd = Math.max(1, s.cwndBytes / s.smssBytes);
        update(cwnd, acked, jiffies(nowPs));
        long w = cnt;
        long grow = 0;
        if (cwndCntSegs >= w) {
            cwndCntSegs = 0;
            grow++;
        }
        cwndCntSegs += acked;
        if (cwndCntSegs >= w) {
            long delta = cwndCntSegs / w;
            cwndCntSegs -= delta * w;
            grow += delta;
        }
        s.cwndBytes += grow * s.smssBytes;
    }

    private void update(long cwnd, long acked, long nowJ) {
        ackCntSegs += acked;
        if (lastCwndSegs == cwnd && nowJ - lastTimeJiffies <= HZ / 32) {
            return;
        }
        if (!(epochStartJiffies >= 0 && nowJ == lastTimeJiffies)) {
            lastCwndSegs = cwnd;
            lastTimeJiffies = nowJ;
            if (epochStartJiffies < 0) {
                epochStartJiffies = nowJ;
                ackCntSegs = acked;
                tcpCwndSegs = cwnd;
                if (lastMaxCwndSegs <= cwnd) {
                    kUnits = 0;
                    originSegs = cwnd;
                } else {
                    kUnits = (long) Math.cbrt((double) CUBE_FACTOR * (lastMaxCwndSegs - cwnd));
                    originSegs = lastMaxCwndSegs;
                }
            }
            long delayMinUs = delayMinPs / Units.PS_PER_US;
            long t = (nowJ - epochStartJiffies) + (delayMinUs + 999) / 1000; // usecs_to_jiffies rounds up
            t = (t << BICTCP_HZ) / HZ;
            long offs = t < kUnits ? kUnits - t : t - kUnits;
            long delta = (CUBE_RTT_SCALE * offs * offs * offs) >> (10 + 3 * BICTCP_HZ);
            long target = t < kUnits ? originSegs - delta : originSegs + delta;
            cnt = target > cwnd ? cwnd / (target - cwnd) : 100 * cwnd;
            if (lastMaxCwndSegs == 0 && cnt > 20) {
                cnt = 20; // the initial growth may be too conservative while the bandwidth is unknown
            }
        }
        long delta = (cwnd * FRIENDLY_SCALE) >> 3;
        while (ackCntSegs > delta) {
            ackCntSegs -= delta;
            tcpCwndSegs++;
        }
        if (tcpCwndSegs > cwnd) {
            long maxCnt = cwnd / (tcpCwndSegs - cwnd);
            cnt = Math.min(cnt, maxCnt);
        }
        cnt = Math.max(cnt, 2);
    }

    /** {@code cubictcp_recalc_ssthresh}: the new ssthresh in bytes. */
    long ssthreshOnLoss(CongestionState s, boolean fastConvergence) {
        long cwnd = s.cwndBytes / s.smssBytes;
        epochStartJiffies = -1;
        cwndCntSegs = 0; // tcp_init_cwnd_reduction
        if (cwnd < lastMaxCwndSegs && fastConvergence) {
            lastMaxCwndSegs = cwnd * (BETA_SCALE + BETA) / (2 * BETA_SCALE);
        } else {
            lastMaxCwndSegs = cwnd;
        }
        return Math.max(cwnd * BETA / BETA_SCALE, 2) * s.smssBytes;
    }

    /** {@code bictcp_reset} on entering TCP_CA_Loss (an RTO). */
    void onTimeout() {
        cnt = 0;
        lastMaxCwndSegs = 0;
        lastCwndSegs = 0;
        lastTimeJiffies = 0;
        originSegs = 0;
        kUnits = 0;
        delayMinPs = 0;
        epochStartJiffies = -1;
        ackCntSegs = 0;
        tcpCwndSegs = 0;
        cwndCntSegs = 0;
        ackedCarryBytes = 0;
    }

    private static long jiffies(long nowPs) {
        return nowPs / PS_PER_JIFFY;
    }

    LinuxCubicSnapshot snapshot() {
        return new LinuxCubicSnapshot(cnt, lastMaxCwndSegs, lastCwndSegs, lastTimeJiffies, originSegs, kUnits,
                delayMinPs, epochStartJiffies, ackCntSegs, tcpCwndSegs, cwndCntSegs, ackedCarryBytes);
    }
}
