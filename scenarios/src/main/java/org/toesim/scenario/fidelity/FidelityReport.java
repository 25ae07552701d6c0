package org.toesim.scenario.fidelity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.toesim.scenario.figure.Axis;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.FigureRenderer;
import org.toesim.scenario.figure.Quantity;
import org.toesim.scenario.figure.Series;
import org.toesim.scenario.result.CsvWriter;

/**
 * Writes the suite's figures: {@code fidelity.md} (the checks, the per-seed figures of every
 * Linux condition beside the reference, the Mathis and ns-3 S4 points), {@code linux-seeds.csv},
 * {@code mathis.csv} and one plot per Linux condition (in-order bytes at the receiver against
 * time since the SYN, ToeSim's first seed vs Linux; SVG and PNG).
 */
public final class FidelityReport {
    private static final int PLOT_POINTS = 200;

    private FidelityReport() {
    }

    /** Writes everything into {@code dir}; returns the markdown. */
    public static String write(Path dir, String label, List<LinuxReferenceSuite.ConditionResult> linux,
                               List<MathisSuite.Point> mathis, List<Check> checks) throws IOException {
        Files.createDirectories(dir);
        StringBuilder md = new StringBuilder();
        md.append("# ToeSim TCP fidelity: ").append(label).append("\n\n");
        md.append("## Checks\n\n| condition | what | ToeSim | reference | allowed | |\n|---|---|---|---|---|---|\n");
        for (Check c : checks) {
            md.append("| ").append(c.condition()).append(" | ").append(c.what()).append(" | ").append(c.toesim())
                    .append(" | ").append(c.reference()).append(" | ").append(c.allowed()).append(" | ")
                    .append(c.pass() ? "ok" : "**FAIL**").append(" |\n");
        }
        List<List<String>> rows = new ArrayList<>();
        for (LinuxReferenceSuite.ConditionResult r : linux) {
            md.append("\n## ").append(r.condition().name()).append(" (").append(r.condition().scenarioFile())
                    .append(" vs ").append(r.condition().trace()).append(")\n\n");
            md.append("| run | goodput Mbit/s | retx | dup ACKs | options | ACK-side frames | ACKs/data frame "
                    + "| max rwnd B | SACK frames | to 1 MiB ms | first loss ms | wall ms |\n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|\n");
            md.append(row("Linux", r.reference()));
            for (LinuxReferenceSuite.Figures f : r.seeds()) {
                md.append(row("seed " + f.seed(), f));
                rows.add(csv(r.condition().name(), f));
            }
            rows.add(csv(r.condition().name(), r.reference()));
            md.append("\n![").append(r.condition().name()).append("](").append(plot(dir, r)).append(")\n");
        }
        CsvWriter.writeTable(List.of("condition", "seed", "goodputMbps", "retransmissions", "duplicateAcks", "mss",
                "wscale", "sack", "timestamps", "ackSideFrames", "pureAcks", "dataFrames", "maxRwndBytes",
                "timeTo1MiBMs", "firstLossMs", "wallMs"), rows, dir.resolve("linux-seeds.csv"));
        if (!mathis.isEmpty()) {
            md.append(mathisSection(mathis));
            List<List<String>> m = new ArrayList<>();
            for (MathisSuite.Point p : mathis) {
                m.add(List.of(p.profile(), CsvWriter.number(p.loss()), Long.toString(p.seed()), p.size(),
                        CsvWriter.number(p.goodputMbps()), Long.toString(p.retransmits()), CsvWriter.number(p.c()),
                        Long.toString(p.wallMs())));
            }
            CsvWriter.writeTable(List.of("profile", "loss", "seed", "size", "goodputMbps", "retransmits", "mathisC",
                    "wallMs"), m, dir.resolve("mathis.csv"));
        }
        Files.writeString(dir.resolve("fidelity.md"), md.toString(), StandardCharsets.UTF_8);
        return md.toString();
    }

    private static String row(String name, LinuxReferenceSuite.Figures f) {
        PcapCheck.Judged j = f.judged();
        return String.format(Locale.ROOT, "| %s | %.1f | %d | %d | %s | %d | %.3f | %d | %d | %s | %s | %d |%n", name,
                j.goodputMbps(), j.retransmissions(), j.duplicateAcks(), j.options(), j.ackDirFrames(),
                f.flow().ackRatio(), j.maxRwndBytes(), j.sackBlockFrames(), ms(f.flow().timeTo1MiBMs()),
                ms(f.flow().firstLossMs()), f.wallMs());
    }

    private static List<String> csv(String condition, LinuxReferenceSuite.Figures f) {
        PcapCheck.Judged j = f.judged();
        return List.of(condition, f.seed() < 0 ? "linux" : Long.toString(f.seed()), CsvWriter.number(j.goodputMbps()),
                Long.toString(j.retransmissions()), Long.toString(j.duplicateAcks()), j.mss().toString(),
                j.wscale().toString(), Boolean.toString(j.sack()), Boolean.toString(j.timestamps()),
                Long.toString(j.ackDirFrames()), Long.toString(f.flow().ackFrames()),
                Long.toString(f.flow().dataFrames()), Long.toString(j.maxRwndBytes()),
                CsvWriter.number(f.flow().timeTo1MiBMs()), CsvWriter.number(f.flow().firstLossMs()),
                Long.toString(f.wallMs()));
    }

    private static String ms(double v) {
        return Double.isNaN(v) ? "none" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String mathisSection(List<MathisSuite.Point> points) {
        StringBuilder md = new StringBuilder();
        md.append("\n## NewReno and the Mathis relation (1 Gbit/s, 1 ms each way, loss of data frames)\n\n");
        md.append(String.format(Locale.ROOT, "C = goodput x RTT x sqrt(p) / MSS, RTT %.4f ms (base), MSS %.0f B.%n%n",
                MathisSuite.BASE_RTT_S * 1e3, MathisSuite.SEGMENT_PAYLOAD_BYTES));
        md.append("| profile | p | size | seeds | goodput Mbit/s (mean, per seed) | retransmits (mean) | C (mean) |\n"
                + "|---|---|---|---|---|---|---|\n");
        List<String> seen = new ArrayList<>();
        for (MathisSuite.Point p : points) {
            String key = p.profile() + " " + p.loss();
            if (seen.contains(key)) {
                continue;
            }
            seen.add(key);
            List<MathisSuite.Point> same = points.stream()
                    .filter(q -> q.profile().equals(p.profile()) && q.loss() == p.loss()).toList();
            StringBuilder per = new StringBuilder();
            for (MathisSuite.Point q : same) {
                per.append(per.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", q.goodputMbps()));
            }
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %.1f (%s) | %.1f | %.3f |%n", p.profile(),
                    p.loss(), p.size(), same.size(), Stats.mean(same, MathisSuite.Point::goodputMbps), per,
                    Stats.mean(same, q -> q.retransmits()), Stats.mean(same, MathisSuite.Point::c)));
            if (p.loss() == 1e-4) {
                md.append(String.format(Locale.ROOT, "| (ns-3 S4_1G) | 1e-4 | 1GiB | | %.1f | | %.3f |%n",
                        MathisSuite.NS3_S4_GBPS * 1e3, new MathisSuite.Point("ns-3", 1e-4, 0, "1GiB",
                                MathisSuite.NS3_S4_GBPS * 1e3, 0, 0).c()));
            }
        }
        return md.toString();
    }

    /** In-order MiB vs ms since the SYN: Linux and ToeSim's first seed, on one grid. */
    private static String plot(Path dir, LinuxReferenceSuite.ConditionResult r) throws IOException {
        List<PcapFlow> flows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        flows.add(r.reference().flow());
        labels.add("Linux 6.18");
        if (!r.seeds().isEmpty()) {
            flows.add(r.seeds().get(0).flow());
            labels.add("ToeSim seed " + r.seeds().get(0).seed());
        }
        long endNs = 0;
        for (PcapFlow f : flows) {
            endNs = Math.max(endNs, f.curve().get(f.curve().size() - 1)[0]);
        }
        double[] xPs = new double[PLOT_POINTS + 1];
        for (int i = 0; i <= PLOT_POINTS; i++) {
            xPs[i] = endNs * 1e3 * i / PLOT_POINTS;
        }
        List<Series> lines = new ArrayList<>();
        for (int k = 0; k < flows.size(); k++) {
            PcapFlow f = flows.get(k);
            double[] y = new double[xPs.length];
            for (int i = 0; i < xPs.length; i++) {
                y[i] = f.deliveredBy((long) (xPs[i] / 1e3));
            }
            lines.add(Series.of(labels.get(k), xPs, y, Series.Style.LINE));
        }
        Figure chart = new Figure("plot-delivered-" + Figure.stem(r.condition().scenarioFile().replace(".json", "")),
                r.condition().name() + ": in-order bytes at the receiver since the SYN",
                Axis.linear("time since the SYN", Quantity.TIME_PS), Axis.linear("delivered in order", Quantity.BYTES),
                lines);
        FigureRenderer.svg(chart, dir.resolve(chart.name() + ".svg"));
        FigureRenderer.png(chart, dir.resolve(chart.name() + ".png"));
        return chart.name() + ".png";
    }
}
