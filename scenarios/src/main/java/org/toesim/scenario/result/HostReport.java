package org.toesim.scenario.result;

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
 */
public record HostReport(String name, double cpuUtilization, double cyclesPerByteRx, double cyclesPerByteTx,
                         long qdiscDrops) {
    /** A host report without qdisc drops (hand-built results and tests). */
    public HostReport(String name, double cpuUtilization, double cyclesPerByteRx, double cyclesPerByteTx) {
        this(name, cpuUtilization, cyclesPerByteRx, cyclesPerByteTx, 0);
    }
}
