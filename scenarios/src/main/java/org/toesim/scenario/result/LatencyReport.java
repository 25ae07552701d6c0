package org.toesim.scenario.result;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The distribution of one connection's (or short-connection workload's) latencies, in
 * picoseconds, written into {@code summary.json} as {@code latencies}. Percentiles use Commons
 * Math's default estimator (the one {@link org.toesim.core.stats.Tally} uses), so p50 here is
 * the p50 the default experiment prints.
 *
 * @param connection the connection row ({@code w1.c0}) or workload ({@code w2.all})
 * @param kind       {@code request}: a request's send call to its response's last byte at the
 *                   client; {@code connection}: a short connection's connect call to its last byte
 * @param count      samples (every completed request or connection of the run, warm-up included)
 */
public record LatencyReport(String connection, String kind, long count, double minPs, double meanPs, double p50Ps,
                            double p90Ps, double p99Ps, double p999Ps, double maxPs) {
    /** The report of {@code samples}; NaN figures when there are none. */
    public static LatencyReport of(LatencySamples samples) {
        double[] v = samples.valuesPs();
        if (v.length == 0) {
            return new LatencyReport(samples.connection(), samples.kind(), 0, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        Percentile p = new Percentile();
        p.setData(sorted);
        return new LatencyReport(samples.connection(), samples.kind(), v.length, sorted[0],
                Arrays.stream(v).sum() / v.length, p.evaluate(50), p.evaluate(90), p.evaluate(99), p.evaluate(99.9),
                sorted[sorted.length - 1]);
    }
}
