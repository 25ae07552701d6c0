package org.toesim.tcp.cc;

/**
 * Private state of {@link Cubic} (RFC 9438 §4 variable names in brackets). Doubles here are
 * window quantities used by the formula, never time; time is the {@code long} epoch start.
 *
 * @param fastConvergence      whether §4.7 fast convergence is enabled
 * @param wMaxBytes            [W_max] window just before the last reduction, 0 before any
 * @param cwndPriorBytes       [cwnd_prior] cwnd when ssthresh was last set, 0 before any
 * @param epochStartPs         start of the current congestion-avoidance stage, -1 if none
 * @param cwndEpochBytes       [cwnd_epoch] cwnd at the start of the stage
 * @param kSeconds             [K] time to reach W_max from cwnd_epoch (§4.2 eq. 2)
 * @param wEstBytes            [W_est] Reno-friendly estimate (§4.3 eq. 4), fractional bytes
 * @param cwndCarryBytes       fractional cwnd increase not yet applied (in [0, 1) bytes)
 * @param timeoutEpochPending  true after an RTO (§4.8) or a HyStart++ exit without loss (§4.10)
 *                             until the next stage starts: K = 0, W_max = cwnd_epoch for that stage
 * @param segmentCountingCa    Linux slow start ({@link CcFeatures#segmentCountingCa()})
 * @param hystart              HyStart++ state, null when HyStart++ is off
 * @param linuxHystart         Linux HyStart state, null when it is off
 * @param linuxGrowth          Linux growth state, null when {@link CcFeatures#linuxCubic()} is off
 */
public record CubicSnapshot(boolean fastConvergence, long wMaxBytes, long cwndPriorBytes,
                            long epochStartPs, long cwndEpochBytes, double kSeconds,
                            double wEstBytes, double cwndCarryBytes, boolean timeoutEpochPending,
                            boolean segmentCountingCa, HystartSnapshot hystart,
                            LinuxHystartSnapshot linuxHystart, LinuxCubicSnapshot linuxGrowth)
        implements CcSnapshot {
    /** Without the Linux growth and HyStart. */
    public CubicSnapshot(boolean fastConvergence, long wMaxBytes, long cwndPriorBytes, long epochStartPs,
                         long cwndEpochBytes, double kSeconds, double wEstBytes, double cwndCarryBytes,
                         boolean timeoutEpochPending, boolean segmentCountingCa, HystartSnapshot hystart) {
        this(fastConvergence, wMaxBytes, cwndPriorBytes, epochStartPs, cwndEpochBytes, kSeconds, wEstBytes,
                cwndCarryBytes, timeoutEpochPending, segmentCountingCa, hystart, null, null);
    }

    /** RFC 5681 slow start, no HyStart++. */
    public CubicSnapshot(boolean fastConvergence, long wMaxBytes, long cwndPriorBytes, long epochStartPs,
                         long cwndEpochBytes, double kSeconds, double wEstBytes, double cwndCarryBytes,
                         boolean timeoutEpochPending) {
        this(fastConvergence, wMaxBytes, cwndPriorBytes, epochStartPs, cwndEpochBytes, kSeconds, wEstBytes,
                cwndCarryBytes, timeoutEpochPending, false, null, null, null);
    }

    @Override
    public String algorithm() {
        return Cubic.NAME;
    }
}
