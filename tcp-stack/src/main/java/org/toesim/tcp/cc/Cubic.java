package org.toesim.tcp.cc;

/**
 * CUBIC congestion control, RFC 9438, with windows in bytes ({@code W[bytes] = W[segments] * SMSS})
 * and time from the {@code nowPs} arguments.
 *
 * <pre>
 *   slow start (cwnd &lt; ssthresh)      Reno's, RFC 5681 §3.1 with ABC L=1        (§4.10)
 *                                      (segment counting: Linux tcp_slow_start, the bytes
 *                                      beyond ssthresh go on to the CA rules below;
 *                                      HyStart++: RFC 9406 exit and CSS, HyStartPlusPlus)
 *   HyStart++ leaves CSS (no loss)     ssthresh = cwnd, cwnd_prior = cwnd; next stage
 *                                      W_max = cwnd_epoch, K = 0                    (§4.10)
 *   first ACK in congestion avoidance  epoch = now, cwnd_epoch = cwnd, W_est = cwnd_epoch,
 *                                      K = cbrt((W_max - cwnd_epoch)/C)             (§4.2 eq. 2)
 *                                      (after an RTO: W_max = cwnd_epoch, K = 0     §4.8)
 *   each ACK of N bytes in CA          W_est += alpha * N/SMSS / (cwnd/SMSS)        (§4.3 eq. 4)
 *                                      W_cubic(t) &lt; W_est ? cwnd = W_est           (§4.3 Reno-friendly)
 *                                      : target = clamp(W_cubic(t+RTT), cwnd, 1.5 cwnd)
 *                                        cwnd += (target - cwnd)/cwnd * N/SMSS      (§4.4, §4.5)
 *   loss (dupACK/SACK)                 W_max = cwnd, or cwnd*(1+beta)/2 if cwnd &lt; W_max (§4.7)
 *                                      cwnd_prior = cwnd, ssthresh = max(cwnd*beta, 2 SMSS) (§4.6)
 *   RTO                                same ssthresh; cwnd = 1 SMSS                 (§4.8)
 * </pre>
 *
 * <p>W_cubic(t) = C*(t-K)^3 + W_max (§4.2 eq. 1) with C = 0.4, beta_cubic = 0.7 (§4.6),
 * alpha_cubic = 3*(1-beta)/(1+beta) until W_est reaches cwnd_prior, then 1 (§4.3). Below W_max
 * the curve is concave (§4.4), above it convex (§4.5). Choices, documented: the per-ACK
 * increase is scaled by the number of segments the ACK covers (so delayed ACKs do not slow
 * growth, as Linux and RFC 3465 do); fractional bytes are carried to the next ACK; the
 * Reno-friendly rule never lowers cwnd; ssthresh uses cwnd, not FlightSize (RFC 9438 §4.6
 * allows either; Linux uses cwnd). Loss recovery is NewReno's (RFC 9438 §4.6 defers to it).
 * With {@link CcFeatures#segmentCountingCa()} off, slow start is RFC 5681's; congestion
 * avoidance counts segments either way (the Reno-friendly W_est of §4.3 grows by
 * alpha * N/SMSS / (cwnd/SMSS) per ACK of N bytes, which is Linux's per-ACK {@code acked} in
 * {@code bictcp_update}/{@code tcp_cong_avoid_ai}). Spurious-congestion undo (§4.9) is not
 * modelled.
 *
 * <p>With {@link CcFeatures#linuxCubic()} congestion avoidance and the loss response follow
 * Linux's {@code tcp_cubic.c} instead ({@link LinuxCubicGrowth}: segments, jiffies, beta
 * 717/1024); with {@link CcFeatures#linuxHystart()} slow start ends by Linux's classic HyStart
 * ({@link LinuxHystart}) instead of HyStart++.
 */
public final class Cubic implements CongestionControl {
    /** Name in scenario files. */
    public static final String NAME = "cubic";
    /** C, RFC 9438 §5.1 (segments per second cubed). */
    public static final double C = 0.4;
    /** beta_cubic = 7/10, RFC 9438 §4.6, as an exact integer ratio. */
    public static final long BETA_NUM = 7;
    public static final long BETA_DEN = 10;
    /** alpha_cubic = 3*(1 - beta)/(1 + beta), RFC 9438 §4.3 eq. (3). */
    public static final double ALPHA = 3.0 * (1.0 - 0.7) / (1.0 + 0.7);
    private static final double PS_PER_S = 1e12;

    private final boolean fastConvergence;
    private final boolean segmentCounting;
    /** HyStart++ state, null when HyStart++ is off. */
    private final HyStartPlusPlus hystart;
    /** Linux HyStart, null when off. */
    private final LinuxHystart linuxHystart;
    /** Linux growth, null when off (RFC 9438 formulas). */
    private final LinuxCubicGrowth linux;
    /** The RTT sample of the ACK being processed, for Linux HyStart; -1 for none. */
    private long pendingDelayPs = -1;
    private long wMaxBytes;
    private long cwndPriorBytes;
    private long epochStartPs = -1;
    private long cwndEpochBytes;
    private double kSeconds;
    private double wEstBytes;
    private double cwndCarryBytes;
    private boolean timeoutEpochPending;

    /** CUBIC with fast convergence on (RFC 9438 §4.7 "SHOULD"). */
    public Cubic() {
        this(true);
    }

    public Cubic(boolean fastConvergence) {
        this(fastConvergence, false, false);
    }

    /**
     * CUBIC with the given options.
     *
     * @param segmentCountingCa Linux slow start ({@code tcp_slow_start}) instead of RFC 5681's
     * @param hystart           HyStart++ (RFC 9406) in the initial slow start
     */
    public Cubic(boolean fastConvergence, boolean segmentCountingCa, boolean hystart) {
        this(fastConvergence, new CcFeatures(segmentCountingCa, hystart));
    }

    /** CUBIC with the growth options {@code f}. */
    public Cubic(boolean fastConvergence, CcFeatures f) {
        this(fastConvergence, f.segmentCountingCa(), f.hystart() ? new HyStartPlusPlus() : null,
                f.linuxHystart() ? new LinuxHystart() : null, f.linuxCubic() ? new LinuxCubicGrowth() : null);
    }

    private Cubic(boolean fastConvergence, boolean segmentCountingCa, HyStartPlusPlus hystart,
                  LinuxHystart linuxHystart, LinuxCubicGrowth linux) {
        this.fastConvergence = fastConvergence;
        this.segmentCounting = segmentCountingCa;
        this.hystart = hystart;
        this.linuxHystart = linuxHystart;
        this.linux = linux;
    }

    /** CUBIC with exactly the state of {@code snap}. */
    public static Cubic restore(CubicSnapshot snap) {
        Cubic c = new Cubic(snap.fastConvergence(), snap.segmentCountingCa(),
                snap.hystart() == null ? null : new HyStartPlusPlus(snap.hystart()),
                snap.linuxHystart() == null ? null : new LinuxHystart(snap.linuxHystart()),
                snap.linuxGrowth() == null ? null : new LinuxCubicGrowth(snap.linuxGrowth()));
        c.wMaxBytes = snap.wMaxBytes();
        c.cwndPriorBytes = snap.cwndPriorBytes();
        c.epochStartPs = snap.epochStartPs();
        c.cwndEpochBytes = snap.cwndEpochBytes();
        c.kSeconds = snap.kSeconds();
        c.wEstBytes = snap.wEstBytes();
        c.cwndCarryBytes = snap.cwndCarryBytes();
        c.timeoutEpochPending = snap.timeoutEpochPending();
        return c;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean usesNewRenoRecovery() {
        return true;
    }

    @Override
    public void onAck(CongestionState s, long ackedBytes, long nowPs) {
        if (linuxHystart != null) {
            linuxHystart.onAckPositions(s);
        }
        if (ackedBytes <= 0) {
            return;
        }
        if (hystart != null && hystart.onAck(s)) {
            leaveSlowStartWithoutLoss(s);
        }
        long delayPs = pendingDelayPs;
        pendingDelayPs = -1;
        if (linuxHystart != null && delayPs >= 0 && linuxHystart.wants(s)
                && linuxHystart.update(s, delayPs, delayMinPs(s), nowPs)) {
            leaveSlowStartWithoutLoss(s);
        }
        if (s.inSlowStart()) {
            ackedBytes = slowStart(s, ackedBytes);
            if (ackedBytes <= 0) {
                return;
            }
        }
        if (linux != null) {
            linux.congestionAvoidance(s, ackedBytes, nowPs);
            return;
        }
        if (epochStartPs < 0) {
            startEpoch(s, nowPs);
        }
        long cwnd = Math.max(1L, s.cwndBytes);
        double alpha = wEstBytes >= cwndPriorBytes ? 1.0 : ALPHA;
        wEstBytes += alpha * ackedBytes * s.smssBytes / cwnd;
        long tPs = nowPs - epochStartPs;
        if (wCubicBytes(tPs, s.smssBytes) < wEstBytes) {
            s.cwndBytes = Math.max(s.cwndBytes, (long) wEstBytes);
            return;
        }
        double targetBytes = wCubicBytes(tPs + s.srttPs, s.smssBytes);
        targetBytes = Math.max(cwnd, Math.min(1.5 * cwnd, targetBytes));
        cwndCarryBytes += (targetBytes - cwnd) * ackedBytes / cwnd;
        long whole = (long) cwndCarryBytes;
        s.cwndBytes += whole;
        cwndCarryBytes -= whole;
    }

    /**
     * Slow start (§4.10); returns the acknowledged bytes left for congestion avoidance (only
     * Linux's rule leaves any: those beyond ssthresh).
     */
    private long slowStart(CongestionState s, long ackedBytes) {
        if (hystart != null && hystart.active(s)) {
            long incBytes = segmentCounting ? ackedBytes : Math.min(ackedBytes, s.smssBytes);
            s.cwndBytes += hystart.increaseBytes(s, incBytes);
            return 0;
        }
        if (segmentCounting) {
            return RenoGrowth.slowStartToSsthresh(s, ackedBytes);
        }
        RenoGrowth.slowStart(s, ackedBytes);
        return 0;
    }

    /**
     * HyStart++ ended CSS without a loss (RFC 9406 §4.2: ssthresh = cwnd). RFC 9438 §4.10:
     * cwnd_prior = cwnd, and the first stage has K = 0 and W_max = cwnd at its start.
     */
    private void leaveSlowStartWithoutLoss(CongestionState s) {
        s.ssthreshBytes = s.cwndBytes;
        cwndPriorBytes = s.cwndBytes;
        epochStartPs = -1;
        timeoutEpochPending = true;
    }

    @Override
    public void onRttSample(CongestionState s, long rttPs, long nowPs) {
        if (hystart != null) {
            hystart.onRttSample(s, rttPs);
        }
        boolean counts = linux == null || linux.onRttSample(rttPs, nowPs);
        if (linuxHystart != null && counts && linuxHystart.wants(s)) {
            // hystart_update runs in this ACK's onAck, once SND.UNA has moved (never carried across ACKs)
            pendingDelayPs = Math.max(1, rttPs);
        }
    }

    /** delay_min for Linux HyStart: Linux growth's own, else the engine's minimum RTT. */
    private long delayMinPs(CongestionState s) {
        return linux != null ? linux.delayMinPs() : s.minRttPs;
    }

    private void startEpoch(CongestionState s, long nowPs) {
        epochStartPs = nowPs;
        cwndEpochBytes = s.cwndBytes;
        wEstBytes = cwndEpochBytes;
        cwndCarryBytes = 0;
        if (timeoutEpochPending) {
            wMaxBytes = cwndEpochBytes;
            timeoutEpochPending = false;
        }
        kSeconds = Math.cbrt((double) (wMaxBytes - cwndEpochBytes) / s.smssBytes / C);
    }

    /**
     * W_cubic(t) in bytes (RFC 9438 §4.2 eq. 1) for the current epoch, {@code tPs} after its
     * start: {@code (C*(t-K)^3 + W_max/SMSS) * SMSS} with t in seconds.
     */
    public double wCubicBytes(long tPs, int smssBytes) {
        double dt = tPs / PS_PER_S - kSeconds;
        return (C * dt * dt * dt + (double) wMaxBytes / smssBytes) * smssBytes;
    }

    @Override
    public long ssthreshOnLoss(CongestionState s, long nowPs) {
        pendingDelayPs = -1;
        if (hystart != null) {
            hystart.onCongestion();
        }
        if (linux != null) {
            return linux.ssthreshOnLoss(s, fastConvergence);
        }
        long cwnd = s.cwndBytes;
        if (fastConvergence && cwnd < wMaxBytes) {
            wMaxBytes = cwnd * (BETA_DEN + BETA_NUM) / (2 * BETA_DEN);
        } else {
            wMaxBytes = cwnd;
        }
        cwndPriorBytes = cwnd;
        epochStartPs = -1;
        cwndCarryBytes = 0;
        return Math.max(cwnd * BETA_NUM / BETA_DEN, 2L * s.smssBytes);
    }

    @Override
    public void onRetransmissionTimeout(CongestionState s, long nowPs) {
        s.ssthreshBytes = ssthreshOnLoss(s, nowPs);
        s.cwndBytes = s.smssBytes;
        timeoutEpochPending = true;
        if (linux != null) {
            linux.onTimeout(); // bictcp_reset on TCP_CA_Loss
        }
        if (linuxHystart != null) {
            linuxHystart.onTimeout(nowPs); // bictcp_hystart_reset: a round from the RTO
        }
    }

    /**
     * RFC 9438 §4.9: after a spurious congestion event, W_max and cwnd_prior return to their
     * values before it; the next congestion-avoidance stage starts a fresh epoch from the restored cwnd.
     */
    @Override
    public void onUndo(CongestionState s, CcSnapshot prior, long nowPs) {
        if (linux != null) {
            return; // tcp_cubic's undo_cwnd is tcp_reno_undo_cwnd: only cwnd returns (the engine's)
        }
        if (prior instanceof CubicSnapshot p) {
            wMaxBytes = p.wMaxBytes();
            cwndPriorBytes = p.cwndPriorBytes();
            timeoutEpochPending = false;
            epochStartPs = -1;
        }
    }

    @Override
    public CubicSnapshot snapshot() {
        return new CubicSnapshot(fastConvergence, wMaxBytes, cwndPriorBytes, epochStartPs,
                cwndEpochBytes, kSeconds, wEstBytes, cwndCarryBytes, timeoutEpochPending, segmentCounting,
                hystart == null ? null : hystart.snapshot(), linuxHystart == null ? null : linuxHystart.snapshot(),
                linux == null ? null : linux.snapshot());
    }
}
