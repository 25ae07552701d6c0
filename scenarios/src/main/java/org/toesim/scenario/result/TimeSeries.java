package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Values sampled once per interval: a time column ({@code long} picoseconds, the end of each
 * interval) and named value columns. Column names are {@code <subject>.<metric>}, e.g.
 * {@code w0.c0.cwndBytes}, {@code w0.c0.throughputBitsPerSec}, {@code a.cpuUtilization},
 * {@code b.pcieUtilizationToHost}; plots group columns by the metric after the last dot.
 *
 * <p>Rows are appended by the model's sampler; not thread-safe.
 */
public final class TimeSeries {
    private final long intervalPs;
    private final List<String> columns;
    private long[] timesPs = new long[64];
    private double[][] values;
    private int rows;

    /** An empty series sampled every {@code intervalPs} with the given value columns. */
    public TimeSeries(long intervalPs, List<String> columns) {
        if (intervalPs < 0) {
            throw new IllegalArgumentException("negative interval " + intervalPs);
        }
        this.intervalPs = intervalPs;
        this.columns = List.copyOf(columns);
        if (this.columns.stream().distinct().count() != this.columns.size()) {
            throw new IllegalArgumentException("duplicate column names in " + columns);
        }
        this.values = new double[this.columns.size()][64];
    }

    /** A series with no columns and no rows (sampling off). */
    public static TimeSeries empty() {
        return new TimeSeries(0, List.of());
    }

    /** Appends one row; {@code rowValues} in column order, times strictly increasing. */
    public void addRow(long timePs, double... rowValues) {
        if (rowValues.length != columns.size()) {
            throw new IllegalArgumentException("row has " + rowValues.length + " values, series has "
                    + columns.size() + " columns");
        }
        if (rows > 0 && timePs <= timesPs[rows - 1]) {
            throw new IllegalArgumentException("time " + timePs + " ps is not after " + timesPs[rows - 1] + " ps");
        }
        if (rows == timesPs.length) {
            int cap = rows * 2;
            timesPs = Arrays.copyOf(timesPs, cap);
            for (int c = 0; c < values.length; c++) {
                values[c] = Arrays.copyOf(values[c], cap);
            }
        }
        timesPs[rows] = timePs;
        for (int c = 0; c < rowValues.length; c++) {
            values[c][rows] = rowValues[c];
        }
        rows++;
    }

    public long intervalPs() {
        return intervalPs;
    }

    public List<String> columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public boolean isEmpty() {
        return rows == 0 || columns.isEmpty();
    }

    public long timePs(int row) {
        Objects.checkIndex(row, rows);
        return timesPs[row];
    }

    public double value(int column, int row) {
        Objects.checkIndex(row, rows);
        return values[column][row];
    }

    /** Index of a column by name, or -1. */
    public int columnIndex(String name) {
        return columns.indexOf(name);
    }

    /** The metric part of a column name: what follows the last dot. */
    public static String metricOf(String column) {
        return column.substring(column.lastIndexOf('.') + 1);
    }

    /** The subject part of a column name: what precedes the last dot. */
    public static String subjectOf(String column) {
        int dot = column.lastIndexOf('.');
        return dot < 0 ? column : column.substring(0, dot);
    }

    /** The distinct metrics in column order, e.g. {@code [cwndBytes, throughputBitsPerSec]}. */
    public List<String> metrics() {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            String m = metricOf(c);
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }
}
