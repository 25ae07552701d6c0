package org.toesim.scenario.spec;

import java.util.Collection;
import java.util.Locale;
import org.toesim.core.units.Units;

/** "Did you mean" hints: the closest valid name within a small edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** The candidate closest to {@code given} (case-insensitive edit distance), or "" if none is close. */
    public static String closest(String given, Collection<String> candidates) {
        if (given == null) {
            return "";
        }
        String g = given.toLowerCase(Locale.ROOT);
        String best = "";
        int bestDist = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = Units.editDistance(g, c.toLowerCase(Locale.ROOT));
            if (d < bestDist) {
                bestDist = d;
                best = c;
            }
        }
        int allowed = Math.max(2, given.length() / 3);
        return bestDist <= allowed ? best : "";
    }
}
