package org.toesim.scenario.spec;

import java.util.HashMap;
import java.util.Map;

/**
 * Where each value of a scenario document came from, by JSON path ({@code hosts[1].nic}).
 * Values from the file have a line and column; values set by {@code --set} name the override.
 * Only looked up, never iterated.
 */
public final class Locations {
    /** A place in the input. */
    public record Location(String source, int line, int column) {
    }

    private final Map<String, Location> byPath = new HashMap<>();

    void put(String path, Location location) {
        byPath.put(path, location);
    }

    /** Marks {@code path} and everything under it as coming from {@code source}. */
    void override(String path, String source) {
        byPath.keySet().removeIf(p -> p.equals(path) || p.startsWith(path + ".") || p.startsWith(path + "["));
        byPath.put(path, new Location(source, 0, 0));
    }

    /** The location of {@code path}, else of its nearest ancestor, else of the document. */
    public Location find(String path, String defaultSource) {
        String p = path;
        while (true) {
            Location l = byPath.get(p);
            if (l != null) {
                return l;
            }
            if (p.isEmpty()) {
                return new Location(defaultSource, 0, 0);
            }
            p = JsonPaths.parent(p);
        }
    }

    Locations copy() {
        Locations c = new Locations();
        c.byPath.putAll(byPath);
        return c;
    }
}
