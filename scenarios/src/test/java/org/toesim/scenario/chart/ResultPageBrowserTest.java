package org.toesim.scenario.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.api.Toesim;
import org.toesim.scenario.result.RunResult;

/**
 * A run's index.html in a real browser (headless Chromium, next to the sequence chart's harness):
 * every figure the page shows loads as an image with its drawn size (an SVG Chromium cannot parse
 * has no natural width), and the page carries the latency and bottleneck sections. Screenshots of
 * the page and of two figures are kept in docs/ (regenerated with -Dtoesim.screenshots=true).
 */
class ResultPageBrowserTest {
    private static final Pattern IMG = Pattern.compile("<img src=\"([^\"]+)\"");

    @TempDir
    Path dir;

    @Test
    void everyFigureOfARunsPageRendersInChromium() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path out = dir.resolve("run");
        RunResult r = Toesim.run(Toesim.parse("""
                {"name": "page", "seed": 3, "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"},
                  "offload": {"afterBytes": "1MiB"}}],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "5us"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "8MiB"},
                   {"type": "requestResponse", "from": "a", "to": "b", "requests": 200, "start": "10ms"}],
                 "faults": [{"type": "cardReset", "at": "4ms", "host": "b"}],
                 "outputs": {"timeSeries": "500us", "plots": ["svg"]}}
                """), out);
        assertTrue(r.summary().status().valid(), r.summary().statusReason());
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("<h2>Latency</h2>") && index.contains("<h2>What limited each workload</h2>"));
        List<String> images = new ArrayList<>();
        Matcher m = IMG.matcher(index);
        while (m.find()) {
            images.add(m.group(1));
        }
        assertTrue(images.containsAll(List.of("plot-throughputBitsPerSec.svg", "plot-latency-cdf.svg",
                "plot-cpu-b.svg", "plot-cardUtilization.svg")), images.toString());
        // a page of the same images whose load handler reports each one's natural size
        StringBuilder check = new StringBuilder("<!DOCTYPE html><html><body>");
        for (String img : images) {
            check.append("<img src=\"").append(img).append("\">");
        }
        check.append("<pre id=\"selftest\"></pre><script>window.addEventListener('load', () => {"
                + "document.getElementById('selftest').textContent = JSON.stringify({ok: true, images: "
                + "[...document.images].map(i => ({src: i.getAttribute('src'), w: i.naturalWidth, h: i.naturalHeight}))});"
                + "});</script></body></html>");
        Path page = out.resolve("check.html");
        Files.writeString(page, check);
        JsonNode report = chromium.selfTest(page, "", dir, 60);
        assertEquals(images.size(), report.path("images").size());
        for (JsonNode i : report.path("images")) {
            assertEquals(900, i.path("w").asInt(), i.path("src").asText() + " renders at its drawn width");
            assertEquals(520, i.path("h").asInt(), i.path("src").asText());
        }
        assertFalse(report.path("images").isEmpty());
        if (Boolean.getBoolean("toesim.screenshots")) {
            Path docs = Path.of("..", "docs");
            chromium.screenshot(out.resolve("index.html").toUri().toString(), docs.resolve("run-page.png"), dir);
        }
    }
}
