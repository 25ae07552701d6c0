package org.toesim.tcp.cc;

/**
 * BBR's cwnd and rate arithmetic (Linux {@code bbr_rate_bytes_per_sec}, {@code bbr_set_cwnd}, {@code bbr_set_cwnd_to_recover_or_restore},
 * {@code bbr_bdp}, {@code bbr_quantization_budget}; draft-cardwell-iccrg-bbr-congestion-control-00
 * §4.2.3), apart from {@link Bbr}'s model so each stays small.
 *
 * <pre>
 *   losses         ─▶ cwnd -= lost (at least 1 packet)
 *   enter recovery ─▶ packet conservation: cwnd = inflight + acked, then max(cwnd, inflight + acked)
 *   leave recovery ─▶ cwnd = max(cwnd, prior_cwnd)
 *   otherwise      ─▶ target = cwnd_gain x BDP + 3 TSO bursts (+2 in phase 0), rounded up to even;
 *                     pipe full: cwnd = min(cwnd + acked, target); else cwnd += acked (slow start)
 *   always         ─▶ cwnd ≥ 4 packets; PROBE_RTT: cwnd ≤ 4 packets
 * </pre>
 */
final class BbrWindow {
    private BbrWindow() {
    }

    static void setCwnd(Bbr b, CongestionState s, RateSample rs) {
        long mss = s.smssBytes;
        long acked = rs.ackedSackedBytes();
        long cwnd = s.cwndBytes;
        int transition = b.recoveryTransition(s, rs);
        if (acked > 0) {
            cwnd = newCwnd(b, s, rs, cwnd, transition);
        }
        if (b.mode() == BbrMode.PROBE_RTT) {
            cwnd = Math.min(cwnd, BbrParams.CWND_MIN_PACKETS * mss);
        }
        s.cwndBytes = cwnd;
    }

    private static long newCwnd(Bbr b, CongestionState s, RateSample rs, long cwnd, int transition) {
        long mss = s.smssBytes;
        long acked = rs.ackedSackedBytes();
        if (rs.lostBytes() > 0) {
            cwnd = Math.max(cwnd - rs.lostBytes(), mss);
        }
        if (transition > 0) {
            cwnd = rs.inFlightBytes() + acked;
        } else if (transition < 0) {
            cwnd = Math.max(cwnd, b.priorCwndBytes());
        }
        if (b.packetConservation()) {
            return Math.max(cwnd, rs.inFlightBytes() + acked);
        }
        long target = quantizationBudget(b, s, b.inflightBytes(s, b.bwScaled(), b.cwndGain()));
        if (b.fullBwReached()) {
            cwnd = Math.min(cwnd + acked, target);
        } else if (cwnd < target || rs.totalDeliveredBytes() < BbrParams.INIT_CWND_PACKETS * mss) {
            cwnd = cwnd + acked;
        }
        return Math.max(cwnd, BbrParams.CWND_MIN_PACKETS * mss);
    }

    /**
     * Linux {@code bbr_bdp}: ceil(bw x min RTT x gain) in bytes; {@code noRttBytes} (TCP_INIT_CWND)
     * while min RTT is unknown.
     */
    static long bdpBytes(long bwScaled, long minRttPs, int gain, long noRttBytes) {
        if (minRttPs == Long.MAX_VALUE) {
            return noRttBytes;
        }
        long w = bwScaled * (minRttPs / 1000);
        return (w / BbrParams.UNIT * gain + BbrParams.BW_UNIT - 1) / BbrParams.BW_UNIT;
    }

    /**
     * Linux {@code bbr_quantization_budget}: room for 3 TSO bursts at the pacing rate
     * ({@code bbr_tso_segs_goal}: about 1 ms of data, 2 to 44 segments of at most 64 KiB), cwnd
     * rounded up to an even packet count, 2 more packets in the 1.25 phase.
     */
    private static long quantizationBudget(Bbr b, CongestionState s, long cwnd) {
        long mss = s.smssBytes;
        long goalBytes = Math.min(b.pacingRateBytesPerSec(s) >> 10, 65536L);
        long segs = Math.max(2, Math.min(goalBytes / mss, 0x7F));
        long packets = (cwnd + mss - 1) / mss + 3 * segs;
        packets = (packets + 1) & ~1L;
        if (b.mode() == BbrMode.PROBE_BW && b.cycleIndex() == 0) {
            packets += 2;
        }
        return packets * mss;
    }

    /** Linux {@code bbr_rate_bytes_per_sec}: bw x gain less the 1 % pacing margin, in bytes per second. */
    static long rateBytesPerSec(long bwScaled, int gain) {
        long r = bwScaled * gain / BbrParams.UNIT;
        return r * (1_000_000_000L / 100 * 99) / BbrParams.BW_UNIT;
    }

}
