package org.toesim.scenario.result;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The numbers a run is judged by, flattened to {@code name -> value} in a fixed order: what
 * {@code check} compares against a baseline and {@code sweep} aggregates across replications.
 *
 * <pre>
 *   events, simTimePs, goodputBitsPerSec.total, integrityFailures,
 *   connections.&lt;id&gt;.{bytesDelivered, goodputBitsPerSec, retransmits, offloaded, flushes},
 *   hosts.&lt;name&gt;.{cpuUtilization, cyclesPerByteRx, cyclesPerByteTx},
 *   nics.&lt;host&gt;.{offloads, offloadsRefused, flushes, fastPathSegments, slowPathSegments,
 *                  pcieUtilizationToHost, pcieUtilizationToDevice}
 * </pre>
 */
public final class Headline {
    private Headline() {
    }

    /** The numeric headline metrics of {@code s}. */
    public static LinkedHashMap<String, Double> metrics(SummaryReport s) {
        LinkedHashMap<String, Double> m = new LinkedHashMap<>();
        m.put("events", (double) s.events());
        m.put("simTimePs", (double) s.simTimePs());
        double total = 0;
        int failures = 0;
        for (ConnectionReport c : s.connections()) {
            total += c.goodputBitsPerSec();
            if (!ConnectionReport.INTEGRITY_OK.equals(c.integrity())) {
                failures++;
            }
        }
        m.put("goodputBitsPerSec.total", total);
        m.put("integrityFailures", (double) failures);
        for (ConnectionReport c : s.connections()) {
            String p = "connections." + c.id() + ".";
            m.put(p + "bytesDelivered", (double) c.bytesDelivered());
            m.put(p + "goodputBitsPerSec", c.goodputBitsPerSec());
            m.put(p + "retransmits", (double) c.retransmits());
            m.put(p + "offloaded", c.offloaded() ? 1.0 : 0.0);
            m.put(p + "flushes", (double) c.flushes());
        }
        for (HostReport h : s.hosts()) {
            String p = "hosts." + h.name() + ".";
            m.put(p + "cpuUtilization", h.cpuUtilization());
            m.put(p + "cyclesPerByteRx", h.cyclesPerByteRx());
            m.put(p + "cyclesPerByteTx", h.cyclesPerByteTx());
        }
        for (NicReport n : s.nics()) {
            String p = "nics." + n.host() + ".";
            m.put(p + "offloads", (double) n.offloads());
            m.put(p + "offloadsRefused", (double) n.offloadsRefused());
            m.put(p + "flushes", (double) n.flushes());
            m.put(p + "fastPathSegments", (double) n.fastPathSegments());
            m.put(p + "slowPathSegments", (double) n.slowPathSegments());
            m.put(p + "pcieUtilizationToHost", n.pcieUtilizationToHost());
            m.put(p + "pcieUtilizationToDevice", n.pcieUtilizationToDevice());
            if (n.card() != null) {
                m.put(p + "card.busiestCoreUtilization", n.card().busiestCoreUtilization());
                m.put(p + "card.framesRefusedBusy", (double) n.card().framesRefusedBusy());
                m.put(p + "card.framesDroppedNoBuffer", (double) n.card().framesDroppedNoBuffer());
            }
        }
        return m;
    }

    /** {@code connections.<id>.integrity -> "ok" | first mismatch}. */
    public static Map<String, String> integrity(SummaryReport s) {
        LinkedHashMap<String, String> m = new LinkedHashMap<>();
        for (ConnectionReport c : s.connections()) {
            m.put("connections." + c.id() + ".integrity", c.integrity());
        }
        return m;
    }
}
