package org.toesim.scenario.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The headline results of one run, written as {@code summary.json} with exactly these field
 * names.
 *
 * @param scenario    scenario name
 * @param seed        master seed
 * @param status      how the run ended; only {@code completed} and {@code durationReached} are results
 * @param statusReason why a run that is not a result ended as it did (null for a result)
 * @param simTimePs   simulated time at the end of the run
 * @param wallTimeMs  wall-clock time the run took
 * @param events      events executed
 * @param connections one entry per TCP connection
 * @param hosts       one entry per host
 * @param nics        one entry per adapter
 * @param links       one entry per link direction, in scenario order (a-&gt;b, then b-&gt;a)
 * @param traceDigest trajectory digest (16 hex digits), equal for identical runs
 * @param latencies   the latency distribution of each request-response connection and
 *                    short-connection workload
 * @param bottlenecks per workload, what limited it and how busy each resource on its path was
 * @param toesim      the ToeSim build that produced the result (version, commit, Java); null in
 *                    hand-built summaries
 * @param resolvedScenario the scenario as the model ran it: every field after defaults and
 *                    overrides, quantities in base units (ps, bytes, Hz, bits/s); null in hand-built summaries
 */
public record SummaryReport(String scenario, long seed, RunStatus status, String statusReason, long simTimePs, long wallTimeMs, long events,
                            List<ConnectionReport> connections, List<HostReport> hosts, List<NicReport> nics,
                            List<LinkReport> links, String traceDigest, List<LatencyReport> latencies,
                            List<BottleneckReport> bottlenecks, BuildInfo toesim, JsonNode resolvedScenario) {
    public SummaryReport {
        java.util.Objects.requireNonNull(status, "status");
        connections = List.copyOf(connections);
        hosts = List.copyOf(hosts);
        nics = List.copyOf(nics);
        links = links == null ? List.of() : List.copyOf(links);
        latencies = latencies == null ? List.of() : List.copyOf(latencies);
        bottlenecks = bottlenecks == null ? List.of() : List.copyOf(bottlenecks);
        resolvedScenario = resolvedScenario == null || resolvedScenario.isNull() ? null : resolvedScenario; // JSON null reads back as NullNode
    }

    /** A summary without latencies, bottlenecks, build or scenario (hand-built results and tests). */
    public SummaryReport(String scenario, long seed, RunStatus status, String statusReason, long simTimePs,
                         long wallTimeMs, long events, List<ConnectionReport> connections, List<HostReport> hosts,
                         List<NicReport> nics, List<LinkReport> links, String traceDigest) {
        this(scenario, seed, status, statusReason, simTimePs, wallTimeMs, events, connections, hosts, nics, links,
                traceDigest, List.of(), List.of(), null, null);
    }

    /** A summary without link figures (hand-built results and tests). */
    public SummaryReport(String scenario, long seed, RunStatus status, String statusReason, long simTimePs,
                         long wallTimeMs, long events, List<ConnectionReport> connections, List<HostReport> hosts,
                         List<NicReport> nics, String traceDigest) {
        this(scenario, seed, status, statusReason, simTimePs, wallTimeMs, events, connections, hosts, nics, List.of(),
                traceDigest);
    }

    /** Frames lost to random-loss impairments, over every link direction. */
    public long lossDrops() {
        return links.stream().mapToLong(LinkReport::lossDrops).sum();
    }

    /** The summary of a completed run (hand-built results and tests). */
    public SummaryReport(String scenario, long seed, long simTimePs, long wallTimeMs, long events,
                         List<ConnectionReport> connections, List<HostReport> hosts, List<NicReport> nics,
                         String traceDigest) {
        this(scenario, seed, RunStatus.COMPLETED, null, simTimePs, wallTimeMs, events, connections, hosts, nics,
                traceDigest);
    }

    /** The connections that did not finish, in report order. */
    public List<ConnectionReport> unfinished() {
        return connections.stream().filter(c -> !c.finished()).toList();
    }

    /** This summary with another status and reason. */
    public SummaryReport withStatus(RunStatus newStatus, String reason) {
        return new SummaryReport(scenario, seed, newStatus, reason, simTimePs, wallTimeMs, events, connections, hosts,
                nics, links, traceDigest, latencies, bottlenecks, toesim, resolvedScenario);
    }
}
