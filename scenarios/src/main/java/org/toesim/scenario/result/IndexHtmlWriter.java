package org.toesim.scenario.result;

import java.util.List;
import java.util.Locale;
import org.toesim.core.units.Units;

/** Renders {@code index.html}: the summary tables and the plots of one run. */
public final class IndexHtmlWriter {
    private IndexHtmlWriter() {
    }

    /**
     * @param summary the run's summary
     * @param images  plot file names relative to the page, in display order
     */
    public static String render(SummaryReport summary, List<String> images) {
        return render(summary, images, List.of());
    }

    /**
     * @param summary the run's summary
     * @param images  plot file names relative to the page, in display order
     * @param files   other output files to link (sequence chart, trace, captures)
     */
    public static String render(SummaryReport summary, List<String> images, List<String> files) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(summary.scenario())).append(" - ToeSim</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}")
                .append("td,th{border:1px solid #bbb;padding:3px 8px;text-align:right}th{background:#eee}")
                .append("td:first-child{text-align:left}</style></head><body>\n");
        sb.append("<h1>").append(esc(summary.scenario())).append("</h1>\n");
        if (!summary.status().valid()) {
            // a partial run: say so before any figure, so nobody quotes its numbers
            sb.append("<div style=\"background:#fdd;border:3px solid #c00;padding:0.8em;margin-bottom:1em\">")
                    .append("<strong>NOT A VALID RESULT: status ").append(esc(summary.status().jsonName()))
                    .append("</strong><pre>").append(esc(StatusReport.text(summary))).append("</pre></div>\n");
        }
        sb.append("<p>status <code>").append(esc(summary.status().jsonName())).append("</code>, seed ")
                .append(summary.seed())
                .append(", simulated ").append(esc(Units.formatTime(summary.simTimePs())))
                .append(", ").append(summary.events()).append(" events in ").append(summary.wallTimeMs())
                .append(" ms wall time, trace digest <code>").append(esc(summary.traceDigest())).append("</code></p>\n");
        sb.append("<h2>Connections</h2>\n<table><tr><th>id</th><th>from</th><th>to</th><th>bytes delivered</th>")
                .append("<th>of</th><th>finished</th><th>goodput</th><th>retransmits</th><th>offloaded</th>")
                .append("<th>flushes</th><th>integrity</th><th>waiting for</th></tr>\n");
        for (ConnectionReport c : summary.connections()) {
            row(sb, c.id(), c.from(), c.to(), Long.toString(c.bytesDelivered()), Long.toString(c.bytesExpected()),
                    c.finished() ? "yes" : "NO", rate(c.goodputBitsPerSec()), Long.toString(c.retransmits()),
                    c.offloaded() ? "yes" : "no", Long.toString(c.flushes()), c.integrity(),
                    c.waitingFor() == null ? "" : c.waitingFor());
        }
        sb.append("</table>\n<h2>Hosts</h2>\n<table><tr><th>host</th><th>CPU utilisation</th>")
                .append("<th>cycles/byte rx</th><th>cycles/byte tx</th></tr>\n");
        for (HostReport h : summary.hosts()) {
            row(sb, h.name(), pct(h.cpuUtilization()), num(h.cyclesPerByteRx()), num(h.cyclesPerByteTx()));
        }
        sb.append("</table>\n<h2>Adapters</h2>\n<table><tr><th>host</th><th>model</th><th>offloads</th>")
                .append("<th>refused</th><th>not possible (on host)</th><th>flushes</th><th>fast-path segments</th><th>slow-path segments</th>")
                .append("<th>PCIe to host</th><th>PCIe to device</th></tr>\n");
        for (NicReport n : summary.nics()) {
            row(sb, n.host(), n.model(), Long.toString(n.offloads()), Long.toString(n.offloadsRefused()),
                    Long.toString(n.offloadsNotPossible()), Long.toString(n.flushes()), Long.toString(n.fastPathSegments()), Long.toString(n.slowPathSegments()),
                    pct(n.pcieUtilizationToHost()), pct(n.pcieUtilizationToDevice()));
        }
        sb.append("</table>\n");
        if (!summary.latencies().isEmpty()) {
            sb.append("<h2>Latency</h2>\n<p><a href=\"latency.csv\">latency.csv</a> (every sample)</p>\n")
                    .append("<table><tr><th>connection</th><th>kind</th><th>count</th><th>min</th><th>p50</th><th>p90</th>")
                    .append("<th>p99</th><th>p99.9</th><th>max</th></tr>\n");
            for (LatencyReport l : summary.latencies()) {
                row(sb, l.connection(), l.kind(), Long.toString(l.count()), time(l.minPs()), time(l.p50Ps()),
                        time(l.p90Ps()), time(l.p99Ps()), time(l.p999Ps()), time(l.maxPs()));
            }
            sb.append("</table>\n");
        }
        if (!summary.bottlenecks().isEmpty()) {
            sb.append("<h2>What limited each workload</h2>\n<table><tr><th>workload</th><th>window</th>")
                    .append("<th>limited by</th><th>busiest resources</th></tr>\n");
            for (BottleneckReport b : summary.bottlenecks()) {
                StringBuilder top = new StringBuilder();
                for (int i = 0; i < Math.min(4, b.resources().size()); i++) {
                    BottleneckReport.ResourceUse r = b.resources().get(i);
                    top.append(i == 0 ? "" : ", ").append(r.resource()).append(' ').append(pct(r.utilization()));
                }
                row(sb, b.workload() + " (" + b.type() + ")", b.startPs() < 0 ? "not started"
                        : Units.formatTime(b.startPs()) + " to " + Units.formatTime(b.endPs()), b.line(), top.toString());
            }
            sb.append("</table>\n");
        }
        if (!images.isEmpty()) {
            sb.append("<h2>Time series</h2>\n<p><a href=\"timeseries.csv\">timeseries.csv</a></p>\n");
            for (String img : images) {
                sb.append("<p><img src=\"").append(esc(img)).append("\" alt=\"").append(esc(img)).append("\"></p>\n");
            }
        }
        if (!files.isEmpty()) {
            sb.append("<h2>Trace and captures</h2>\n<ul>\n");
            for (String f : files) {
                sb.append("<li><a href=\"").append(esc(f)).append("\">").append(esc(f)).append("</a>")
                        .append(f.equals("sequence.html") ? " (sequence chart: lifelines, zoom, pan, click a message)"
                                : f.equals("sequence.mmd") ? " (Mermaid sequence diagram, first messages)" : "")
                        .append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        sb.append("<p><a href=\"summary.json\">summary.json</a>, <a href=\"scalars.csv\">scalars.csv</a>; ")
                .append(esc(summary.toesim() == null ? "" : summary.toesim().describe())).append("</p>\n</body></html>\n");
        return sb.toString();
    }

    private static void row(StringBuilder sb, String... cells) {
        sb.append("<tr>");
        for (String c : cells) {
            sb.append("<td>").append(esc(c)).append("</td>");
        }
        sb.append("</tr>\n");
    }

    /** A rate for people: {@code "9.412 Gb/s"} or {@code "812.500 Mb/s"}. */
    public static String rate(double bitsPerSec) {
        if (bitsPerSec >= 1e9) {
            return String.format(Locale.ROOT, "%.3f Gb/s", bitsPerSec / 1e9);
        }
        return String.format(Locale.ROOT, "%.3f Mb/s", bitsPerSec / 1e6);
    }

    static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    /** A latency figure (ps, possibly NaN for "no samples") for people: {@code 141.452 us} or {@code -}. */
    public static String time(double ps) {
        return Double.isNaN(ps) ? "-" : Units.formatTime(Math.round(ps));
    }

    static String num(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    private static String esc(String s) {
        return Html.esc(s);
    }
}
