package org.toesim.scenario.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.spec.BulkWorkload;
import org.toesim.scenario.spec.LinkSpec;

/**
 * TCP under random loss: one long NewReno flow over Bernoulli loss of data frames at 2 ms and
 * 20 ms RTT, against
 * <ul>
 *   <li>Mathis, Semke, Mahdavi, Ott (CCR 1997): goodput = MSS / RTT x C / sqrt(p), so
 *       {@code C = goodput x RTT x sqrt(p) / MSS}; C = sqrt(3/2) = 1.22 when the window grows by
 *       one segment per RTT (one ACK per segment, or Linux counting acknowledged segments) and
 *       sqrt(3/4) = 0.87 with delayed ACKs growing it per ACK (the {@code rfc} profile);</li>
 *   <li>Padhye, Firoiu, Towsley, Kurose (SIGCOMM 1998), the full model with timeouts:
 *       B = min(Wmax / RTT, 1 / (RTT sqrt(2bp/3) + T0 min(1, 3 sqrt(3bp/8)) p (1 + 32 p^2)))
 *       segments per second, b = 2 ({@code rfc}: delayed ACKs) or 1 ({@code linux}),
 *       T0 = the minimum RTO (200 ms) + RTT, Wmax = the receive buffer in segments. PFTK models
 *       Reno's recovery, so its verdict is on the series that runs Reno without SACK; the SACK
 *       series are drawn beside it (they recover several losses per window without a timeout).</li>
 * </ul>
 * RTT is the base RTT (2 x one-way delay + one 1500-byte frame's serialisation); goodput is the
 * bytes the receiving application accepted over the run's simulated time.
 */
final class RandomLossExperiment implements Experiment {
    static final double SEGMENT_PAYLOAD_BYTES = 1448;
    static final double MIN_RTO_S = 0.2;
    /** Mathis C bands at p <= 1e-3: the fidelity suite's (docs/tcp-fidelity.md). */
    static final double RFC_LOW = 0.8;
    static final double RFC_HIGH = 1.0;
    static final double LINUX_LOW = 1.1;
    static final double LINUX_HIGH = 1.5;
    /** PFTK agreement where timeouts matter (p >= 1e-2). */
    static final double PFTK_TOLERANCE = 0.25;

    @Override
    public String name() {
        return "random-loss";
    }

    @Override
    public Findings analyse(ExperimentPlan plan, List<ExperimentRunner.Row> rows) {
        List<Findings.Figure> figures = new ArrayList<>();
        List<String> table = new ArrayList<>();
        List<Findings.Verdict> verdicts = new ArrayList<>();
        for (ExperimentPlan.Panel panel : plan.panels()) {
            List<ExperimentRunner.Row> mine = rows.stream().filter(r -> r.panel().name().equals(panel.name())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            ExperimentRunner.Row any = mine.get(0);
            double rtt = baseRttS(any);
            double wmax = receiveBufferSegments(any);
            Points goodput = Points.of(mine, panel.name(), RandomLossExperiment::goodputMbps);
            Points c = Points.of(mine, panel.name(), r -> goodputMbps(r) * 1e6 / 8 * rtt * Math.sqrt(lossOf(r))
                    / SEGMENT_PAYLOAD_BYTES);
            List<Findings.Curve> models = new ArrayList<>();
            List<double[]> m122 = new ArrayList<>();
            List<double[]> m087 = new ArrayList<>();
            List<double[]> pftk1 = new ArrayList<>();
            List<double[]> pftk2 = new ArrayList<>();
            for (double p : goodput.xs()) {
                double a = mbps(1.22 * SEGMENT_PAYLOAD_BYTES / rtt / Math.sqrt(p));
                double b = mbps(0.87 * SEGMENT_PAYLOAD_BYTES / rtt / Math.sqrt(p));
                m122.add(new double[] {p, a, a, a});
                m087.add(new double[] {p, b, b, b});
                double p1 = mbps(pftk(p, rtt, 1, wmax) * SEGMENT_PAYLOAD_BYTES);
                double p2 = mbps(pftk(p, rtt, 2, wmax) * SEGMENT_PAYLOAD_BYTES);
                pftk1.add(new double[] {p, p1, p1, p1});
                pftk2.add(new double[] {p, p2, p2, p2});
            }
            models.add(new Findings.Curve("Mathis C = 1.22", m122, true));
            models.add(new Findings.Curve("Mathis C = 0.87", m087, true));
            models.add(new Findings.Curve("PFTK, b = 1", pftk1, true));
            models.add(new Findings.Curve("PFTK, b = 2", pftk2, true));
            figures.add(goodput.figure(panel.name(), "Goodput under random loss, " + panel.title()
                    + " (simulated and models)", "loss probability p (log)", "goodput (Mbit/s, log)", true, true,
                    models.toArray(new Findings.Curve[0])));
            table.addAll(c.table("p (" + panel.title() + ")", "Mathis C = goodput x RTT x sqrt(p) / MSS, "
                    + panel.title()));
            table.addAll(goodput.table("p (" + panel.title() + ")", "goodput (Mbit/s), " + panel.title()));
            for (String series : c.series()) {
                boolean reno = series.startsWith("Reno");
                boolean rfc = series.contains("rfc");
                double lo = rfc ? RFC_LOW : LINUX_LOW;
                double hi = rfc ? RFC_HIGH : LINUX_HIGH;
                StringBuilder measured = new StringBuilder();
                boolean ok = true;
                boolean any1 = false;
                for (double p : c.xs()) {
                    if (p <= 1e-3) {
                        double v = c.mean(series, p);
                        ok &= v >= lo && v <= hi;
                        any1 = true;
                        measured.append(measured.length() == 0 ? "" : ", ")
                                .append(String.format(Locale.ROOT, "C = %.2f at p = %s", v, HostCycles.plain(p)));
                    }
                }
                if (any1 && !reno) {
                    verdicts.add(new Findings.Verdict("Mathis: " + series + ", " + panel.title() + ", p <= 1e-3: C in "
                            + lo + " .. " + hi + (rfc ? " (0.87 with delayed ACKs)" : " (1.22; Linux reaches 1.2-1.4)"),
                            measured.toString(), ok, "outside the band (see the table)"));
                }
                int b = rfc ? 2 : 1;
                StringBuilder pm = new StringBuilder();
                boolean pok = true;
                boolean any2 = false;
                for (double p : goodput.xs()) {
                    if (p >= 1e-2) {
                        double sim = goodput.mean(series, p);
                        double model = mbps(pftk(p, rtt, b, wmax) * SEGMENT_PAYLOAD_BYTES);
                        double rel = sim / model - 1;
                        pok &= Math.abs(rel) <= PFTK_TOLERANCE;
                        any2 = true;
                        pm.append(pm.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                                "%.2f against %.2f Mbit/s (%+.0f %%) at p = %s", sim, model, 100 * rel, HostCycles.plain(p)));
                    }
                }
                if (any2 && reno) {
                    verdicts.add(new Findings.Verdict("PFTK (b = " + b + "): " + series + ", " + panel.title()
                            + ", p >= 1e-2 (timeouts matter): within " + Math.round(100 * PFTK_TOLERANCE) + " %",
                            pm.toString(), pok, "PFTK's loss model is not Bernoulli: once a segment of a round "
                                    + "is lost it takes every later one of that round as lost, which makes timeouts "
                                    + "(T0 = 200 ms, 100 RTTs at 2 ms) likelier than independent losses do, so it "
                                    + "predicts less than a Reno that loses segments independently gets"));
                }
            }
        }
        return new Findings(figures, table, verdicts);
    }

    /** PFTK throughput in segments per second (Padhye et al. 1998, equation (32), "full model"). */
    static double pftk(double p, double rttS, int b, double wmaxSegments) {
        double t0 = MIN_RTO_S + rttS;
        double denom = rttS * Math.sqrt(2.0 * b * p / 3.0)
                + t0 * Math.min(1.0, 3.0 * Math.sqrt(3.0 * b * p / 8.0)) * p * (1 + 32 * p * p);
        return Math.min(wmaxSegments / rttS, 1.0 / denom);
    }

    static double goodputMbps(ExperimentRunner.Row r) {
        ConnectionReport c = r.summary().connections().get(0);
        return c.bytesDelivered() * 8.0 / (r.summary().simTimePs() / 1e12) / 1e6;
    }

    private static double mbps(double bytesPerSecond) {
        return bytesPerSecond * 8 / 1e6;
    }

    static double lossOf(ExperimentRunner.Row r) {
        return Points.number(r.x());
    }

    /** 2 x one-way delay + one 1500-byte frame's serialisation. */
    static double baseRttS(ExperimentRunner.Row r) {
        LinkSpec l = r.scenario().links().get(0);
        return 2 * l.delayPs() / 1e12 + 1500 * 8.0 / l.rateBitsPerSec();
    }

    static double receiveBufferSegments(ExperimentRunner.Row r) {
        BulkWorkload w = (BulkWorkload) r.scenario().workloads().get(0);
        return w.tcp().receiveBufferBytes() / SEGMENT_PAYLOAD_BYTES;
    }
}
