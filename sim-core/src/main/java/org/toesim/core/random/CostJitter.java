package org.toesim.core.random;

import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A multiplicative jitter on a cost: each {@link #apply(long)} multiplies the cost by a factor
 * drawn from a mean-preserving lognormal distribution, truncated at three standard deviations:
 * <pre>
 *   z      = standard normal draw, clamped to [-3, 3]
 *   factor = exp(sigma * z - sigma^2 / 2)        E[factor] = 1 (0.01 % low at sigma 0.05 from the clamp)
 *   cost'  = max(1, round(cost * factor))        cost 0 stays 0 (no draw)
 * </pre>
 * Lognormal because a cost is a sum of many small multiplicative effects (cache and TLB misses,
 * branch mispredictions, frequency steps) and can never be negative; mean-preserving so the
 * calibrated average of a cost table is what a long run sees; truncated so one draw never
 * turns a packet's work into a multiple of itself (at sigma 0.05 the factor stays in
 * [0.86, 1.16]). One draw per call from the stream passed in, allocation-free. {@link #OFF}
 * returns the cost unchanged and draws nothing, so a model that holds it behaves exactly as
 * without jitter.
 */
public final class CostJitter {
    /** No jitter: {@link #apply} is the identity and no stream is read. */
    public static final CostJitter OFF = new CostJitter(null, 0);
    /** The standard normal draw is clamped to this many standard deviations. */
    public static final double TRUNCATION_SIGMAS = 3.0;
    /** The largest {@code sigma} accepted. */
    public static final double MAX_SIGMA = 0.5;

    private final RandomGenerator rng;
    private final double sigma;
    private final double logShift;

    private CostJitter(RandomGenerator rng, double sigma) {
        this.rng = rng;
        this.sigma = sigma;
        this.logShift = -sigma * sigma / 2;
    }

    /**
     * Lognormal jitter of standard deviation {@code sigma} in log space (about the coefficient of
     * variation of a single cost, for small sigma) drawn from {@code rng}; {@link #OFF} for 0.
     */
    public static CostJitter lognormal(RandomGenerator rng, double sigma) {
        if (!(sigma >= 0 && sigma <= MAX_SIGMA)) {
            throw new IllegalArgumentException("cost jitter sigma must be in [0, " + MAX_SIGMA + "], got " + sigma);
        }
        return sigma == 0 ? OFF : new CostJitter(Objects.requireNonNull(rng, "rng"), sigma);
    }

    /** Whether this source draws (false for {@link #OFF}). */
    public boolean enabled() {
        return rng != null;
    }

    /** The log-space standard deviation (0 when off). */
    public double sigma() {
        return sigma;
    }

    /** {@code cost} times one draw of the factor, at least 1 if {@code cost > 0}; never negative. */
    public long apply(long cost) {
        if (rng == null || cost <= 0) {
            return cost;
        }
        double z = Math.max(-TRUNCATION_SIGMAS, Math.min(TRUNCATION_SIGMAS, rng.nextGaussian()));
        return Math.max(1, Math.round(cost * Math.exp(sigma * z + logShift)));
    }
}
