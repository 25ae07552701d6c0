package org.toesim.nic.net;

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
 */
public record Impairments(double lossProb, GilbertElliott burstLoss, double reorderProb, long reorderExtraDelayPs,
                          double duplicateProb, double corruptProb, double bitErrorRate) {
    /** A perfect link. */
    public static final Impairments NONE = new Impairments(0, null, 0, 0, 0, 0, 0);

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
                bitErrorRate);
    }

    public Impairments withBurstLoss(GilbertElliott newBurstLoss) {
        return new Impairments(lossProb, newBurstLoss, reorderProb, reorderExtraDelayPs, duplicateProb, corruptProb,
                bitErrorRate);
    }

    public Impairments withReorder(double newReorderProb, long extraDelayPs) {
        return new Impairments(lossProb, burstLoss, newReorderProb, extraDelayPs, duplicateProb, corruptProb,
                bitErrorRate);
    }

    public Impairments withDuplicate(double newDuplicateProb) {
        return new Impairments(lossProb, burstLoss, reorderProb, reorderExtraDelayPs, newDuplicateProb, corruptProb,
                bitErrorRate);
    }

    public Impairments withCorruption(double newCorruptProb) {
        return new Impairments(lossProb, burstLoss, reorderProb, reorderExtraDelayPs, duplicateProb, newCorruptProb,
                bitErrorRate);
    }

    public Impairments withBitErrorRate(double newBitErrorRate) {
        return new Impairments(lossProb, burstLoss, reorderProb, reorderExtraDelayPs, duplicateProb, corruptProb,
                newBitErrorRate);
    }

    private static void checkProb(double p, String what) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " probability " + p + " not in [0,1]");
        }
    }
}
