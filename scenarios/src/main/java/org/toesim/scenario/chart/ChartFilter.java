package org.toesim.scenario.chart;

/** The records a chart keeps: {@code fromPs <= t <= toPs}, and of the chosen connection if there is one. */
final class ChartFilter {
    private final String connKey;
    private final long fromPs;
    private final long toPs;

    ChartFilter(ChartOptions options) {
        this.connKey = options.conn() == null ? null : Connections.key(options.conn());
        this.fromPs = options.fromPs();
        this.toPs = options.toPs();
    }

    /** True when {@code e} goes into the chart; with a connection chosen, records without {@code conn} do not. */
    boolean accepts(TraceEvent e) {
        if (e.timePs() < fromPs || e.timePs() > toPs) {
            return false;
        }
        return connKey == null || e.conn() != null && connKey.equals(Connections.key(e.conn()));
    }
}
