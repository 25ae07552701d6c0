package org.toesim.scenario.spec;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Checks cycle-cost override tables ({@code {"rxPerSegment": 900, ...}}). */
final class Costs {
    private Costs() {
    }

    /** Returns a sorted, unmodifiable copy; each key must be a name and each value >= 0 cycles. */
    static Map<String, Long> check(String field, Map<String, Long> costs) {
        TreeMap<String, Long> sorted = new TreeMap<>();
        if (costs != null) {
            for (Map.Entry<String, Long> e : costs.entrySet()) {
                String key = Checks.name(field, e.getKey());
                Long v = e.getValue();
                if (v == null || v < 0) {
                    throw new FieldException(field + "." + key, v + " is out of range", "an integer number of cycles >= 0");
                }
                sorted.put(key, v);
            }
        }
        return Collections.unmodifiableMap(sorted);
    }
}
