package org.toesim.core.check;

import org.toesim.core.units.Units;

/**
 * A broken invariant: which property, of what (a connection, a ring, the kernel), when, and
 * what was seen.
 *
 * @param invariant the property's {@link Invariant#name()}
 * @param subject   what it was checked on, e.g. {@code bulk0.c0} or {@code b.toe.rx ring}
 * @param timePs    simulated time of the check
 * @param detail    what was found, with the numbers
 */
public record InvariantViolation(String invariant, String subject, long timePs, String detail) {

    /** One line: {@code invariant 'byteConservation' violated by bulk0.c0 at 1.2 ms (1200000000 ps): ...}. */
    public String message() {
        return "invariant '" + invariant + "' violated by " + subject + " at " + Units.formatDuration(timePs)
                + " (" + timePs + " ps): " + detail;
    }
}
