package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The outcome of comparing a run with its {@link Baseline}: one row per metric, the trace
 * digest and the integrity verdicts. {@link #format()} shows the rows that failed as a table
 * a reviewer can read in a CI log:
 * <pre>
 *   FAIL  connections.w0.c0.goodputBitsPerSec   baseline 9.41e+09   actual 9.12e+09   -3.08%   allowed +-1.00%
 *   FAIL  traceDigest                           baseline 9f3c...    actual 1b2a...
 *   48 of 50 checks passed
 * </pre>
 */
public record BaselineComparison(List<Row> rows) {
    /** One compared item. */
    public record Row(String name, String baseline, String actual, String difference, String allowed, boolean passed) {
    }

    public BaselineComparison {
        rows = List.copyOf(rows);
    }

    /** Compares {@code actual} with {@code baseline}. */
    public static BaselineComparison compare(Baseline baseline, SummaryReport actual) {
        List<Row> rows = new ArrayList<>();
        // a run that did not finish is a regression whatever its numbers (baselines are recorded from results)
        rows.add(new Row("status", "completed or durationReached", actual.status().jsonName(), "", "a result",
                actual.status().valid()));
        Map<String, Double> got = Headline.metrics(actual);
        Set<String> names = new LinkedHashSet<>(baseline.metrics().keySet());
        names.addAll(got.keySet());
        for (String name : names) {
            Double b = baseline.metrics().get(name);
            Double a = got.get(name);
            if (b == null) {
                rows.add(new Row(name, "(absent)", num(a), "", "", false));
            } else if (a == null) {
                rows.add(new Row(name, num(b), "(absent)", "", "", false));
            } else {
                Tolerance t = baseline.toleranceFor(name);
                rows.add(new Row(name, num(b), num(a), diff(b, a), allowed(t, b), t.accepts(b, a)));
            }
        }
        Map<String, String> integrity = Headline.integrity(actual);
        Set<String> keys = new LinkedHashSet<>(baseline.integrity().keySet());
        keys.addAll(integrity.keySet());
        for (String k : keys) {
            String b = baseline.integrity().getOrDefault(k, "(absent)");
            String a = integrity.getOrDefault(k, "(absent)");
            rows.add(new Row(k, b, a, "", "equal", b.equals(a)));
        }
        if (baseline.traceDigest() != null) {
            rows.add(new Row("traceDigest", baseline.traceDigest(), String.valueOf(actual.traceDigest()), "", "equal",
                    baseline.traceDigest().equals(actual.traceDigest())));
        }
        return new BaselineComparison(rows);
    }

    public boolean passed() {
        return rows.stream().allMatch(Row::passed);
    }

    public List<Row> failures() {
        return rows.stream().filter(r -> !r.passed()).toList();
    }

    /** The failed rows as an aligned table, then a count. */
    public String format() {
        List<Row> failed = failures();
        int w = 10;
        for (Row r : failed) {
            w = Math.max(w, r.name().length());
        }
        StringBuilder sb = new StringBuilder();
        for (Row r : failed) {
            sb.append(String.format(Locale.ROOT, "FAIL  %-" + w + "s  baseline %-18s  actual %-18s  %-9s  %s%n",
                    r.name(), r.baseline(), r.actual(), r.difference(),
                    r.allowed().isEmpty() ? "" : "allowed " + r.allowed()));
        }
        sb.append(rows.size() - failed.size()).append(" of ").append(rows.size()).append(" checks passed");
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
