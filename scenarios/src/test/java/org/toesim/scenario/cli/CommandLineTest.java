package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.result.ResultJson;
import org.toesim.scenario.result.ResultMarker;
import org.toesim.scenario.run.ScenarioExecutor;

/** The command line in-process through picocli: exit codes, messages, files. */
class CommandLineTest {
    @TempDir
    Path dir;
    Path bulk;
    StringWriter out;
    StringWriter err;
    private final InProcessCli cli = new InProcessCli();

    @BeforeEach
    void files() throws Exception {
        bulk = TestFiles.copy("scenarios/bulk-toe.json", dir);
    }

    int toesim(ScenarioExecutor model, String... args) {
        int code = cli.run(model, args);
        out = cli.out;
        err = cli.err;
        return code;
    }

    @Test
    void validateAcceptsAGoodFile() {
        assertEquals(0, toesim(null, "validate", bulk.toString()));
        assertTrue(out.toString().contains("valid scenario 'bulk-toe' (2 hosts, 1 links"), out.toString());
    }

    @Test
    void badInputIsExitTwoWithOneLocatedMessage() throws Exception {
        Path bad = TestFiles.write(dir, "bad.json", """
                {"hosts": [{"name": "a"},
                           {"name": "b", "nic": {"model": "toe", "ccbCapcity": 8}}]}
                """);
        assertEquals(2, toesim(null, "validate", bad.toString()));
        String msg = err.toString().trim();
        assertEquals(1, msg.lines().count(), msg);
        assertTrue(msg.startsWith("error: " + bad + ":2:50: hosts[1].nic.ccbCapcity: unknown field 'ccbCapcity'; "
                + "expected one of "), msg);
        assertTrue(msg.endsWith("(did you mean 'ccbCapacity'?)"), msg);

        Path malformed = TestFiles.write(dir, "malformed.json", "{\"hosts\": [\n");
        assertEquals(2, toesim(null, "validate", malformed.toString()));
        assertTrue(err.toString().contains("malformed.json:2:"), err.toString());

        assertEquals(2, toesim(null, "validate", dir.resolve("missing.json").toString()));
        assertTrue(err.toString().contains("file not found"), err.toString());
    }

    @Test
    void validateJsonReportsProblemsAsJson() throws Exception {
        assertEquals(2, toesim(null, "validate", "--json", bulk.toString(), "--set", "hosts[1].cores=0"));
        JsonNode j = ResultJson.MAPPER.readTree(out.toString());
        assertFalse(j.get("ok").asBoolean());
        assertEquals("hosts[1].cores", j.get("problems").get(0).get("path").asText());
        assertEquals("--set hosts[1].cores=0", j.get("problems").get(0).get("source").asText());
    }

    @Test
    void usageErrorsAreExitTwo() {
        assertEquals(2, toesim(null, "run"));
        assertEquals(2, toesim(null, "frobnicate"));
        assertEquals(2, toesim(null, "run", bulk.toString(), "--seed", "many"));
        assertEquals(2, toesim(null, "sweep", bulk.toString()), "--param is required");
    }

    @Test
    void runWithoutTheModelSaysSoAndWritesNothing() {
        Path outDir = dir.resolve("results");
        assertEquals(1, toesim(null, "run", bulk.toString(), "--out", outDir.toString()));
        assertTrue(err.toString().contains("the simulation model is not available in this build"), err.toString());
        assertEquals("", out.toString(), "no numbers printed");
        assertFalse(Files.exists(outDir));
    }

    @Test
    void runWritesTheWholeOutputDirectory() throws Exception {
        Path outDir = dir.resolve("results");
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        assertEquals(0, toesim(model, "run", bulk.toString(), "--out", outDir.toString(), "--seed", "3",
                "--set", "hosts[1].nic.ccbCapacity=8"));
        for (String f : List.of("summary.json", "timeseries.csv", "plot-cpuUtilization.png",
                "plot-cpuUtilization.svg", "index.html")) {
            assertTrue(Files.exists(outDir.resolve(f)), f);
        }
        JsonNode s = ResultJson.MAPPER.readTree(outDir.resolve("summary.json").toFile());
        assertEquals(3, s.get("seed").asLong(), "--seed reached the model");
        assertEquals(1e9 + 8e6 + 3e5, s.get("connections").get(0).get("goodputBitsPerSec").asDouble(),
                "--set reached the model");
        assertTrue(out.toString().contains("w0.c0"), out.toString());
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("bulk-toe.json", "results"), siblings.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void runJsonPrintsTheSummary() throws Exception {
        assertEquals(0, toesim(new HandBuiltExecutor(false), "run", "--json", bulk.toString(),
                "--out", dir.resolve("r").toString()));
        assertEquals("bulk-toe", ResultJson.MAPPER.readTree(out.toString()).get("scenario").asText());
    }

    @Test
    void failedSimulationIsExitOneAndLeavesNoHalfWrittenDirectory() throws Exception {
        Path outDir = dir.resolve("results");
        Files.createDirectories(outDir);
        ResultMarker.write(outDir, "run");
        Files.writeString(outDir.resolve("summary.json"), "{\"old\": true}");
        assertEquals(1, toesim(new HandBuiltExecutor(true), "run", bulk.toString(), "--out", outDir.toString()));
        assertTrue(err.toString().contains("invariant broken at 1.5ms"), err.toString());
        assertEquals("{\"old\": true}", Files.readString(outDir.resolve("summary.json")), "previous results kept");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(2, siblings.count(), "no temp directory left");
        }
    }

    @Test
    void runNeverTouchesWhatIsNotAToesimResult() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(mine.resolve("notes.txt"), "precious");
        Path file = Files.writeString(dir.resolve("file.txt"), "also precious");
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        for (Path target : List.of(mine, file)) {
            assertEquals(2, toesim(model, "run", bulk.toString(), "--out", target.toString()), target.toString());
            String msg = err.toString().trim();
            assertEquals(1, msg.lines().count(), msg);
            assertTrue(msg.startsWith("error: --out " + target + ": "), msg);
            assertEquals("", out.toString());
        }
        assertEquals(0, model.calls.get(), "refused before anything ran");
        assertEquals("precious", Files.readString(mine.resolve("notes.txt")));
        assertEquals("also precious", Files.readString(file));
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("bulk-toe.json", "file.txt", "mine"),
                    siblings.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary left");
        }
        Path previous = dir.resolve("previous");
        assertEquals(0, toesim(model, "run", bulk.toString(), "--out", previous.toString(), "--quiet"));
        assertEquals(0, toesim(model, "run", bulk.toString(), "--out", previous.toString(), "--quiet", "--seed", "5"));
        assertEquals(5, ResultJson.MAPPER.readTree(previous.resolve("summary.json").toFile()).get("seed").asInt(),
                "a marked result is replaced");
    }

    @Test
    void runIntoAnImpossiblePlaceIsExitTwoWithOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("file.txt"), "x");
        for (String target : List.of(file.resolve("sub").toString(), "/proc/toesim-out")) {
            assertEquals(2, toesim(new HandBuiltExecutor(false), "run", bulk.toString(), "--out", target), target);
            String msg = err.toString().trim();
            assertEquals(1, msg.lines().count(), msg);
            assertTrue(msg.startsWith("error: --out " + target + ": cannot create a directory there: "), msg);
        }
    }

    @Test
    void defaultExperimentChecksEveryDirectoryBeforeRunning() throws Exception {
        Path base = dir.resolve("default");
        Path toe = Files.createDirectories(base.resolve("toe"));
        Files.writeString(toe.resolve("notes.txt"), "mine");
        assertEquals(2, toesim(null, "--quiet", "--out", base.toString()));
        assertTrue(err.toString().contains("--out " + toe + ": directory is not empty"), err.toString());
        assertFalse(Files.exists(base.resolve("host-stack")), "nothing ran");
        assertEquals("mine", Files.readString(toe.resolve("notes.txt")));
    }

    @Test
    void runWithBadOverrideWritesNothing() {
        Path outDir = dir.resolve("results");
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        assertEquals(2, toesim(model, "run", bulk.toString(), "--out", outDir.toString(), "--set", "links[0].rate=fast"));
        assertTrue(err.toString().contains("links[0].rate"), err.toString());
        assertEquals(0, model.calls.get());
        assertFalse(Files.exists(outDir));
    }

    @Test
    void sweepRunsTheGridInParallelAndSummarises() throws Exception {
        Path outDir = dir.resolve("sweep");
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        assertEquals(0, toesim(model, "sweep", bulk.toString(), "--param", "hosts[1].nic.ccbCapacity=8,64",
                "--replications", "3", "--jobs", "2", "--out", outDir.toString()));
        assertEquals(6, model.calls.get());
        List<String> runs = Files.readAllLines(outDir.resolve("runs.csv"));
        assertEquals(7, runs.size());
        assertTrue(runs.get(0).startsWith("point,replication,seed,status,hosts[1].nic.ccbCapacity,events,"), runs.get(0));
        assertTrue(runs.get(6).startsWith("1,2,9,completed,64,"), runs.get(6));
        // goodput = 1e9 + 64e6 + seed * 1e5 over seeds 7, 8, 9: mean 1.0648e9, s = 1e5,
        // half-width = t(0.975, 2) * 1e5 / sqrt(3) = 4.302653 * 57735.03 = 248413.9
        String line = Files.readAllLines(outDir.resolve("summary.csv")).stream()
                .filter(l -> l.startsWith("1,64,goodputBitsPerSec.total,")).findFirst().orElseThrow();
        String[] f = line.split(",");
        assertEquals(3, Integer.parseInt(f[3]));
        assertEquals(1.0648e9, Double.parseDouble(f[4]), 1e-3);
        assertEquals(248413.9, Double.parseDouble(f[8]), 0.5);
    }

    @Test
    void sweepChecksEveryPointBeforeRunning() {
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        assertEquals(2, toesim(model, "sweep", bulk.toString(), "--param", "hosts[1].nic.ccbCapacity=8,0"));
        assertTrue(err.toString().contains("hosts[1].nic.ccbCapacity: 0 is out of range"), err.toString());
        assertEquals(0, model.calls.get());
        assertEquals(2, toesim(model, "sweep", bulk.toString(), "--param", "nonsense"));
        assertEquals(1, toesim(null, "sweep", bulk.toString(), "--param", "seed=1,2"));
    }

    @Test
    void checkPassesWithinToleranceAndFailsBeyondIt() throws Exception {
        Path baseline = dir.resolve("baseline.json");
        HandBuiltExecutor model = new HandBuiltExecutor(false);
        assertEquals(2, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString()));
        assertTrue(err.toString().contains("file not found"), err.toString());
        assertEquals(0, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString(), "--update-baseline"));
        assertTrue(Files.exists(baseline));
        assertEquals(0, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString()));
        assertTrue(out.toString().startsWith("PASS"), out.toString());
        // ccbCapacity 1024 -> 1020: goodput -0.18% (within 1%) but the digest changes
        assertEquals(1, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString(),
                "--set", "hosts[1].nic.ccbCapacity=1020"));
        assertTrue(out.toString().contains("FAIL  traceDigest"), out.toString());
        assertFalse(out.toString().contains("FAIL  goodputBitsPerSec.total"), out.toString());
        // ccbCapacity 1024 -> 8: goodput 2.0247e9 -> 1.0087e9, -50.18%
        assertEquals(1, toesim(model, "check", bulk.toString(), "--baseline", baseline.toString(),
                "--set", "hosts[1].nic.ccbCapacity=8"));
        assertTrue(out.toString().startsWith("REGRESSION"), out.toString());
        assertTrue(out.toString().contains("FAIL  goodputBitsPerSec.total"), out.toString());
        assertTrue(out.toString().contains("-50.18%"), out.toString());
    }

    @Test
    void kernelDemoRunsOnRequest() {
        assertEquals(0, toesim(null, "--kernel-demo", "--customers", "20000"));
        String text = out.toString();
        assertTrue(text.contains("M/M/1"), text);
        assertTrue(text.contains("0.50") && text.contains("0.90"), text);
    }

    @Test
    void defaultExperimentWritesBothRunsAndAComparisonPage() throws Exception {
        Path base = dir.resolve("default");
        assertEquals(0, toesim(null, "--quiet", "--out", base.toString()));
        String text = out.toString();
        assertTrue(text.contains("host-stack") && text.contains("toe"), text);
        Path page = base.resolve("comparison").resolve("index.html");
        assertTrue(text.contains(page.toString()), text);
        String html = java.nio.file.Files.readString(page);
        assertTrue(html.contains("receiver cycles/byte rx"), "the table is on the page");
        assertTrue(html.contains("plot-cpuUtilization.svg") && html.contains("plot-throughputBitsPerSec.svg"), html);
        assertTrue(java.nio.file.Files.exists(page.resolveSibling("plot-cpuUtilization.png")));
        assertTrue(html.contains("../toe/index.html") && html.contains("../host-stack/index.html"), html);
        assertTrue(java.nio.file.Files.exists(base.resolve("toe").resolve("summary.json")));
        for (String d : List.of("toe", "host-stack", "comparison")) {
            assertTrue(ResultMarker.isPresent(base.resolve(d)), d + " is marked as ToeSim's");
        }
    }
}
