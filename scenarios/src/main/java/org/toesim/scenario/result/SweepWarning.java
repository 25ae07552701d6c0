package org.toesim.scenario.result;

import java.util.List;

/**
 * Something about a sweep's figures a reader must know before quoting them, one line of text
 * each (the same line on stderr, in warnings.txt and on index.html). Made by {@link SweepWarnings}.
 */
public sealed interface SweepWarning {
    /** The warning as one line. */
    String text();

    /** A run whose status is not a result (limitReached, stalled, failed): left out of summary.csv. */
    record NotFinished(SweepResults.RunRow row, String where) implements SweepWarning {
        @Override
        public String text() {
            SweepPlan.Run r = row.run();
            String reason = row.statusReason() == null ? "" : ": " + row.statusReason().replace('\n', ' ');
            return "point " + r.point() + " replication " + r.replication() + " (seed " + r.seed() + ") did not finish: "
                    + row.status().jsonName() + reason + "; excluded from summary.csv";
        }
    }

    /**
     * Points with fewer than {@link SweepWarnings#MIN_REPLICATIONS} finished runs: with one no
     * interval at all, with two a very wide and unreliable one.
     *
     * @param where  "point 3 (k=v)" or "every point (4)"
     * @param n      finished runs at those points
     * @param level  confidence level
     */
    record FewReplications(String where, List<Integer> points, int n, double level) implements SweepWarning {
        public FewReplications {
            points = List.copyOf(points);
        }

        @Override
        public String text() {
            String head = where + ": n = " + n + ": ";
            return switch (n) {
                case 0 -> head + "no run finished: nothing in summary.csv, no point in the figures";
                case 1 -> head + "no confidence interval (one run has no spread to estimate): drawn without a bar";
                default -> head + "the " + percent(level) + " interval rests on " + n + " runs (t = "
                        + SweepFormat.sig(SweepWarnings.tQuantile(n, level), 4) + "): unreliable; run "
                        + SweepWarnings.MIN_REPLICATIONS + " or more replications";
            };
        }
    }

    /**
     * Intervals of one metric reaching past a physical bound ({@link MetricBounds}) at one or
     * more points: drawn clipped at the bound.
     *
     * @param where     "point 3 (k=v)" when one point, else "points 0, 2 and 5"
     * @param ci        the interval, when one point (else null: each is in summary.csv)
     * @param clippedAt the bounds crossed, lower first
     * @param minN      fewest finished runs at those points
     * @param maxN      most finished runs at those points
     */
    record Clipped(String metric, String where, List<Integer> points, ConfidenceInterval ci, List<Double> clippedAt,
                   int minN, int maxN, double level) implements SweepWarning {
        public Clipped {
            points = List.copyOf(points);
            clippedAt = List.copyOf(clippedAt);
        }

        @Override
        public String text() {
            String at = String.join(" and ", clippedAt.stream().map(SweepFormat::plain).toList());
            String n = minN == maxN ? Integer.toString(minN) : minN + " to " + maxN;
            String interval = ci == null ? " intervals cross " : " interval " + SweepFormat.interval(metric, ci, " +- ")
                    + " crosses ";
            return metric + " at " + where + ": " + percent(level) + interval + at + ": interval clipped at " + at
                    + ": " + n + " replications are too few for this spread";
        }
    }

    /**
     * A run that is an outlier ({@link OutlierRule}) in one or more metrics: flagged, and kept
     * in the statistics.
     *
     * @param where  the run's point, "point 1 (k=v)"
     * @param values the metrics it is an outlier in, in runs.csv order
     */
    record Outlier(String where, SweepResults.RunRow row, List<Value> values) implements SweepWarning {
        /** One metric of an outlier run: its value, the point's median, the test it failed. */
        public record Value(String metric, double value, double median, String test) {
        }

        public Outlier {
            values = List.copyOf(values);
        }

        @Override
        public String text() {
            SweepPlan.Run r = row.run();
            List<String> parts = values.stream().map(v -> v.metric() + " = " + SweepFormat.value(v.metric(), v.value())
                    + " (point's median " + SweepFormat.value(v.metric(), v.median()) + "; " + v.test() + ")").toList();
            return where + " replication " + r.replication() + " (seed " + r.seed() + ") is an outlier in "
                    + String.join(", ", parts) + ": flagged, kept in summary.csv";
        }
    }

    private static String percent(double level) {
        return SweepFormat.percent(level);
    }
}
