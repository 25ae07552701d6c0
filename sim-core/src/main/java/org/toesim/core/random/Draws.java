package org.toesim.core.random;

import org.apache.commons.math3.random.RandomGenerator;

/** Allocation-free draws from common distributions on a given stream. */
public final class Draws {
    private Draws() {
    }

    /** An exponential variate with the given mean (inverse-transform sampling). */
    public static double exponential(RandomGenerator rng, double mean) {
        return -mean * Math.log(1.0 - rng.nextDouble());
    }

    /** An exponential delay in whole picoseconds with the given mean, at least 0. */
    public static long exponentialPs(RandomGenerator rng, long meanPs) {
        return (long) exponential(rng, meanPs);
    }

    /** True with probability {@code p}. */
    public static boolean bernoulli(RandomGenerator rng, double p) {
        return p > 0 && rng.nextDouble() < p;
    }

    /** A uniform long in {@code [0, bound)}. */
    public static long uniformLong(RandomGenerator rng, long bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be > 0, got " + bound);
        }
        if (bound <= Integer.MAX_VALUE) {
            return rng.nextInt((int) bound);
        }
        long r;
        long m = bound - 1;
        do {
            r = rng.nextLong() >>> 1;
        } while (r + m - r % bound < 0);
        return r % bound;
    }
}
