package org.toesim.host.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ephemeral ports: round robin over the range, skipping ports in use, -1 when none is free. */
class PortAllocatorTest {

    @Test
    void aFullRangeGivesNoPortUntilOneIsReleased() {
        PortAllocator p = new PortAllocator(50000, 50001);
        assertEquals(50000, p.allocateEphemeral());
        assertEquals(50001, p.allocateEphemeral());
        // both held (e.g. in TIME_WAIT): connect() must fail as Linux's does (EADDRNOTAVAIL)
        assertEquals(-1, p.allocateEphemeral());
        p.release(50000);
        assertEquals(50000, p.allocateEphemeral());
    }
}
