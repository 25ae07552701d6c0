package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Stored expected results of a scenario, for {@code toesim check}. A JSON file:
 * <pre>
 *   {"scenario": "bulk-toe", "seed": 7,
 *    "tolerance": {"relative": 0.01, "absolute": 0},              default for every metric
 *    "tolerances": {"events": {"relative": 0, "absolute": 0},     per metric name; '*' matches
 *                   "hosts.*.cpuUtilization": {"relative": 0, "absolute": 0.02}},
 *    "traceDigest": "9f3c...",                                    exact; null skips the check
 *    "metrics": {"events": 123456, ...},
 *    "integrity": {"connections.w0.c0.integrity": "ok"}}
 * </pre>
 * Tolerances are kept when {@code --update-baseline} rewrites the numbers.
 */
public record Baseline(String scenario, long seed, Tolerance tolerance, Map<String, Tolerance> tolerances,
                       String traceDigest, Map<String, Double> metrics, Map<String, String> integrity) {
    public Baseline {
        tolerance = tolerance == null ? Tolerance.DEFAULT : tolerance;
        tolerances = tolerances == null ? Map.of() : new LinkedHashMap<>(tolerances);
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
        integrity = integrity == null ? Map.of() : new LinkedHashMap<>(integrity);
    }

    /** A baseline of {@code summary} with the given tolerances. */
    public static Baseline of(SummaryReport summary, Tolerance tolerance, Map<String, Tolerance> tolerances) {
        return new Baseline(summary.scenario(), summary.seed(), tolerance, tolerances, summary.traceDigest(),
                Headline.metrics(summary), Headline.integrity(summary));
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
        Path abs = file.toAbsolutePath();
        Files.createDirectories(abs.getParent());
        Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
        try {
            ResultJson.MAPPER.writeValue(tmp.toFile(), this);
            Files.move(tmp, abs, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
