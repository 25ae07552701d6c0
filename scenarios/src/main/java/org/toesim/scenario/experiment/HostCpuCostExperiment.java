package org.toesim.scenario.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.toesim.scenario.result.ConnectionReport;

/**
 * Host stack CPU cost: one bulk flow a -&gt; b, the receiver's CPU per unit of goodput in GHz per
 * Gbit/s (cycles per second spent on all b's cores over bits per second delivered), against
 * Foong et al. (ISPASS 2003): about 1 GHz of a Pentium 4 class CPU per Gbit/s received with
 * 1500-byte frames; Clark et al. (1989): the per-packet costs, not the per-byte ones, move with
 * frame size and batching (jumbo frames, interrupt moderation, LRO), the per-byte ones with
 * checksumming and copies.
 *
 * <pre>
 *   panel rate      1 .. 10 Gbit/s: 2003 profile host stack and TOE receiver, modern profile
 *   panel features  1 Gbit/s, MTU 1500 / 9000: defaults, no checksum offload, no moderation, LRO
 *   panel message   1 Gbit/s, 1 KiB .. 64 KiB per send/recv call: host stack and TOE receiver
 * </pre>
 * Links have an 8 MiB queue so no segment is lost: every cycle counted moved new data.
 */
final class HostCpuCostExperiment implements Experiment {
    /** "About 1 GHz per Gbit/s": within 25 %. */
    static final double RULE_TOLERANCE = 0.25;

    @Override
    public String name() {
        return "host-cpu-cost";
    }

    @Override
    public Findings analyse(ExperimentPlan plan, List<ExperimentRunner.Row> rows) {
        List<Findings.Figure> figures = new ArrayList<>();
        List<String> table = new ArrayList<>();
        List<Findings.Verdict> verdicts = new ArrayList<>();
        Points rate = Points.of(rows, "rate", HostCpuCostExperiment::receiverGhzPerGbps).scaleX(1e-9);
        Points features = Points.of(rows, "features", HostCpuCostExperiment::receiverGhzPerGbps);
        Points message = Points.of(rows, "message", HostCpuCostExperiment::receiverGhzPerGbps);
        if (!rate.isEmpty()) {
            List<double[]> rule = new ArrayList<>();
            for (double x : rate.xs()) {
                rule.add(new double[] {x, 1, 1, 1});
            }
            Findings.Figure f = rate.figure("rate", "Receiver CPU per Gbit/s against the link rate",
                    "link rate (Gbit/s)", "receiver GHz per Gbit/s", false, false,
                    new Findings.Curve("Foong et al. 2003: 1 GHz per Gbit/s", rule, true));
            figures.add(f);
            table.addAll(rate.table("link rate (Gbit/s)", "receiver GHz per Gbit/s"));
            double x1 = rate.xs().get(0);
            double host = rate.mean(rate.series().get(0), x1);
            verdicts.add(new Findings.Verdict("Foong et al. 2003: about 1 GHz per Gbit/s received at 1500-byte frames "
                    + "(2003 profile, " + gbps(x1) + "), within " + Math.round(100 * RULE_TOLERANCE) + " %",
                    String.format(Locale.ROOT, "%.2f GHz per Gbit/s", host), Math.abs(host - 1) <= RULE_TOLERANCE,
                    "the 2003 cost table was calibrated on Foong's per-packet and per-byte figures; a departure "
                            + "means interrupt coalescing or the copy model differ at this rate"));
            String toe = rate.series().get(1);
            double worst = 0;
            for (double x : rate.xs()) {
                worst = Math.max(worst, rate.mean(toe, x) / rate.mean(rate.series().get(0), x));
            }
            verdicts.add(new Findings.Verdict("A TOE receiver takes the protocol work off the host: under a tenth of "
                    + "the host stack's CPU per Gbit/s at every rate", String.format(Locale.ROOT,
                    "at most %.1f %% of the host stack's", 100 * worst), worst < 0.1,
                    "the receive path's host work (posting buffers, completions) is larger than modelled"));
            if (rate.series().size() > 2) {
                String modern = rate.series().get(2);
                double most = 0;
                for (double x : rate.xs()) {
                    most = Math.max(most, rate.mean(modern, x) / rate.mean(rate.series().get(0), x));
                }
                verdicts.add(new Findings.Verdict("A modern host needs far less than the 2003 rule (under 0.7 of the "
                        + "2003 profile's cycles per bit at every rate)", String.format(Locale.ROOT,
                        "at most %.2f of the 2003 profile's", most), most < 0.7,
                        "the modern profile is calibrated with GRO-sized aggregates (42 Gbit/s per saturated core "
                                + "with 64 KiB receives); with 1500-byte frames and no LRO its per-packet costs, which "
                                + "it cuts less than the per-byte ones, dominate (the LRO series shows the difference "
                                + "at 10 Gbit/s)"));
            }
        }
        if (!features.isEmpty()) {
            figures.add(features.figure("features", "Receiver CPU per Gbit/s: frame size and NIC features (1 Gbit/s)",
                    "MTU (bytes)", "receiver GHz per Gbit/s", false, false));
            table.addAll(features.table("MTU (bytes)", "receiver GHz per Gbit/s"));
            String base = features.series().get(0);
            double m0 = features.xs().get(0);
            double m1 = features.xs().get(features.xs().size() - 1);
            double small = features.mean(base, m0);
            double jumbo = features.mean(base, m1);
            verdicts.add(new Findings.Verdict("Clark et al. 1989: per-packet costs dominate, so jumbo frames cut the "
                    + "receiver's CPU per bit (by a quarter or more)", String.format(Locale.ROOT,
                    "%.2f at MTU %.0f, %.2f at %.0f GHz per Gbit/s (%+.0f %%)", small, m0, jumbo, m1,
                    100 * (jumbo / small - 1)), jumbo <= 0.75 * small, "per-byte costs dominate the cost table"));
            boolean order = true;
            StringBuilder measured = new StringBuilder();
            for (String series : features.series()) {
                if (series.startsWith("no ")) {
                    double v = features.mean(series, m0);
                    order &= v > small;
                    measured.append(measured.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%s %.2f",
                            series, v));
                }
            }
            verdicts.add(new Findings.Verdict("Without checksum offload or interrupt moderation the receiver needs "
                    + "more (MTU " + Math.round(m0) + ", defaults " + String.format(Locale.ROOT, "%.2f", small)
                    + " GHz per Gbit/s)", measured.toString(), order, "a feature's cost runs the other way"));
            if (features.series().contains("LRO")) {
                double lro = features.mean("LRO", m0);
                verdicts.add(new Findings.Verdict("LRO merges segments, so the receiver's per-packet work and CPU per "
                        + "bit fall (MTU " + Math.round(m0) + ", 1 Gbit/s; by a tenth or more)",
                        String.format(Locale.ROOT, "%.2f with LRO against %.2f (%+.0f %%)", lro, small,
                                100 * (lro / small - 1)), lro <= 0.9 * small,
                        "the model's LRO delivers an aggregate 8 us after its first segment; at 1 Gbit/s frames "
                                + "arrive 12 us apart, so nothing merges (at 10 Gbit/s it merges 5.7 segments per "
                                + "aggregate and cuts the receiver's CPU per bit by a third); hardware RSC aggregates "
                                + "until the interrupt, 50 us here, which would merge about four"));
            }
        }
        if (!message.isEmpty()) {
            figures.add(message.figure("message", "Receiver CPU per Gbit/s against the message size (1 Gbit/s)",
                    "bytes per send/recv call (log)", "receiver GHz per Gbit/s", true, false));
            table.addAll(message.table("bytes per call", "receiver GHz per Gbit/s"));
            String host = message.series().get(0);
            double first = message.mean(host, message.xs().get(0));
            double last = message.mean(host, message.xs().get(message.xs().size() - 1));
            verdicts.add(new Findings.Verdict("Small application messages cost more per byte (a system call and a "
                    + "wake-up per call)", String.format(Locale.ROOT, "%.2f GHz per Gbit/s at %s, %.2f at %s", first,
                    OffloadLosesExperiment.fmtBytes(message.xs().get(0)), last,
                    OffloadLosesExperiment.fmtBytes(message.xs().get(message.xs().size() - 1))), first > last,
                    "per-call costs are not charged"));
        }
        return new Findings(figures, table, verdicts);
    }

    private static String gbps(double gbps) {
        return String.format(Locale.ROOT, "%.3g Gbit/s", gbps);
    }

    /** All of the receiver's CPU cycles per second over its goodput, in GHz per Gbit/s (cycles per bit). */
    static double receiverGhzPerGbps(ExperimentRunner.Row r) {
        ConnectionReport c = r.summary().connections().get(0);
        return HostCycles.perSecond(r, 1) / c.goodputBitsPerSec();
    }
}
