package org.toesim.scenario.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code scalars.csv}: every number of {@code summary.json} as one tidy row
 * {@code section,subject,metric,value}, the unit in the metric's name (goodputBitsPerSec,
 * cpuUtilization, p99Ps), values plain numbers: what pandas, R or a spreadsheet read without
 * parsing, and what several runs concatenate into (add a run column).
 * <pre>
 *   run,,simTimePs,94616134906
 *   connections,bulk.c0,goodputBitsPerSec,6906825489.279929
 *   latencies,rr.c0,p99Ps,159097234
 *   bottlenecks,bulk/client.core1,utilization,0.986
 * </pre>
 */
public final class ScalarsCsv {
    private static final List<String> SECTIONS = List.of("connections", "hosts", "nics", "links", "latencies", "bottlenecks");

    private ScalarsCsv() {
    }

    public static void write(SummaryReport summary, Path file) throws IOException {
        CsvWriter.writeTable(List.of("section", "subject", "metric", "value"), rows(summary), file);
    }

    static List<List<String>> rows(SummaryReport summary) {
        JsonNode root = ResultJson.MAPPER.valueToTree(summary);
        List<List<String>> rows = new ArrayList<>();
        for (String f : List.of("seed", "simTimePs", "wallTimeMs", "events")) {
            rows.add(List.of("run", "", f, root.get(f).asText()));
        }
        for (String section : SECTIONS) {
            for (JsonNode item : root.path(section)) {
                String subject = subject(section, item);
                flatten(rows, section, subject, "", item);
                if (section.equals("bottlenecks")) {
                    for (JsonNode r : item.path("resources")) {
                        rows.add(List.of(section, subject + "/" + r.get("resource").asText(), "utilization",
                                CsvWriter.number(r.get("utilization").asDouble())));
                    }
                }
            }
        }
        return rows;
    }

    private static String subject(String section, JsonNode item) {
        return switch (section) {
            case "connections" -> item.path("id").asText();
            case "hosts" -> item.path("name").asText();
            case "nics" -> item.path("host").asText();
            case "links" -> item.path("link").asText() + " " + item.path("from").asText() + "->" + item.path("to").asText();
            case "latencies" -> item.path("connection").asText();
            default -> item.path("workload").asText();
        };
    }

    /** Numeric and boolean leaves of {@code node} (nested objects as prefix.field; arrays left out). */
    private static void flatten(List<List<String>> rows, String section, String subject, String prefix, JsonNode node) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            JsonNode v = e.getValue();
            String name = prefix + e.getKey();
            if (v.isIntegralNumber()) {
                rows.add(List.of(section, subject, name, v.asText())); // exact: picoseconds, bytes
            } else if (v.isNumber()) {
                rows.add(List.of(section, subject, name, CsvWriter.number(v.asDouble())));
            } else if (v.isBoolean()) {
                rows.add(List.of(section, subject, name, v.asBoolean() ? "1" : "0"));
            } else if (v.isObject()) {
                flatten(rows, section, subject, name + ".", v);
            }
        }
    }
}
