package org.toesim.scenario.result;

/**
 * One adapter's results.
 *
 * @param host                    host it sits in
 * @param model                   {@code "plain"} or {@code "toe"}
 * @param offloads                connections handed to the card
 * @param offloadsRefused         offload requests the card declined (e.g. CCB table full)
 * @param offloadsNotPossible     offloads the policy asked for that the host did not even request,
 *                                because the adapter record ruled them out (every CCB of the table
 *                                in use, a TCP option the card lacks, the card failed): those
 *                                connections fell back to the host stack
 * @param flushes                 connections handed back to the host
 * @param fastPathSegments        segments the card processed itself
 * @param slowPathSegments        segments passed up to the host stack
 * @param pcieUtilizationToHost   busy fraction of the PCIe link, device to host
 * @param pcieUtilizationToDevice busy fraction of the PCIe link, host to device
 * @param card                    the TOE card's own figures; null for a plain NIC
 * @param rxDrops                 received frames the adapter dropped: no receive buffer posted
 *                                (Linux's rx_missed_errors, e.g. a burst longer than the ring while
 *                                the poll drains it) or one too small, and on a TOE also frames a
 *                                full card core queue refused; each is a loss TCP has to recover
 */
public record NicReport(String host, String model, long offloads, long offloadsRefused, long offloadsNotPossible,
                        long flushes, long fastPathSegments, long slowPathSegments, double pcieUtilizationToHost,
                        double pcieUtilizationToDevice, CardReport card, long rxDrops) {
    /** A report without receive drops (fixtures). */
    public NicReport(String host, String model, long offloads, long offloadsRefused, long offloadsNotPossible,
                     long flushes, long fastPathSegments, long slowPathSegments, double pcieUtilizationToHost,
                     double pcieUtilizationToDevice, CardReport card) {
        this(host, model, offloads, offloadsRefused, offloadsNotPossible, flushes, fastPathSegments, slowPathSegments,
                pcieUtilizationToHost, pcieUtilizationToDevice, card, 0);
    }

    /** A report without card figures (a plain NIC, or fixtures). */
    public NicReport(String host, String model, long offloads, long offloadsRefused, long offloadsNotPossible,
                     long flushes, long fastPathSegments, long slowPathSegments, double pcieUtilizationToHost,
                     double pcieUtilizationToDevice) {
        this(host, model, offloads, offloadsRefused, offloadsNotPossible, flushes, fastPathSegments, slowPathSegments,
                pcieUtilizationToHost, pcieUtilizationToDevice, null);
    }

    /** A report with no fallback counted (a plain NIC, or fixtures). */
    public NicReport(String host, String model, long offloads, long offloadsRefused, long flushes,
                     long fastPathSegments, long slowPathSegments, double pcieUtilizationToHost,
                     double pcieUtilizationToDevice) {
        this(host, model, offloads, offloadsRefused, 0, flushes, fastPathSegments, slowPathSegments,
                pcieUtilizationToHost, pcieUtilizationToDevice);
    }
}
