package org.toesim.scenario.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite's comparisons: a copy of the reference passes, each kind of difference fails its own check. */
class CheckTest {
    private static final LinuxCondition CLEAN = LinuxCondition.ALL.get(0);
    private static final LinuxCondition LOSS = LinuxCondition.ALL.get(1);
    private static final LinuxCondition ONE_MIB = LinuxCondition.ALL.get(2);
    private static final long FOUR_MIB = 4L << 20;

    /** A run's figures; the curve reaches 4 MiB at {@code to4MiBMs}. */
    private static LinuxReferenceSuite.Figures figures(double goodputMbps, long retx, long drops, int wscale,
                                                       double to1MiBMs, double firstLossMs, long framesBeforeLoss,
                                                       double to4MiBMs) {
        PcapCheck.Judged j = new PcapCheck.Judged("pass", goodputMbps, retx, 0, List.of(1460, 1460),
                List.of(wscale, wscale), true, true, 4958, 10_399_744, 502);
        boolean lost = !Double.isNaN(firstLossMs);
        PcapFlow f = new PcapFlow((long) (to1MiBMs * 1e6), lost ? (long) (firstLossMs * 1e6) : -1,
                lost ? framesBeforeLoss : -1, lost ? FOUR_MIB : -1, 36_213, 4_956, 26, 50L << 20,
                List.of(new long[] {0, 0}, new long[] {(long) (to4MiBMs * 1e6), FOUR_MIB}));
        return new LinuxReferenceSuite.Figures(1, j, f, 0, drops);
    }

    private static LinuxReferenceSuite.Figures lossRef() {
        return figures(244.2, 24, 26, 10, 18.02, 61.42, 999, 61.42);
    }

    private static LinuxReferenceSuite.ConditionResult cleanRun(double to4MiBMs) {
        LinuxReferenceSuite.Figures ref = figures(827.6, 0, 0, 10, 18.74, Double.NaN, 0, 40);
        return new LinuxReferenceSuite.ConditionResult(CLEAN, ref,
                Collections.nCopies(10, figures(827.6, 0, 0, 10, 18.74, Double.NaN, 0, to4MiBMs)));
    }

    private static List<Check> checks(LinuxReferenceSuite.Figures seed) {
        LinuxReferenceSuite.ConditionResult loss = new LinuxReferenceSuite.ConditionResult(LOSS, lossRef(),
                Collections.nCopies(10, seed));
        return Check.of(loss, List.of(cleanRun(61.42), loss), FidelityLimits.DEFAULT);
    }

    private static List<String> failing(List<Check> checks) {
        return checks.stream().filter(c -> !c.pass()).map(Check::what).toList();
    }

    @Test
    void theReferenceItselfPassesEveryCheck() {
        List<Check> c = checks(lossRef());
        assertEquals(6, c.size());
        assertTrue(failing(c).isEmpty(), failing(c).toString());
    }

    @Test
    void eachDifferenceFailsOnlyItsCheck() {
        assertEquals(List.of("goodput, mean over seeds (Mbit/s)"),
                failing(checks(figures(178, 24, 26, 10, 18.02, 61.42, 999, 61.42))));
        assertEquals(List.of("retransmissions per random drop, median"),
                failing(checks(figures(244.2, 36, 26, 10, 18.02, 61.42, 999, 61.42))));
        assertEquals(List.of("negotiated options (seeds equal)"),
                failing(checks(figures(244.2, 24, 26, 7, 18.02, 61.42, 999, 61.42))));
        assertEquals(List.of("time to 1 MiB, median (ms)"),
                failing(checks(figures(244.2, 24, 26, 10, 26.05, 61.42, 999, 61.42))));
        // ToeSim loses its first frame after 100 frames on average where the law of p = 0.001 says 999
        // (10 seeds: 999 +- 2.576 x 999 / sqrt(10) = 185 - 1813)
        assertEquals(List.of("frames before the first loss, mean"),
                failing(checks(figures(244.2, 24, 26, 10, 18.02, 61.42, 100, 61.42))));
    }

    @Test
    void retransmissionsAreJudgedPerDropSoALuckyReferenceDrawDoesNotCount() {
        // 36 drops and 33 retransmissions (0.92 per drop) against the reference's 26 and 24 (0.92)
        assertTrue(failing(checks(figures(244.2, 33, 36, 10, 18.02, 61.42, 999, 61.42))).isEmpty());
    }

    @Test
    void theSlowStartShapeComesFromTheLossFreeRuns() {
        LinuxReferenceSuite.ConditionResult loss = new LinuxReferenceSuite.ConditionResult(LOSS, lossRef(),
                Collections.nCopies(10, lossRef()));
        List<Check> slow = Check.of(loss, List.of(cleanRun(90), loss), FidelityLimits.DEFAULT);
        assertEquals(List.of("time to the bytes at Linux's first loss (4096 KiB), median (ms)"), failing(slow));
        List<Check> alone = Check.of(loss, FidelityLimits.DEFAULT);
        assertFalse(alone.get(5).pass(), "without the loss-free condition the shape cannot be judged: " + alone.get(5));
    }

    @Test
    void anImprobableReferenceDrawFailsTheLossProcessCheck() {
        // 9000 frames before the first loss at p = 0.001: probability 2 * 0.999^9000 = 2.4e-4
        LinuxReferenceSuite.Figures ref = figures(244.2, 24, 26, 10, 18.02, 61.42, 9000, 61.42);
        LinuxReferenceSuite.ConditionResult loss = new LinuxReferenceSuite.ConditionResult(LOSS, ref,
                Collections.nCopies(10, lossRef()));
        Check c = Check.of(loss, List.of(cleanRun(61.42), loss), FidelityLimits.DEFAULT).get(4);
        assertFalse(c.pass(), c.line());
    }

    @Test
    void timeTo1MiBUsesTheSeedsThatLostNothingBeforeItWhenTheReferenceDid() {
        List<LinuxReferenceSuite.Figures> seeds = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // half the seeds lose a frame at 10 ms, before their first MiB, and take 80 ms to it
            seeds.add(i % 2 == 0 ? figures(244.2, 24, 26, 10, 80, 10, 999, 61.42) : lossRef());
        }
        LinuxReferenceSuite.ConditionResult loss = new LinuxReferenceSuite.ConditionResult(LOSS, lossRef(), seeds);
        Check c = Check.of(loss, List.of(cleanRun(61.42), loss), FidelityLimits.DEFAULT).get(3);
        assertTrue(c.pass(), c.line());
        assertTrue(c.toesim().contains("(5/10)"), c.toesim());
    }

    @Test
    void theOneMiBTransferCountsTheFirstMiBOfTheOtherCapturesAsLinuxRuns() {
        LinuxReferenceSuite.Figures ref = figures(214.5, 0, 0, 10, 39.11, Double.NaN, 0, 80);
        LinuxReferenceSuite.ConditionResult one = new LinuxReferenceSuite.ConditionResult(ONE_MIB, ref,
                Collections.nCopies(10, figures(440, 0, 0, 10, 19.0, Double.NaN, 0, 80)));
        List<Check> alone = Check.of(one, FidelityLimits.DEFAULT);
        assertEquals(List.of("goodput, mean over seeds (Mbit/s)", "time to 1 MiB, median (ms)"), failing(alone));
        List<Check> withOthers = Check.of(one, List.of(cleanRun(40), one), FidelityLimits.DEFAULT);
        assertTrue(failing(withOthers).isEmpty(), withOthers.stream().map(Check::line).toList().toString());
    }

    @Test
    void goodputBandIsTheSpreadWidenedByTheMargin() {
        double[] band = LOSS.goodputBandMbps(FidelityLimits.DEFAULT);
        assertEquals(203 * (1 - FidelityLimits.DEFAULT.goodputSpreadMargin()), band[0], 1e-9);
        assertEquals(244 * (1 + FidelityLimits.DEFAULT.goodputSpreadMargin()), band[1], 1e-9);
        double[] single = ONE_MIB.goodputBandMbps(FidelityLimits.DEFAULT);
        assertEquals(214.5 * (1 - FidelityLimits.DEFAULT.goodputSingleRunBand()), single[0], 1e-9);
    }

    @Test
    void theLossFreeConditionMayRunFasterThanTheStallingTestbedButNotPastLineRate() {
        LinuxReferenceSuite.Figures ref = figures(827.6, 0, 0, 10, 18.74, Double.NaN, 0, 40);
        for (double gp : new double[] {560, 922.5, 950}) {
            Check c = Check.of(new LinuxReferenceSuite.ConditionResult(CLEAN, ref,
                    Collections.nCopies(10, figures(gp, 0, 0, 10, 18.74, Double.NaN, 0, 40))), FidelityLimits.DEFAULT)
                    .get(0);
            assertEquals(gp == 922.5, c.pass(), c.line());
        }
        assertEquals(941.5, LinuxCondition.LINE_RATE_GOODPUT_MBPS, 0.05);
    }

    @Test
    void aCleanReferenceWantsNoLossAtAll() {
        LinuxReferenceSuite.Figures ref = figures(827.6, 0, 0, 10, 18.74, Double.NaN, 0, 40);
        List<Check> lossy = Check.of(new LinuxReferenceSuite.ConditionResult(CLEAN, ref,
                Collections.nCopies(10, figures(827.6, 0, 0, 10, 18.74, 12.0, 500, 40))), FidelityLimits.DEFAULT);
        assertFalse(lossy.get(4).pass(), lossy.get(4).line());
    }

    @Test
    void mathisConstantOfNs3S4() {
        MathisSuite.Point ns3 = new MathisSuite.Point("ns-3", 1e-4, 0, "1GiB", 528, 0, 0);
        assertEquals(0.917, ns3.c(), 0.001, "528 Mbit/s x 2.012 ms x 0.01 / 1448 B");
    }
}
