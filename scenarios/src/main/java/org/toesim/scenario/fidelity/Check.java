package org.toesim.scenario.fidelity;

import org.toesim.scenario.fidelity.LinuxReferenceSuite.ConditionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One assertion of the fidelity suite, evaluated: what was compared, ToeSim's figure, the
 * reference's, the allowed range and whether ToeSim is in it.
 *
 * @param condition e.g. {@code 50MiB-loss0.1%}
 * @param what      e.g. {@code goodput mean (Mbit/s)}
 * @param toesim    ToeSim's figure as printed
 * @param reference the reference figure as printed
 * @param allowed   the accepted range as printed
 * @param pass      whether ToeSim is within it
 */
public record Check(String condition, String what, String toesim, String reference, String allowed, boolean pass) {

    /** The checks of every condition in {@code all}, in order (see {@link #of(ConditionResult, List, FidelityLimits)}). */
    public static List<Check> all(List<ConditionResult> all, FidelityLimits l) {
        List<Check> out = new ArrayList<>();
        for (ConditionResult r : all) {
            out.addAll(of(r, all, l));
        }
        return out;
    }

    /** The checks of one condition judged alone (no evidence from other conditions). */
    public static List<Check> of(ConditionResult r, FidelityLimits l) {
        return of(r, List.of(r), l);
    }

    /**
     * The checks of condition {@code r}; {@code all} holds every condition run, for the checks
     * that use another one's runs or reference:
     * <pre>
     *   goodput            ToeSim's mean over seeds inside the Linux runs' [min, max] widened by the margin
     *                      (1 MiB: its own capture and the 50 MiB captures' first MiB)
     *   retransmissions    with random loss: median per dropped frame vs the reference's per drop, +-30 %;
     *                      without: median within the slack of the reference's
     *   options            every seed equal to the reference
     *   time to 1 MiB      median over the seeds that lost nothing before 1 MiB (as the reference did),
     *                      within 20 % of the reference (1 MiB: of the captures' [min, max])
     *   first loss         with random loss: (a) the loss process, frames before the first loss, ToeSim's
     *                      mean against the geometric law of p and the reference's frame count's two-sided
     *                      probability under it; (b) the slow-start shape, the time the loss-free condition's
     *                      runs take to deliver the bytes the reference had at its first loss, within 20 %
     *                      of the reference's first-loss time; without: no seed loses
     * </pre>
     */
    public static List<Check> of(ConditionResult r, List<ConditionResult> all, FidelityLimits l) {
        List<Check> out = new ArrayList<>();
        LinuxCondition c = r.condition();
        String n = c.name();
        List<LinuxReferenceSuite.Figures> s = r.seeds();
        LinuxReferenceSuite.Figures ref = r.reference();
        List<Double> firstMiBMs = c.firstMiBEvidence() ? otherFirstMiBMs(r, all) : List.of();

        double[] band = c.goodputBandMbps(l);
        String refText = f1(c.refMeanMbps()) + " [" + f1(c.refMinMbps()) + "-" + f1(c.refMaxMbps()) + "]";
        if (!firstMiBMs.isEmpty()) {
            double lo = c.refMinMbps();
            double hi = c.refMaxMbps();
            StringBuilder others = new StringBuilder();
            for (double ms : firstMiBMs) {
                double mbps = PcapFlow.ONE_MIB * 8 / (ms * 1e3);
                lo = Math.min(lo, mbps);
                hi = Math.max(hi, mbps);
                others.append(others.length() == 0 ? "" : ", ").append(f1(mbps));
            }
            band = new double[] {lo * (1 - l.goodputSpreadMargin()), hi * (1 + l.goodputSpreadMargin())};
            refText = f1(c.refMeanMbps()) + "; first MiB of the 50 MiB captures " + others;
        }
        double gp = Stats.mean(s, f -> f.judged().goodputMbps());
        String gpWhat = "goodput, mean over seeds (Mbit/s)" + (c.upToLineRate() ? "; up to line rate" : "");
        out.add(new Check(n, gpWhat, f1(gp), refText, f1(band[0]) + " - " + f1(band[1]),
                gp >= band[0] && gp <= band[1]));

        out.add(retransmissions(n, s, ref, l));

        String opts = ref.judged().options();
        long same = s.stream().filter(f -> f.judged().options().equals(opts)).count();
        out.add(new Check(n, "negotiated options (seeds equal)", s.isEmpty() ? "-" : s.get(0).judged().options()
                + " (" + same + "/" + s.size() + ")", opts, "equal", same == s.size()));

        out.add(timeTo1MiB(n, s, ref, firstMiBMs, l));

        if (ref.flow().firstLossNs() < 0) {
            double loss = Stats.median(s, f -> f.flow().firstLossMs());
            long lossy = s.stream().filter(f -> f.flow().firstLossNs() >= 0).count();
            out.add(new Check(n, "time to first loss, median (ms)", lossy == 0 ? "none" : f2(loss)
                    + " (" + lossy + "/" + s.size() + " seeds lose)", "none", "none", lossy == 0));
        } else {
            out.add(lossProcess(n, s, ref, c.lossProbability(), l));
            out.add(shapeToFirstLoss(n, ref, c.shapeFrom(), all, l));
        }
        return out;
    }

    /** time-to-1 MiB of the other conditions' references that lost nothing before their first MiB. */
    private static List<Double> otherFirstMiBMs(ConditionResult r, List<ConditionResult> all) {
        List<Double> out = new ArrayList<>();
        for (ConditionResult o : all) {
            PcapFlow f = o.reference().flow();
            if (o != r && f.timeTo1MiBNs() >= 0 && (f.firstLossNs() < 0 || f.firstLossNs() > f.timeTo1MiBNs())) {
                out.add(f.timeTo1MiBMs());
            }
        }
        return out;
    }

    private static Check retransmissions(String n, List<LinuxReferenceSuite.Figures> s,
                                         LinuxReferenceSuite.Figures ref, FidelityLimits l) {
        long refRtx = ref.judged().retransmissions();
        if (ref.lossDrops() > 0) {
            double refPer = (double) refRtx / ref.lossDrops();
            List<LinuxReferenceSuite.Figures> known = s.stream().filter(f -> f.lossDrops() > 0).toList();
            double per = Stats.median(known, f -> (double) f.judged().retransmissions() / f.lossDrops());
            double tol = l.retransmitsRelative() * refPer;
            return new Check(n, "retransmissions per random drop, median", known.isEmpty() ? "none" : f2(per)
                    + " (" + f1(Stats.median(s, f -> f.judged().retransmissions())) + " retx, "
                    + f1(Stats.median(s, f -> f.lossDrops())) + " drops)", f2(refPer) + " (" + refRtx + " retx, "
                    + ref.lossDrops() + " drops)", f2(refPer - tol) + " - " + f2(refPer + tol),
                    !known.isEmpty() && Math.abs(per - refPer) <= tol);
        }
        double rtx = Stats.median(s, f -> f.judged().retransmissions());
        double tol = Math.max(l.retransmitsRelative() * refRtx, l.retransmitsSlack());
        return new Check(n, "retransmissions, median", f1(rtx), Long.toString(refRtx),
                f1(Math.max(0, refRtx - tol)) + " - " + f1(refRtx + tol), Math.abs(rtx - refRtx) <= tol);
    }

    private static Check timeTo1MiB(String n, List<LinuxReferenceSuite.Figures> s, LinuxReferenceSuite.Figures ref,
                                    List<Double> firstMiBMs, FidelityLimits l) {
        PcapFlow rf = ref.flow();
        boolean refClean = rf.firstLossNs() < 0 || rf.firstLossNs() > rf.timeTo1MiBNs();
        List<LinuxReferenceSuite.Figures> like = refClean ? s.stream().filter(f -> f.flow().firstLossNs() < 0
                || f.flow().firstLossNs() > f.flow().timeTo1MiBNs()).toList() : s;
        double v = Stats.median(like, f -> f.flow().timeTo1MiBMs());
        double lo = rf.timeTo1MiBMs();
        double hi = lo;
        for (double ms : firstMiBMs) {
            lo = Math.min(lo, ms);
            hi = Math.max(hi, ms);
        }
        double rel = l.slowStartRelative();
        String what = "time to 1 MiB, median (ms)" + (refClean && like.size() < s.size()
                ? " of seeds without loss before it" : "");
        String refText = firstMiBMs.isEmpty() ? f2(rf.timeTo1MiBMs()) : f2(rf.timeTo1MiBMs()) + " [" + f2(lo) + "-"
                + f2(hi) + " over the captures]";
        boolean pass = !like.isEmpty() && !Double.isNaN(v) && v >= lo * (1 - rel) && v <= hi * (1 + rel);
        return new Check(n, what, like.isEmpty() ? "no such seed" : f2(v) + " (" + like.size() + "/" + s.size() + ")",
                refText, f2(lo * (1 - rel)) + " - " + f2(hi * (1 + rel)), pass);
    }

    /**
     * Frames before the first loss follow the geometric law of the per-frame loss probability
     * p: mean (1-p)/p, standard deviation sqrt(1-p)/p. ToeSim's mean over n seeds must lie
     * within z standard errors of it, and the reference's count must not be a tail event
     * beyond the stated probability (two-sided), or the two loss processes are not comparable.
     */
    private static Check lossProcess(String n, List<LinuxReferenceSuite.Figures> s, LinuxReferenceSuite.Figures ref,
                                     double p, FidelityLimits l) {
        List<LinuxReferenceSuite.Figures> lossy = s.stream().filter(f -> f.flow().framesBeforeFirstLoss() >= 0).toList();
        double mean = (1 - p) / p;
        double se = Math.sqrt(1 - p) / p / Math.sqrt(Math.max(1, s.size()));
        double z = l.lossProcessZ();
        // a seed that never lost counts as its whole transfer (a lower bound; none do at these sizes)
        double toesim = Stats.mean(s, f -> (double) (f.flow().framesBeforeFirstLoss() >= 0
                ? f.flow().framesBeforeFirstLoss() : f.flow().dataFrames()));
        long k = ref.flow().framesBeforeFirstLoss();
        double upper = Math.pow(1 - p, k); // P(K >= k)
        double lower = 1 - Math.pow(1 - p, k + 1.0); // P(K <= k)
        double twoSided = Math.min(1, 2 * Math.min(upper, lower));
        boolean pass = Math.abs(toesim - mean) <= z * se && twoSided >= l.lossProcessMinProbability()
                && lossy.size() == s.size();
        return new Check(n, "frames before the first loss, mean", f1(toesim) + " (" + lossy.size() + "/" + s.size()
                + " seeds lose)", k + " (P=" + f2(twoSided) + " two-sided under p=" + p + ")",
                f1(Math.max(0, mean - z * se)) + " - " + f1(mean + z * se) + ", P>=" + l.lossProcessMinProbability(),
                pass);
    }

    private static Check shapeToFirstLoss(String n, LinuxReferenceSuite.Figures ref, String shapeFrom,
                                          List<ConditionResult> all, FidelityLimits l) {
        long bytes = ref.flow().bytesAtFirstLoss();
        double refMs = ref.flow().firstLossMs();
        String what = "time to the bytes at Linux's first loss (" + (bytes >> 10) + " KiB), median (ms)";
        ConditionResult clean = all.stream().filter(o -> o.condition().name().equals(shapeFrom)).findFirst()
                .orElse(null);
        if (clean == null) {
            return new Check(n, what, "not run (needs " + shapeFrom + ")", f2(refMs), "-", false);
        }
        double v = Stats.median(clean.seeds(), f -> f.flow().timeToBytesMs(bytes));
        Check c = relative(n, what, v, refMs, l.slowStartRelative());
        return new Check(c.condition(), c.what(), c.toesim() + " (" + shapeFrom + " seeds)", c.reference(),
                c.allowed(), c.pass());
    }

    private static Check relative(String n, String what, double v, double ref, double rel) {
        boolean pass = !Double.isNaN(v) && Math.abs(v - ref) <= rel * ref;
        return new Check(n, what, Double.isNaN(v) ? "none" : f2(v), f2(ref), f2(ref * (1 - rel)) + " - "
                + f2(ref * (1 + rel)), pass);
    }

    static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** One line for a failure message. */
    public String line() {
        return String.format(Locale.ROOT, "%-15s %-36s toesim %-40s linux %-22s allowed %-20s %s", condition, what,
                toesim, reference, allowed, pass ? "ok" : "FAIL");
    }
}
