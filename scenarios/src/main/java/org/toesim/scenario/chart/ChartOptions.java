package org.toesim.scenario.chart;

import org.toesim.core.units.Units;
/**
 * What goes into a chart.
 *
 * @param conn       only records of this connection ({@code x>y}, either direction), or null for all
 * @param fromPs     only records with {@code t >= fromPs}
 * @param toPs       only records with {@code t <= toPs}
 * @param mermaidMax at most this many records (arrows and notes) in the Mermaid diagram; 0 = no cap
 * @param focusHost  the host drawn first, or null for the host of the first {@code offload} lifeline
 * @param title      the chart's title (e.g. the trace's file name)
 */
public record ChartOptions(String conn, long fromPs, long toPs, int mermaidMax, String focusHost, String title) {
    /** The default cap of the Mermaid diagram: more than a few hundred arrows is no longer a diagram. */
    public static final int DEFAULT_MERMAID_MAX = 200;

    public ChartOptions {
        if (mermaidMax < 0) {
            throw new IllegalArgumentException("mermaidMax must be >= 0 (0 = no cap), got " + mermaidMax);
        }
        if (fromPs > toPs) {
            throw new IllegalArgumentException("the time window is empty: from " + Units.formatTime(fromPs)
                    + " is after to " + Units.formatTime(toPs));
        }
        title = title == null ? "trace" : title;
    }

    /** Everything, the default cap, focus host chosen from the trace. */
    public static ChartOptions all(String title) {
        return new ChartOptions(null, Long.MIN_VALUE, Long.MAX_VALUE, DEFAULT_MERMAID_MAX, null, title);
    }

    public ChartOptions withConn(String c) {
        return new ChartOptions(c, fromPs, toPs, mermaidMax, focusHost, title);
    }

    public ChartOptions withWindow(long from, long to) {
        return new ChartOptions(conn, from, to, mermaidMax, focusHost, title);
    }

    public ChartOptions withMermaidMax(int max) {
        return new ChartOptions(conn, fromPs, toPs, max, focusHost, title);
    }

    public ChartOptions withFocusHost(String host) {
        return new ChartOptions(conn, fromPs, toPs, mermaidMax, host, title);
    }

    /** True when a time bound was given. */
    boolean hasWindow() {
        return fromPs != Long.MIN_VALUE || toPs != Long.MAX_VALUE;
    }
}
