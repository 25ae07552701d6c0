package org.toesim.scenario.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.spec.BulkWorkload;
import org.toesim.scenario.spec.ShortConnectionsWorkload;
import org.toesim.scenario.spec.WorkloadSpec;

/**
 * When offload loses (Mogul, "TCP offload is a dumb idea whose time has come", HotOS 2003; the
 * Linux maintainers' objections): short connections into a server whose TOE takes every
 * connection pay a handoff each, so the server can spend more CPU per connection than its host
 * stack would; a policy that offloads only long connections avoids that; a CCB table smaller
 * than the number of long connections leaves the rest on the host.
 *
 * <pre>
 *   panel size     server CPU cycles per connection vs connection size (1 KiB .. 256 KiB), default costs
 *   panel handoff  the same at 4 KiB vs the host's cost per offload command (1,500 .. 100,000 cycles)
 *   panel ccb      long bulk connections into a TOE whose CCB table holds 8: connections on the card
 * </pre>
 * Server cycles per connection = the server's CPU utilisation x cores x clock x simulated time /
 * connections (every cycle the server spent, the client's not counted).
 */
final class OffloadLosesExperiment implements Experiment {
    static final String HOST = "host stack";
    static final String ALWAYS = "TOE, offload always";
    static final String LONG_ONLY = "TOE, offload after 64 KiB";
    /** "Within 5 % of the host stack". */
    static final double LONG_ONLY_TOLERANCE = 0.05;

    @Override
    public String name() {
        return "offload-loses";
    }

    @Override
    public Findings analyse(ExperimentPlan plan, List<ExperimentRunner.Row> rows) {
        List<Findings.Figure> figures = new ArrayList<>();
        List<String> table = new ArrayList<>();
        List<Findings.Verdict> verdicts = new ArrayList<>();
        Points size = Points.of(rows, "size", OffloadLosesExperiment::kcyclesPerConnection);
        Points handoff = Points.of(rows, "handoff", OffloadLosesExperiment::kcyclesPerConnection);
        Points ccb = Points.of(rows, "ccb", r -> (double) server(r.summary().nics()).offloads());
        if (!size.isEmpty()) {
            figures.add(size.figure("size", "Server CPU per short connection (default costs)",
                    "connection size (bytes, log)", "server kcycles per connection", true, false));
            table.addAll(size.table("size (bytes)", "server kcycles per connection"));
            double x0 = size.xs().get(0);
            double host = size.mean(HOST, x0);
            double always = size.mean(ALWAYS, x0);
            verdicts.add(new Findings.Verdict(
                    "Mogul 2003: handing every connection to the TOE costs short connections more than the host "
                            + "stack (at " + fmtBytes(x0) + ", default costs)",
                    String.format(Locale.ROOT, "%.1f kcycles per connection with the TOE, %.1f with the host stack "
                            + "(%+.0f %%)", always, host, 100 * (always / host - 1)),
                    always >= host * 0.98,
                    "ToeSim's default offload command costs 1,500 host cycles (a 2003 driver building and posting "
                            + "one command): a handoff and a flush cost less than the host stack's per-segment work "
                            + "for even one segment of data, so with these costs offload never loses; the handoff "
                            + "panel shows the per-command cost above which it does"));
            List<Double> small = new ArrayList<>();
            for (double x : size.xs()) {
                if (x < 64 * 1024) {
                    small.add(x);
                }
            }
            verdicts.add(longOnlyVerdict(size, small, "connection sizes below 64 KiB"));
        }
        if (!handoff.isEmpty()) {
            figures.add(handoff.figure("handoff", "Server CPU per 4 KiB connection against the handoff cost",
                    "host cycles per offload command (log)", "server kcycles per connection", true, false));
            table.addAll(handoff.table("cycles per offload command", "server kcycles per connection"));
            double crossover = Double.NaN;
            for (double x : handoff.xs()) {
                if (handoff.mean(ALWAYS, x) > handoff.mean(HOST, x)) {
                    crossover = x;
                    break;
                }
            }
            double last = handoff.xs().get(handoff.xs().size() - 1);
            verdicts.add(new Findings.Verdict(
                    "With a costly handoff the TOE that offloads every connection does worse than the host stack "
                            + "on short connections",
                    Double.isNaN(crossover) ? "no handoff cost in the panel makes the TOE lose" : String.format(
                            Locale.ROOT, "it loses from %,.0f cycles per command on (at %,.0f: %.1f against %.1f "
                                    + "kcycles per connection)", crossover, last, handoff.mean(ALWAYS, last),
                            handoff.mean(HOST, last)),
                    !Double.isNaN(crossover), "the panel's costs never reach the break-even"));
            verdicts.add(longOnlyVerdict(handoff, handoff.xs(), "every handoff cost (4 KiB connections)"));
        }
        if (!ccb.isEmpty()) {
            List<double[]> model = new ArrayList<>();
            for (double n : ccb.xs()) {
                model.add(new double[] {n, Math.min(n, 8), Math.min(n, 8), Math.min(n, 8)});
            }
            figures.add(ccb.figure("ccb", "Long connections on a card whose CCB table holds 8",
                    "long connections", "connections offloaded", false, false,
                    new Findings.Curve("min(connections, table capacity)", model, true)));
            table.addAll(ccb.table("long connections", "connections offloaded"));
            boolean exact = true;
            StringBuilder measured = new StringBuilder();
            for (double n : ccb.xs()) {
                double on = ccb.mean(ccb.series().get(0), n);
                exact &= on == Math.min(n, 8);
                measured.append(measured.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.0f of %.0f",
                        on, n));
            }
            verdicts.add(new Findings.Verdict("With more long connections than the CCB table holds, the table's "
                    + "capacity runs on the card and the rest stays on the host", measured + " offloaded", exact,
                    "a connection beyond the table's capacity was offloaded, or one within it was refused"));
        }
        return new Findings(figures, table, verdicts);
    }

    private static Findings.Verdict longOnlyVerdict(Points p, List<Double> xs, String where) {
        double worst = 0;
        for (double x : xs) {
            worst = Math.max(worst, Math.abs(p.mean(LONG_ONLY, x) / p.mean(HOST, x) - 1));
        }
        return new Findings.Verdict("Offloading only long connections (after 64 KiB) costs what the host stack costs "
                + "on short ones: within " + Math.round(100 * LONG_ONLY_TOLERANCE) + " % at " + where,
                String.format(Locale.ROOT, "largest difference %.1f %%", 100 * worst), worst <= LONG_ONLY_TOLERANCE,
                "the policy's check itself costs the host");
    }

    /** Every cycle the server spent, per connection, in thousands. */
    static double kcyclesPerConnection(ExperimentRunner.Row r) {
        return HostCycles.total(r, 1) / connections(r.scenario().workloads().get(0)) / 1e3;
    }

    private static int connections(WorkloadSpec w) {
        if (w instanceof ShortConnectionsWorkload s) {
            return s.count();
        } else if (w instanceof BulkWorkload b) {
            return b.connections();
        }
        throw new IllegalStateException("offload-loses expects shortConnections or bulk workloads, got " + w);
    }

    private static NicReport server(List<NicReport> nics) {
        return nics.get(1);
    }

    static String fmtBytes(double b) {
        return b >= 1024 * 1024 ? String.format(Locale.ROOT, "%.0f MiB", b / 1024 / 1024)
                : b >= 1024 ? String.format(Locale.ROOT, "%.0f KiB", b / 1024) : String.format(Locale.ROOT, "%.0f B", b);
    }
}
