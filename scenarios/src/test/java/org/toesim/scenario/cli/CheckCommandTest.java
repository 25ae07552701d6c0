package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.JunitXml;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.result.ResultJson;
import org.toesim.scenario.run.ScenarioExecutor;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code toesim check} for CI: the JUnit report, the JSON shape, result directories, old baselines. */
class CheckCommandTest {
    @TempDir
    Path dir;
    Path bulk;
    Path baseline;
    private final InProcessCli cli = new InProcessCli();

    @BeforeEach
    void files() throws Exception {
        bulk = TestFiles.copy("scenarios/bulk-toe.json", dir);
        baseline = dir.resolve("bulk.baseline.json");
    }

    private int toesim(ScenarioExecutor model, String... args) {
        return cli.run(model, args);
    }

    private String out() {
        return cli.out.toString();
    }

    private String err() {
        return cli.err.toString();
    }

    private void record(ScenarioExecutor model) {
        assertEquals(0, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString(), "--update-baseline",
                "--quiet"), err());
    }

    @Test
    void junitReportHasACasePerItemAndNamesTheMetricThatRegressed() throws Exception {
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        record(model);
        Path report = dir.resolve("reports").resolve("bulk.xml");
        assertEquals(0, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString(),
                "--junit", report.toString(), "--quiet"));
        Document pass = JunitXml.parse(Files.readString(report));
        List<String> names = JunitXml.caseNames(pass);
        assertEquals("status", names.get(0));
        assertTrue(names.containsAll(List.of("goodputBitsPerSec.total", "connections.w0.c0.goodputBitsPerSec",
                "connections.w0.c0.integrity", "traceDigest")), names.toString());
        assertEquals(Set.copyOf(names).size(), names.size(), "case names are unique");
        assertTrue(JunitXml.problems(pass).isEmpty());
        Element suite = (Element) pass.getElementsByTagName("testsuite").item(0);
        assertEquals("toesim.check.bulk-toe", suite.getAttribute("name"));

        // ccbCapacity 1024 -> 8: goodput 2.0247e9 -> 1.0087e9 (-50.18 %), and the digest changes
        assertEquals(1, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString(),
                "--junit", report.toString(), "--set", "hosts[1].nic.ccbCapacity=8", "--quiet"));
        Map<String, Element> failed = JunitXml.problems(JunitXml.parse(Files.readString(report)));
        assertEquals(List.of("goodputBitsPerSec.total", "connections.w0.c0.goodputBitsPerSec", "traceDigest"),
                List.copyOf(failed.keySet()));
        Element goodput = failed.get("goodputBitsPerSec.total");
        assertEquals("failure", goodput.getTagName());
        assertEquals("metric", goodput.getAttribute("type"));
        String message = goodput.getAttribute("message");
        assertTrue(message.contains("baseline 2024700000") && message.contains("1008700000")
                && message.contains("-50.18%") && message.contains("allowed +-1.00%"), message);
        assertTrue(goodput.getTextContent().contains("tolerance: relative 0.01, absolute 0.0 (allowed +-20247000)"),
                goodput.getTextContent());
        assertTrue(failed.get("traceDigest").getAttribute("message").contains("the baseline has no trajectory checkpoints"),
                "the stand-in model records none: " + failed.get("traceDigest").getAttribute("message"));
        try (Stream<Path> files = Files.list(report.getParent())) {
            assertEquals(List.of("bulk.xml"), files.map(p -> p.getFileName().toString()).toList(), "no temporary left");
        }
    }

    @Test
    void aRunThatDidNotFinishIsAFailingStatusCaseAndAModelFailureAnError() throws Exception {
        record(new HandBuiltExecutor(false));
        Path report = dir.resolve("r.xml");
        assertEquals(1, toesim(HandBuiltExecutor.failedRun("livelock: 10000000 events at 1.5ms (tcp.timer)"), "check",
                bulk.toString(), "--baseline", baseline.toString(), "--junit", report.toString()));
        Element status = JunitXml.problems(JunitXml.parse(Files.readString(report))).get("status");
        assertEquals("failure", status.getTagName());
        assertEquals("the run did not finish: failed: livelock: 10000000 events at 1.5ms (tcp.timer)",
                status.getAttribute("message"));

        assertEquals(1, toesim(new HandBuiltExecutor(true), "check", bulk.toString(), "--baseline",
                baseline.toString(), "--junit", report.toString()));
        assertTrue(err().contains("invariant broken at 1.5ms"), err());
        Document doc = JunitXml.parse(Files.readString(report));
        Element error = JunitXml.problems(doc).get("status");
        assertEquals("error", error.getTagName());
        assertTrue(error.getAttribute("message").contains("invariant broken at 1.5ms: sndUna > sndNxt"),
                error.getAttribute("message"));
    }

    @Test
    void aJunitPathThatCannotBeWrittenIsExitTwoWithOneLineBeforeAnythingRuns() throws Exception {
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        record(model);
        int before = model.calls.get();
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        for (Path target : List.of(file.resolve("r.xml"), dir, Path.of("/proc/toesim-report.xml"))) {
            assertEquals(2, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString(),
                    "--junit", target.toString()), target.toString());
            String msg = err().trim();
            assertEquals(1, msg.lines().count(), msg);
            assertTrue(msg.startsWith("error: --junit " + target + ": "), msg);
            assertEquals("", out());
        }
        assertEquals(before, model.calls.get(), "refused before the run");
    }

    @Test
    void jsonCarriesNumbersAsNumbersInAStableShape() throws Exception {
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        record(model);
        assertEquals(1, toesim(model, "check", "--json", bulk.toString(), "--baseline", baseline.toString(),
                "--set", "hosts[1].nic.ccbCapacity=8"));
        JsonNode j = ResultJson.MAPPER.readTree(out());
        assertEquals(Set.of("formatVersion", "scenario", "file", "baseline", "seed", "passed", "updated", "status",
                "statusReason", "wallTimeMs", "error", "checks", "failures", "items", "divergence"), keys(j));
        assertEquals(1, j.get("formatVersion").intValue());
        assertTrue(j.get("passed").isBoolean() && !j.get("passed").booleanValue());
        assertTrue(j.get("seed").isIntegralNumber() && j.get("checks").isIntegralNumber());
        assertEquals(3, j.get("failures").intValue());
        Set<String> itemKeys = Set.of("name", "kind", "baseline", "actual", "difference", "relativeDifference",
                "tolerance", "passed", "message");
        for (JsonNode item : j.get("items")) {
            assertEquals(itemKeys, keys(item), item.toString());
            if (item.get("kind").asText().equals("metric")) {
                assertTrue(item.get("baseline").isNumber() && item.get("actual").isNumber(), item.toString());
                assertTrue(item.get("tolerance").get("relative").isNumber()
                        && item.get("tolerance").get("allowed").isNumber(), item.toString());
            } else {
                assertTrue(item.get("baseline").isTextual() && item.get("tolerance").isNull(), item.toString());
            }
        }
        JsonNode goodput = item(j, "goodputBitsPerSec.total");
        assertFalse(goodput.get("passed").booleanValue());
        assertEquals(2.0247e9, goodput.get("baseline").doubleValue(), 1);
        assertEquals(1.0087e9, goodput.get("actual").doubleValue(), 1);
        assertEquals(-1.016e9, goodput.get("difference").doubleValue(), 1);
        assertEquals(-0.50180, goodput.get("relativeDifference").doubleValue(), 1e-5);
        assertEquals(0.01, goodput.get("tolerance").get("relative").doubleValue());
        assertEquals(2.0247e7, goodput.get("tolerance").get("allowed").doubleValue(), 1e-3);
        assertFalse(j.get("divergence").get("located").booleanValue());
        assertTrue(j.get("divergence").get("window").isNull());

        assertEquals(0, toesim(model, "check", "--json", bulk.toString(), "--baseline", baseline.toString(),
                "--update-baseline"));
        JsonNode u = ResultJson.MAPPER.readTree(out());
        assertTrue(u.get("updated").booleanValue() && u.get("passed").booleanValue(), u.toString());
    }

    @Test
    void outWritesTheRunsResultDirectoryEvenForARegression() throws Exception {
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        record(model);
        Path results = dir.resolve("results").resolve("bulk");
        assertEquals(1, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString(),
                "--set", "hosts[1].nic.ccbCapacity=8", "--out", results.toString()));
        assertTrue(out().contains("results: " + results.resolve("index.html")), out());
        JsonNode s = ResultJson.MAPPER.readTree(results.resolve("summary.json").toFile());
        assertEquals(1.0087e9, s.get("connections").get(0).get("goodputBitsPerSec").asDouble(), 1);
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "precious");
        assertEquals(2, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString(),
                "--out", mine.toString()));
        assertTrue(err().startsWith("error: --out " + mine + ": "), err());
    }

    @Test
    void aBaselineWithoutCheckpointsStillWorksAndSaysHowToGetTheLocation() throws Exception {
        ModelExecutor model = new ModelExecutor();
        Path small = TestFiles.copy("regression/bulk-toe.json", dir);
        String shipped = TestFiles.text("regression/bulk-toe.baseline.json");
        ObjectNode old = (ObjectNode) ResultJson.MAPPER.readTree(shipped);
        assertTrue(old.has("trajectory"));
        old.remove("trajectory");
        Files.writeString(baseline, ResultJson.MAPPER.writeValueAsString(old));
        assertEquals(0, toesim(model, "check", small.toString(), "--baseline", baseline.toString()), out() + err());
        assertEquals(1, toesim(model, "check", small.toString(), "--baseline", baseline.toString(),
                "--set", "hosts[0].costs.interruptCycles=3001"));
        String text = out();
        assertTrue(text.contains("FAIL  traceDigest"), text);
        assertTrue(text.contains("the baseline has no trajectory checkpoints, so where the runs diverge is not known; "
                + "re-record it with --update-baseline to have it located next time"), text);
        assertEquals(0, toesim(model, "check", small.toString(), "--baseline", baseline.toString(), "--update-baseline",
                "--quiet"));
        assertTrue(ResultJson.MAPPER.readTree(baseline.toFile()).has("trajectory"), "re-recorded with checkpoints");
        assertEquals(1, toesim(model, "check", small.toString(), "--baseline", baseline.toString(),
                "--set", "hosts[0].costs.interruptCycles=3001"));
        assertTrue(out().contains("trajectories diverge in events "), out());
    }

    @Test
    void aDamagedTrajectoryIsAnInvalidBaseline() throws Exception {
        ObjectNode b = (ObjectNode) ResultJson.MAPPER.readTree(TestFiles.text("regression/bulk-toe.baseline.json"));
        ((ObjectNode) b.get("trajectory")).put("events", 3);
        Files.writeString(baseline, ResultJson.MAPPER.writeValueAsString(b));
        assertEquals(2, toesim(new HandBuiltExecutor(false), "check", bulk.toString(), "--baseline", baseline.toString()));
        assertTrue(err().startsWith("error: " + baseline + ": not a valid baseline: "), err());
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }

    private static JsonNode item(JsonNode report, String name) {
        for (JsonNode i : report.get("items")) {
            if (i.get("name").asText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no item " + name + " in " + report);
    }
}
