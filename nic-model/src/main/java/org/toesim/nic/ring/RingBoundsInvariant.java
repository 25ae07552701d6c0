package org.toesim.nic.ring;

import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.toesim.core.check.Invariant;
import org.toesim.core.check.InvariantViolation;

/**
 * Ring and credit bounds of one adapter: every descriptor ring's indices in bounds and in order
 * ({@link RingIndices#problem()}), and each counted resource (DMA read tags, packet-buffer bytes)
 * between 0 and its limit. Cheap (a few integers per ring), so it runs after every event.
 */
public final class RingBoundsInvariant implements Invariant {
    /** Name of the invariant. */
    public static final String NAME = "ringAndCreditBounds";

    /**
     * A counted resource and its limit.
     *
     * @param what     e.g. {@code DMA read tags in use}
     * @param value    its current value
     * @param maxValue the most it may be
     */
    public record Bound(String what, LongSupplier value, long maxValue) {
    }

    private final String subject;
    private final Supplier<List<RingIndices>> rings;
    private final List<Bound> bounds;

    /**
     * @param subject the adapter's name
     * @param rings   its rings' indices now
     * @param bounds  its counted resources
     */
    public RingBoundsInvariant(String subject, Supplier<List<RingIndices>> rings, List<Bound> bounds) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.rings = Objects.requireNonNull(rings, "rings");
        this.bounds = List.copyOf(bounds);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public InvariantViolation check(long nowPs) {
        for (Bound b : bounds) {
            long v = b.value().getAsLong();
            if (v < 0 || v > b.maxValue()) {
                return new InvariantViolation(NAME, subject, nowPs,
                        b.what() + " is " + v + ", outside [0, " + b.maxValue() + "]");
            }
        }
        List<RingIndices> all = rings.get();
        for (int i = 0; i < all.size(); i++) {
            String p = all.get(i).problem();
            if (p != null) {
                return new InvariantViolation(NAME, subject, nowPs, p);
            }
        }
        return null;
    }
}
