package org.toesim.scenario.step;

/** Simulated time as the stepper prints it: microseconds with every picosecond digit. */
final class Times {
    private Times() {
    }

    /** {@code 238846745} ps as {@code 238.846745 us}. */
    static String us(long ps) {
        long whole = ps / 1_000_000L;
        long frac = ps % 1_000_000L;
        return whole + "." + String.format(java.util.Locale.ROOT, "%06d", frac) + " us";
    }
}
