package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which runs of one grid point are outliers in one metric. Flagged runs stay in the statistics.
 *
 * <pre>
 *   n &lt; 3        none: two runs cannot say which one is odd (the n &lt; 3 warning says so)
 *   3 &lt;= n &lt;= 7   Dixon's Q test (r10, 95 %): the largest (smallest) value is an outlier when
 *                 its gap to the next value / the range &gt; Q95(n) = 0.970, 0.829, 0.710, 0.625, 0.568
 *                 (Rorabacher 1991); the scaled MAD of 3 to 7 values is too jumpy to judge by
 *   n &gt;= 8       |x - median| &gt; 3 scaled MADs (1.4826 x the median absolute deviation)
 *   and always   |x - median| &gt; 1 % of |median|: a run that close to the others changes no
 *                 conclusion (and with ties, 365, 365, 366, Q is 1)
 * </pre>
 */
public final class OutlierRule {
    /** No test below this many runs. */
    public static final int MIN_RUNS = 3;
    /** From this many runs on, the MAD rule; below it, Dixon's Q. */
    public static final int MAD_FROM_RUNS = 8;
    /** Outliers lie more than this many scaled MADs from their point's median. */
    public static final double OUTLIER_MADS = 3;
    /** MAD to standard deviation for normal data: 1 / Phi^-1(3/4). */
    public static final double MAD_SCALE = 1.4826;
    /** An outlier differs from the median by more than this fraction of |median|. */
    public static final double MIN_DIFFERENCE = 0.01;
    /** Dixon's Q at 95 % for n = 3..7 (Rorabacher, Anal. Chem. 63, 1991, Table II). */
    private static final double[] DIXON_Q95 = {0.970, 0.829, 0.710, 0.625, 0.568};

    /** A flagged value: its index among the values, and the test it failed, in words. */
    public record Flag(int index, String test) {
    }

    private OutlierRule() {
    }

    /** The outliers among {@code xs} (one point's finished runs), in index order. */
    public static List<Flag> flags(double[] xs) {
        if (xs.length < MIN_RUNS) {
            return List.of();
        }
        double median = median(xs);
        List<Flag> flags = xs.length < MAD_FROM_RUNS ? dixon(xs) : madRule(xs, median);
        double minDifference = MIN_DIFFERENCE * Math.abs(median);
        return flags.stream().filter(f -> Math.abs(xs[f.index()] - median) > minDifference).toList();
    }

    /** Dixon's Q critical value at 95 % for {@code n} values (3 to 7). */
    public static double dixonQ95(int n) {
        return DIXON_Q95[n - MIN_RUNS];
    }

    private static List<Flag> dixon(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        double range = s[n - 1] - s[0];
        List<Flag> out = new ArrayList<>();
        if (!(range > 0)) {
            return out;
        }
        double qLow = (s[1] - s[0]) / range;
        double qHigh = (s[n - 1] - s[n - 2]) / range;
        double crit = dixonQ95(n);
        String q95 = String.format(java.util.Locale.ROOT, "%.3f", crit);
        for (int i = 0; i < n; i++) {
            if (xs[i] == s[0] && qLow > crit) {
                out.add(new Flag(i, "Dixon's Q " + SweepFormat.sig(qLow, 3) + " > " + q95 + " (n = " + n + ")"));
            } else if (xs[i] == s[n - 1] && qHigh > crit) {
                out.add(new Flag(i, "Dixon's Q " + SweepFormat.sig(qHigh, 3) + " > " + q95 + " (n = " + n + ")"));
            }
        }
        return out;
    }

    private static List<Flag> madRule(double[] xs, double median) {
        double scaled = MAD_SCALE * mad(xs, median);
        double limit = OUTLIER_MADS * scaled;
        List<Flag> out = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            double d = Math.abs(xs[i] - median);
            if (d > limit) {
                out.add(new Flag(i, scaled == 0 ? "MAD 0: most runs equal the median"
                        : SweepFormat.sig(d / scaled, 3) + " scaled MADs > " + SweepFormat.plain(OUTLIER_MADS)));
            }
        }
        return out;
    }

    /** The median of {@code xs} (the mean of the middle two for an even count). */
    public static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    /** The median absolute deviation of {@code xs} from {@code median}. */
    public static double mad(double[] xs, double median) {
        double[] d = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            d[i] = Math.abs(xs[i] - median);
        }
        return median(d);
    }
}
