package org.toesim.scenario.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlSequenceChartTest {
    @TempDir
    Path dir;

    @Test
    void embedsTheDataInOneSelfContainedPage() throws Exception {
        Path trace = SyntheticTraces.handoff(dir);
        ChartSummary s = SequenceCharts.write(trace, dir.resolve("out"), ChartOptions.all("trace.jsonl"));
        String html = Files.readString(s.html());
        assertEquals(22, s.recordsRead());
        assertEquals(22, s.recordsCharted());
        assertEquals(12, s.lifelines());
        assertTrue(html.contains("\"lifelines\":[\"b.app\",\"b.socket\",\"b.tcp\",\"b.offload\",\"b.driver\",\"b.cpu\","
                + "\"b.pcie\",\"b.card\",\"link0.ab\",\"a.app\",\"a.tcp\",\"a.nic\""), html.substring(0, 3000));
        assertTrue(html.contains("\"conns\":[\"10.0.0.1:40000>10.0.0.2:5001\"]"));
        assertTrue(html.contains("\"InitiateOffload\""));
        assertTrue(html.contains("{\"ccb\":3,\"sndNxt\":9001,\"rcvNxt\":4001,\"note\":\"\\u003chandoff & go>\"}\n"),
                "fields kept, '<' escaped inside the script block");
        assertFalse(html.contains("<handoff"));
        assertTrue(html.contains("<canvas id=\"chart\""));
        assertTrue(html.contains("function selfTest("));
        assertFalse(html.contains("src="), "no external script or image");
        assertFalse(html.contains("<link"), "no external style sheet");
        assertFalse(html.contains("{{"), "every template marker replaced");
        assertEquals(1, html.split("<script type=\"application/json\" id=\"toesim-cols\">", -1).length - 1);
    }

    @Test
    void theSameTraceGivesByteIdenticalFiles() throws Exception {
        Path trace = SyntheticTraces.handoff(dir);
        SequenceCharts.write(trace, dir.resolve("one"), ChartOptions.all("trace.jsonl"));
        SequenceCharts.write(trace, dir.resolve("two"), ChartOptions.all("trace.jsonl"));
        for (String f : new String[] {SequenceCharts.HTML, SequenceCharts.MERMAID}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(f)), Files.readAllBytes(dir.resolve("two").resolve(f)), f);
        }
        try (var files = Files.list(dir.resolve("one"))) {
            assertEquals(2, files.count(), "the temporary fields file is removed");
        }
    }

    @Test
    void anUnsortedTraceIsChartedInTimeOrder() throws Exception {
        Path trace = SyntheticTraces.write(dir.resolve("t.jsonl"), """
                {"t":300,"component":"a.app","event":"Late","fields":{"n":3}}
                {"t":100,"component":"a.app","event":"Early","fields":{"n":1}}
                {"t":200,"component":"a.app","event":"Middle","fields":{"n":2}}
                """);
        String html = Files.readString(SequenceCharts.write(trace, dir.resolve("out"), ChartOptions.all("t")).html());
        assertTrue(html.contains("{\"t\":[100,100,100],"), "deltas of the sorted times");
        assertTrue(html.contains("id=\"toesim-fields\">{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n</script>"));
        assertTrue(html.contains("\"e\":[1,2,0]"), "event ids follow the records");
    }
}
