package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IntSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The warning rules of a sweep, applied to its finished runs and per-point intervals.
 *
 * <pre>
 *   run status not a result            NotFinished      one line per run (left out of summary.csv)
 *   n &lt; 3 finished runs at a point     FewReplications  n = 0: nothing; 1: no interval; 2: t = 12.7;
 *                                                       one line for the grid when every point has that n
 *   ciLow &lt; lower or ciHigh &gt; upper     Clipped          MetricBounds (&gt;= 0; fractions &lt;= 1); one line
 *                                                       per metric and bounds crossed
 *   OutlierRule (Dixon's Q for n = 3..7, 3 scaled MADs from n = 8; and &gt; 1 % from the median)
 *                                      Outlier          one line per run, naming its outlying metrics
 * </pre>
 * Order: not-finished runs, few replications, clipped intervals, outliers; within each, grid
 * order (point, metric in runs.csv order, replication), so the list is the same whatever order
 * the runs finished in.
 */
public final class SweepWarnings {
    /** Fewer finished runs than this at a point is warned about. */
    public static final int MIN_REPLICATIONS = 3;

    private SweepWarnings() {
    }

    /** Every warning about {@code results}, in the order above. */
    public static List<SweepWarning> of(SweepResults results) {
        List<SweepWarning> out = new ArrayList<>();
        for (SweepResults.RunRow r : results.notFinished()) {
            out.add(new SweepWarning.NotFinished(r, where(results, r.run().point())));
        }
        List<SweepResults.PointSummary> summary = results.summarize();
        out.addAll(fewReplications(results, summary));
        out.addAll(clipped(results, summary));
        out.addAll(outliers(results));
        return out;
    }

    /** The warnings' lines, each ending in a newline: warnings.txt. */
    public static String text(List<SweepWarning> warnings) {
        StringBuilder b = new StringBuilder();
        warnings.forEach(w -> b.append(w.text()).append('\n'));
        return b.toString();
    }

    /** "point 1 (links[0].delay=20us, ...)". */
    static String where(SweepResults results, int point) {
        return "point " + point + " (" + String.join(", ", results.plan().points().get(point)) + ")";
    }

    private static List<SweepWarning> fewReplications(SweepResults results, List<SweepResults.PointSummary> summary) {
        int[] n = finishedRuns(results, summary.size());
        List<SweepWarning> out = new ArrayList<>();
        if (n.length > 1 && Arrays.stream(n).allMatch(x -> x == n[0])) {
            if (n[0] < MIN_REPLICATIONS) {
                List<Integer> all = new ArrayList<>();
                for (int p = 0; p < n.length; p++) {
                    all.add(p);
                }
                out.add(new SweepWarning.FewReplications("every point (" + n.length + ")", all, n[0], results.level()));
            }
            return out;
        }
        for (int p = 0; p < n.length; p++) {
            if (n[p] < MIN_REPLICATIONS) {
                out.add(new SweepWarning.FewReplications(where(results, p), List.of(p), n[p], results.level()));
            }
        }
        return out;
    }

    private static int[] finishedRuns(SweepResults results, int points) {
        int[] n = new int[points];
        for (SweepResults.RunRow r : results.rows()) {
            if (r.status().valid()) {
                n[r.run().point()]++;
            }
        }
        return n;
    }

    /** One warning per metric and bounds crossed, naming its points. */
    private static List<SweepWarning> clipped(SweepResults results, List<SweepResults.PointSummary> summary) {
        List<SweepWarning> out = new ArrayList<>();
        for (String metric : results.metricNames()) {
            MetricBounds b = MetricBounds.of(metric);
            Map<List<Double>, List<Integer>> byBounds = new LinkedHashMap<>();
            for (SweepResults.PointSummary p : summary) {
                ConfidenceInterval ci = p.metrics().get(metric);
                if (ci == null || Double.isNaN(ci.halfWidth())) {
                    continue;
                }
                List<Double> at = new ArrayList<>();
                if (ci.lower() < b.lower()) {
                    at.add(b.lower());
                }
                if (ci.upper() > b.upper()) {
                    at.add(b.upper());
                }
                if (!at.isEmpty()) {
                    byBounds.computeIfAbsent(at, k -> new ArrayList<>()).add(p.point());
                }
            }
            byBounds.forEach((at, points) -> {
                IntSummaryStatistics n = points.stream()
                        .mapToInt(p -> summary.get(p).metrics().get(metric).n()).summaryStatistics();
                boolean one = points.size() == 1;
                out.add(new SweepWarning.Clipped(metric, one ? where(results, points.get(0)) : "points " + list(points),
                        points, one ? summary.get(points.get(0)).metrics().get(metric) : null, at, n.getMin(),
                        n.getMax(), results.level()));
            });
        }
        return out;
    }

    /** "0, 2 and 5". */
    private static String list(List<Integer> points) {
        List<String> s = points.stream().map(String::valueOf).toList();
        return String.join(", ", s.subList(0, s.size() - 1)) + " and " + s.get(s.size() - 1);
    }

    /** One warning per run that is an outlier in any metric, in grid order. */
    private static List<SweepWarning> outliers(SweepResults results) {
        List<String> metrics = results.metricNames();
        Map<SweepPlan.Run, List<SweepWarning.Outlier.Value>> flagged = new LinkedHashMap<>();
        for (int p = 0; p < results.plan().points().size(); p++) {
            List<SweepResults.RunRow> runs = new ArrayList<>();
            for (SweepResults.RunRow r : results.rows()) {
                if (r.run().point() == p && r.status().valid()) {
                    runs.add(r);
                }
            }
            for (String m : metrics) {
                List<SweepResults.RunRow> with = runs.stream().filter(r -> has(r, m)).toList();
                double[] xs = with.stream().mapToDouble(r -> r.metrics().get(m)).toArray();
                List<OutlierRule.Flag> flags = OutlierRule.flags(xs);
                if (flags.isEmpty()) {
                    continue;
                }
                double median = OutlierRule.median(xs);
                for (OutlierRule.Flag f : flags) {
                    flagged.computeIfAbsent(with.get(f.index()).run(), k -> new ArrayList<>())
                            .add(new SweepWarning.Outlier.Value(m, xs[f.index()], median, f.test()));
                }
            }
        }
        List<SweepWarning> out = new ArrayList<>();
        results.rows().stream().filter(r -> flagged.containsKey(r.run())).forEach(r -> out.add(
                new SweepWarning.Outlier(where(results, r.run().point()), r, flagged.get(r.run()))));
        return out;
    }

    private static boolean has(SweepResults.RunRow r, String metric) {
        Double v = r.metrics().get(metric);
        return v != null && !v.isNaN();
    }

    /** The Student-t quantile of an n-run interval at {@code level}. */
    static double tQuantile(int n, double level) {
        return new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
    }
}
