package org.toesim.scenario.chart;

import java.util.Locale;

/** Picoseconds as readable text: {@code 12.345 us}, {@code 999 ps}, {@code 1.500 ms}. */
public final class TimeText {
    private static final long[] FACTORS = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    private static final String[] NAMES = {"s", "ms", "us", "ns"};

    private TimeText() {
    }

    /** The largest unit not above the value, three decimals; whole picoseconds below 1 ns. */
    public static String format(long ps) {
        long abs = Math.abs(ps);
        for (int i = 0; i < FACTORS.length; i++) {
            if (abs >= FACTORS[i]) {
                return String.format(Locale.ROOT, "%.3f %s", ps / (double) FACTORS[i], NAMES[i]);
            }
        }
        return ps + " ps";
    }
}
