package org.toesim.tcp.harness;

/**
 * One direction of a {@link LossyChannel}: what the wire does to each message.
 *
 * @param propagationDelayPs     fixed delay from the end of serialisation to arrival
 * @param rateBitsPerSec         serialisation rate; 0 means infinitely fast (no serialisation)
 * @param lossProbability        chance a message is dropped, in [0, 1]
 * @param reorderProbability     chance a message is held back by an extra delay, in [0, 1]
 * @param reorderMaxExtraDelayPs the extra delay is uniform in [1, this] ps
 * @param duplicateProbability   chance a delivered message arrives twice, in [0, 1]
 */
public record ChannelConfig(long propagationDelayPs, long rateBitsPerSec, double lossProbability,
                            double reorderProbability, long reorderMaxExtraDelayPs,
                            double duplicateProbability) {
    public ChannelConfig {
        if (propagationDelayPs < 0 || rateBitsPerSec < 0 || reorderMaxExtraDelayPs < 0) {
            throw new IllegalArgumentException("negative delay or rate");
        }
        checkProbability("loss", lossProbability);
        checkProbability("reorder", reorderProbability);
        checkProbability("duplicate", duplicateProbability);
        if (reorderProbability > 0 && reorderMaxExtraDelayPs == 0) {
            throw new IllegalArgumentException("reordering needs reorderMaxExtraDelayPs > 0");
        }
    }

    private static void checkProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " probability " + p + " not in [0, 1]");
        }
    }

    /** A perfect wire: delay and rate only. */
    public static ChannelConfig perfect(long propagationDelayPs, long rateBitsPerSec) {
        return new ChannelConfig(propagationDelayPs, rateBitsPerSec, 0, 0, 0, 0);
    }

    public ChannelConfig withLoss(double p) {
        return new ChannelConfig(propagationDelayPs, rateBitsPerSec, p, reorderProbability,
                reorderMaxExtraDelayPs, duplicateProbability);
    }

    public ChannelConfig withReordering(double p, long maxExtraDelayPs) {
        return new ChannelConfig(propagationDelayPs, rateBitsPerSec, lossProbability, p, maxExtraDelayPs,
                duplicateProbability);
    }

    public ChannelConfig withDuplication(double p) {
        return new ChannelConfig(propagationDelayPs, rateBitsPerSec, lossProbability, reorderProbability,
                reorderMaxExtraDelayPs, p);
    }
}
