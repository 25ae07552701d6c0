package org.toesim.scenario.figure;

import java.awt.Color;

/**
 * The one palette of every ToeSim figure: Okabe and Ito's eight colours (safe for colour-blind
 * readers), then four of Paul Tol's for figures with more series (a CPU breakdown by category).
 */
public final class Palette {
    private static final Color[] COLOURS = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442),
        new Color(0x882255), new Color(0x44AA99), new Color(0x332288), new Color(0x999999)};

    private Palette() {
    }

    /** The colour of the {@code i}-th series (cycling after twelve). */
    public static Color colour(int i) {
        return COLOURS[Math.floorMod(i, COLOURS.length)];
    }

    /** The colour as {@code #rrggbb}, for HTML next to a figure. */
    public static String hex(int i) {
        return String.format("#%06x", colour(i).getRGB() & 0xFFFFFF);
    }
}
