package org.toesim.scenario.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.toesim.core.event.TrajectoryDivergence;

/**
 * The outcome of comparing a run with its {@link Baseline}: one item per compared thing (the run
 * status, every headline metric with its tolerance, each connection's integrity, the trace
 * digest) and, when the digests differ, where the trajectories part. {@link #format()} shows the
 * items that failed as a table a reviewer can read in a CI log:
 * <pre>
 *   FAIL  connections.w0.c0.goodputBitsPerSec   baseline 9.41e+09   actual 9.12e+09   -3.08%   allowed +-1.00%
 *   FAIL  traceDigest                           baseline 9f3c...    actual 1b2a...
 *         trajectories diverge in events 4097..4128 (this run: simulated 1.2 ms .. 1.3 ms) ...
 *   48 of 50 checks passed
 * </pre>
 *
 * @param items      in the order status, metrics (baseline order, then new ones), integrity, digest
 * @param divergence why the digests differ, located or not; null when they are equal or not compared
 */
public record BaselineComparison(List<Item> items, DigestDivergence divergence) {
    /** What an item compares. */
    public enum Kind {
        /** The run's status: only a result (completed, durationReached) passes. */
        STATUS("status"),
        /** A headline metric, within its tolerance. */
        METRIC("metric"),
        /** A connection's integrity verdict, exactly. */
        INTEGRITY("integrity"),
        /** The trajectory digest, exactly. */
        TRACE_DIGEST("traceDigest"),
        /** {@code --update-baseline}: whether the baseline was written. */
        BASELINE("baseline");

        private final String jsonName;

        Kind(String jsonName) {
            this.jsonName = jsonName;
        }

        @JsonValue
        public String jsonName() {
            return jsonName;
        }
    }

    /**
     * One compared item. Metrics carry numbers ({@code baselineValue}, {@code actualValue}; null
     * when the metric is absent on that side) and their tolerance; the other kinds carry text.
     *
     * @param message one line saying what was compared and how it came out
     */
    public record Item(String name, Kind kind, Double baselineValue, Double actualValue, String baselineText,
                       String actualText, Tolerance tolerance, boolean passed, String message) {
        /** {@code actual - baseline}, or null unless both numbers are there. */
        public Double difference() {
            return baselineValue == null || actualValue == null ? null : actualValue - baselineValue;
        }

        /** {@code (actual - baseline) / |baseline|}, or null when that is undefined. */
        public Double relativeDifference() {
            Double d = difference();
            return d == null || baselineValue == 0 ? null : d / Math.abs(baselineValue);
        }

        /** The largest difference the tolerance allows, or null for items without one. */
        public Double allowed() {
            return tolerance == null || baselineValue == null ? null : tolerance.allowed(baselineValue);
        }

        /** The baseline side as the table shows it. */
        public String baselineShown() {
            return kind == Kind.METRIC ? (baselineValue == null ? "(absent)" : num(baselineValue)) : baselineText;
        }

        /** This run's side as the table shows it. */
        public String actualShown() {
            return kind == Kind.METRIC ? (actualValue == null ? "(absent)" : num(actualValue)) : actualText;
        }
    }

    /**
     * Why two trace digests differ.
     *
     * @param located where, when both the baseline and this run have checkpoints; else null
     * @param note    when not located, why not and what to do
     */
    public record DigestDivergence(TrajectoryDivergence located, String note) {
        /** The explanation, one or more lines. */
        public List<String> lines() {
            return located == null ? List.of(note) : DivergenceText.lines(located);
        }

        /** The explanation's first line. */
        public String summary() {
            return lines().get(0);
        }
    }

    public BaselineComparison {
        items = List.copyOf(items);
    }

    /** Compares {@code actual} with {@code baseline}; a digest mismatch is not located. */
    public static BaselineComparison compare(Baseline baseline, SummaryReport actual) {
        return compare(baseline, new RunResult(actual, TimeSeries.empty()));
    }

    /** Compares {@code actual} with {@code baseline}, locating a digest mismatch if the run compared checkpoints. */
    public static BaselineComparison compare(Baseline baseline, RunResult result) {
        SummaryReport actual = result.summary();
        List<Item> items = new ArrayList<>();
        // a run that did not finish is a regression whatever its numbers (baselines are recorded from results)
        items.add(status(actual));
        Map<String, Double> got = Headline.metrics(actual);
        Set<String> names = new LinkedHashSet<>(baseline.metrics().keySet());
        names.addAll(got.keySet());
        for (String name : names) {
            items.add(metric(name, baseline.metrics().get(name), got.get(name), baseline.toleranceFor(name)));
        }
        Map<String, String> integrity = Headline.integrity(actual);
        Set<String> keys = new LinkedHashSet<>(baseline.integrity().keySet());
        keys.addAll(integrity.keySet());
        for (String k : keys) {
            String b = baseline.integrity().getOrDefault(k, "(absent)");
            String a = integrity.getOrDefault(k, "(absent)");
            boolean same = b.equals(a);
            items.add(new Item(k, Kind.INTEGRITY, null, null, b, a, null, same,
                    same ? k + ": " + a : k + ": '" + a + "', baseline '" + b + "'"));
        }
        DigestDivergence divergence = null;
        if (baseline.traceDigest() != null) {
            String a = String.valueOf(actual.traceDigest());
            boolean same = baseline.traceDigest().equals(a);
            String message = "trace digest " + a + (same ? ", as in the baseline" : " differs from the baseline's "
                    + baseline.traceDigest());
            if (!same) {
                divergence = divergence(baseline, result);
                message += ": " + divergence.summary();
            }
            items.add(new Item("traceDigest", Kind.TRACE_DIGEST, null, null, baseline.traceDigest(), a, null, same,
                    message));
        }
        return new BaselineComparison(items, divergence);
    }

    /** The status item of {@code s}: passed when it is a result. */
    public static Item status(SummaryReport s) {
        boolean ok = s.status().valid();
        String message = ok ? "the run finished: " + s.status().jsonName()
                : "the run did not finish: " + s.status().jsonName()
                        + (s.statusReason() == null ? "" : ": " + s.statusReason());
        return new Item("status", Kind.STATUS, null, null, "completed or durationReached", s.status().jsonName(),
                null, ok, message);
    }

    private static Item metric(String name, Double b, Double a, Tolerance t) {
        if (b == null) {
            return new Item(name, Kind.METRIC, null, a, null, null, null, false,
                    name + " = " + num(a) + " is not in the baseline (re-record it with --update-baseline)");
        }
        if (a == null) {
            return new Item(name, Kind.METRIC, b, null, null, null, null, false,
                    name + " is missing from this run (baseline " + num(b) + ")");
        }
        boolean ok = t.accepts(b, a);
        String message = name + " = " + num(a) + ", baseline " + num(b) + " (" + diff(b, a) + "), allowed "
                + allowed(t, b) + (ok ? "" : ": out of tolerance");
        return new Item(name, Kind.METRIC, b, a, null, null, t, ok, message);
    }

    private static DigestDivergence divergence(Baseline baseline, RunResult result) {
        if (baseline.trajectory() == null) {
            return new DigestDivergence(null, "the baseline has no trajectory checkpoints, so where the runs "
                    + "diverge is not known; re-record it with --update-baseline to have it located next time");
        }
        if (result.divergence() == null) {
            return new DigestDivergence(null, "this run did not compare its trajectory with the baseline's "
                    + "checkpoints, so where the runs diverge is not known");
        }
        return new DigestDivergence(result.divergence(), null);
    }

    public boolean passed() {
        return items.stream().allMatch(Item::passed);
    }

    public List<Item> failures() {
        return items.stream().filter(r -> !r.passed()).toList();
    }

    /** The failed items as an aligned table (the divergence under the digest's row), then a count. */
    public String format() {
        List<Item> failed = failures();
        int w = 10;
        for (Item r : failed) {
            w = Math.max(w, r.name().length());
        }
        StringBuilder sb = new StringBuilder();
        for (Item r : failed) {
            Double allowed = r.allowed();
            sb.append(String.format(Locale.ROOT, "FAIL  %-" + w + "s  baseline %-18s  actual %-18s  %-9s  %s",
                    r.name(), r.baselineShown(), r.actualShown(),
                    r.difference() == null ? "" : diff(r.baselineValue(), r.actualValue()),
                    allowed == null ? "" : "allowed " + allowed(r.tolerance(), r.baselineValue())).stripTrailing());
            sb.append(System.lineSeparator());
            if (r.kind() == Kind.TRACE_DIGEST && divergence != null) {
                for (String line : divergence.lines()) {
                    sb.append("      ").append(line).append(System.lineSeparator());
                }
            }
        }
        sb.append(items.size() - failed.size()).append(" of ").append(items.size()).append(" checks passed");
        return sb.toString();
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    private static String diff(double b, double a) {
        if (b == 0) {
            return a == 0 ? "0" : String.format(Locale.ROOT, "%+.4g", a - b);
        }
        return String.format(Locale.ROOT, "%+.2f%%", (a - b) / Math.abs(b) * 100);
    }

    private static String allowed(Tolerance t, double b) {
        if (t.absolute() >= t.relative() * Math.abs(b)) {
            return "+-" + num(t.absolute());
        }
        return String.format(Locale.ROOT, "+-%.2f%%", t.relative() * 100);
    }
}
