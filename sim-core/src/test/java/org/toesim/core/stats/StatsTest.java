package org.toesim.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void tallyMatchesCommonsMath() {
        Random rnd = new Random(11);
        Tally t = new Tally("rtt");
        DescriptiveStatistics ref = new DescriptiveStatistics();
        for (int i = 0; i < 5000; i++) {
            double x = rnd.nextGaussian() * 3 + 100;
            t.add(x);
            ref.addValue(x);
        }
        Tally.Report r = t.report();
        assertEquals(ref.getN(), r.count());
        assertEquals(ref.getMean(), r.mean(), 1e-9);
        assertEquals(ref.getVariance(), r.variance(), 1e-9);
        assertEquals(ref.getMin(), r.min(), 0);
        assertEquals(ref.getMax(), r.max(), 0);
        assertEquals(ref.getPercentile(50), r.p50(), 1e-12);
        assertEquals(ref.getPercentile(90), r.p90(), 1e-12);
        assertEquals(ref.getPercentile(99), r.p99(), 1e-12);
    }

    @Test
    void emptyTallyReportsNaNAndResetForgets() {
        Tally t = new Tally("x");
        assertTrue(Double.isNaN(t.report().mean()));
        t.add(5);
        t.add(7);
        assertEquals(6.0, t.mean());
        t.reset(0);
        assertEquals(0, t.count());
        t.add(1);
        assertEquals(1.0, t.mean());
        assertEquals(1.0, t.percentile(50));
        assertTrue(Double.isNaN(new Tally("y", false).percentile(50)));
    }

    @Test
    void timeWeightedAverageIsTheAreaOverTime() {
        TimeWeighted q = new TimeWeighted("queue", 0, 0);
        q.update(100, 2); // 0 over [0,100)
        q.update(300, 4); // 2 over [100,300)
        q.update(400, 0); // 4 over [300,400)
        // area = 0*100 + 2*200 + 4*100 = 800, over 500 ps (0 over [400,500))
        assertEquals(800.0 / 500, q.mean(500), 1e-12);
        TimeWeighted.Report r = q.report(500);
        assertEquals(4.0, r.max());
        assertEquals(0.0, r.min());
        q.reset(500); // warm-up boundary: value 0 carries over
        q.update(600, 10);
        assertEquals(5.0, q.mean(700), 1e-12);
        q.add(700, -4);
        assertEquals(6.0, q.current());
    }

    @Test
    void histogramBinsUnderAndOverflow() {
        Histogram h = new Histogram("lat", 0, 10, 5);
        for (double x : new double[] {-1, 0, 1.9, 2, 9.99, 10, 42}) {
            h.add(x);
        }
        Histogram.Report r = h.report();
        assertEquals(1, r.underflow());
        assertEquals(2, r.overflow());
        assertEquals(2, r.counts()[0]);
        assertEquals(1, r.counts()[1]);
        assertEquals(1, r.counts()[4]);
        h.reset(0);
        assertEquals(0, h.count(0));
    }

    @Test
    void registryResetsEverythingAtWarmUp() {
        StatsRegistry reg = new StatsRegistry();
        Counter c = reg.register(new Counter("frames"));
        Tally t = reg.register(new Tally("lat"));
        TimeWeighted w = reg.register(new TimeWeighted("q", 0, 3));
        c.add(5);
        t.add(1);
        w.update(100, 1);
        reg.resetAll(100);
        assertEquals(0, c.value());
        assertEquals(0, t.count());
        assertEquals(1.0, w.mean(200), 1e-12);
        assertEquals(3, reg.all().size());
        assertEquals(new Counter.Report("frames", 0), c.report());
    }
}
