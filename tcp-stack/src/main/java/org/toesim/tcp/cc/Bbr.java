package org.toesim.tcp.cc;

import static org.toesim.tcp.cc.BbrParams.*;

/**
 * BBR v1 congestion control (Linux {@code net/ipv4/tcp_bbr.c}, draft-cardwell-iccrg-bbr-
 * congestion-control-00): a model of the path, the bottleneck bandwidth (windowed max of
 * delivery-rate samples over 10 round trips) and the round-trip propagation time (windowed min
 * RTT over 10 s), sets the pacing rate (gain x bandwidth) and cwnd (gain x BDP). It reacts to loss
 * only by packet conservation during fast recovery, never by a multiplicative decrease.
 *
 * <pre>
 *   engine ACK ─▶ RateSample ─▶ onRateSample:  updateBw (rounds, max filter)      bbr_update_bw
 *                                              cycle phase, full pipe, drain        bbr_update_model
 *                                              min RTT, PROBE_RTT                   bbr_update_min_rtt
 *                                              gains per mode                       bbr_update_gains
 *                                           ─▶ pacing rate = gain * bw * 99 %      bbr_set_pacing_rate
 *                                           ─▶ cwnd toward cwnd_gain * BDP + budget bbr_set_cwnd
 *   engine output ◀── pacingRateBytesPerSec()
 *   loss: ssthreshOnLoss saves cwnd, keeps ssthresh (bbr_ssthresh); recovery entry: cwnd =
 *         inflight + acked; exit: cwnd = max(cwnd, prior_cwnd) (bbr_set_cwnd_to_recover_or_restore)
 * </pre>
 *
 * <p>Differences from Linux, all documented in {@code docs/tcp-fidelity.md}: quantities are bytes
 * (Linux counts packets); no long-term bandwidth (policer) sampling ({@code bbr_lt_bw_sampling}),
 * no ACK-aggregation cwnd allowance ({@code bbr_update_ack_aggregation}), no idle-restart
 * ({@code CA_EVENT_TX_START}) and no EDT in-network correction ({@code bbr_packets_in_net_at_edt}).
 * The PROBE_BW start phase, random in Linux ({@code prandom_u32_max(bbr_cycle_rand)}), is chosen
 * deterministically from the delivered count when PROBE_BW is entered (the engine gives the
 * strategy no random stream), so it differs between connections and runs alike.
 */
public final class Bbr implements CongestionControl {
    /** Name in scenario files. */
    public static final String NAME = "bbr";
    private static final int OPEN = 0;
    private static final int RECOVERY = 1;
    private static final int LOSS = 2;
    private static final long PS_PER_NS = 1000;

    private BbrMode mode = BbrMode.STARTUP;
    private final MaxFilter bw = new MaxFilter();
    private long roundCount;
    private long nextRoundDeliveredBytes;
    private boolean roundStart;
    private long minRttPs = Long.MAX_VALUE;
    private long minRttStampPs = -1;
    private long probeRttDoneStampPs;
    private boolean probeRttRoundDone;
    private boolean packetConservation;
    private int prevState = OPEN;
    private long priorCwndBytes;
    private long fullBwScaled;
    private int fullBwCount;
    private boolean fullBwReached;
    private int cycleIndex;
    private long cycleStampPs;
    private int pacingGain = HIGH_GAIN;
    private int cwndGain = HIGH_GAIN;
    private long pacingRateBytesPerSec;
    private boolean hasSeenRtt;
    private long lossEndPos = -1;

    /** A fresh BBR in STARTUP. */
    public Bbr() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean ownsCwnd() {
        return true;
    }

    /** Window growth happens in {@link #onRateSample}. */
    @Override
    public void onAck(CongestionState s, long ackedBytes, long nowPs) {
    }

    /** Linux {@code bbr_ssthresh}: remember cwnd for the restore, leave ssthresh as it is. */
    @Override
    public long ssthreshOnLoss(CongestionState s, long nowPs) {
        saveCwnd(s);
        return s.ssthreshBytes;
    }

    /**
     * Fast recovery begins (the engine asks before the first retransmission, with
     * {@code flightSizeBytes} = pipe): packet conservation from the start, cwnd = inflight + 1
     * packet, as {@code bbr_set_cwnd_to_recover_or_restore} sets it on this ACK in Linux (whose
     * {@code cong_control} runs before anything is sent); the rate sample of the same ACK then
     * sets inflight + acked.
     */
    @Override
    public void onEnterRecovery(CongestionState s, long nowPs) {
        s.cwndBytes = s.flightSizeBytes + s.smssBytes;
    }

    /**
     * Linux {@code tcp_enter_loss} with {@code bbr_set_state(TCP_CA_Loss)}: cwnd = 1 packet, the
     * full-bandwidth baseline restarts, a round starts; prior cwnd is restored once the data
     * outstanding at the timeout is acknowledged.
     */
    @Override
    public void onRetransmissionTimeout(CongestionState s, long nowPs) {
        saveCwnd(s);
        s.cwndBytes = s.smssBytes;
        prevState = LOSS;
        lossEndPos = s.sndMaxPos;
        fullBwScaled = 0;
        roundStart = true;
    }

    /** Linux {@code bbr_undo_cwnd}: cwnd stays; the full-pipe estimator starts over. */
    @Override
    public void onUndo(CongestionState s, CcSnapshot prior, long nowPs) {
        fullBwScaled = 0;
        fullBwCount = 0;
    }

    @Override
    public long pacingRateBytesPerSec(CongestionState s) {
        return pacingRateBytesPerSec > 0 ? pacingRateBytesPerSec : initialPacingRate(s);
    }

    @Override
    public boolean marksAppLimited() {
        return mode == BbrMode.PROBE_RTT; // bbr_update_min_rtt: tp->app_limited in PROBE_RTT
    }

    /** Linux {@code bbr_main}. */
    @Override
    public void onRateSample(CongestionState s, RateSample rs, long nowPs) {
        if (minRttStampPs < 0) {
            minRttStampPs = nowPs; // bbr_init: min_rtt_stamp = now
        }
        updateBw(rs);
        updateCyclePhase(s, rs, nowPs);
        checkFullBwReached(rs);
        checkDrain(s, rs, nowPs);
        updateMinRtt(s, rs, nowPs);
        updateGains();
        setPacingRate(s, bwScaled(), pacingGain);
        BbrWindow.setCwnd(this, s, rs);
    }

    /** Linux {@code bbr_update_bw}: round counting and the max filter (§4.1.1.2, §4.1.1.3). */
    private void updateBw(RateSample rs) {
        roundStart = false;
        if (!rs.valid()) {
            return;
        }
        if (rs.priorDeliveredBytes() >= nextRoundDeliveredBytes) {
            nextRoundDeliveredBytes = rs.totalDeliveredBytes();
            roundCount++;
            roundStart = true;
            packetConservation = false;
        }
        long sample = rs.deliveredBytes() * BW_UNIT / Math.max(1, rs.intervalPs() / PS_PER_NS);
        if (!rs.appLimited() || sample >= bw.best()) {
            bw.update(BW_RTTS, roundCount, sample);
        }
    }

    /** Linux {@code bbr_update_cycle_phase} / {@code bbr_is_next_cycle_phase} (§4.3.3.5). */
    private void updateCyclePhase(CongestionState s, RateSample rs, long nowPs) {
        if (mode != BbrMode.PROBE_BW) {
            return;
        }
        boolean fullLength = nowPs - cycleStampPs > minRttPs;
        int gain = pacingGain;
        boolean next;
        if (gain == UNIT) {
            next = fullLength;
        } else if (gain > UNIT) {
            next = fullLength && (rs.lostBytes() > 0 || rs.priorInFlightBytes() >= inflightBytes(s, bwScaled(), gain));
        } else {
            next = fullLength || rs.priorInFlightBytes() <= inflightBytes(s, bwScaled(), UNIT);
        }
        if (next) {
            advanceCyclePhase(nowPs);
        }
    }

    private void advanceCyclePhase(long nowPs) {
        cycleIndex = (cycleIndex + 1) & (CYCLE_LENGTH - 1);
        cycleStampPs = nowPs;
    }

    /** Linux {@code bbr_check_full_bw_reached} (§4.3.2.2 full pipe). */
    private void checkFullBwReached(RateSample rs) {
        if (fullBwReached || !roundStart || rs.appLimited()) {
            return;
        }
        long thresh = fullBwScaled * FULL_BW_THRESH / UNIT;
        if (bwScaled() >= thresh) {
            fullBwScaled = bwScaled();
            fullBwCount = 0;
            return;
        }
        fullBwCount++;
        fullBwReached = fullBwCount >= FULL_BW_COUNT;
    }

    /** Linux {@code bbr_check_drain}: STARTUP to DRAIN at full pipe, DRAIN to PROBE_BW at inflight ≤ BDP. */
    private void checkDrain(CongestionState s, RateSample rs, long nowPs) {
        if (mode == BbrMode.STARTUP && fullBwReached) {
            mode = BbrMode.DRAIN;
            s.ssthreshBytes = inflightBytes(s, bwScaled(), UNIT);
        }
        if (mode == BbrMode.DRAIN && rs.inFlightBytes() <= inflightBytes(s, bwScaled(), UNIT)) {
            resetProbeBwMode(s, rs, nowPs);
        }
    }

    /**
     * Linux {@code bbr_reset_probe_bw_mode}: PROBE_BW at a phase other than the 0.75 one. Linux
     * draws {@code cycle_idx = 7 - random(7)} then advances; here the draw is the delivered packet
     * count mod 7.
     */
    private void resetProbeBwMode(CongestionState s, RateSample rs, long nowPs) {
        mode = BbrMode.PROBE_BW;
        int draw = (int) Math.floorMod(rs.totalDeliveredBytes() / s.smssBytes, 7L);
        cycleIndex = CYCLE_LENGTH - 1 - draw;
        advanceCyclePhase(nowPs);
    }

    /** Linux {@code bbr_update_min_rtt} and {@code bbr_check_probe_rtt_done} (§4.3.4). */
    private void updateMinRtt(CongestionState s, RateSample rs, long nowPs) {
        boolean expired = nowPs > minRttStampPs + MIN_RTT_WINDOW_PS;
        if (rs.rttPs() >= 0 && (rs.rttPs() < minRttPs || expired)) {
            minRttPs = rs.rttPs();
            minRttStampPs = nowPs;
        }
        if (expired && mode != BbrMode.PROBE_RTT) {
            mode = BbrMode.PROBE_RTT;
            saveCwnd(s);
            probeRttDoneStampPs = 0;
        }
        if (mode != BbrMode.PROBE_RTT) {
            return;
        }
        if (probeRttDoneStampPs == 0 && rs.inFlightBytes() <= (long) CWND_MIN_PACKETS * s.smssBytes) {
            probeRttDoneStampPs = nowPs + PROBE_RTT_PS;
            probeRttRoundDone = false;
            nextRoundDeliveredBytes = rs.totalDeliveredBytes();
        } else if (probeRttDoneStampPs != 0) {
            if (roundStart) {
                probeRttRoundDone = true;
            }
            if (probeRttRoundDone && nowPs > probeRttDoneStampPs) {
                minRttStampPs = nowPs;
                s.cwndBytes = Math.max(s.cwndBytes, priorCwndBytes);
                if (fullBwReached) {
                    resetProbeBwMode(s, rs, nowPs);
                } else {
                    mode = BbrMode.STARTUP;
                }
            }
        }
    }

    /** Linux {@code bbr_update_gains}. */
    private void updateGains() {
        switch (mode) {
            case STARTUP -> {
                pacingGain = HIGH_GAIN;
                cwndGain = HIGH_GAIN;
            }
            case DRAIN -> {
                pacingGain = DRAIN_GAIN;
                cwndGain = HIGH_GAIN;
            }
            case PROBE_BW -> {
                pacingGain = BbrParams.pacingGain(cycleIndex);
                cwndGain = CWND_GAIN;
            }
            case PROBE_RTT -> {
                pacingGain = UNIT;
                cwndGain = UNIT;
            }
        }
    }

    /** Linux {@code bbr_set_pacing_rate}: never lower the rate before the pipe is full. */
    private void setPacingRate(CongestionState s, long bwScaled, int gain) {
        if (!hasSeenRtt && s.srttPs > 0) {
            hasSeenRtt = true;
            pacingRateBytesPerSec = initialPacingRate(s);
        }
        long rate = BbrWindow.rateBytesPerSec(bwScaled, gain);
        if (fullBwReached || rate > pacingRateBytesPerSec) {
            pacingRateBytesPerSec = rate;
        }
    }

    /** Linux {@code bbr_init_pacing_rate_from_rtt}: high gain x cwnd / SRTT (1 ms before any sample). */
    private long initialPacingRate(CongestionState s) {
        long rttNs = s.srttPs > 0 ? Math.max(1, s.srttPs / PS_PER_NS) : 1_000_000;
        return BbrWindow.rateBytesPerSec(s.cwndBytes * BW_UNIT / rttNs, HIGH_GAIN);
    }

    /** Linux {@code bbr_inflight} / {@code bbr_bdp}: gain x bw x min RTT, 10 packets before any RTT. */
    long inflightBytes(CongestionState s, long bwScaled, int gain) {
        return BbrWindow.bdpBytes(bwScaled, minRttPs, gain, (long) INIT_CWND_PACKETS * s.smssBytes);
    }

    /** Linux {@code bbr_save_cwnd}. */
    private void saveCwnd(CongestionState s) {
        if (prevState == OPEN && mode != BbrMode.PROBE_RTT) {
            priorCwndBytes = s.cwndBytes;
        } else {
            priorCwndBytes = Math.max(priorCwndBytes, s.cwndBytes);
        }
    }

    // --- state read by BbrWindow and tests

    /** The estimated bottleneck bandwidth, bytes/ns x {@link BbrParams#BW_UNIT} (Linux {@code bbr_max_bw}). */
    public long bwScaled() {
        return bw.best();
    }

    /** The estimated bottleneck bandwidth in bytes per second. */
    public long bwBytesPerSec() {
        return bw.best() * 1_000_000_000L / BW_UNIT;
    }

    public BbrMode mode() {
        return mode;
    }

    public long minRttPs() {
        return minRttPs;
    }

    public boolean fullBwReached() {
        return fullBwReached;
    }

    public int pacingGain() {
        return pacingGain;
    }

    public int cwndGain() {
        return cwndGain;
    }

    public int cycleIndex() {
        return cycleIndex;
    }

    long priorCwndBytes() {
        return priorCwndBytes;
    }

    boolean packetConservation() {
        return packetConservation;
    }

    /**
     * The recovery-state transition this sample shows (Linux {@code prev_ca_state} against
     * {@code icsk_ca_state}): 1 entering fast recovery, -1 leaving recovery or loss, 0 none.
     */
    int recoveryTransition(CongestionState s, RateSample rs) {
        int state = rs.inRecovery() ? RECOVERY : (lossEndPos >= 0 && s.sndUnaPos < lossEndPos ? LOSS : OPEN);
        if (state == OPEN) {
            lossEndPos = -1;
        }
        int prev = prevState;
        prevState = state;
        if (state == RECOVERY && prev != RECOVERY) {
            packetConservation = true;
            nextRoundDeliveredBytes = rs.totalDeliveredBytes();
            return 1;
        }
        if (prev >= RECOVERY && state < RECOVERY) {
            packetConservation = false;
            return -1;
        }
        return 0;
    }

    @Override
    public BbrSnapshot snapshot() {
        return new BbrSnapshot(mode, BbrSnapshot.MaxFilterState.of(bw.state()), roundCount, nextRoundDeliveredBytes,
                roundStart, minRttPs, minRttStampPs, probeRttDoneStampPs, probeRttRoundDone, packetConservation,
                prevState, priorCwndBytes, fullBwScaled, fullBwCount, fullBwReached, cycleIndex, cycleStampPs,
                pacingGain, cwndGain, pacingRateBytesPerSec, hasSeenRtt, lossEndPos);
    }

    /** A BBR with exactly the state of {@code s}. */
    public static Bbr restore(BbrSnapshot s) {
        Bbr b = new Bbr();
        b.mode = s.mode();
        b.bw.restore(s.bwFilter().toArray());
        b.roundCount = s.roundCount();
        b.nextRoundDeliveredBytes = s.nextRoundDeliveredBytes();
        b.roundStart = s.roundStart();
        b.minRttPs = s.minRttPs();
        b.minRttStampPs = s.minRttStampPs();
        b.probeRttDoneStampPs = s.probeRttDoneStampPs();
        b.probeRttRoundDone = s.probeRttRoundDone();
        b.packetConservation = s.packetConservation();
        b.prevState = s.prevRecoveryState();
        b.priorCwndBytes = s.priorCwndBytes();
        b.fullBwScaled = s.fullBwScaled();
        b.fullBwCount = s.fullBwCount();
        b.fullBwReached = s.fullBwReached();
        b.cycleIndex = s.cycleIndex();
        b.cycleStampPs = s.cycleStampPs();
        b.pacingGain = s.pacingGain();
        b.cwndGain = s.cwndGain();
        b.pacingRateBytesPerSec = s.pacingRateBytesPerSec();
        b.hasSeenRtt = s.hasSeenRtt();
        b.lossEndPos = s.lossEndPos();
        return b;
    }
}
