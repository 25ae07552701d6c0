package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.List;
import org.toesim.core.units.Units;

/**
 * One plot's data: every column of a time series that measures the same metric, against
 * time in milliseconds.
 *
 * @param metric    e.g. {@code throughputBitsPerSec}
 * @param title     human title
 * @param xMs       x values (interval end times) in milliseconds
 * @param labels    one label per line (the column's subject, e.g. {@code w0.c0})
 * @param lines     y values per line, same length as {@code xMs}
 */
public record Chart(String metric, String title, double[] xMs, List<String> labels, List<double[]> lines) {

    /** One chart per metric of the series, in column order. */
    public static List<Chart> of(TimeSeries ts) {
        List<Chart> charts = new ArrayList<>();
        double[] x = new double[ts.rows()];
        for (int r = 0; r < ts.rows(); r++) {
            x[r] = ts.timePs(r) / (double) Units.PS_PER_MS;
        }
        for (String metric : ts.metrics()) {
            List<String> labels = new ArrayList<>();
            List<double[]> lines = new ArrayList<>();
            for (int c = 0; c < ts.columns().size(); c++) {
                String col = ts.columns().get(c);
                if (TimeSeries.metricOf(col).equals(metric)) {
                    double[] y = new double[ts.rows()];
                    for (int r = 0; r < ts.rows(); r++) {
                        y[r] = ts.value(c, r);
                    }
                    labels.add(TimeSeries.subjectOf(col));
                    lines.add(y);
                }
            }
            charts.add(new Chart(metric, title(metric), x, labels, lines));
        }
        return charts;
    }

    /** File name without extension, e.g. {@code plot-cwndBytes}. */
    public String fileStem() {
        return "plot-" + metric.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** "throughputBitsPerSec" -&gt; "throughput (bits/s)", and similar for the known metrics. */
    static String title(String metric) {
        switch (metric) {
            case "cwndBytes": return "congestion window (bytes)";
            case "throughputBitsPerSec": return "throughput (bits/s)";
            case "cpuUtilization": return "CPU utilisation";
            case "pcieUtilizationToHost": return "PCIe utilisation, device to host";
            case "pcieUtilizationToDevice": return "PCIe utilisation, host to device";
            default: return metric;
        }
    }
}
