package org.toesim.tcp.cc;

import org.toesim.core.units.Units;

/**
 * HyStart++ (RFC 9406): leaves the initial slow start when the per-round minimum RTT rises, via
 * a Conservative Slow Start (CSS) that guards against RTT noise. Used by {@link Cubic} when
 * {@link CcFeatures#hystart()} is on.
 *
 * <pre>
 *   round = one window: starts at an ACK with windowEnd = SND.MAX, ends when SND.UNA &gt;= windowEnd
 *   round start          lastRoundMinRTT = currentRoundMinRTT, currentRoundMinRTT = inf, samples = 0
 *   RTT sample           currentRoundMinRTT = min(.., rtt), samples++
 *   slow start, samples &gt;= N_RTT_SAMPLE (8) and both minima known:
 *       thresh = clamp(lastRoundMinRTT / 8, 4 ms, 16 ms)
 *       currentRoundMinRTT &gt;= lastRoundMinRTT + thresh ─▶ CSS, cssBaseline = currentRoundMinRTT
 *   CSS, samples &gt;= 8 and currentRoundMinRTT &lt; cssBaseline ─▶ back to slow start (§4.2)
 *   CSS, CSS_ROUNDS (5) rounds ended              ─▶ congestion avoidance: ssthresh = cwnd
 *   ACK of N bytes: slow start cwnd += min(inc, L*SMSS), CSS cwnd += min(inc, L*SMSS) / 4
 *       inc is the slow-start rule's own increase; L = 8 (not paced, §4.3)
 *   loss or RTO: HyStart++ ends (§4.2, and §4.3: only the initial slow start uses it)
 * </pre>
 *
 * <p>Choices, documented: the RTT sample of the ACK that ends a round counts in that round (the
 * engine samples before it grows cwnd); samples before the first round starts are ignored;
 * the round CSS is entered in counts as the first of the CSS_ROUNDS (as neqo and quiche do).
 *
 * <p>Linux 6.x {@code tcp_cubic} does not implement RFC 9406: it runs classic HyStart
 * ({@code hystart_update}): ACK-train detection plus delay detection from
 * {@code cwnd >= hystart_low_window} (16 segments), the round minimum of 8 samples compared with
 * the connection's all-time minimum delay plus clamp(delay_min/8, 4 ms, 16 ms), and on detection
 * {@code ssthresh = cwnd} at once (no CSS). This class is RFC 9406 as issue 10 asks.
 */
final class HyStartPlusPlus {
    static final long MIN_RTT_THRESH_PS = 4 * Units.PS_PER_MS;
    static final long MAX_RTT_THRESH_PS = 16 * Units.PS_PER_MS;
    static final int MIN_RTT_DIVISOR = 8;
    static final int N_RTT_SAMPLE = 8;
    static final int CSS_GROWTH_DIVISOR = 4;
    static final int CSS_ROUNDS = 5;
    /** L for a sender that does not pace (RFC 9406 §4.3). */
    static final int L_SEGMENTS = 8;
    private static final long INFINITE = Long.MAX_VALUE;

    private boolean done;
    private boolean inCss;
    private long windowEndPos = -1;
    private long lastRoundMinRttPs = INFINITE;
    private long currentRoundMinRttPs = INFINITE;
    private int rttSampleCount;
    private long cssBaselineMinRttPs = INFINITE;
    private int cssRoundCount;

    HyStartPlusPlus() {
    }

    HyStartPlusPlus(HystartSnapshot snap) {
        done = snap.done();
        inCss = snap.inCss();
        windowEndPos = snap.windowEndPos();
        lastRoundMinRttPs = snap.lastRoundMinRttPs();
        currentRoundMinRttPs = snap.currentRoundMinRttPs();
        rttSampleCount = snap.rttSampleCount();
        cssBaselineMinRttPs = snap.cssBaselineMinRttPs();
        cssRoundCount = snap.cssRoundCount();
    }

    /** HyStart++ runs: the initial slow start (ssthresh still at its initial value), not over. */
    boolean active(CongestionState s) {
        return !done && s.ssthreshBytes == Long.MAX_VALUE;
    }

    boolean inCss() {
        return inCss;
    }

    /**
     * Round tracking on an ACK of new data, before cwnd grows. Returns true when CSS has run
     * CSS_ROUNDS rounds: the caller enters congestion avoidance (ssthresh = cwnd, §4.2).
     */
    boolean onAck(CongestionState s) {
        if (!active(s) || (windowEndPos >= 0 && s.sndUnaPos < windowEndPos)) {
            return false;
        }
        if (windowEndPos >= 0 && inCss && ++cssRoundCount >= CSS_ROUNDS) {
            done = true;
            inCss = false;
            return true;
        }
        lastRoundMinRttPs = currentRoundMinRttPs;
        currentRoundMinRttPs = INFINITE;
        rttSampleCount = 0;
        windowEndPos = s.sndMaxPos;
        return false;
    }

    /** An RTT sample (any resolution, picoseconds): per-round minimum and the CSS decisions. */
    void onRttSample(CongestionState s, long rttPs) {
        if (!active(s) || windowEndPos < 0) {
            return;
        }
        currentRoundMinRttPs = Math.min(currentRoundMinRttPs, rttPs);
        rttSampleCount++;
        if (rttSampleCount < N_RTT_SAMPLE) {
            return;
        }
        if (!inCss) {
            if (lastRoundMinRttPs == INFINITE) {
                return;
            }
            long threshPs = rttThresholdPs(lastRoundMinRttPs);
            if (currentRoundMinRttPs >= lastRoundMinRttPs + threshPs) {
                cssBaselineMinRttPs = currentRoundMinRttPs;
                inCss = true;
                cssRoundCount = 0;
            }
        } else if (currentRoundMinRttPs < cssBaselineMinRttPs) {
            cssBaselineMinRttPs = INFINITE; // the RTT rise was noise: resume slow start
            inCss = false;
            cssRoundCount = 0;
        }
    }

    /** RttThresh = max(MIN_RTT_THRESH, min(lastRoundMinRTT / MIN_RTT_DIVISOR, MAX_RTT_THRESH)). */
    static long rttThresholdPs(long lastRoundMinRttPs) {
        return Math.max(MIN_RTT_THRESH_PS, Math.min(lastRoundMinRttPs / MIN_RTT_DIVISOR, MAX_RTT_THRESH_PS));
    }

    /** The cwnd increase for an ACK whose slow-start rule would add {@code incBytes}. */
    long increaseBytes(CongestionState s, long incBytes) {
        long capped = Math.min(incBytes, (long) L_SEGMENTS * s.smssBytes);
        return inCss ? capped / CSS_GROWTH_DIVISOR : capped;
    }

    /** A loss or timeout: congestion avoidance from here on, HyStart++ is over (§4.2). */
    void onCongestion() {
        done = true;
        inCss = false;
    }

    HystartSnapshot snapshot() {
        return new HystartSnapshot(done, inCss, windowEndPos, lastRoundMinRttPs, currentRoundMinRttPs,
                rttSampleCount, cssBaselineMinRttPs, cssRoundCount);
    }
}
