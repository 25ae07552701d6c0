package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.TestFiles;

/** {@code toesim chart TRACE}: files, filters, exit codes and messages. */
class ChartCommandTest {
    @TempDir
    Path dir;
    Path trace;
    private final InProcessCli cli = new InProcessCli();

    @BeforeEach
    void trace() throws Exception {
        trace = TestFiles.write(dir, "trace.jsonl", """
                {"t":1000000,"component":"b.offload","event":"InitiateOffload","fields":{"from":"b.offload","to":"b.driver","sentPs":900000,"conn":"10.0.0.1:1>10.0.0.2:2","ccb":3}}
                {"t":2000000,"component":"b.driver","event":"MmioWrite","fields":{"from":"b.driver","to":"b.pcie","sentPs":1500000,"conn":"10.0.0.2:2>10.0.0.1:1"}}
                {"t":3000000000,"component":"b.card","event":"CcbInstalled","fields":{"conn":"10.0.0.1:7>10.0.0.2:2"}}
                """);
    }

    @Test
    void writesBothChartsBesideTheTrace() throws Exception {
        assertEquals(0, cli.run(null, "chart", trace.toString()));
        assertTrue(Files.isRegularFile(dir.resolve("sequence.html")));
        assertTrue(Files.isRegularFile(dir.resolve("sequence.mmd")));
        assertTrue(cli.out.toString().contains("3 of 3 records, 4 lifelines"), cli.out.toString());
    }

    @Test
    void filtersByConnectionAndTimeWithUnits() throws Exception {
        Path out = dir.resolve("charts");
        assertEquals(0, cli.run(null, "chart", trace.toString(), "--out", out.toString(), "--json",
                "--conn", "10.0.0.2:2>10.0.0.1:1", "--from", "0.5us", "--to", "1.5ms", "--mermaid-max", "1"));
        JsonNode j = new ObjectMapper().readTree(cli.out.toString());
        assertEquals(3, j.path("recordsRead").asInt());
        assertEquals(2, j.path("recordsCharted").asInt());
        assertEquals(1, j.path("mermaidRecords").asInt());
        assertEquals(1, j.path("mermaidOmitted").asInt());
        String mmd = Files.readString(out.resolve("sequence.mmd"));
        assertTrue(mmd.contains("b_offload->>b_driver: InitiateOffload ccb=3 @ 1.000 us (+100.000 ns)"), mmd);
        assertTrue(mmd.contains("1 more records left out (at most 1 shown)"), mmd);
    }

    @Test
    void badInputIsExitTwoWithOneMessage() throws Exception {
        Path bad = TestFiles.write(dir, "bad.jsonl", "{\"t\":1,\"component\":\"a.app\",\"event\":\"X\"}\n{oops\n");
        assertEquals(2, cli.run(null, "chart", bad.toString()));
        assertTrue(cli.err.toString().startsWith("error: " + bad + ":2: malformed JSON"), cli.err.toString());

        assertEquals(2, cli.run(null, "chart", dir.resolve("missing.jsonl").toString()));
        assertTrue(cli.err.toString().contains("missing.jsonl: no such file"), cli.err.toString());

        assertEquals(2, cli.run(null, "chart", trace.toString(), "--from", "3 parsecs"));
        assertTrue(cli.err.toString().startsWith("error: --from "), cli.err.toString());

        assertEquals(2, cli.run(null, "chart", trace.toString(), "--from", "2ms", "--to", "1ms"));
        assertTrue(cli.err.toString().contains("--from 2ms is after --to 1ms"), cli.err.toString());

        assertEquals(2, cli.run(null, "chart", trace.toString(), "--conn", "1.1.1.1:1>2.2.2.2:2"));
        assertTrue(cli.err.toString().contains("no record of connection '1.1.1.1:1>2.2.2.2:2'"), cli.err.toString());

        assertEquals(2, cli.run(null, "chart", trace.toString(), "--mermaid-max", "-1"));
        assertTrue(cli.err.toString().contains("--mermaid-max must be >= 0"), cli.err.toString());
    }
}
