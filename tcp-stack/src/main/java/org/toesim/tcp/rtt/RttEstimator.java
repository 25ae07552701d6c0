package org.toesim.tcp.rtt;

import java.util.Objects;
import org.toesim.core.units.Units;

/**
 * Round-trip-time estimation and the retransmission timeout, RFC 6298, in integer picoseconds.
 *
 * <pre>
 *   no sample yet:  RTO = initial (1 s, §2.1)
 *   first sample R: SRTT = R, RTTVAR = R/2                                   (§2.2)
 *   later R':       RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R'|  (old SRTT)         (§2.3)
 *                   SRTT   = 7/8 SRTT   + 1/8 R'
 *   always:         RTO = clamp(SRTT + max(G, 4*RTTVAR), min, max)            (§2.2-§2.5)
 *   timer expired:  RTO = min(2 * RTO, max)  (backoff, kept until a valid sample, §5.5)
 * </pre>
 *
 * <p>Arithmetic (Jacobson/BSD, exact in integers): the estimator holds {@code srttX8 = 8*SRTT}
 * and {@code rttvarX4 = 4*RTTVAR} and updates them as
 * <pre>
 *   err       = R' - floor(srttX8 / 8)
 *   srttX8   += err                                  (= 7*SRTT + R', with SRTT floored)
 *   rttvarX4 += |err| - floor(rttvarX4 / 4)          (= 3*RTTVAR + |SRTT - R'|, RTTVAR floored)
 * </pre>
 * so the only rounding is that the old SRTT and RTTVAR enter the update floored to a whole
 * picosecond; {@link #srttPs()} and {@link #rttvarPs()} report the floored values and
 * {@code 4*RTTVAR} in the RTO is exactly {@code rttvarX4}.
 *
 * <p><b>Karn's algorithm (RFC 6298 §3).</b> The caller passes every measurement to
 * {@link #onRttSample(long, boolean, boolean)} saying whether the timed segment was
 * retransmitted and whether the measurement came from a timestamp echo (RFC 7323 §4). A
 * measurement of a retransmitted segment without timestamps is ambiguous and is ignored; the
 * backed-off RTO is then kept until an ACK for new, never-retransmitted data gives a valid
 * sample (§5.5 and Karn's second rule).
 */
public final class RttEstimator {
    /** RFC 6298 §5.7: RTO when data starts after a SYN timeout. */
    public static final long SYN_TIMEOUT_RTO_PS = 3 * Units.PS_PER_S;
    private final RttConfig config;
    private boolean hasSample;
    private long srttX8Ps;
    private long rttvarX4Ps;
    private int backoffCount;
    private long latestRttPs;
    private long minRttPs;
    private boolean synTimeoutFloor;

    public RttEstimator(RttConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    /** An estimator with exactly the state of {@code snap}. */
    public static RttEstimator restore(RttSnapshot snap) {
        RttEstimator e = new RttEstimator(snap.config());
        e.hasSample = snap.hasSample();
        e.srttX8Ps = snap.srttX8Ps();
        e.rttvarX4Ps = snap.rttvarX4Ps();
        e.backoffCount = snap.backoffCount();
        e.latestRttPs = snap.latestRttPs();
        e.minRttPs = snap.minRttPs();
        e.synTimeoutFloor = snap.synTimeoutFloor();
        return e;
    }

    /**
     * Offers an RTT measurement. Returns whether it was used: it is ignored (Karn, §3) when
     * {@code segmentWasRetransmitted} and not {@code fromTimestampEcho}. A used sample updates
     * SRTT/RTTVAR (§2.2 or §2.3) and clears the backoff.
     *
     * @throws IllegalArgumentException if {@code rttPs} is negative
     */
    public boolean onRttSample(long rttPs, boolean segmentWasRetransmitted, boolean fromTimestampEcho) {
        if (segmentWasRetransmitted && !fromTimestampEcho) {
            return false;
        }
        addSample(rttPs);
        return true;
    }

    /** A valid measurement (the caller already applied Karn's rule). */
    public void addSample(long rttPs) {
        if (rttPs < 0) {
            throw new IllegalArgumentException("negative RTT sample " + rttPs + " ps");
        }
        if (!hasSample) {
            srttX8Ps = rttPs << 3;                 // SRTT = R
            rttvarX4Ps = rttPs << 1;               // RTTVAR = R/2, i.e. 4*RTTVAR = 2R
            minRttPs = rttPs;
            hasSample = true;
        } else {
            long errPs = rttPs - (srttX8Ps >> 3);
            srttX8Ps += errPs;
            rttvarX4Ps += Math.abs(errPs) - (rttvarX4Ps >> 2);
            minRttPs = Math.min(minRttPs, rttPs);
        }
        latestRttPs = rttPs;
        backoffCount = 0;
    }

    /**
     * The retransmission timer expired (RFC 6298 §5.5): double the RTO for the next arming,
     * up to the maximum.
     */
    public void onTimeout() {
        if (backoffCount < 62) {
            backoffCount++;
        }
    }

    /**
     * RFC 6298 §5.7: the timer expired while awaiting the ACK of a SYN, so when data
     * transmission begins the RTO is re-initialised to 3 s (if it was below) until the first
     * valid sample. Also clears the SYN's backoff.
     */
    public void reinitialiseAfterSynTimeout() {
        backoffCount = 0;
        if (!hasSample) {
            synTimeoutFloor = true;
        }
    }

    /** The RTO to arm the retransmission timer with now, in ps (backoff applied, clamped). */
    public long rtoPs() {
        long base = baseRtoPs();
        int shift = backoffCount;
        if (shift >= 63 || base > (config.maxRtoPs() >> shift)) {
            return config.maxRtoPs();
        }
        return Math.min(base << shift, config.maxRtoPs());
    }

    /** The RTO without backoff: SRTT + max(G, 4*RTTVAR), clamped to [min, max] (§2.2-§2.5). */
    public long baseRtoPs() {
        if (!hasSample) {
            long init = config.initialRtoPs();
            if (synTimeoutFloor) {
                init = Math.max(init, SYN_TIMEOUT_RTO_PS);
            }
            return Math.min(init, config.maxRtoPs());
        }
        long rto = (srttX8Ps >> 3) + Math.max(config.clockGranularityPs(), rttvarX4Ps);
        return Math.max(config.minRtoPs(), Math.min(rto, config.maxRtoPs()));
    }

    /** Whether a valid sample has been taken. */
    public boolean hasSample() {
        return hasSample;
    }

    /** SRTT floored to a whole ps; 0 before the first sample. */
    public long srttPs() {
        return srttX8Ps >> 3;
    }

    /** RTTVAR floored to a whole ps; 0 before the first sample. */
    public long rttvarPs() {
        return rttvarX4Ps >> 2;
    }

    /** Consecutive expiries since the last valid sample. */
    public int backoffCount() {
        return backoffCount;
    }

    /** The last valid sample, 0 if none. */
    public long latestRttPs() {
        return latestRttPs;
    }

    /** The smallest valid sample, 0 if none. */
    public long minRttPs() {
        return minRttPs;
    }

    public RttConfig config() {
        return config;
    }

    public RttSnapshot snapshot() {
        return new RttSnapshot(config, hasSample, srttX8Ps, rttvarX4Ps, backoffCount, latestRttPs, minRttPs,
                synTimeoutFloor);
    }
}
