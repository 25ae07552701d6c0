package org.toesim.scenario.result;

/**
 * A connection moved between host and card: the markers of the per-connection figures.
 *
 * @param timePs     when the step completed (the card installed the CCB, or the host runs it again)
 * @param connection the connection row ({@code w0.c0})
 * @param host       the TOE host whose card it concerns
 * @param offloaded  true: installed on the card; false: taken back by the host (flush)
 */
public record HandoffEvent(long timePs, String connection, String host, boolean offloaded) {
    /** The marker's label: {@code w0.c0 offloaded (b)}. */
    public String label() {
        return connection + (offloaded ? " offloaded" : " flushed") + " (" + host + ")";
    }
}
