package org.toesim.scenario.result;

import java.util.List;
import org.toesim.scenario.figure.Figure;

/** The sections of a sweep's index.html ({@link SweepPage}). */
final class SweepPageSections {
    private SweepPageSections() {
    }

    /** What was run: the grid, the replications and their seeds. */
    static void grid(StringBuilder b, SweepResults results) {
        SweepPlan plan = results.plan();
        int points = plan.points().size();
        long finished = results.rows().stream().filter(r -> r.status().valid()).count();
        b.append("<p>").append(points).append(" grid point").append(points == 1 ? "" : "s").append(" &times; ")
                .append(plan.replications()).append(" replication").append(plan.replications() == 1 ? "" : "s")
                .append(" = ").append(results.rows().size()).append(" runs, ").append(finished)
                .append(" finished (completed or durationReached).");
        if (!results.rows().isEmpty()) {
            SweepPlan.Run first = results.rows().get(0).run();
            b.append(" Replication r runs with seed ").append(first.seed() - first.replication())
                    .append(" + r at every point (common random numbers).");
        }
        b.append(" Intervals: ")
                .append(SweepFormat.percent(results.level()))
                .append(" Student-t over the finished runs of each point.</p>\n");
        b.append("<table><tr><th>parameter</th><th>values</th><th>read as</th></tr>\n");
        for (SweptParameter p : results.parameters()) {
            b.append("<tr><td><code>").append(esc(p.path())).append("</code></td><td>")
                    .append(esc(String.join(", ", p.values()))).append("</td><td>").append(esc(p.kind()))
                    .append("</td></tr>\n");
        }
        b.append("</table>\n");
    }

    /** Every warning: runs that did not finish in red, then the other rules. */
    static void warnings(StringBuilder b, List<SweepWarning> warnings) {
        b.append("<h2>Warnings (").append(warnings.size()).append(")</h2>\n");
        if (warnings.isEmpty()) {
            b.append("<p>None: every run finished, every point has at least ").append(SweepWarnings.MIN_REPLICATIONS)
                    .append(" runs, no interval crosses a physical bound, no run is an outlier.</p>\n");
            return;
        }
        List<SweepWarning.NotFinished> bad = of(warnings, SweepWarning.NotFinished.class);
        if (!bad.isEmpty()) {
            b.append("<h3 class=\"bad\">Runs that did not finish (left out of summary.csv and the figures)</h3>\n")
                    .append("<table class=\"bad\"><tr><th>point</th><th>parameters</th><th>replication</th>")
                    .append("<th>seed</th><th>status</th><th>reason</th></tr>\n");
            for (SweepWarning.NotFinished w : bad) {
                SweepPlan.Run r = w.row().run();
                b.append("<tr class=\"warning\" title=\"").append(esc(w.text())).append("\">");
                cells(b, Integer.toString(r.point()), String.join(", ", r.overrides()),
                        Integer.toString(r.replication()), Long.toString(r.seed()), w.row().status().jsonName(),
                        w.row().statusReason() == null ? "" : w.row().statusReason());
                b.append("</tr>\n");
            }
            b.append("</table>\n");
        }
        list(b, "Few replications", of(warnings, SweepWarning.FewReplications.class));
        list(b, "Intervals clipped at a physical bound", of(warnings, SweepWarning.Clipped.class));
        List<SweepWarning.Outlier> outliers = of(warnings, SweepWarning.Outlier.class);
        if (!outliers.isEmpty()) {
            b.append("<h3>Outlier runs (flagged, kept in summary.csv)</h3>\n<p>At a point of ")
                    .append(OutlierRule.MIN_RUNS).append(" to ").append(OutlierRule.MAD_FROM_RUNS - 1)
                    .append(" finished runs, Dixon's Q test at 95 % on its smallest and largest value; from ")
                    .append(OutlierRule.MAD_FROM_RUNS).append(" runs, more than ")
                    .append(SweepFormat.plain(OutlierRule.OUTLIER_MADS))
                    .append(" scaled MADs (1.4826 &times; the median absolute deviation) from the point's median; ")
                    .append("and always more than ").append(SweepFormat.plain(OutlierRule.MIN_DIFFERENCE * 100))
                    .append(" % from it.</p>\n")
                    .append("<table><tr><th>point</th><th>parameters</th><th>replication</th><th>seed</th>")
                    .append("<th>metric</th><th>value</th><th>point's median</th><th>test</th></tr>\n");
            for (SweepWarning.Outlier w : outliers) {
                SweepPlan.Run r = w.row().run();
                for (SweepWarning.Outlier.Value v : w.values()) {
                    b.append("<tr class=\"warning\">");
                    cells(b, Integer.toString(r.point()), String.join(", ", r.overrides()),
                            Integer.toString(r.replication()), Long.toString(r.seed()), v.metric(),
                            SweepFormat.value(v.metric(), v.value()), SweepFormat.value(v.metric(), v.median()),
                            v.test());
                    b.append("</tr>\n");
                }
            }
            b.append("</table>\n");
        }
    }

    /** Per plotted metric its figures; then the metrics not plotted. */
    static void figures(StringBuilder b, SweepResults results, List<SweepFigures.MetricFigures> figures) {
        b.append("<h2>Figures</h2>\n<p>Each point is the mean of a grid point's finished runs; its bar is the ")
                .append(SweepFormat.percent(results.level()))
                .append(" Student-t interval, clipped at the metric's physical bound (0, and 1 for utilisations), ")
                .append("and absent for a point of one run. One line per combination of the other parameters. ")
                .append("Each figure links its PNG.</p>\n");
        if (!figures.isEmpty()) {
            b.append("<p>Metrics:");
            for (SweepFigures.MetricFigures m : figures) {
                b.append(" <a href=\"#").append(esc(Figure.stem(m.metric()))).append("\">").append(esc(m.metric()))
                        .append("</a>");
            }
            b.append("</p>\n");
        }
        for (SweepFigures.MetricFigures m : figures) {
            b.append("<h3 id=\"").append(esc(Figure.stem(m.metric()))).append("\"><code>").append(esc(m.metric()))
                    .append("</code></h3>\n<div class=\"figs\">\n");
            for (Figure f : m.figures()) {
                b.append("<figure><img src=\"").append(esc(f.name())).append(".svg\" alt=\"").append(esc(f.title()))
                        .append("\"><figcaption>").append(esc(f.title())).append(" (<a href=\"").append(esc(f.name()))
                        .append(".png\">PNG</a>)</figcaption></figure>\n");
            }
            b.append("</div>\n");
        }
        List<String> plotted = SweepFigures.plotted(results);
        StringBuilder constant = new StringBuilder();
        StringBuilder other = new StringBuilder();
        for (String m : results.metricNames()) {
            if (plotted.contains(m)) {
                continue;
            }
            Double v = SweepFigures.constantValue(results, m);
            StringBuilder to = v != null ? constant : other;
            to.append(to.length() == 0 ? "" : ", ").append("<code>").append(esc(m)).append("</code>");
            if (v != null) {
                to.append(" = ").append(esc(SweepFormat.value(m, v)));
            }
        }
        if (constant.length() > 0) {
            b.append("<p>Not plotted, the same in every finished run: ").append(constant).append(".</p>\n");
        }
        if (other.length() > 0) {
            b.append("<p>Not plotted (per-connection metrics of more than ")
                    .append(SweepFigures.MAX_PLOTTED_CONNECTIONS)
                    .append(" connections; in the table and the CSV files): ").append(other).append(".</p>\n");
        }
    }

    /** summary.csv for people: mean +- half-width and n per point and metric. */
    static void summaryTable(StringBuilder b, SweepResults results) {
        b.append("<h2>Summary</h2>\n<table><tr><th>point</th>");
        for (SweptParameter p : results.parameters()) {
            b.append("<th><code>").append(esc(p.path())).append("</code></th>");
        }
        b.append("<th>metric</th><th>mean &plusmn; half-width</th><th>n</th></tr>\n");
        for (SweepResults.PointSummary s : results.summarize()) {
            int[] idx = results.plan().valueIndices(s.point());
            StringBuilder head = new StringBuilder("<tr><td class=\"num\">").append(s.point()).append("</td>");
            for (int j = 0; j < idx.length; j++) {
                head.append("<td>").append(esc(results.parameters().get(j).values().get(idx[j]))).append("</td>");
            }
            if (s.metrics().isEmpty()) {
                b.append(head).append("<td colspan=\"3\" class=\"bad\">no finished run</td></tr>\n");
            }
            s.metrics().forEach((metric, ci) -> b.append(head).append("<td>").append(esc(metric))
                    .append("</td><td class=\"num\">").append(esc(SweepFormat.interval(metric, ci, " \u00b1 ")))
                    .append(ci.n() == 1 ? " (no interval)" : "").append("</td><td class=\"num\">").append(ci.n())
                    .append("</td></tr>\n"));
        }
        b.append("</table>\n");
    }

    private static void list(StringBuilder b, String heading, List<? extends SweepWarning> ws) {
        if (ws.isEmpty()) {
            return;
        }
        b.append("<h3>").append(esc(heading)).append("</h3>\n<ul class=\"warn\">\n");
        for (SweepWarning w : ws) {
            b.append("<li class=\"warning\">").append(esc(w.text())).append("</li>\n");
        }
        b.append("</ul>\n");
    }

    private static <T extends SweepWarning> List<T> of(List<SweepWarning> ws, Class<T> kind) {
        return ws.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static void cells(StringBuilder b, String... cells) {
        for (String c : cells) {
            b.append("<td>").append(esc(c)).append("</td>");
        }
    }

    private static String esc(String s) {
        return Html.esc(s);
    }
}
