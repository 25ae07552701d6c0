package org.toesim.scenario.fidelity;

import java.util.List;

/**
 * One condition of the Linux reference traces ({@code ref-linux/README.md}) and the scenario
 * file that reproduces it.
 *
 * @param name          short name used in tables
 * @param scenarioFile  file name under {@code scenarios/experiments/linux-ref/}
 * @param trace         reference base name: {@code NAME.pcap.gz}, {@code NAME.pcapcheck.json}
 * @param refMeanMbps   the README's mean goodput
 * @param refMinMbps    its minimum over the runs (equal to the mean for one run)
 * @param refMaxMbps    its maximum
 * @param refRuns       runs behind those figures
 */
public record LinuxCondition(String name, String scenarioFile, String trace, double refMeanMbps, double refMinMbps,
                             double refMaxMbps, int refRuns) {
    /** The three reference conditions: 50 MiB clean, 50 MiB with 0.1 % loss A-&gt;B, 1 MiB. */
    public static final List<LinuxCondition> ALL = List.of(
            new LinuxCondition("50MiB-noloss", "cubic-1g-1ms.json", "cubic_1g_1ms", 723, 638, 828, 3),
            new LinuxCondition("50MiB-loss0.1%", "cubic-1g-1ms-loss.json", "cubic_1g_1ms_loss", 229, 203, 244, 3),
            new LinuxCondition("1MiB", "cubic-1g-1ms-1MiB.json", "cubic_1g_1ms_1MiB_fullsnap", 214.5, 214.5, 214.5, 1));

    /** The goodput band ToeSim's mean over seeds must fall in. */
    public double[] goodputBandMbps(FidelityLimits l) {
        if (refRuns <= 1) {
            return new double[] {refMeanMbps * (1 - l.goodputSingleRunBand()), refMeanMbps * (1 + l.goodputSingleRunBand())};
        }
        return new double[] {refMinMbps * (1 - l.goodputSpreadMargin()), refMaxMbps * (1 + l.goodputSpreadMargin())};
    }
}
