package org.toesim.scenario.fidelity;

/**
 * Every tolerance of the fidelity suite in one place: change these, nothing else, to tune the
 * suite (the integrator's knob once the Linux features land).
 *
 * @param seeds                     seeds per Linux condition (the issue asks for at least 10)
 * @param goodputSpreadMargin       the references' run-to-run [min, max] goodput, widened by this
 *                                  fraction each way, must hold ToeSim's mean over seeds
 * @param goodputSingleRunBand      for a reference of one run (no spread): +- this fraction
 * @param retransmitsRelative       ToeSim's median retransmissions within this fraction of the reference's
 * @param retransmitsSlack          ... or within this many segments (a zero-loss reference allows this many)
 * @param slowStartRelative         time to 1 MiB and time to first loss within this fraction
 * @param lossProcessZ              ToeSim's mean frames before the first loss within this many
 *                                  standard errors of the geometric law's mean
 * @param lossProcessMinProbability the reference's frames before its first loss must have at least
 *                                  this two-sided probability under the same law
 * @param mathisRfcLow              Mathis C, {@code rfc} profile with delayed ACKs, lower bound
 * @param mathisRfcHigh             ... upper bound
 * @param mathisLinuxLow            Mathis C, {@code linux} profile, lower bound
 * @param mathisLinuxHigh           ... upper bound
 */
public record FidelityLimits(int seeds, double goodputSpreadMargin, double goodputSingleRunBand,
                             double retransmitsRelative, long retransmitsSlack, double slowStartRelative,
                             double lossProcessZ, double lossProcessMinProbability, double mathisRfcLow, double mathisRfcHigh, double mathisLinuxLow, double mathisLinuxHigh) {
    /**
     * The limits: goodput within the references' spread widened by 10 % (15 % around a
     * single run: about the spread of the 3-run references), retransmissions within 30 % (or 3
     * segments), slow-start shape within 20 %, Mathis C 0.8-1.0 ({@code rfc}) and 1.1-1.5 ({@code linux}).
     */
    public static final FidelityLimits DEFAULT = new FidelityLimits(10, 0.10, 0.15, 0.30, 3, 0.20, 2.576, 0.01,
            0.8, 1.0, 1.1, 1.5);

    /** These limits with {@code n} seeds. */
    public FidelityLimits withSeeds(int n) {
        return new FidelityLimits(n, goodputSpreadMargin, goodputSingleRunBand, retransmitsRelative,
                retransmitsSlack, slowStartRelative, lossProcessZ, lossProcessMinProbability, mathisRfcLow,
                mathisRfcHigh, mathisLinuxLow, mathisLinuxHigh);
    }
}
