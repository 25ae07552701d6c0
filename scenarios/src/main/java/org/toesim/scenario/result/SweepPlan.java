package org.toesim.scenario.result;

import java.util.ArrayList;
import java.util.List;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;

/**
 * The grid of a sweep: every combination of the parameters' values (the first parameter
 * varies slowest), each run {@code replications} times with seeds {@code baseSeed + r}. The
 * same seeds are used at every grid point (common random numbers), so differences between
 * points are not masked by seed noise.
 *
 * @param params       the swept parameters, each a {@code --set} path and its values
 * @param replications runs per grid point, at least 1
 */
public record SweepPlan(List<Param> params, int replications) {
    /** One swept parameter: {@code path=v1,v2,...}. */
    public record Param(String path, List<String> values) {
        public Param {
            values = List.copyOf(values);
            if (path.isBlank() || values.isEmpty()) {
                throw new IllegalArgumentException("a parameter needs a path and at least one value");
            }
        }

        /** Parses {@code path=v1,v2,...}. */
        public static Param parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new IllegalArgumentException("'" + text + "' is not path=v1,v2,...");
            }
            return new Param(text.substring(0, eq).trim(), List.of(text.substring(eq + 1).split(",", -1)));
        }
    }

    /** One run of the sweep. */
    public record Run(int point, int replication, long seed, List<String> overrides) {
    }

    public SweepPlan {
        params = List.copyOf(params);
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + replications);
        }
    }

    /** The grid points, each as its {@code path=value} overrides. */
    public List<List<String>> points() {
        List<List<String>> points = new ArrayList<>();
        points.add(List.of());
        for (Param p : params) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : points) {
                for (String v : p.values()) {
                    List<String> point = new ArrayList<>(prefix);
                    point.add(p.path() + "=" + v);
                    next.add(List.copyOf(point));
                }
            }
            points = next;
        }
        return points;
    }

    /**
     * For grid point {@code point}, the index of each parameter's value (the first parameter
     * varies slowest, as in {@link #points()}).
     */
    public int[] valueIndices(int point) {
        int[] idx = new int[params.size()];
        int rest = point;
        for (int j = params.size() - 1; j >= 0; j--) {
            int n = params.get(j).values().size();
            idx[j] = rest % n;
            rest /= n;
        }
        return idx;
    }

    /** Every run, grouped by point, replications in order. */
    public List<Run> runs(long baseSeed) {
        List<Run> runs = new ArrayList<>();
        List<List<String>> points = points();
        for (int i = 0; i < points.size(); i++) {
            for (int r = 0; r < replications; r++) {
                runs.add(new Run(i, r, baseSeed + r, points.get(i)));
            }
        }
        return runs;
    }

    /** Each grid point's scenario: {@code doc} with the point's overrides, bound (a bad point fails here). */
    public List<Scenario> bind(ScenarioDocument doc) throws ScenarioException {
        List<Scenario> bound = new ArrayList<>();
        for (List<String> point : points()) {
            bound.add(doc.withOverrides(point).bind());
        }
        return bound;
    }
}
