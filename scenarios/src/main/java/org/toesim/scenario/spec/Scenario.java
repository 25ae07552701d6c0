package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.ArrayList;
import java.util.List;

/**
 * A complete experiment: topology, workloads, faults, how long to run and what to write. The
 * smallest useful file:
 * <pre>
 *   {"name": "bulk",
 *    "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}}],
 *    "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "64MiB"}]}
 * </pre>
 * With exactly two hosts, no switches and no links, one default link joins the two hosts.
 * Cross-references (link ends, workload hosts, fault targets, unique names) are checked by
 * {@link ScenarioValidator}, which knows where each value came from. A {@code "$schema"} field
 * (for editors, pointing at {@code toesim-scenario.schema.json}) is accepted and ignored.
 *
 * @param name      experiment name (default "scenario")
 * @param seed      master seed of the run's random streams (default 1)
 * @param stop      when to stop (default: all workloads done, at most 60s)
 * @param warmUpPs  statistics are reset at this simulated time (default 0)
 * @param hosts     the hosts, at least one
 * @param links     links between hosts and switches
 * @param switches  switches
 * @param workloads traffic
 * @param faults    scheduled faults
 * @param outputs   extra outputs
 * @param budget    the most the run may cost (events, memory), checked before it starts
 * @param variation run-to-run jitter sources (default {@link VariationSpec#DEFAULT})
 */
public record Scenario(String name, long seed, StopSpec stop, long warmUpPs, List<HostSpec> hosts,
                       List<LinkSpec> links, List<SwitchSpec> switches, List<WorkloadSpec> workloads,
                       List<FaultSpec> faults, OutputSpec outputs, BudgetSpec budget,
                       VariationSpec variation) {
    /** First port given to unnumbered workloads (iperf's default). */
    public static final int FIRST_PORT = 5001;

    public Scenario {
        Checks.name("name", name);
        hosts = Checks.list(hosts);
        links = Checks.list(links);
        switches = Checks.list(switches);
        workloads = Checks.list(workloads);
        faults = Checks.list(faults);
        variation = Checks.or(variation, VariationSpec.DEFAULT);
        if (stop == null || outputs == null || budget == null) {
            throw new FieldException(stop == null ? "stop" : outputs == null ? "outputs" : "budget", "missing",
                    "an object");
        }
        if (hosts.isEmpty()) {
            throw new FieldException("hosts", "is empty", "at least one host, e.g. [{\"name\": \"a\"}, {\"name\": \"b\"}]");
        }
        if (stop.until() == StopMode.DURATION) {
            Checks.between("warmUp", warmUpPs, 0, stop.durationPs() - 1);
        } else {
            Checks.between("warmUp", warmUpPs, 0, stop.limitPs() - 1);
        }
    }

    /** A copy with another seed (replications, {@code --seed}). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, newSeed, stop, warmUpPs, hosts, links, switches, workloads, faults, outputs, budget,
                variation);
    }

    /** A copy with other outputs ({@code --pcap}, {@code --trace}). */
    public Scenario withOutputs(OutputSpec newOutputs) {
        return new Scenario(name, seed, stop, warmUpPs, hosts, links, switches, workloads, faults, newOutputs, budget,
                variation);
    }

    @JsonCreator
    static Scenario of(@JsonProperty("$schema") String schemaReference,
                       @JsonProperty("name") String name,
                       @JsonProperty("seed") Long seed,
                       @JsonProperty("stop") StopSpec stop,
                       @JsonProperty("warmUp") @JsonDeserialize(using = Quantities.Duration.class) Long warmUp,
                       @JsonProperty("hosts") List<HostSpec> hosts,
                       @JsonProperty("links") List<LinkSpec> links,
                       @JsonProperty("switches") List<SwitchSpec> switches,
                       @JsonProperty("workloads") List<WorkloadSpec> workloads,
                       @JsonProperty("faults") List<FaultSpec> faults,
                       @JsonProperty("outputs") OutputSpec outputs,
                       @JsonProperty("budget") BudgetSpec budget,
                       @JsonProperty("variation") VariationSpec variation) {
        List<HostSpec> h = Checks.list(hosts);
        List<SwitchSpec> sw = Checks.list(switches);
        List<LinkSpec> l = Checks.list(links);
        if (l.isEmpty() && sw.isEmpty() && h.size() == 2) {
            l = List.of(LinkSpec.between(h.get(0).name(), h.get(1).name()));
        }
        List<WorkloadSpec> w = new ArrayList<>();
        List<WorkloadSpec> given = Checks.list(workloads);
        for (int i = 0; i < given.size(); i++) {
            WorkloadSpec ws = given.get(i);
            w.add(ws.withIdentity(ws.name() != null ? ws.name() : "w" + i, ws.port() != 0 ? ws.port() : FIRST_PORT + i));
        }
        return new Scenario(Checks.or(name, "scenario"), Checks.or(seed, 1L), Checks.or(stop, StopSpec.DEFAULT),
                Checks.or(warmUp, 0L), h, l, sw, w, faults, Checks.or(outputs, OutputSpec.DEFAULT),
                Checks.or(budget, BudgetSpec.DEFAULT), variation);
    }
}
