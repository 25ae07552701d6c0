package org.toesim.scenario.result;

import java.util.List;

/** Hand-built results for testing the writers and comparisons (no model involved). */
public final class Fixtures {
    private Fixtures() {
    }

    public static SummaryReport summary(double goodputBitsPerSec, String digest) {
        return new SummaryReport("bulk-toe", 7, RunStatus.COMPLETED, null, 53_000_000_000L, 812, 1_234_567,
                List.of(new ConnectionReport("w0.c0", "a", "b", 67_108_864, goodputBitsPerSec, 3, true, 0, "ok")),
                List.of(new HostReport("a", 0.42, 0.0, 1.8), new HostReport("b", 0.05, 0.02, 0.01)),
                List.of(new NicReport("a", "plain", 0, 0, 0, 0, 46_000, 0.61, 0.05),
                        new NicReport("b", "toe", 1, 0, 0, 45_900, 12, 0.62, 0.04)),
                List.of(new LinkReport("a-b", "a", "b", 46_010, 46_000, 9, 1, 0, 0),
                        new LinkReport("a-b", "b", "a", 23_000, 23_000, 0, 0, 0, 0)),
                digest);
    }

    public static TimeSeries series() {
        TimeSeries ts = new TimeSeries(1_000_000_000L, List.of("w0.c0.cwndBytes", "w0.c0.throughputBitsPerSec",
                "a.cpuUtilization", "b.cpuUtilization", "b.pcieUtilizationToHost"));
        for (int i = 1; i <= 20; i++) {
            ts.addRow(i * 1_000_000_000L, 14_600.0 * i, 9.4e9 * (1 - Math.exp(-i / 3.0)), 0.4, 0.05, 0.6);
        }
        return ts;
    }
}
