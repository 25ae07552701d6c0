package org.toesim.scenario.result;

import java.util.Locale;
import org.toesim.scenario.result.BaselineComparison.Item;

/**
 * A {@link CheckReport} as a JUnit XML report, the Ant/Surefire format that GitHub Actions
 * test reporters, GitLab ({@code artifacts:reports:junit}) and Jenkins read. One file is one
 * complete document with one suite, named after the scenario, so reports of several scenarios
 * collected into one directory stay apart:
 * <pre>
 *   &lt;testsuites name="toesim check" tests failures errors time&gt;
 *     &lt;testsuite name="toesim.check.SCENARIO" tests failures errors skipped="0" time&gt;
 *       &lt;properties&gt; scenario, file, baseline, seed, status &lt;/properties&gt;
 *       &lt;testcase classname="toesim.check.SCENARIO" name="status" time="(run's wall time)"/&gt;
 *       &lt;testcase ... name="connections.w0.c0.goodputBitsPerSec" time="0"&gt;
 *         &lt;failure type="metric" message="... = 9.12e+09, baseline 9.41e+09 (-3.08%), allowed +-1.00%: ..."&gt;details&lt;/failure&gt;
 *       &lt;/testcase&gt; ... one per compared item; traceDigest's failure says where the runs diverge
 *     &lt;/testsuite&gt;
 *   &lt;/testsuites&gt;
 * </pre>
 * A run that did not finish fails its {@code status} case with the status and reason; a run
 * that produced no result at all (the model threw) is an {@code error} of that case. Scenario
 * names may contain dots, which Jenkins reads as package separators, so they become '_' in the
 * class name.
 */
public final class JunitReport {
    private JunitReport() {
    }

    /** The report as XML text (UTF-8 declared). */
    public static String xml(CheckReport r) {
        String suite = "toesim.check." + r.scenario().replace('.', '_');
        int failures = r.failures().size();
        int errors = r.error() == null ? 0 : 1;
        int tests = r.items().size() + errors;
        String time = seconds(r.wallTimeMs());
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<testsuites name=\"toesim check\" tests=\"").append(tests).append("\" failures=\"").append(failures)
                .append("\" errors=\"").append(errors).append("\" time=\"").append(time).append("\">\n");
        x.append("  <testsuite name=\"").append(attr(suite)).append("\" tests=\"").append(tests)
                .append("\" failures=\"").append(failures).append("\" errors=\"").append(errors)
                .append("\" skipped=\"0\" time=\"").append(time).append("\">\n");
        x.append("    <properties>\n");
        property(x, "scenario", r.scenario());
        property(x, "file", r.file());
        property(x, "baseline", r.baselineFile());
        property(x, "seed", Long.toString(r.seed()));
        property(x, "status", r.status() == null ? "none" : r.status().jsonName());
        x.append("    </properties>\n");
        if (r.error() != null) {
            x.append("    <testcase classname=\"").append(attr(suite)).append("\" name=\"status\" time=\"0\">\n");
            x.append("      <error type=\"simulation\" message=\"").append(attr(oneLine(r.error()))).append("\">")
                    .append(text(r.error())).append("</error>\n");
            x.append("    </testcase>\n");
        }
        for (Item i : r.items()) {
            x.append("    <testcase classname=\"").append(attr(suite)).append("\" name=\"").append(attr(i.name()))
                    .append("\" time=\"").append(i.kind() == BaselineComparison.Kind.STATUS ? time : "0").append('"');
            if (i.passed()) {
                x.append("/>\n");
                continue;
            }
            x.append(">\n      <failure type=\"").append(i.kind().jsonName()).append("\" message=\"")
                    .append(attr(oneLine(i.message()))).append("\">").append(text(details(i, r))).append("</failure>\n");
            x.append("    </testcase>\n");
        }
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString();
    }

    /** The failure's body: the message, then the numbers (metrics) or the divergence (digest). */
    private static String details(Item i, CheckReport r) {
        StringBuilder d = new StringBuilder(i.message()).append('\n');
        d.append("baseline: ").append(i.baselineShown()).append('\n');
        d.append("actual:   ").append(i.actualShown()).append('\n');
        if (i.difference() != null) {
            d.append("difference: ").append(BaselineComparison.num(i.difference()));
            if (i.relativeDifference() != null) {
                d.append(String.format(Locale.ROOT, " (%+.4f %%)", i.relativeDifference() * 100));
            }
            d.append('\n');
        }
        if (i.tolerance() != null) {
            d.append("tolerance: relative ").append(i.tolerance().relative()).append(", absolute ")
                    .append(i.tolerance().absolute()).append(" (allowed +-")
                    .append(BaselineComparison.num(i.allowed())).append(")\n");
        }
        if (i.kind() == BaselineComparison.Kind.TRACE_DIGEST && r.divergence() != null) {
            for (String line : r.divergence().lines()) {
                d.append(line).append('\n');
            }
        }
        return d.toString();
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("      <property name=\"").append(name).append("\" value=\"").append(attr(value)).append("\"/>\n");
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03d", ms / 1000, ms % 1000);
    }

    private static String oneLine(String s) {
        return s.lines().findFirst().orElse("");
    }

    /** Attribute text: markup escaped, and line breaks and tabs as references (parsers would turn them into spaces). */
    static String attr(String s) {
        return escape(s == null ? "" : s, true);
    }

    static String text(String s) {
        return escape(s, false);
    }

    /** XML 1.0 escaping; characters XML 1.0 cannot carry at all (most control characters) become U+FFFD. */
    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\r' -> b.append("&#13;");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else if (Character.isSurrogate(c)) {
                        boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                                && Character.isLowSurrogate(s.charAt(i + 1));
                        if (pair) {
                            b.append(c).append(s.charAt(++i));
                        } else {
                            b.append('\uFFFD');
                        }
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
