package org.toesim.scenario.result;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.toesim.core.event.TrajectoryDivergence;
import org.toesim.core.event.TrajectoryEvent;
import org.toesim.scenario.result.BaselineComparison.DigestDivergence;
import org.toesim.scenario.result.BaselineComparison.Item;

/**
 * What one {@code toesim check} found, for machines: {@code --json} on stdout ({@link #json()})
 * and the JUnit XML report ({@link JunitReport}). The JSON shape is stable (version
 * {@value #FORMAT_VERSION}); every key is always present, null where it does not apply:
 * <pre>
 *   {"formatVersion": 1, "scenario": "bulk-toe", "file": "...", "baseline": "...", "seed": 21,
 *    "passed": false, "updated": false, "status": "completed", "statusReason": null,
 *    "wallTimeMs": 812, "error": null, "checks": 34, "failures": 1,
 *    "items": [{"name": "goodputBitsPerSec.total", "kind": "metric",
 *               "baseline": 6.585e9, "actual": 6.21e9, "difference": -3.7e8, "relativeDifference": -0.057,
 *               "tolerance": {"relative": 0.01, "absolute": 0.0, "allowed": 6.585e7},
 *               "passed": false, "message": "..."}, ...],
 *    "divergence": {"located": true, "message": "...", "lines": [...], "agreeThroughEvent": 4096,
 *                   "differByEvent": 4128, "blockEvents": 32, "baselineEvents": 35592, "events": 35601,
 *                   "window": [{"event": 4097, "timePs": 1203000000, "owner": "b.cpu1", "kind": "cpu.done"}, ...]}}
 * </pre>
 * Items of kind {@code metric} have numbers in {@code baseline}/{@code actual} (null: absent on
 * that side or not a finite number) and a {@code tolerance}; kinds {@code status},
 * {@code integrity}, {@code traceDigest} and {@code baseline} have strings there and null
 * tolerance and differences.
 *
 * @param file         the scenario file as given
 * @param baselineFile the baseline file as given
 * @param status       how the run ended (null when it threw before reporting one)
 * @param updated      {@code --update-baseline} wrote the baseline
 * @param divergence   why the digests differ (null when equal or not compared)
 * @param error        the failure of a run that produced no summary; null otherwise
 */
public record CheckReport(String scenario, String file, String baselineFile, long seed, RunStatus status,
                          String statusReason, long wallTimeMs, boolean updated, List<Item> items,
                          DigestDivergence divergence, String error) {
    /** Version of the {@link #json()} shape; raised only when a key changes meaning or goes away. */
    public static final int FORMAT_VERSION = 1;

    public CheckReport {
        items = List.copyOf(items);
    }

    /** A run compared with its baseline. */
    public static CheckReport compared(String file, String baselineFile, SummaryReport s, BaselineComparison cmp) {
        return new CheckReport(s.scenario(), file, baselineFile, s.seed(), s.status(), s.statusReason(),
                s.wallTimeMs(), false, cmp.items(), cmp.divergence(), null);
    }

    /** {@code --update-baseline}: written, or refused because the run did not finish. */
    public static CheckReport update(String file, String baselineFile, SummaryReport s, boolean written) {
        Item baseline = new Item("baseline", BaselineComparison.Kind.BASELINE, null, null, baselineFile,
                written ? "written" : "not written", null, written, written ? "baseline written: " + baselineFile
                        : "baseline not written: a run that did not finish is no baseline");
        return new CheckReport(s.scenario(), file, baselineFile, s.seed(), s.status(), s.statusReason(),
                s.wallTimeMs(), written, List.of(BaselineComparison.status(s), baseline), null, null);
    }

    /** A run that failed without a summary (the model threw, or is missing). */
    public static CheckReport failed(String scenario, String file, String baselineFile, long seed, String error) {
        return new CheckReport(scenario, file, baselineFile, seed, null, null, 0, false, List.of(), null, error);
    }

    public boolean passed() {
        return error == null && items.stream().allMatch(Item::passed);
    }

    public List<Item> failures() {
        return items.stream().filter(i -> !i.passed()).toList();
    }

    /** The report as the documented JSON object. */
    public ObjectNode json() {
        ObjectNode o = ResultJson.MAPPER.createObjectNode();
        o.put("formatVersion", FORMAT_VERSION);
        o.put("scenario", scenario);
        o.put("file", file);
        o.put("baseline", baselineFile);
        o.put("seed", seed);
        o.put("passed", passed());
        o.put("updated", updated);
        o.put("status", status == null ? null : status.jsonName());
        o.put("statusReason", statusReason);
        o.put("wallTimeMs", wallTimeMs);
        o.put("error", error);
        o.put("checks", items.size());
        o.put("failures", failures().size());
        ArrayNode list = o.putArray("items");
        for (Item i : items) {
            list.add(item(i));
        }
        o.set("divergence", divergence == null ? null : divergence(divergence));
        return o;
    }

    private static ObjectNode item(Item i) {
        ObjectNode n = ResultJson.MAPPER.createObjectNode();
        n.put("name", i.name());
        n.put("kind", i.kind().jsonName());
        if (i.kind() == BaselineComparison.Kind.METRIC) {
            putNumber(n, "baseline", i.baselineValue());
            putNumber(n, "actual", i.actualValue());
        } else {
            n.put("baseline", i.baselineText());
            n.put("actual", i.actualText());
        }
        putNumber(n, "difference", i.difference());
        putNumber(n, "relativeDifference", i.relativeDifference());
        if (i.tolerance() == null) {
            n.putNull("tolerance");
        } else {
            ObjectNode t = n.putObject("tolerance");
            t.put("relative", i.tolerance().relative());
            t.put("absolute", i.tolerance().absolute());
            putNumber(t, "allowed", i.allowed());
        }
        n.put("passed", i.passed());
        n.put("message", i.message());
        return n;
    }

    private static ObjectNode divergence(DigestDivergence d) {
        ObjectNode n = ResultJson.MAPPER.createObjectNode();
        TrajectoryDivergence t = d.located();
        n.put("located", t != null);
        n.put("message", d.summary());
        ArrayNode lines = n.putArray("lines");
        d.lines().forEach(lines::add);
        n.put("agreeThroughEvent", t == null ? null : t.agreeThroughEvent());
        n.put("differByEvent", t == null ? null : t.differByEvent());
        n.put("blockEvents", t == null ? null : t.blockEvents());
        n.put("baselineEvents", t == null ? null : t.expectedEvents());
        n.put("events", t == null ? null : t.actualEvents());
        if (t == null) {
            n.putNull("window");
            return n;
        }
        ArrayNode w = n.putArray("window");
        for (TrajectoryEvent e : t.window()) {
            ObjectNode en = w.addObject();
            en.put("event", e.number());
            en.put("timePs", e.timePs());
            en.put("owner", e.owner());
            en.put("kind", e.kind());
        }
        return n;
    }

    /** A JSON number, or null for a missing or non-finite value (JSON has no NaN). */
    private static void putNumber(ObjectNode n, String key, Double v) {
        if (v == null || !Double.isFinite(v)) {
            n.putNull(key);
        } else {
            n.put(key, v.doubleValue());
        }
    }
}
