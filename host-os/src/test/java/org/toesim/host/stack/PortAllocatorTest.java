package org.toesim.host.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Ephemeral ports: round robin over the range; a port in use is chosen again only for a free
 * four-tuple (another destination) and never while a listener holds it; -1 when none is free.
 */
class PortAllocatorTest {
    private static final java.util.function.IntPredicate SAME_DESTINATION = p -> false;

    @Test
    void aFullRangeGivesNoPortUntilOneIsReleased() {
        PortAllocator p = new PortAllocator(50000, 50001);
        assertEquals(50000, p.allocateEphemeral(SAME_DESTINATION));
        assertEquals(50001, p.allocateEphemeral(SAME_DESTINATION));
        // both held (e.g. in TIME_WAIT): connect() must fail as Linux's does (EADDRNOTAVAIL)
        assertEquals(-1, p.allocateEphemeral(SAME_DESTINATION));
        p.release(50000);
        assertEquals(50000, p.allocateEphemeral(SAME_DESTINATION));
    }

    @Test
    void aPortInUseServesAnotherDestinationButNeverAListenersPort() {
        PortAllocator p = new PortAllocator(50000, 50002);
        p.listen(50001);
        assertEquals(50000, p.allocateEphemeral(SAME_DESTINATION));
        assertEquals(50002, p.allocateEphemeral(SAME_DESTINATION), "the listener's port is skipped");
        assertEquals(-1, p.allocateEphemeral(SAME_DESTINATION));
        // another destination: the four-tuples are free, so both connection ports serve it too
        assertEquals(50000, p.allocateEphemeral(port -> true));
        assertEquals(50002, p.allocateEphemeral(port -> true));
        p.unlisten(50001);
        assertEquals(50001, p.allocateEphemeral(SAME_DESTINATION), "free once the listener is gone");
    }
}
