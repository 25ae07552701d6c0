package org.toesim.scenario.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.toesim.scenario.spec.RequestResponseWorkload;
import org.toesim.scenario.spec.WorkloadSpec;

/**
 * The handoff policy on a web-server-like mix (after Kim and Rixner, OSDI 2006): 100 page
 * connections (4 requests of 8 KiB each, 500 us apart) and N downloads of 4 MiB from one TOE
 * server; never, always, after 64 KiB and auto. Two metrics pull against each other: every
 * cycle the server spent per request, and the mix's completion time (the simulated time until
 * the last response byte). The client keeps 4095 receive buffers posted so its NIC drops nothing.
 */
final class PolicyMixExperiment implements Experiment {
    @Override
    public String name() {
        return "policy-mix";
    }

    @Override
    public Findings analyse(ExperimentPlan plan, List<ExperimentRunner.Row> rows) {
        Points cpu = Points.of(rows, "mix", PolicyMixExperiment::kcyclesPerRequest);
        Points time = Points.of(rows, "mix", r -> r.summary().simTimePs() / 1e9);
        Points drops = Points.of(rows, "mix", r -> (double) r.summary().nics().get(1).rxDrops());
        List<Findings.Figure> figures = List.of(
                cpu.figure("cpu", "Server CPU per request", "downloads (4 MiB each)", "server kcycles per request",
                        false, true),
                time.figure("time", "Completion time of the mix", "downloads (4 MiB each)", "completion time (ms)",
                        false, false));
        List<String> table = new ArrayList<>();
        table.addAll(cpu.table("downloads", "server kcycles per request"));
        table.addAll(time.table("downloads", "completion time (ms)"));
        table.addAll(drops.table("downloads", "frames dropped at the server's NIC"));
        table.add("");
        table.add("best policy per mix:");
        table.add("");
        table.add("| downloads | least server CPU | soonest done |");
        table.add("|---|---|---|");
        for (double x : cpu.xs()) {
            table.add("| " + Math.round(x) + " | " + best(cpu, x) + " | " + best(time, x) + " |");
        }
        List<Findings.Verdict> verdicts = new ArrayList<>();
        boolean alwaysLeast = true;
        boolean selectiveNoWorse = true;
        StringBuilder m1 = new StringBuilder();
        for (double x : cpu.xs()) {
            alwaysLeast &= best(cpu, x).equals("always");
            double never = cpu.mean("never", x);
            for (String s : cpu.series()) {
                if (s.startsWith("after") || s.startsWith("auto")) {
                    selectiveNoWorse &= cpu.mean(s, x) <= never * 1.02;
                }
            }
            m1.append(m1.length() == 0 ? "" : "; ").append(String.format(Locale.ROOT, "%d downloads: always %.1f, "
                    + "never %.1f kcycles", Math.round(x), cpu.mean("always", x), never));
        }
        verdicts.add(new Findings.Verdict("Offloading every connection costs the server the least CPU per request "
                + "on every mix", m1.toString(), alwaysLeast, "another policy is cheaper on some mix (table)"));
        verdicts.add(new Findings.Verdict("A selective policy (after 64 KiB, auto) never costs the server more CPU "
                + "than never offloading (within 2 %)", "see the table", selectiveNoWorse,
                "a selective policy pays handoffs that save less than they cost"));
        double xMax = time.xs().get(time.xs().size() - 1);
        double tNever = time.mean("never", xMax);
        double tAlways = time.mean("always", xMax);
        verdicts.add(new Findings.Verdict("With many long connections offloading everything costs completion time "
                + "(" + Math.round(xMax) + " downloads)", String.format(Locale.ROOT, "always %.1f ms, never %.1f ms; "
                + "%.0f frames dropped at the server's NIC with always, %.0f with never", tAlways, tNever,
                drops.mean("always", xMax), drops.mean("never", xMax)), tAlways > tNever,
                "the card keeps up with this mix"));
        return new Findings(figures, table, verdicts);
    }

    private static String best(Points p, double x) {
        String best = null;
        for (String s : p.series()) {
            if (best == null || p.mean(s, x) < p.mean(best, x)) {
                best = s;
            }
        }
        return best;
    }

    /** Every cycle the server spent over the requests it answered (pages and downloads). */
    static double kcyclesPerRequest(ExperimentRunner.Row r) {
        double cycles = HostCycles.total(r, 1);
        long requests = 0;
        for (WorkloadSpec w : r.scenario().workloads()) {
            RequestResponseWorkload rr = (RequestResponseWorkload) w;
            requests += (long) rr.requests() * rr.connections();
        }
        return cycles / requests / 1e3;
    }
}
