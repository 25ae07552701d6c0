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
 * @param lossProbability the random loss of data frames A-&gt;B (0 for none)
 * @param firstMiBEvidence whether the other captures' first MiB (where they lost nothing before
 *                      it) count as Linux runs of this condition: true for the 1 MiB transfer,
 *                      whose first MiB is the same sender under the same conditions
 * @param shapeFrom     the loss-free condition whose ToeSim runs give the slow-start shape up to
 *                      this condition's first loss (null: none)
 * @param upToLineRate  the goodput band's upper end is the line-rate ceiling, not the best Linux
 *                      run: the 50 MiB loss-free runs lost nothing (relay drop counters 0) and
 *                      still ran below line rate for tens of milliseconds at a time, stalls of the
 *                      testbed's hosts that ToeSim does not model
 */
public record LinuxCondition(String name, String scenarioFile, String trace, double refMeanMbps, double refMinMbps,
                             double refMaxMbps, int refRuns, double lossProbability, boolean firstMiBEvidence,
                             String shapeFrom, boolean upToLineRate) {
    /**
     * Goodput ceiling of the 1 Gbit/s path in Mbit/s: 1448 payload bytes per 1538 on the wire
     * (MSS 1448 with timestamps; 52 B TCP/IP, 14 B Ethernet, 4 B FCS, 8 B preamble, 12 B gap).
     */
    public static final double LINE_RATE_GOODPUT_MBPS = 1000.0 * 1448 / 1538;

    /** The three reference conditions: 50 MiB clean, 50 MiB with 0.1 % loss A-&gt;B, 1 MiB. */
    public static final List<LinuxCondition> ALL = List.of(
            new LinuxCondition("50MiB-noloss", "cubic-1g-1ms.json", "cubic_1g_1ms", 723, 638, 828, 3, 0, false, null,
                    true),
            new LinuxCondition("50MiB-loss0.1%", "cubic-1g-1ms-loss.json", "cubic_1g_1ms_loss", 229, 203, 244, 3,
                    0.001, false, "50MiB-noloss", false),
            new LinuxCondition("1MiB", "cubic-1g-1ms-1MiB.json", "cubic_1g_1ms_1MiB_fullsnap", 214.5, 214.5, 214.5, 1,
                    0, true, null, false));

    /** The goodput band ToeSim's mean over seeds must fall in. */
    public double[] goodputBandMbps(FidelityLimits l) {
        if (refRuns <= 1) {
            return new double[] {refMeanMbps * (1 - l.goodputSingleRunBand()), refMeanMbps * (1 + l.goodputSingleRunBand())};
        }
        double hi = upToLineRate ? LINE_RATE_GOODPUT_MBPS : refMaxMbps * (1 + l.goodputSpreadMargin());
        return new double[] {refMinMbps * (1 - l.goodputSpreadMargin()), hi};
    }
}
