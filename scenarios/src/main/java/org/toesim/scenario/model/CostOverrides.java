package org.toesim.scenario.model;

import java.util.List;
import java.util.Map;
import org.toesim.host.cpu.CostTable;
import org.toesim.scenario.spec.Problem;
import org.toesim.scenario.spec.ScenarioException;
import org.toesim.scenario.spec.Suggest;

/**
 * Applies a scenario's {@code costs} overrides ({@code {"copyCyclesPerByte": 2, ...}}) to the
 * host's {@link CostTable}. Names are the table's component names; validation
 * ({@link org.toesim.scenario.spec.ModelChecks}) has already rejected unknown ones with their place in the file.
 */
final class CostOverrides {
    /** The overridable names, in {@link CostTable} component order. */
    static final List<String> NAMES = org.toesim.scenario.spec.ModelChecks.HOST_COST_NAMES;

    private CostOverrides() {
    }

    /**
     * @param path JSON path of the overrides, e.g. {@code hosts[0].costs}
     * @throws ScenarioException listing every unknown name
     */
    static CostTable apply(CostTable base, Map<String, Long> overrides, String path) throws ScenarioException {
        double[] v = {base.rxPacketCycles(), base.txPacketCycles(), base.copyCyclesPerByte(),
            base.checksumCyclesPerByte(), base.interruptCycles(), base.syscallCycles(), base.contextSwitchCycles(),
            base.descriptorCycles(), base.offloadCommandCycles(), base.completionCycles(), base.ackCycles()};
        List<Problem> problems = new java.util.ArrayList<>();
        for (Map.Entry<String, Long> e : overrides.entrySet()) {
            int i = NAMES.indexOf(e.getKey());
            if (i < 0) {
                problems.add(new Problem("<scenario>", 0, 0, path + "." + e.getKey(), "unknown host cost name '"
                        + e.getKey() + "'", "one of " + String.join(", ", NAMES),
                        Suggest.closest(e.getKey(), NAMES)));
            } else {
                v[i] = e.getValue();
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new CostTable((long) v[0], (long) v[1], v[2], v[3], (long) v[4], (long) v[5], (long) v[6],
                (long) v[7], (long) v[8], (long) v[9], (long) v[10]);
    }
}
