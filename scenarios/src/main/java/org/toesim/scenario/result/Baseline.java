package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.toesim.core.event.TrajectoryCheckpoints;

/**
 * Stored expected results of a scenario, for {@code toesim check}. A JSON file:
 * <pre>
 *   {"scenario": "bulk-toe", "seed": 7,
 *    "tolerance": {"relative": 0.01, "absolute": 0},              default for every metric
 *    "tolerances": {"events": {"relative": 0, "absolute": 0},     per metric name; '*' matches
 *                   "hosts.*.cpuUtilization": {"relative": 0, "absolute": 0.02}},
 *    "traceDigest": "9f3c...",                                    exact; null skips the check
 *    "metrics": {"events": 123456, ...},
 *    "integrity": {"connections.w0.c0.integrity": "ok"},
 *    "trajectory": {"blockEvents": 32, "events": 123456,          optional (older baselines have
 *                   "checkpoints": "base64..."}}                   none): locates a digest mismatch
 * </pre>
 * Tolerances are kept when {@code --update-baseline} rewrites the numbers.
 */
public record Baseline(String scenario, long seed, Tolerance tolerance, Map<String, Tolerance> tolerances,
                       String traceDigest, Map<String, Double> metrics, Map<String, String> integrity,
                       Trajectory trajectory) {
    /**
     * The run's {@link TrajectoryCheckpoints}: the trace digest's low 16 bits after every
     * {@code blockEvents}-th event, base64, two bytes each.
     */
    public record Trajectory(int blockEvents, long events, String checkpoints) {
        /** Larger blocks than this are refused (a comparing run keeps one block of events in memory). */
        static final int MAX_BLOCK_EVENTS = 1 << 20;

        public Trajectory {
            if (blockEvents > MAX_BLOCK_EVENTS || checkpoints == null) {
                throw new IllegalArgumentException(checkpoints == null ? "trajectory.checkpoints is missing"
                        : "trajectory.blockEvents " + blockEvents + " is over " + MAX_BLOCK_EVENTS);
            }
            TrajectoryCheckpoints.decode(blockEvents, events, checkpoints); // refuse a damaged file on read
        }

        /** The stored form of {@code c}. */
        public static Trajectory of(TrajectoryCheckpoints c) {
            return new Trajectory(c.blockEvents(), c.events(), c.encode());
        }

        public TrajectoryCheckpoints decoded() {
            return TrajectoryCheckpoints.decode(blockEvents, events, checkpoints);
        }
    }

    public Baseline {
        tolerance = tolerance == null ? Tolerance.DEFAULT : tolerance;
        tolerances = tolerances == null ? Map.of() : new LinkedHashMap<>(tolerances);
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
        integrity = integrity == null ? Map.of() : new LinkedHashMap<>(integrity);
    }

    /** A baseline of {@code summary} with the given tolerances, without checkpoints. */
    public static Baseline of(SummaryReport summary, Tolerance tolerance, Map<String, Tolerance> tolerances) {
        return of(summary, tolerance, tolerances, null);
    }

    /** A baseline of {@code summary} with the given tolerances and the run's checkpoints (null: none). */
    public static Baseline of(SummaryReport summary, Tolerance tolerance, Map<String, Tolerance> tolerances,
                              TrajectoryCheckpoints checkpoints) {
        return new Baseline(summary.scenario(), summary.seed(), tolerance, tolerances, summary.traceDigest(),
                Headline.metrics(summary), Headline.integrity(summary),
                checkpoints == null ? null : Trajectory.of(checkpoints));
    }

    /** The tolerance for {@code metric}: an exact key, else the first matching '*' pattern, else the default. */
    public Tolerance toleranceFor(String metric) {
        Tolerance t = tolerances.get(metric);
        if (t != null) {
            return t;
        }
        for (Map.Entry<String, Tolerance> e : tolerances.entrySet()) {
            if (e.getKey().contains("*") && glob(e.getKey()).matcher(metric).matches()) {
                return e.getValue();
            }
        }
        return tolerance;
    }

    private static Pattern glob(String g) {
        String[] parts = g.split("\\*", -1);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                re.append(".*");
            }
            re.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(re.toString());
    }

    public static Baseline read(Path file) throws IOException {
        return ResultJson.MAPPER.readValue(file.toFile(), Baseline.class);
    }

    /** Writes atomically (temp file + rename). */
    public void write(Path file) throws IOException {
        AtomicFile.writeString(file, ResultJson.MAPPER.writeValueAsString(this));
    }
}
