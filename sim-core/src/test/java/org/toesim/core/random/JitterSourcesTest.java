package org.toesim.core.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

class JitterSourcesTest {
    @Test
    void costJitterKeepsTheMeanAndStaysPositiveAndBounded() {
        CostJitter j = CostJitter.lognormal(new RandomStreams(3).get("h.cpu.jitter"), 0.05);
        SummaryStatistics s = new SummaryStatistics();
        for (int i = 0; i < 200_000; i++) {
            long c = j.apply(10_000);
            assertTrue(c >= 8_595 && c <= 11_605, "factor outside exp(+-3 sigma): " + c);
            s.addValue(c);
        }
        assertEquals(10_000, s.getMean(), 5, "mean-preserving");
        assertEquals(0.05, s.getStandardDeviation() / s.getMean(), 0.002, "coefficient of variation ~ sigma");
        for (int i = 0; i < 1000; i++) {
            assertEquals(1, j.apply(1), "a positive cost never rounds to 0");
        }
        assertEquals(0, j.apply(0));
        CostJitter wide = CostJitter.lognormal(new RandomStreams(3).get("x"), CostJitter.MAX_SIGMA);
        for (int i = 0; i < 100_000; i++) {
            assertTrue(wide.apply(3) >= 1);
        }
    }

    @Test
    void offIsTheIdentityAndZeroSigmaIsOff() {
        assertFalse(CostJitter.OFF.enabled());
        assertEquals(12345, CostJitter.OFF.apply(12345));
        assertFalse(CostJitter.lognormal(new RandomStreams(1).get("x"), 0).enabled());
        assertFalse(DelayJitter.exponential(new RandomStreams(1).get("x"), 0).enabled());
        assertEquals(0, DelayJitter.OFF.drawPs());
        assertThrows(IllegalArgumentException.class, () -> CostJitter.lognormal(new RandomStreams(1).get("x"), -0.1));
        assertThrows(IllegalArgumentException.class, () -> CostJitter.lognormal(new RandomStreams(1).get("x"), 0.9));
        assertThrows(IllegalArgumentException.class, () -> DelayJitter.uniform(new RandomStreams(1).get("x"), -1));
    }

    @Test
    void delayJitterIsNonNegativeBoundedAndHasItsMean() {
        DelayJitter e = DelayJitter.exponential(new RandomStreams(5).get("h.rc.irq.jitter"), 2_000_000);
        SummaryStatistics s = new SummaryStatistics();
        for (int i = 0; i < 200_000; i++) {
            long d = e.drawPs();
            assertTrue(d >= 0 && d <= 20_000_000, "exponential draw outside [0, 10 means]: " + d);
            s.addValue(d);
        }
        assertEquals(2_000_000, s.getMean(), 20_000);
        DelayJitter u = DelayJitter.uniform(new RandomStreams(5).get("w0.start.jitter"), 100_000_000);
        SummaryStatistics su = new SummaryStatistics();
        for (int i = 0; i < 100_000; i++) {
            long d = u.drawPs();
            assertTrue(d >= 0 && d < 100_000_000);
            su.addValue(d);
        }
        assertEquals(50_000_000, su.getMean(), 500_000);
    }

    @Test
    void sameSeedSameDrawsOtherSeedOtherDraws() {
        long[] a = draws(7);
        long[] b = draws(7);
        long[] c = draws(8);
        assertEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(b));
        assertNotEquals(java.util.Arrays.toString(a), java.util.Arrays.toString(c));
    }

    private static long[] draws(long seed) {
        RandomStreams r = new RandomStreams(seed);
        CostJitter cj = CostJitter.lognormal(r.get("h.cpu.jitter"), 0.05);
        DelayJitter dj = DelayJitter.exponential(r.get("h.rc.irq.jitter"), 1_000_000);
        long[] out = new long[20];
        for (int i = 0; i < out.length; i += 2) {
            out[i] = cj.apply(5_000);
            out[i + 1] = dj.drawPs();
        }
        return out;
    }
}
