package org.toesim.nic.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.check.InvariantViolation;

/** Ring indices and counted resources out of bounds are caught; healthy ones (wrapped too) pass. */
class RingBoundsInvariantTest {
    private static final String[] FETCH = {"head", "take", "fetch", "tail"};

    private static RingIndices fetchRing(int size, int head, int take, int fetch, int tail) {
        return new RingIndices("nic", "RECEIVE", size, FETCH, new int[] {head, take, fetch, tail});
    }

    @Test
    void healthyRingsPassIncludingWrappedAndFullOnes() {
        assertNull(fetchRing(8, 2, 3, 5, 7).problem());
        assertNull(fetchRing(8, 6, 7, 1, 2).problem(), "wrapped around slot 0");
        assertNull(fetchRing(8, 3, 3, 3, 2).problem(), "full: size - 1 slots posted");
        assertNull(fetchRing(0, 5, 9, 1, 2).problem(), "not configured yet");
    }

    @Test
    void anIndexOutsideTheRingOrIndicesOutOfOrderAreCaught() {
        assertTrue(fetchRing(8, 2, 3, 8, 7).problem().contains("fetch 8 outside [0, 8)"));
        String p = fetchRing(8, 2, 5, 3, 7).problem();
        assertTrue(p.contains("indices out of order") && p.contains("[2, 5, 3, 7]"), p);
        assertTrue(fetchRing(8, 2, 6, 7, 3).problem().contains("out of order"), "tail moved behind fetch");
    }

    @Test
    void aResourceAboveItsLimitNamesTheAdapterAndTheResource() {
        int[] tags = {3};
        List<RingIndices> rings = new ArrayList<>(List.of(fetchRing(8, 0, 0, 0, 4)));
        RingBoundsInvariant inv = new RingBoundsInvariant("b.toe", () -> rings,
                List.of(new RingBoundsInvariant.Bound("DMA read tags in use", () -> tags[0], 4)));
        assertNull(inv.check(10));
        tags[0] = 5;
        InvariantViolation v = inv.check(20);
        assertEquals(RingBoundsInvariant.NAME, v.invariant());
        assertEquals("b.toe", v.subject());
        assertEquals(20, v.timePs());
        assertEquals("DMA read tags in use is 5, outside [0, 4]", v.detail());
        tags[0] = 0;
        rings.add(fetchRing(4, 0, 1, 0, 0));
        assertTrue(inv.check(30).detail().contains("out of order"), "a broken ring after a healthy one");
    }
}
