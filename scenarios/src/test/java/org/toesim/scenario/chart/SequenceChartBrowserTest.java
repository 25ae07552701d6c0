package org.toesim.scenario.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * sequence.html in a real browser (headless Chromium): the page's {@code #selftest} renders, clicks
 * a message, pans and zooms, and reports what it drew and how long that took.
 */
class SequenceChartBrowserTest {
    private static final Logger LOG = LoggerFactory.getLogger(SequenceChartBrowserTest.class);
    /** Bounds for a loaded 2-core CI machine; measured figures are far below (see docs/sequence-chart.md). */
    static final double OPEN_MS_MAX = 15_000;
    static final double PAN_MS_MAX = 500;
    static final int LARGE = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aHandoffShowsItsLifelinesMessagesAndFields() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path trace = SyntheticTraces.handoff(dir);
        ChartSummary s = SequenceCharts.write(trace, dir.resolve("out"), ChartOptions.all("trace.jsonl"));
        JsonNode r = chromium.selfTest(s.html(), "#selftest=MmioWrite", dir, 60);
        assertTrue(r.path("ok").asBoolean(), r.toPrettyString());
        assertEquals(12, r.path("lifelineCount").asInt());
        assertEquals(List.of("b.app", "b.socket", "b.tcp", "b.offload", "b.driver", "b.cpu", "b.pcie", "b.card",
                "link0.ab", "a.app", "a.tcp", "a.nic"), strings(r.path("lifelines")));
        assertEquals(18, r.path("messagesDrawn").asInt(), "every message of the handoff is in the first view");
        assertEquals(4, r.path("marksDrawn").asInt());
        List<String> events = strings(r.path("events"));
        for (String e : List.of("InitiateOffload", "MmioWrite", "MemWriteTlp", "OffloadComplete", "FrameTx", "FrameRx")) {
            assertTrue(events.contains(e), e + " in " + events);
        }
        JsonNode clicked = r.path("clicked");
        assertTrue(r.path("clickedTarget").asBoolean(), r.toPrettyString());
        assertEquals("MmioWrite", clicked.path("event").asText());
        assertEquals("b.driver", clicked.path("from").asText());
        assertEquals("b.pcie", clicked.path("to").asText());
        assertEquals(5_900_000, clicked.path("tPs").asLong());
        assertEquals(5_300_000, clicked.path("sentPs").asLong());
        assertEquals("600.000 ns", clicked.path("latency").asText());
        assertEquals(SyntheticTraces.CONN, clicked.path("conn").asText());
        assertEquals("CCB_DOORBELL", clicked.path("fields").path("reg").asText());
        assertEquals(3, clicked.path("fields").path("value").asInt());
        assertTrue(r.path("panelText").asText().contains("CCB_DOORBELL"), "the side panel shows the fields");

        JsonNode offload = chromium.selfTest(s.html(), "#selftest=InitiateOffload", dir, 60);
        assertEquals("<handoff & go>", offload.path("clicked").path("fields").path("note").asText());
        assertEquals("b.offload", offload.path("clicked").path("from").asText());
    }

    /** The chart of the real handoff tutorial (the model's own records, not a synthetic trace). */
    @Test
    void theTutorialsChartShowsTheRealHandoffMessages() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path script = dir.resolve("none.txt");
        Files.write(script, List.of());
        Path out = dir.resolve("tutorial-run");
        java.io.StringWriter o = new java.io.StringWriter();
        org.toesim.scenario.cli.CliEnvironment env = new org.toesim.scenario.cli.CliEnvironment(
                () -> java.util.Optional.of(new org.toesim.scenario.model.ModelExecutor()), new java.io.PrintWriter(o),
                new java.io.PrintWriter(o), false);
        assertEquals(0, org.toesim.scenario.cli.Main.execute(env, "step", "--tutorial", "handoff", "--script",
                script.toString(), "--out", out.toString()), o.toString());
        Path html = out.resolve("tutorial").resolve(SequenceCharts.HTML);
        JsonNode r = chromium.selfTest(html, "#selftest=MmioWrite", dir, 60);
        assertTrue(r.path("ok").asBoolean(), r.toPrettyString());
        List<String> lifelines = strings(r.path("lifelines"));
        for (String l : List.of("b.app", "b.socket", "b.offload", "b.driver", "b.card", "b.mem", "a.app")) {
            assertTrue(lifelines.contains(l), l + " in " + lifelines);
        }
        List<String> events = strings(r.path("events"));
        for (String e : List.of("MmioWrite", "DmaRead", "DmaReadDone", "DmaWrite", "Msix", "Installed", "Placed",
                "FlushCompleted")) {
            assertTrue(events.contains(e), e + " in " + events);
        }
        JsonNode clicked = r.path("clicked");
        assertEquals("b.driver", clicked.path("from").asText(), r.toPrettyString());
        assertEquals("b.card", clicked.path("to").asText());
        assertEquals("q0.COMMAND.TAIL", clicked.path("fields").path("register").asText());
        assertTrue(r.path("panelText").asText().contains("q0.COMMAND.TAIL"), "the side panel shows the fields");
    }

    @Test
    void aMillionRecordsOpenAndPanQuickly() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.require();
        Path trace = SyntheticTraces.bulk(dir.resolve("trace.jsonl"), LARGE);
        long t0 = System.nanoTime();
        ChartSummary s = SequenceCharts.write(trace, dir.resolve("out"), ChartOptions.all("trace.jsonl"));
        double generateMs = (System.nanoTime() - t0) / 1e6;
        assertEquals(LARGE, s.recordsCharted());
        long t1 = System.nanoTime();
        JsonNode r = chromium.selfTest(s.html(), "#selftest=DmaWrite", dir, 90);
        double browserMs = (System.nanoTime() - t1) / 1e6;
        LOG.info("1M-record chart: trace {} MB, html {} MB, generated in {} ms; chromium {} ms; selftest {}",
                Files.size(trace) / 1_000_000, s.htmlBytes() / 1_000_000, Math.round(generateMs), Math.round(browserMs), r);
        assertTrue(r.path("ok").asBoolean(), r.toPrettyString());
        assertEquals(LARGE, r.path("records").asInt());
        assertEquals(9, r.path("lifelineCount").asInt());
        assertTrue(s.htmlBytes() < 120_000_000L, "html " + s.htmlBytes() + " bytes");
        assertEquals("DmaWrite", r.path("clicked").path("event").asText());
        assertEquals(1448, r.path("clicked").path("fields").path("len").asInt());
        assertTrue(r.path("messagesDrawn").asInt() > 100, r.toPrettyString());
        assertTrue(r.path("fullView").path("visible").asInt() == LARGE, "the full view covers every record");
        assertTrue(r.path("openMs").asDouble() < OPEN_MS_MAX, "open " + r.path("openMs") + " ms");
        assertTrue(r.path("panMaxMs").asDouble() < PAN_MS_MAX, "pan " + r.path("panMaxMs") + " ms");
        assertTrue(r.path("zoomMaxMs").asDouble() < 2 * PAN_MS_MAX, "zoom " + r.path("zoomMaxMs") + " ms");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
