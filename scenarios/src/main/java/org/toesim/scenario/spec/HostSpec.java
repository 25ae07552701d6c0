package org.toesim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.Map;

/**
 * One host: CPU, memory-side costs, its adapter, the PCIe link to it and its offload policy.
 *
 * @param name    unique host name, referenced by links, workloads and faults
 * @param cores   CPU cores (default 4)
 * @param clockHz core clock (default 3GHz)
 * @param costs   overrides of the host cycle-cost table, by cost name (the model rejects
 *                unknown names); sorted by name
 * @param nic     the adapter (default: a plain NIC)
 * @param pcie    the PCIe link (default Gen3 x8)
 * @param offload offload policy (default {@code always} with a TOE, {@code never} with a plain NIC)
 * @param cpu     the host CPU's hardware profile: the cycle-cost table {@code costs} overrides and
 *                the default clock (default {@code foong2003})
 */
public record HostSpec(String name, int cores, long clockHz, Map<String, Long> costs, NicSpec nic, PcieSpec pcie,
                       OffloadPolicySpec offload, HostCpuProfileName cpu) {
    /** Default core clock, 3 GHz. */
    public static final long DEFAULT_CLOCK_HZ = 3_000_000_000L;

    public HostSpec {
        Checks.name("name", name);
        Checks.between("cores", cores, 1, 1024);
        Checks.positive("clock", clockHz, "\"3GHz\"");
        costs = Costs.check("costs", costs);
        if (nic == null || pcie == null || offload == null) {
            throw new FieldException(nic == null ? "nic" : pcie == null ? "pcie" : "offload", "missing", "an object");
        }
        if (cpu == null) {
            throw new FieldException("cpu", "missing", "one of " + NamedValues.names(HostCpuProfileName.class));
        }
        if (nic.model() == NicModel.PLAIN && !(offload instanceof OffloadPolicySpec.Never)) {
            throw new FieldException("offload", "policy '" + offload.fileName() + "' needs a TOE but nic.model is plain",
                    "\"never\" or nic.model \"toe\"");
        }
    }

    @JsonCreator
    static HostSpec of(@JsonProperty("name") String name,
                       @JsonProperty("cores") Integer cores,
                       @JsonProperty("clock") @JsonDeserialize(using = Quantities.Frequency.class) Long clock,
                       @JsonProperty("costs") Map<String, Long> costs,
                       @JsonProperty("nic") NicSpec nic,
                       @JsonProperty("pcie") PcieSpec pcie,
                       @JsonProperty("offload") OffloadPolicySpec offload,
                       @JsonProperty("cpu") HostCpuProfileName cpu) {
        HostCpuProfileName profile = Checks.or(cpu, HostCpuProfileName.FOONG_2003);
        NicSpec n = Checks.or(nic, NicSpec.DEFAULT);
        OffloadPolicySpec policy = offload != null ? offload
                : n.model() == NicModel.TOE ? new OffloadPolicySpec.Always() : new OffloadPolicySpec.Never();
        return new HostSpec(name, Checks.or(cores, 4), Checks.or(clock, profile.clockHz()), costs, n,
                Checks.or(pcie, PcieSpec.DEFAULT), policy, profile);
    }
}
