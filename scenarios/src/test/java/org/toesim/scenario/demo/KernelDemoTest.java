package org.toesim.scenario.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelDemoTest {
    @Test
    void simulatedMeanWaitMatchesQueueingTheory() {
        KernelDemo.Row half = KernelDemo.run(0.5, 200_000, 1);
        assertEquals(200_000, half.customers());
        assertEquals(1.0, half.analyticWaitUs(), 1e-9);
        assertTrue(Math.abs(half.relativeError()) < 0.03, "rho 0.5: " + half);
        KernelDemo.Row busy = KernelDemo.run(0.8, 200_000, 2);
        assertEquals(4.0, busy.analyticWaitUs(), 1e-9);
        assertTrue(Math.abs(busy.relativeError()) < 0.08, "rho 0.8: " + busy);
    }

    @Test
    void sameSeedSameTrajectoryDifferentSeedDifferent() {
        KernelDemo.Row a = KernelDemo.run(0.7, 20_000, 5);
        KernelDemo.Row b = KernelDemo.run(0.7, 20_000, 5);
        KernelDemo.Row c = KernelDemo.run(0.7, 20_000, 6);
        assertEquals(a.simulatedWaitUs(), b.simulatedWaitUs());
        assertTrue(a.simulatedWaitUs() != c.simulatedWaitUs());
        assertEquals(2 * (20_000 + 2_000), a.events(), "one arrival and one departure per customer");
    }
}
