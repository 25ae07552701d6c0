package org.toesim.core.random;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The named random streams of one simulation run.
 *
 * <pre>
 *   seed(name) = SplitMix64 sequence started at masterSeed XOR fnv1a64(utf8(name))
 *   get(name)  = Well19937c seeded with 32 ints of that sequence (created once, then cached)
 * </pre>
 *
 * The map is only looked up, never iterated, so its hash order cannot leak into results.
 */
public final class RandomStreams {
    private final long masterSeed;
    private final Map<String, RandomGenerator> streams = new HashMap<>();

    public RandomStreams(long masterSeed) {
        this.masterSeed = masterSeed;
    }

    /** The master seed every stream is derived from. */
    public long masterSeed() {
        return masterSeed;
    }

    /** The stream called {@code name}; the same object on every call with that name. */
    public RandomGenerator get(String name) {
        Objects.requireNonNull(name, "stream name");
        return streams.computeIfAbsent(name, n -> new Well19937c(seedFor(masterSeed, n)));
    }

    /** A fresh generator for {@code name}, positioned at the start of the stream. */
    public RandomGenerator fresh(String name) {
        return new Well19937c(seedFor(masterSeed, name));
    }

    static int[] seedFor(long masterSeed, String name) {
        long state = masterSeed ^ fnv1a64(name.getBytes(StandardCharsets.UTF_8));
        int[] seed = new int[32];
        for (int i = 0; i < seed.length; i += 2) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z ^= z >>> 31;
            seed[i] = (int) z;
            seed[i + 1] = (int) (z >>> 32);
        }
        return seed;
    }

    static long fnv1a64(byte[] bytes) {
        long h = 0xcbf29ce484222325L;
        for (byte b : bytes) {
            h ^= b & 0xFF;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
