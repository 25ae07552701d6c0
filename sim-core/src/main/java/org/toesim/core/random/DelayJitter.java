package org.toesim.core.random;

import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * A small random extra delay, never negative and bounded, drawn per occurrence:
 * <pre>
 *   exponential(mean, cap): min(Exp(mean), cap)    interrupt latency: mostly short, a tail
 *   uniform(max):           U[0, max)              start skew of processes launched together
 * </pre>
 * Whole picoseconds; one draw per {@link #drawPs()} call from the stream passed in,
 * allocation-free. {@link #OFF} returns 0 and draws nothing, so a model that adds its draw to
 * a time behaves exactly as without jitter.
 */
public final class DelayJitter {
    /** No jitter: {@link #drawPs()} is 0 and no stream is read. */
    public static final DelayJitter OFF = new DelayJitter(null, false, 0, 0);
    /** The cap of {@link #exponential} in means: 10 (a draw exceeds it with probability e^-10). */
    public static final long EXPONENTIAL_CAP_MEANS = 10;

    private final RandomGenerator rng;
    private final boolean exponential;
    private final long scalePs;
    private final long capPs;

    private DelayJitter(RandomGenerator rng, boolean exponential, long scalePs, long capPs) {
        this.rng = rng;
        this.exponential = exponential;
        this.scalePs = scalePs;
        this.capPs = capPs;
    }

    /**
     * Exponential delays of mean {@code meanPs}, capped at {@link #EXPONENTIAL_CAP_MEANS} means;
     * {@link #OFF} for 0.
     */
    public static DelayJitter exponential(RandomGenerator rng, long meanPs) {
        if (meanPs < 0) {
            throw new IllegalArgumentException("mean delay must be >= 0 ps, got " + meanPs);
        }
        return meanPs == 0 ? OFF
                : new DelayJitter(Objects.requireNonNull(rng, "rng"), true, meanPs, meanPs * EXPONENTIAL_CAP_MEANS);
    }

    /** Uniform delays in {@code [0, maxPs)}; {@link #OFF} for 0. */
    public static DelayJitter uniform(RandomGenerator rng, long maxPs) {
        if (maxPs < 0) {
            throw new IllegalArgumentException("maximum delay must be >= 0 ps, got " + maxPs);
        }
        return maxPs == 0 ? OFF : new DelayJitter(Objects.requireNonNull(rng, "rng"), false, maxPs, maxPs);
    }

    /** Whether this source draws (false for {@link #OFF}). */
    public boolean enabled() {
        return rng != null;
    }

    /** The mean (exponential) or the maximum (uniform), 0 when off. */
    public long scalePs() {
        return scalePs;
    }

    /** The largest delay a draw can return, 0 when off. */
    public long maxPs() {
        return capPs;
    }

    /** One delay in {@code [0, maxPs()]}; 0 when off. */
    public long drawPs() {
        if (rng == null) {
            return 0;
        }
        if (exponential) {
            return Math.min(capPs, Draws.exponentialPs(rng, scalePs));
        }
        return Draws.uniformLong(rng, scalePs);
    }
}
