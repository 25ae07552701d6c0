package org.toesim.core.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
    private static long[] draw(RandomGenerator g, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = g.nextLong();
        }
        return out;
    }

    @Test
    void addingAStreamDoesNotShiftAnother() {
        RandomStreams alone = new RandomStreams(7);
        long[] a1 = draw(alone.get("hostA.nic0.link.loss"), 100);

        RandomStreams crowded = new RandomStreams(7);
        draw(crowded.get("hostB.cpu.jitter"), 1000);
        draw(crowded.get("zzz"), 10);
        long[] a2 = draw(crowded.get("hostA.nic0.link.loss"), 100);
        assertArrayEquals(a1, a2);
    }

    @Test
    void sameNameIsTheSameGeneratorAndFreshRestartsIt() {
        RandomStreams s = new RandomStreams(1);
        assertSame(s.get("x"), s.get("x"));
        long first = s.get("x").nextLong();
        assertEquals(first, s.fresh("x").nextLong());
    }

    @Test
    void seedsAndNamesSeparateStreams() {
        long[] base = draw(new RandomStreams(1).get("a"), 16);
        assertFalse(Arrays.equals(base, draw(new RandomStreams(2).get("a"), 16)));
        assertFalse(Arrays.equals(base, draw(new RandomStreams(1).get("b"), 16)));
        assertArrayEquals(base, draw(new RandomStreams(1).get("a"), 16));
    }

    @Test
    void exponentialDrawsHaveTheRequestedMean() {
        RandomGenerator g = new RandomStreams(3).get("exp");
        SummaryStatistics s = new SummaryStatistics();
        for (int i = 0; i < 200_000; i++) {
            s.addValue(Draws.exponential(g, 5.0));
        }
        // Standard error of the mean is 5/sqrt(2e5) ~ 0.011; allow 5 sigma.
        assertEquals(5.0, s.getMean(), 0.06);
        assertEquals(5.0, s.getStandardDeviation(), 0.1);
    }

    @Test
    void uniformLongStaysInBounds() {
        RandomGenerator g = new RandomStreams(4).get("u");
        long big = 3L << 40;
        for (int i = 0; i < 10_000; i++) {
            long v = Draws.uniformLong(g, big);
            assertFalse(v < 0 || v >= big);
        }
    }
}
