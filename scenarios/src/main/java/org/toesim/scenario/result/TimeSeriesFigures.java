package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.List;
import org.toesim.scenario.figure.Axis;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.Marker;
import org.toesim.scenario.figure.Quantity;
import org.toesim.scenario.figure.Series;

/**
 * The figures of a run's {@link TimeSeries}: one per metric, one line per column of that metric
 * (its subject: a connection, a host), against simulated time; the unit of the y axis follows the
 * metric's name ({@code ...Bytes}, {@code ...BitsPerSec}, {@code ...Utilization}).
 */
public final class TimeSeriesFigures {
    private TimeSeriesFigures() {
    }

    /** One figure per metric of the series, in column order, with no markers. */
    public static List<Figure> of(TimeSeries ts) {
        return of(ts, List.of());
    }

    /**
     * One figure per metric; the markers (offloads, flushes, faults) go on the per-connection
     * figures, whose lines they concern.
     */
    public static List<Figure> of(TimeSeries ts, List<Marker> connectionMarkers) {
        List<Figure> figures = new ArrayList<>();
        double[] x = times(ts, ts.rows());
        for (String metric : ts.metrics()) {
            List<Series> lines = new ArrayList<>();
            for (int c = 0; c < ts.columns().size(); c++) {
                String col = ts.columns().get(c);
                if (TimeSeries.metricOf(col).equals(metric)) {
                    double[] y = new double[ts.rows()];
                    for (int r = 0; r < ts.rows(); r++) {
                        y[r] = ts.value(c, r);
                    }
                    lines.add(Series.of(TimeSeries.subjectOf(col), x, y, Series.Style.LINE));
                }
            }
            boolean perConnection = metric.equals("cwndBytes") || metric.equals("throughputBitsPerSec")
                    || metric.equals("srttPs");
            figures.add(figure(metric, label(metric) + (perConnection ? ", per connection" : ", per host"), lines,
                    perConnection ? connectionMarkers : List.of()));
        }
        return figures;
    }

    /** A time-series figure of {@code metric} named {@code plot-<metric>}. */
    static Figure figure(String metric, String title, List<Series> lines, List<Marker> markers) {
        return new Figure("plot-" + Figure.stem(metric), title, Axis.time(),
                Axis.linear(label(metric), Quantity.ofMetric(metric)), lines, markers);
    }

    /** The interval end times of the first {@code rows} rows, in picoseconds. */
    static double[] times(TimeSeries ts, int rows) {
        double[] x = new double[rows];
        for (int r = 0; r < rows; r++) {
            x[r] = ts.timePs(r);
        }
        return x;
    }

    /** What a metric measures, in words, without its unit (the axis adds that). */
    static String label(String metric) {
        return switch (metric) {
            case "cwndBytes" -> "congestion window";
            case "throughputBitsPerSec" -> "goodput";
            case "srttPs" -> "smoothed RTT";
            case "cpuUtilization" -> "host CPU utilisation (all cores)";
            case "pcieUtilizationToHost" -> "PCIe utilisation, device to host";
            case "pcieUtilizationToDevice" -> "PCIe utilisation, host to device";
            case "cardUtilization" -> "card core utilisation (all cores)";
            case "ccbOccupancy" -> "CCB slots in use";
            case "cardQueueDepth" -> "work items waiting for a card core";
            default -> metric;
        };
    }
}
