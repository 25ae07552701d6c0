package org.toesim.scenario.fidelity;

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

    /** The checks of one Linux condition against {@code l}. */
    public static List<Check> of(LinuxReferenceSuite.ConditionResult r, FidelityLimits l) {
        List<Check> out = new ArrayList<>();
        String n = r.condition().name();
        List<LinuxReferenceSuite.Figures> s = r.seeds();
        LinuxReferenceSuite.Figures ref = r.reference();

        double[] band = r.condition().goodputBandMbps(l);
        double gp = Stats.mean(s, f -> f.judged().goodputMbps());
        out.add(new Check(n, "goodput, mean over seeds (Mbit/s)", f1(gp),
                f1(r.condition().refMeanMbps()) + " [" + f1(r.condition().refMinMbps()) + "-"
                        + f1(r.condition().refMaxMbps()) + "]", f1(band[0]) + " - " + f1(band[1]),
                gp >= band[0] && gp <= band[1]));

        double rtx = Stats.median(s, f -> f.judged().retransmissions());
        long refRtx = ref.judged().retransmissions();
        double tol = Math.max(l.retransmitsRelative() * refRtx, l.retransmitsSlack());
        out.add(new Check(n, "retransmissions, median", f1(rtx), Long.toString(refRtx),
                f1(Math.max(0, refRtx - tol)) + " - " + f1(refRtx + tol), Math.abs(rtx - refRtx) <= tol));

        String opts = ref.judged().options();
        long same = s.stream().filter(f -> f.judged().options().equals(opts)).count();
        out.add(new Check(n, "negotiated options (seeds equal)", s.isEmpty() ? "-" : s.get(0).judged().options()
                + " (" + same + "/" + s.size() + ")", opts, "equal", same == s.size()));

        out.add(relative(n, "time to 1 MiB, median (ms)", Stats.median(s, f -> f.flow().timeTo1MiBMs()),
                ref.flow().timeTo1MiBMs(), l.slowStartRelative()));
        double refLoss = ref.flow().firstLossMs();
        double loss = Stats.median(s, f -> f.flow().firstLossMs());
        if (Double.isNaN(refLoss)) {
            long lossy = s.stream().filter(f -> !Double.isNaN(f.flow().firstLossMs())).count();
            out.add(new Check(n, "time to first loss, median (ms)", Double.isNaN(loss) ? "none" : f2(loss)
                    + " (" + lossy + "/" + s.size() + " seeds lose)", "none", "none", Double.isNaN(loss)));
        } else {
            out.add(relative(n, "time to first loss, median (ms)", loss, refLoss, l.slowStartRelative()));
        }
        return out;
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
