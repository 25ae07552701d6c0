package org.toesim.tcp.cc;

/**
 * BBR v1's constants, named as in Linux {@code net/ipv4/tcp_bbr.c} (draft-cardwell-iccrg-bbr-
 * congestion-control-00 §4 for their meaning). Gains are in units of {@link #UNIT} = 1.0;
 * bandwidths in bytes per nanosecond scaled by {@link #BW_UNIT}.
 *
 * <pre>
 *   STARTUP   pacing 2/ln2   cwnd 2/ln2
 *   DRAIN     pacing ln2/2   cwnd 2/ln2
 *   PROBE_BW  pacing 1.25, 0.75, 1 x6 (one phase per min RTT)   cwnd 2
 *   PROBE_RTT pacing 1       cwnd 4 packets, 200 ms + a round, every 10 s without a new min RTT
 * </pre>
 */
public final class BbrParams {
    private BbrParams() {
    }

    /** Bandwidth unit: bytes per nanosecond scaled by 2^24 (Linux {@code BW_UNIT}). */
    public static final long BW_UNIT = 1L << 24;
    /** Gain unit, 1.0 (Linux {@code BBR_UNIT}). */
    public static final int UNIT = 256;
    /** 2/ln2, STARTUP's pacing and cwnd gain (Linux {@code bbr_high_gain}). */
    public static final int HIGH_GAIN = 2885 * UNIT / 1000 + 1;
    /** ln2/2, DRAIN's pacing gain (Linux {@code bbr_drain_gain}). */
    public static final int DRAIN_GAIN = 1000 * UNIT / 2885;
    /** PROBE_BW cwnd gain (Linux {@code bbr_cwnd_gain}). */
    public static final int CWND_GAIN = 2 * UNIT;
    /** PROBE_BW pacing gain cycle (Linux {@code bbr_pacing_gain}). */
    private static final int[] PACING_GAIN = {UNIT * 5 / 4, UNIT * 3 / 4, UNIT, UNIT, UNIT, UNIT, UNIT, UNIT};
    /** Phases of the PROBE_BW cycle (Linux {@code CYCLE_LEN}). */
    public static final int CYCLE_LENGTH = PACING_GAIN.length;
    /** Bandwidth filter window in rounds (Linux {@code bbr_bw_rtts}: cycle length + 2). */
    public static final int BW_RTTS = CYCLE_LENGTH + 2;
    /** Min RTT filter window (Linux {@code bbr_min_rtt_win_sec}). */
    public static final long MIN_RTT_WINDOW_PS = 10_000_000_000_000L;
    /** Time spent in PROBE_RTT (Linux {@code bbr_probe_rtt_mode_ms}). */
    public static final long PROBE_RTT_PS = 200_000_000_000L;
    /** Full pipe: growth below 25 % ({@code bbr_full_bw_thresh}) for 3 rounds ({@code bbr_full_bw_cnt}). */
    public static final int FULL_BW_THRESH = UNIT * 5 / 4;
    public static final int FULL_BW_COUNT = 3;
    /** Minimum cwnd and PROBE_RTT's cwnd, in packets (Linux {@code bbr_cwnd_min_target}). */
    public static final int CWND_MIN_PACKETS = 4;
    /** Linux {@code TCP_INIT_CWND}. */
    public static final int INIT_CWND_PACKETS = 10;

    /** The pacing gain of PROBE_BW phase {@code phase} (0 = the 1.25 probe, 1 = the 0.75 drain). */
    public static int pacingGain(int phase) {
        return PACING_GAIN[phase];
    }
}
