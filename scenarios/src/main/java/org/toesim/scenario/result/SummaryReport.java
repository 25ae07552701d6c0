package org.toesim.scenario.result;

import java.util.List;

/**
 * The headline results of one run, written as {@code summary.json} with exactly these field
 * names.
 *
 * @param scenario    scenario name
 * @param seed        master seed
 * @param simTimePs   simulated time at the end of the run
 * @param wallTimeMs  wall-clock time the run took
 * @param events      events executed
 * @param connections one entry per TCP connection
 * @param hosts       one entry per host
 * @param nics        one entry per adapter
 * @param traceDigest trajectory digest (16 hex digits), equal for identical runs
 */
public record SummaryReport(String scenario, long seed, long simTimePs, long wallTimeMs, long events,
                            List<ConnectionReport> connections, List<HostReport> hosts, List<NicReport> nics,
                            String traceDigest) {
    public SummaryReport {
        connections = List.copyOf(connections);
        hosts = List.copyOf(hosts);
        nics = List.copyOf(nics);
    }
}
