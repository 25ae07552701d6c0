package org.toesim.scenario.result;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One host's CPU results.
 *
 * @param name            host name
 * @param cpuUtilization  busy fraction of all cores, in [0, 1]
 * @param cyclesPerByteRx host cycles spent per payload byte received (~0 when offloaded)
 * @param cyclesPerByteTx host cycles spent per payload byte sent
 * @param qdiscDrops      frames the host's transmit queue dropped because {@code nic.txqueuelen}
 *                        frames already waited for the NIC (not in the headline metrics, so
 *                        baselines recorded before it still compare)
 * @param cores           per core: its utilisation and the cost categories that made it up
 */
public record HostReport(String name, double cpuUtilization, double cyclesPerByteRx, double cyclesPerByteTx,
                         long qdiscDrops, List<CoreReport> cores) {
    /**
     * One core since warm-up.
     *
     * @param core        core index (core 0 takes the NIC's interrupts)
     * @param utilization busy fraction, the running item included
     * @param byCategory  busy fraction per cost category (interrupt, driver, protocolRx, copy,
     *                    checksum, application, ...), from the cycles of completed items, in
     *                    category order; categories with no cycles left out
     */
    public record CoreReport(int core, double utilization, Map<String, Double> byCategory) {
        public CoreReport {
            byCategory = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byCategory));
        }
    }

    public HostReport {
        cores = cores == null ? List.of() : List.copyOf(cores);
    }

    /** A host report without per-core figures (hand-built results and tests). */
    public HostReport(String name, double cpuUtilization, double cyclesPerByteRx, double cyclesPerByteTx,
                      long qdiscDrops) {
        this(name, cpuUtilization, cyclesPerByteRx, cyclesPerByteTx, qdiscDrops, List.of());
    }

    /** A host report without qdisc drops (hand-built results and tests). */
    public HostReport(String name, double cpuUtilization, double cyclesPerByteRx, double cyclesPerByteTx) {
        this(name, cpuUtilization, cyclesPerByteRx, cyclesPerByteTx, 0);
    }
}
