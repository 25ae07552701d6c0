package org.toesim.nic.net;

import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * What one link direction does to frames besides delaying them. Each impairment draws from its
 * own named random stream, so enabling one never changes the draws of another (see
 * {@link LinkDirection}). All probabilities are per frame; zero disables.
 *
 * @param lossProb            Bernoulli loss probability
 * @param burstLoss           Gilbert-Elliott loss, or null for none
 * @param reorderProb         probability that a frame is held back by {@code reorderExtraDelayPs}
 * @param reorderExtraDelayPs extra delay of a reordered frame
 * @param duplicateProb       probability that a frame is delivered twice
 * @param corruptProb         probability that a frame arrives corrupted
 * @param bitErrorRate        independent bit-error probability per frame bit (frame + FCS)
 * @param dataFramesOnly      true: only frames carrying TCP payload are impaired ({@link #isData});
 *                            SYN, FIN, RST and pure ACK frames pass untouched and draw nothing,
 *                            as a testbed relay that drops data frames only
 */
public record Impairments(double lossProb, GilbertElliott burstLoss, double reorderProb, long reorderExtraDelayPs,
                          double duplicateProb, double corruptProb, double bitErrorRate, boolean dataFramesOnly) {
    /** A perfect link. */
    public static final Impairments NONE = new Impairments(0, null, 0, 0, 0, 0, 0, false);

    /** Impairments of every frame. */
    public Impairments(double lossProb, GilbertElliott burstLoss, double reorderProb, long reorderExtraDelayPs,
                       double duplicateProb, double corruptProb, double bitErrorRate) {
        this(lossProb, burstLoss, reorderProb, reorderExtraDelayPs, duplicateProb, corruptProb, bitErrorRate, false);
    }

    public Impairments {
        checkProb(lossProb, "loss");
        checkProb(reorderProb, "reorder");
        checkProb(duplicateProb, "duplicate");
        checkProb(corruptProb, "corrupt");
        checkProb(bitErrorRate, "bit error rate");
        if (reorderExtraDelayPs < 0) {
            throw new IllegalArgumentException("reorder extra delay " + reorderExtraDelayPs + " ps < 0");
        }
    }

    public Impairments withLoss(double newLossProb) {
        return new Impairments(newLossProb, burstLoss, reorderProb, reorderExtraDelayPs, duplicateProb, corruptProb,
                bitErrorRate, dataFramesOnly);
    }

    public Impairments withBurstLoss(GilbertElliott newBurstLoss) {
        return new Impairments(lossProb, newBurstLoss, reorderProb, reorderExtraDelayPs, duplicateProb, corruptProb,
                bitErrorRate, dataFramesOnly);
    }

    public Impairments withReorder(double newReorderProb, long extraDelayPs) {
        return new Impairments(lossProb, burstLoss, newReorderProb, extraDelayPs, duplicateProb, corruptProb,
                bitErrorRate, dataFramesOnly);
    }

    public Impairments withDuplicate(double newDuplicateProb) {
        return new Impairments(lossProb, burstLoss, reorderProb, reorderExtraDelayPs, newDuplicateProb, corruptProb,
                bitErrorRate, dataFramesOnly);
    }

    public Impairments withCorruption(double newCorruptProb) {
        return new Impairments(lossProb, burstLoss, reorderProb, reorderExtraDelayPs, duplicateProb, newCorruptProb,
                bitErrorRate, dataFramesOnly);
    }

    public Impairments withBitErrorRate(double newBitErrorRate) {
        return new Impairments(lossProb, burstLoss, reorderProb, reorderExtraDelayPs, duplicateProb, corruptProb,
                newBitErrorRate, dataFramesOnly);
    }

    /** These impairments applied to data frames only ({@code only} true) or to every frame. */
    public Impairments withDataFramesOnly(boolean only) {
        return new Impairments(lossProb, burstLoss, reorderProb, reorderExtraDelayPs, duplicateProb, corruptProb,
                bitErrorRate, only);
    }

    /** Whether {@code frame} is subject to these impairments. */
    public boolean appliesTo(org.toesim.nic.frame.Frame frame) {
        return !dataFramesOnly || isData(frame);
    }

    /**
     * A data frame: TCP payload and none of SYN, FIN, RST (so a FIN carrying the last bytes
     * counts as a FIN and is never impaired under {@code dataFramesOnly}).
     */
    public static boolean isData(org.toesim.nic.frame.Frame frame) {
        Segment tcp = frame.tcp();
        return tcp.payloadLenBytes() > 0 && (tcp.flags() & (TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST)) == 0;
    }

    private static void checkProb(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " probability " + p + " not in [0,1]");
        }
    }
}
