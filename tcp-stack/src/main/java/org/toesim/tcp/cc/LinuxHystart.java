package org.toesim.tcp.cc;

import org.toesim.core.units.Units;

/**
 * Linux's classic HyStart, as {@code net/ipv4/tcp_cubic.c} runs it ({@code hystart = 1},
 * {@code hystart_detect = 3}: both detectors). Used by {@link Cubic} when
 * {@link CcFeatures#linuxHystart()} is on; this is what Linux 6.x ships, not RFC 9406 HyStart++.
 *
 * <pre>
 *   every RTT sample (pkts_acked): delay_min = min(delay_min, rtt), kept by {@link Cubic}
 *   in slow start, not yet found, on every ACK with a sample:               (hystart_update)
 *     SND.UNA past end_seq        ─▶ new round: round_start = last_ack = now, end_seq = SND.NXT,
 *                                     curr_rtt = inf, sample_cnt = 0           (bictcp_hystart_reset)
 *     (so rounds start at the first ACK of each flight from the connection's first ACK on)
 *   and from cwnd &gt;= hystart_low_window (16) on:
 *     ACK train: now - last_ack &lt;= 2 ms ─▶ last_ack = now;
 *         threshold = (delay_min + ack_delay) / 2    (halved: the sender does not pace)
 *         now - round_start &gt; threshold ─▶ found: ssthresh = cwnd
 *     delay: curr_rtt = min(curr_rtt, rtt); after 8 samples of the round
 *         curr_rtt &gt; delay_min + clamp(delay_min / 8, 4 ms, 16 ms) ─▶ found: ssthresh = cwnd
 *   RTO (TCP_CA_Loss: bictcp_reset, bictcp_hystart_reset): found = 0, HyStart runs again in the
 *     next slow start; a round starts at the RTO itself (round_start = last_ack = now) and ends
 *     past the highest segment sent by then, so no ACK train forms in the flight being repaired
 *     (its first ACK comes an RTT after last_ack)
 * </pre>
 *
 * <p>ack_delay is {@code hystart_ack_delay}: min(1 ms, 4 * gso_max_size / pacing rate), the time
 * a GSO burst takes at the pacing rate Linux computes without pacing anything
 * ({@code tcp_update_pacing_rate}: 2 * cwnd * MSS / SRTT in slow start). gso_max_size is
 * {@link #GSO_MAX_BYTES}, the kernel's default (software GSO is on by default even where the
 * device cannot segment).
 */
final class LinuxHystart {
    /** {@code hystart_low_window}: HyStart runs only from this cwnd (segments). */
    static final int LOW_WINDOW_SEGMENTS = 16;
    /** {@code hystart_ack_delta_us}: ACKs at most this far apart form a train. */
    static final long ACK_DELTA_PS = 2 * Units.PS_PER_MS;
    /** {@code HYSTART_MIN_SAMPLES}. */
    static final int MIN_SAMPLES = 8;
    /** {@code HYSTART_DELAY_MIN} and {@code HYSTART_DELAY_MAX}. */
    static final long DELAY_MIN_PS = 4 * Units.PS_PER_MS;
    static final long DELAY_MAX_PS = 16 * Units.PS_PER_MS;
    /** {@code GSO_LEGACY_MAX_SIZE}, the default {@code sk_gso_max_size}. */
    static final long GSO_MAX_BYTES = 65_536;
    private static final long INFINITE = Long.MAX_VALUE;
    /**
     * {@code endSeqPos} of the round an RTO started until the next ACK gives SND.MAX (Linux: the
     * snd_nxt of the RTO; retransmissions after it go back from SND.UNA, so SND.MAX is unchanged).
     */
    static final long END_AT_NEXT_ACK = -2;

    private boolean found;
    private long roundStartPs;
    private long lastAckPs;
    /** end_seq as a send position; -1: the first update starts a round; {@link #END_AT_NEXT_ACK}. */
    private long endSeqPos = -1;
    private long currRttPs = INFINITE;
    private int sampleCount;

    LinuxHystart() {
    }

    LinuxHystart(LinuxHystartSnapshot snap) {
        found = snap.found();
        roundStartPs = snap.roundStartPs();
        lastAckPs = snap.lastAckPs();
        endSeqPos = snap.endSeqPos();
        currRttPs = snap.currRttPs();
        sampleCount = snap.sampleCount();
    }

    /** True when this slow start should run {@link #update}: not found yet (cubictcp_acked). */
    boolean wants(CongestionState s) {
        return !found && s.inSlowStart();
    }

    /**
     * {@code hystart_update} for an ACK with RTT sample {@code delayPs}, SND.UNA already moved.
     * Returns true when slow start ends here: the caller sets ssthresh = cwnd.
     */
    boolean update(CongestionState s, long delayPs, long delayMinPs, long nowPs) {
        onAckPositions(s);
        if (endSeqPos < 0 || s.sndUnaPos > endSeqPos) {
            roundStartPs = nowPs;
            lastAckPs = nowPs;
            endSeqPos = s.sndMaxPos;
            currRttPs = INFINITE;
            sampleCount = 0;
        }
        if (s.cwndBytes < (long) LOW_WINDOW_SEGMENTS * s.smssBytes) {
            return false; // rounds are tracked from the first ACK; detection starts at 16 segments
        }
        if (nowPs - lastAckPs <= ACK_DELTA_PS) {
            lastAckPs = nowPs;
            long thresholdPs = (delayMinPs + ackDelayPs(s)) >> 1;
            if (nowPs - roundStartPs > thresholdPs) {
                found = true;
                return true;
            }
        }
        currRttPs = Math.min(currRttPs, delayPs);
        if (sampleCount < MIN_SAMPLES) {
            sampleCount++;
        } else if (currRttPs > delayMinPs + Math.max(DELAY_MIN_PS, Math.min(delayMinPs >> 3, DELAY_MAX_PS))) {
            found = true;
            return true;
        }
        return false;
    }

    /** {@code hystart_ack_delay}: min(1 ms, 4 * gso_max_size / (2 * cwnd / SRTT)), 0 before an SRTT. */
    static long ackDelayPs(CongestionState s) {
        if (s.srttPs <= 0 || s.cwndBytes <= 0) {
            return 0;
        }
        return Math.min(Units.PS_PER_MS, 2 * GSO_MAX_BYTES * s.srttPs / s.cwndBytes);
    }

    /**
     * Every ACK {@link Cubic#onAck} sees, SND.UNA and SND.MAX filled in: the round an RTO started
     * takes its end there.
     */
    void onAckPositions(CongestionState s) {
        if (endSeqPos == END_AT_NEXT_ACK) {
            endSeqPos = s.sndMaxPos;
        }
    }

    /**
     * An RTO at {@code nowPs}: {@code cubictcp_state(TCP_CA_Loss)} runs {@code bictcp_reset} (found
     * = 0) and {@code bictcp_hystart_reset}: a round starts now and ends past what has been sent.
     */
    void onTimeout(long nowPs) {
        found = false;
        roundStartPs = nowPs;
        lastAckPs = nowPs;
        endSeqPos = END_AT_NEXT_ACK;
        currRttPs = INFINITE;
        sampleCount = 0;
    }

    boolean found() {
        return found;
    }

    LinuxHystartSnapshot snapshot() {
        return new LinuxHystartSnapshot(found, roundStartPs, lastAckPs, endSeqPos, currRttPs, sampleCount);
    }
}
