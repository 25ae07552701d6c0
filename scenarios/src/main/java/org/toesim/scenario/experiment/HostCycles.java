package org.toesim.scenario.experiment;

import org.toesim.scenario.result.HostReport;
import org.toesim.scenario.spec.HostSpec;

/** A host's CPU as the experiments measure it, from a run's summary and scenario. */
final class HostCycles {
    private HostCycles() {
    }

    /** The report of host {@code index} (scenario order). */
    static HostReport report(ExperimentRunner.Row r, int index) {
        String name = r.scenario().hosts().get(index).name();
        return r.summary().hosts().stream().filter(h -> h.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no report of host " + name));
    }

    /** Cycles per second host {@code index} spent on all its cores, over the whole run. */
    static double perSecond(ExperimentRunner.Row r, int index) {
        HostSpec spec = r.scenario().hosts().get(index);
        return report(r, index).cpuUtilization() * spec.cores() * spec.clockHz();
    }

    /** Every cycle host {@code index} spent during the run. */
    static double total(ExperimentRunner.Row r, int index) {
        return perSecond(r, index) * (r.summary().simTimePs() / 1e12);
    }

    /** {@code x} as written plainly ({@code 0.0001}, not {@code 1.0E-4}). */
    static String plain(double x) {
        return new java.math.BigDecimal(Double.toString(x)).stripTrailingZeros().toPlainString();
    }
}
