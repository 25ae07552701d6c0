package org.toesim.nic.ring;

import java.util.Arrays;

/**
 * The indices of one descriptor ring at an instant, oldest first, for bounds checks (read-only).
 * A fetch ring's are head (oldest slot not reclaimed), take (next descriptor to use), fetch
 * (next to fetch) and tail (host's producer index); a write-back ring's are head (host's
 * consumer index) and tail (next slot the device writes).
 *
 * @param owner     the adapter (and queue), e.g. {@code b.toe}; with {@code ring} it names the ring in messages
 * @param ring      the ring, e.g. {@code RECEIVE}
 * @param sizeSlots ring size (0 when not configured yet: nothing to check)
 * @param names     what each index is
 * @param indices   the indices, in ring order from the oldest
 */
public record RingIndices(String owner, String ring, int sizeSlots, String[] names, int[] indices) {
    /** Names of a fetch ring's indices. */
    public static final String[] FETCH_NAMES = {"head", "take", "fetch", "tail"};
    /** Names of a write-back ring's indices. */
    public static final String[] WRITE_BACK_NAMES = {"head", "tail"};


    /**
     * What is out of bounds, or null: every index in [0, size), the indices in order around the
     * ring (each at or after the one before, counted from the first), and at most size - 1 slots
     * between the first and the last (a full ring keeps one slot empty).
     */
    public String problem() {
        if (sizeSlots == 0) {
            return null;
        }
        String ring = owner + " " + this.ring;
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= sizeSlots) {
                return ring + ": " + names[i] + " " + indices[i] + " outside [0, " + sizeSlots + ")";
            }
        }
        int previous = 0;
        for (int i = 1; i < indices.length; i++) {
            int d = Math.floorMod(indices[i] - indices[0], sizeSlots);
            if (d < previous) {
                return ring + ": indices out of order " + Arrays.toString(names) + " = " + Arrays.toString(indices)
                        + " (size " + sizeSlots + ")";
            }
            previous = d;
        }
        if (previous > sizeSlots - 1) {
            return ring + ": occupancy " + previous + " exceeds " + (sizeSlots - 1);
        }
        return null;
    }
}
