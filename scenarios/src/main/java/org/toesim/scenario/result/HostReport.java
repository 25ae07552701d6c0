package org.toesim.scenario.result;

/**
 * One host's CPU results.
 *
 * @param name            host name
 * @param cpuUtilization  busy fraction of all cores, in [0, 1]
 * @param cyclesPerByteRx host cycles spent per payload byte received (~0 when offloaded)
 * @param cyclesPerByteTx host cycles spent per payload byte sent
 */
public record HostReport(String name, double cpuUtilization, double cyclesPerByteRx, double cyclesPerByteTx) {
}
