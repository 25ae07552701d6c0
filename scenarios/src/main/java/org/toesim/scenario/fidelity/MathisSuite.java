package org.toesim.scenario.fidelity;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.spec.ScenarioException;

/**
 * NewReno over 1 Gbit/s, 1 ms each way with Bernoulli loss of data frames, against the Mathis
 * relation (Mathis, Semke, Mahdavi, Ott, CCR 1997): goodput = MSS / RTT * C / sqrt(p), so
 * {@code C = goodput * RTT * sqrt(p) / MSS}. Theory gives C = sqrt(3/2) = 1.22 for one ACK per
 * segment and sqrt(3/4) = 0.87 with delayed ACKs growing the window per ACK (RFC 5681 3.1);
 * Linux counts acknowledged segments ({@code tcp_cong_avoid_ai}), which takes it back to ~1.2-1.4.
 * RTT is the base RTT as ns-3's {@code tcpbench} takes it: 2 x one-way delay + one 1500-byte
 * packet's serialisation. The scenario at p = 1e-4 and 1 GiB is ns-3's S4 ({@code S4_1G}).
 */
public final class MathisSuite {
    /** Payload bytes per segment (MSS 1460 less the 12-byte timestamp option). */
    public static final double SEGMENT_PAYLOAD_BYTES = 1448;
    /** 2 x 1 ms + 1500 B at 1 Gbit/s. */
    public static final double BASE_RTT_S = 2e-3 + 1500 * 8 / 1e9;
    /** ns-3.37's S4_1G goodput (NewReno, 1 GiB, 1e-4), {@code bench/ns3}. */
    public static final double NS3_S4_GBPS = 0.528;

    private MathisSuite() {
    }

    /**
     * One loss rate's transfer size: about 100 losses or more (1 GiB at 1e-4 is S4's size and
     * gives ~74).
     */
    public static String sizeFor(double p) {
        return p <= 1e-4 ? "1GiB" : p <= 1e-3 ? "160MiB" : "16MiB";
    }

    /**
     * One run.
     *
     * @param profile     {@code rfc} or {@code linux}
     * @param loss        loss probability of data frames
     * @param seed        seed
     * @param size        transfer size
     * @param goodputMbps the connection's goodput
     * @param retransmits segments retransmitted
     * @param wallMs      simulation wall time
     */
    public record Point(String profile, double loss, long seed, String size, double goodputMbps, long retransmits,
                        long wallMs) {
        /** The Mathis constant of this run. */
        public double c() {
            return goodputMbps * 1e6 / 8 * BASE_RTT_S * Math.sqrt(loss) / SEGMENT_PAYLOAD_BYTES;
        }
    }

    /** Runs {@code file} (NewReno, one bulk flow) for each profile, loss and seed. */
    public static List<Point> run(ScenarioExecutor model, Path file, List<String> profiles, List<Double> losses,
                                  List<Long> seeds) throws IOException, ScenarioException {
        List<Point> out = new ArrayList<>();
        for (String profile : profiles) {
            for (double p : losses) {
                for (long seed : seeds) {
                    String size = sizeFor(p);
                    List<String> sets = List.of("workloads[0].tcp.profile=" + profile,
                            "links[0].impairments.loss=" + String.format(Locale.ROOT, "%s", p),
                            "workloads[0].size=" + size);
                    long t0 = System.nanoTime();
                    SeedRun r = SeedRun.run(model, file, seed, sets, null);
                    long wallMs = (System.nanoTime() - t0) / 1_000_000;
                    ConnectionReport c = r.summary().connections().get(0);
                    if (!r.summary().status().valid() || !c.finished()) {
                        throw new IOException("mathis " + profile + " p=" + p + " seed " + seed + " did not finish");
                    }
                    out.add(new Point(profile, p, seed, size, c.goodputBitsPerSec() / 1e6, c.retransmits(), wallMs));
                }
            }
        }
        return out;
    }

    /** Mean C per (profile, p) against the profile's band. */
    public static List<Check> checks(List<Point> points, FidelityLimits l) {
        List<Check> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Point p : points) {
            String key = p.profile() + " " + p.loss();
            if (seen.contains(key)) {
                continue;
            }
            seen.add(key);
            List<Point> same = points.stream().filter(q -> q.profile().equals(p.profile()) && q.loss() == p.loss()).toList();
            double c = Stats.mean(same, Point::c);
            boolean rfc = p.profile().equals("rfc");
            double lo = rfc ? l.mathisRfcLow() : l.mathisLinuxLow();
            double hi = rfc ? l.mathisRfcHigh() : l.mathisLinuxHigh();
            out.add(new Check("newreno " + p.profile(), "Mathis C at p=" + p.loss() + " (mean of " + same.size() + ")",
                    Check.f2(c), rfc ? "0.87 (sqrt 3/4)" : "Linux ~1.2-1.4", Check.f2(lo) + " - " + Check.f2(hi),
                    c >= lo && c <= hi));
        }
        return out;
    }
}
