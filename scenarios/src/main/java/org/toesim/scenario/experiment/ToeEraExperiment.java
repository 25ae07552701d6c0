package org.toesim.scenario.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Chelsio-era TOE against its host (Feng et al., Hot Interconnects 2005: a 10GbE TOE reached
 * 7.6-7.9 Gbit/s at about 50 % host CPU), and the same experiment on modern profiles at
 * 100 Gbit/s: does offload still pay? One bulk flow a -&gt; b; the MTU of the sender's port is
 * swept (the receiver's is 9000, so the sender's sets the segment size).
 *
 * <pre>
 *   panel era2005    10 Gbit/s, 2003 cost profile: host stack, T110-like TOE receiver, TOE at both ends
 *   panel modern100  100 Gbit/s, modern profile: host stack with LRO, modern TOE receiver, at both ends
 * </pre>
 * Metrics: goodput, and each host's CPU utilisation over all its cores.
 */
final class ToeEraExperiment implements Experiment {
    @Override
    public String name() {
        return "toe-era";
    }

    @Override
    public Findings analyse(ExperimentPlan plan, List<ExperimentRunner.Row> rows) {
        List<Findings.Figure> figures = new ArrayList<>();
        List<String> table = new ArrayList<>();
        List<Findings.Verdict> verdicts = new ArrayList<>();
        for (ExperimentPlan.Panel p : plan.panels()) {
            Points goodput = Points.of(rows, p.name(), r -> r.summary().connections().get(0).goodputBitsPerSec() / 1e9);
            Points rxCpu = Points.of(rows, p.name(), r -> 100 * HostCycles.report(r, 1).cpuUtilization());
            Points txCpu = Points.of(rows, p.name(), r -> 100 * HostCycles.report(r, 0).cpuUtilization());
            if (goodput.isEmpty()) {
                continue;
            }
            figures.add(goodput.figure(p.name() + "-goodput", "Goodput, " + p.title(), "MTU (bytes)",
                    "goodput (Gbit/s)", false, false));
            figures.add(rxCpu.figure(p.name() + "-cpu", "Receiver CPU, " + p.title(), "MTU (bytes)",
                    "receiver CPU (% of 4 cores)", false, false));
            table.addAll(goodput.table("MTU (" + p.title() + ")", "goodput (Gbit/s), " + p.title()));
            table.addAll(rxCpu.table("MTU (" + p.title() + ")", "receiver CPU (% of 4 cores), " + p.title()));
            table.addAll(txCpu.table("MTU (" + p.title() + ")", "sender CPU (% of 4 cores), " + p.title()));
            double mtu = goodput.xs().get(goodput.xs().size() - 1);
            String host = goodput.series().get(0);
            String both = goodput.series().get(2);
            double gHost = goodput.mean(host, mtu);
            double gToe = goodput.mean(both, mtu);
            double cHost = rxCpu.mean(host, mtu);
            double cToe = rxCpu.mean(both, mtu);
            if (p.name().equals("era2005")) {
                verdicts.add(new Findings.Verdict("Feng et al. 2005: the 10GbE TOE reaches 7.6-7.9 Gbit/s (T110-like "
                        + "TOE at both ends, MTU " + Math.round(mtu) + ", within 10 %)",
                        String.format(Locale.ROOT, "%.2f Gbit/s", gToe), gToe >= 7.6 * 0.9 && gToe <= 7.9 * 1.1,
                        "neither ToeSim's T110-like card nor its PCIe Gen3 x8 attachment limits a 10 Gbit/s flow; "
                                + "the measured card sat on a 2005 host's PCI-X bus (8.5 Gbit/s raw), a bus ToeSim "
                                + "does not model"));
                verdicts.add(new Findings.Verdict("... at about 50 % host CPU (receiver, within 20 points)",
                        String.format(Locale.ROOT, "%.1f %% of the receiver's 4 cores", cToe), Math.abs(cToe - 50) <= 20,
                        "ToeSim's TOE places payload straight into the application's posted buffers (zero copy): "
                                + "what is left on the host is posting buffers and taking completions; a host that "
                                + "copies received data from kernel buffers pays its per-byte copy on top "
                                + "(host-cpu-cost)"));
                verdicts.add(new Findings.Verdict("In 2005 offload paid: the TOE moved more (by a fifth or more) at a "
                        + "tenth of the receiver CPU or less than the CPU-bound host stack (MTU " + Math.round(mtu) + ")",
                        String.format(Locale.ROOT, "%.2f against %.2f Gbit/s, %.1f %% against %.1f %% CPU", gToe, gHost,
                                cToe, cHost), gToe >= 1.2 * gHost && cToe <= 0.1 * cHost,
                        "the 2003 host stack is not CPU-bound in this configuration"));
            } else {
                verdicts.add(new Findings.Verdict("At 100 Gbit/s a modern host stack with LRO moves at least as much as "
                        + "the modern TOE profile (MTU " + Math.round(mtu) + "): offload no longer pays in throughput",
                        String.format(Locale.ROOT, "host stack %.2f, TOE at both ends %.2f Gbit/s", gHost, gToe),
                        gHost >= gToe, "the modern card profile's cores outrun one modern host core"));
                verdicts.add(new Findings.Verdict("... but it still saves host CPU: the TOE receiver uses under a tenth "
                        + "of the host stack's", String.format(Locale.ROOT, "%.1f %% against %.1f %%", cToe, cHost),
                        cToe <= 0.1 * cHost, "the TOE's per-request host costs dominate at this rate"));
            }
        }
        return new Findings(figures, table, verdicts);
    }
}
