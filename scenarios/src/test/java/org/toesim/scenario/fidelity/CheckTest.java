package org.toesim.scenario.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite's comparisons: a copy of the reference passes, each kind of difference fails its own check. */
class CheckTest {
    private static final LinuxCondition LOSS = LinuxCondition.ALL.get(1);

    private static LinuxReferenceSuite.Figures figures(double goodputMbps, long retx, int wscale, double to1MiBMs,
                                                       double firstLossMs) {
        PcapCheck.Judged j = new PcapCheck.Judged("pass", goodputMbps, retx, 0, List.of(1460, 1460),
                List.of(wscale, wscale), true, true, 4958, 10_399_744, 502);
        PcapFlow f = new PcapFlow((long) (to1MiBMs * 1e6), Double.isNaN(firstLossMs) ? -1 : (long) (firstLossMs * 1e6),
                36_213, 4_956, 26, 50L << 20, List.of(new long[] {0, 0}));
        return new LinuxReferenceSuite.Figures(1, j, f, 0);
    }

    private static List<Check> checks(LinuxReferenceSuite.Figures seed) {
        LinuxReferenceSuite.Figures ref = figures(244.2, 24, 10, 18.02, 61.42);
        return Check.of(new LinuxReferenceSuite.ConditionResult(LOSS, ref, Collections.nCopies(10, seed)),
                FidelityLimits.DEFAULT);
    }

    private static List<String> failing(List<Check> checks) {
        return checks.stream().filter(c -> !c.pass()).map(Check::what).toList();
    }

    @Test
    void theReferenceItselfPassesEveryCheck() {
        List<Check> c = checks(figures(244.2, 24, 10, 18.02, 61.42));
        assertEquals(5, c.size());
        assertTrue(failing(c).isEmpty(), failing(c).toString());
    }

    @Test
    void eachDifferenceFailsOnlyItsCheck() {
        assertEquals(List.of("goodput, mean over seeds (Mbit/s)"), failing(checks(figures(178, 24, 10, 18.02, 61.42))));
        assertEquals(List.of("retransmissions, median"), failing(checks(figures(244.2, 33, 10, 18.02, 61.42))));
        assertEquals(List.of("negotiated options (seeds equal)"), failing(checks(figures(244.2, 24, 7, 18.02, 61.42))));
        assertEquals(List.of("time to 1 MiB, median (ms)"), failing(checks(figures(244.2, 24, 10, 26.05, 61.42))));
        assertEquals(List.of("time to first loss, median (ms)"), failing(checks(figures(244.2, 24, 10, 18.02, 31.7))));
    }

    @Test
    void goodputBandIsTheSpreadWidenedByTheMargin() {
        double[] band = LOSS.goodputBandMbps(FidelityLimits.DEFAULT);
        assertEquals(203 * 0.9, band[0], 1e-9);
        assertEquals(244 * 1.1, band[1], 1e-9);
        double[] single = LinuxCondition.ALL.get(2).goodputBandMbps(FidelityLimits.DEFAULT);
        assertEquals(214.5 * 0.85, single[0], 1e-9);
    }

    @Test
    void aCleanReferenceWantsNoLossAtAll() {
        LinuxReferenceSuite.Figures ref = figures(827.6, 0, 10, 18.74, Double.NaN);
        List<Check> lossy = Check.of(new LinuxReferenceSuite.ConditionResult(LinuxCondition.ALL.get(0), ref,
                Collections.nCopies(10, figures(827.6, 0, 10, 18.74, 12.0))), FidelityLimits.DEFAULT);
        assertFalse(lossy.get(4).pass(), lossy.get(4).line());
    }

    @Test
    void mathisConstantOfNs3S4() {
        MathisSuite.Point ns3 = new MathisSuite.Point("ns-3", 1e-4, 0, "1GiB", 528, 0, 0);
        assertEquals(0.917, ns3.c(), 0.001, "528 Mbit/s x 2.012 ms x 0.01 / 1448 B");
    }
}
