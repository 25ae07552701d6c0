package org.toesim.tcp.cc;

/**
 * The window-growth options of a congestion-control algorithm, taken from the engine's
 * {@code TcpFeatures} when a connection is created and carried in the algorithm's
 * {@link CcSnapshot} from then on (so a connection moved between host and adapter keeps them).
 *
 * @param segmentCountingCa grow by every byte acknowledged: slow start {@code cwnd += N} capped at
 *                          ssthresh with the rest going to congestion avoidance (Linux
 *                          {@code tcp_slow_start}), and congestion avoidance +1 SMSS per cwnd of
 *                          bytes acknowledged (Linux {@code tcp_cong_avoid_ai}, RFC 3465 §2.1);
 *                          off: RFC 5681 §3.1 with RFC 3465 L = 1 and {@code SMSS*SMSS/cwnd} per ACK
 * @param hystart           HyStart++ (RFC 9406) in CUBIC's initial slow start; ignored by Reno and NewReno
 * @param linuxHystart      Linux's classic HyStart in CUBIC ({@link LinuxHystart}); excludes {@code hystart}
 * @param linuxCubic        CUBIC growth as Linux's {@code bictcp_update} ({@link LinuxCubicGrowth})
 */
public record CcFeatures(boolean segmentCountingCa, boolean hystart, boolean linuxHystart, boolean linuxCubic) {
    public CcFeatures {
        if (hystart && linuxHystart) {
            throw new IllegalArgumentException("HyStart++ and Linux HyStart are exclusive");
        }
    }

    /** Only the first two options; Linux's HyStart and CUBIC growth off. */
    public CcFeatures(boolean segmentCountingCa, boolean hystart) {
        this(segmentCountingCa, hystart, false, false);
    }

    /** Strict RFC 5681 growth, no HyStart++. */
    public static CcFeatures rfc() {
        return new CcFeatures(false, false);
    }
}
