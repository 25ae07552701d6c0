package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.chart.HeadlessChromium;
import org.toesim.scenario.run.ScenarioExecutors;

/**
 * A real sweep's index.html in headless Chromium: every figure loads (natural width 900), the
 * warnings are on the page. Its screenshot is {@code target/sweep-page.png} (docs/sweep-page.png
 * is a copy of it).
 */
class SweepPageBrowserTest {
    @TempDir
    Path dir;

    @Test
    void everyFigureOfTheSweepPageLoadsInABrowser() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        // 0.5 % loss makes the replications differ a lot; the 4 ms limit stops some 200 us runs
        Path scenario = TestFiles.write(dir, "bulk-loss.json", """
                {"name": "bulk-loss", "seed": 1, "hosts": [{"name": "a"}, {"name": "b"}],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "2us", "impairments": {"loss": 0.005}}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "512KiB"}],
                 "stop": {"until": "workloadsDone", "limit": "6ms"},
                 "outputs": {"timeSeries": "0s", "plots": []}}
                """);
        Path out = dir.resolve("sweep");
        InProcessCli cli = new InProcessCli();
        int code = cli.run(ScenarioExecutors.find().orElseThrow(), "sweep", scenario.toString(), "--quiet",
                "--param", "links[0].delay=2us,20us,200us", "--param", "hosts[1].nic.model=plain,toe",
                "--replications", "3", "--jobs", "2", "--out", out.toString());
        assertEquals(1, code, "two runs reach the limit: " + cli.err);
        Path html = out.resolve("index.html");
        assertTrue(Files.readString(html).contains("<table class=\"bad\">"), "unfinished runs listed in red");

        JsonNode r = chromium.selfTest(html, "#selftest", dir, 60);
        assertTrue(r.path("ok").asBoolean(), r.toPrettyString());
        List<String> svgs;
        try (var files = Files.list(out)) {
            svgs = files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".svg")).sorted().toList();
        }
        assertTrue(svgs.size() >= 20, "figures: " + svgs);
        assertEquals(svgs.size(), r.path("images").size(), "the page shows every figure");
        for (JsonNode img : r.path("images")) {
            assertTrue(img.path("complete").asBoolean(), img.toString());
            assertEquals(900, img.path("naturalWidth").asInt(), img.toString());
            assertEquals(520, img.path("naturalHeight").asInt(), img.toString());
        }
        assertEquals(Files.readAllLines(out.resolve("warnings.txt")).size() - countOutlierLines(out)
                + countOutlierRows(html), r.path("warnings").asInt(), "every warning is on the page");

        Path png = dir.resolve("sweep-page.png");
        chromium.screenshot(html.toUri().toString(), png, dir, 1400, 2000);
        assertTrue(Files.size(png) > 50_000, "screenshot " + Files.size(png) + " bytes");
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.copy(png, target.resolve("sweep-page.png"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long countOutlierLines(Path out) throws Exception {
        return Files.readAllLines(out.resolve("warnings.txt")).stream().filter(l -> l.contains(" is an outlier in "))
                .count();
    }

    /** The outlier table has one row per run and metric. */
    private static long countOutlierRows(Path html) throws Exception {
        String page = Files.readString(html);
        return page.lines().filter(l -> l.startsWith("<tr class=\"warning\">")).count();
    }
}
