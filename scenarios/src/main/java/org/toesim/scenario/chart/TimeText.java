package org.toesim.scenario.chart;

import org.toesim.core.units.Units;

/** Picoseconds as readable text: {@code 12.345 us}, {@code 999 ps}, {@code 1.500 ms}. */
public final class TimeText {
    private TimeText() {
    }

    /** The largest unit not above the value, three decimals; whole picoseconds below 1 ns ({@link Units#formatTime}). */
    public static String format(long ps) {
        return Units.formatTime(ps, 3);
    }
}
