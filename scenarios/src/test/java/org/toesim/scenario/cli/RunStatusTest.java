package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.result.ResultJson;
import org.toesim.scenario.run.ScenarioExecutor;

/**
 * How runs end, through the command line with the real model: a run that is not a result
 * (limitReached, stalled) exits 1, names its unfinished connections, how far they got and what
 * they waited for, and still writes summary.json with its status; duration and completed runs
 * exit 0.
 */
class RunStatusTest {
    @TempDir
    Path dir;
    StringWriter out;
    StringWriter err;
    private final InProcessCli cli = new InProcessCli();

    int toesim(ScenarioExecutor model, String... args) {
        int code = cli.run(model, args);
        out = cli.out;
        err = cli.err;
        return code;
    }

    private Path bulk(String name, String size, String stop, String extra) throws Exception {
        return TestFiles.write(dir, name + ".json", """
                {"name": "%s", "hosts": [{"name": "a"}, {"name": "b"}],
                 "links": [{"name": "ab", "between": ["a", "b"]}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "%s"}],
                 "stop": %s, "outputs": {"timeSeries": "0", "plots": []}%s}
                """.formatted(name, size, stop, extra));
    }

    private JsonNode summary(Path outDir) throws Exception {
        return ResultJson.MAPPER.readTree(outDir.resolve("summary.json").toFile());
    }

    @Test
    void aRunThatHitsItsLimitExitsOneAndSaysWhichConnectionAndWhy() throws Exception {
        // 64 MiB could cross the 10 Gbit/s link in 53.7 ms (so validation lets it run); the sender's
        // CPU holds it near 7 Gbit/s, so it cannot finish in 60 ms
        Path f = bulk("limit", "64MiB", "{\"until\": \"workloadsDone\", \"limit\": \"60ms\"}", "");
        Path o = dir.resolve("out-limit");
        assertEquals(1, toesim(new ModelExecutor(), "run", f.toString(), "--out", o.toString()));
        String e = err.toString();
        assertTrue(e.startsWith("error: scenario 'limit' (seed 1) did not finish: limitReached: the safety limit "
                + "stop.limit = 60ms"), e);
        assertTrue(e.contains("  w0.c0 (a -> b): "), e);
        assertTrue(e.contains(" of 67108864 bytes delivered ("), e);
        assertTrue(e.contains("waiting for: a: ESTABLISHED: "), e);
        assertTrue(e.contains("1 of 1 connections did not finish; these figures are not results"), e);
        assertFalse(out.toString().contains("goodput"), "no results table for a partial run: " + out);
        JsonNode s = summary(o);
        assertEquals("limitReached", s.get("status").asText());
        JsonNode c = s.get("connections").get(0);
        assertFalse(c.get("finished").asBoolean());
        assertEquals(64L << 20, c.get("bytesExpected").asLong());
        assertTrue(c.get("bytesDelivered").asLong() < 64L << 20);
        assertTrue(c.get("waitingFor").asText().startsWith("a: ESTABLISHED: "), c.toString());
        assertTrue(Files.readString(o.resolve("index.html")).contains("NOT A VALID RESULT: status limitReached"));
    }

    @Test
    void aDurationRunIsAResultEvenWithTheTransferUnfinished() throws Exception {
        Path f = bulk("dur", "64MiB", "{\"duration\": \"2ms\"}", "");
        Path o = dir.resolve("out-dur");
        assertEquals(0, toesim(new ModelExecutor(), "run", f.toString(), "--out", o.toString()));
        JsonNode s = summary(o);
        assertEquals("durationReached", s.get("status").asText());
        assertFalse(s.get("connections").get(0).get("finished").asBoolean());
        assertTrue(out.toString().contains("goodput"), out.toString());
        assertFalse(Files.readString(o.resolve("index.html")).contains("NOT A VALID RESULT"));
    }

    @Test
    void aCompletedRunSaysSoPerConnection() throws Exception {
        Path f = bulk("done", "256KiB", "{\"until\": \"workloadsDone\"}", "");
        Path o = dir.resolve("out-done");
        assertEquals(0, toesim(new ModelExecutor(), "run", f.toString(), "--out", o.toString()));
        JsonNode c = summary(o).get("connections").get(0);
        assertEquals("completed", summary(o).get("status").asText());
        assertTrue(c.get("finished").asBoolean());
        assertEquals(256 << 10, c.get("bytesDelivered").asLong());
        assertEquals(256 << 10, c.get("bytesExpected").asLong());
        assertTrue(c.get("waitingFor").isNull());
    }

    @Test
    void aLinkThatNeverComesBackIsStalledLongBeforeTheLimit() throws Exception {
        Path f = bulk("down", "4MiB", "{\"until\": \"workloadsDone\", \"limit\": \"60s\", \"stallTimeout\": \"1s\"}",
                ", \"faults\": [{\"type\": \"linkDown\", \"at\": \"1ms\", \"link\": \"ab\"}]");
        Path o = dir.resolve("out-down");
        assertEquals(1, toesim(new ModelExecutor(), "run", f.toString(), "--out", o.toString()));
        JsonNode s = summary(o);
        assertEquals("stalled", s.get("status").asText());
        assertTrue(s.get("statusReason").asText().startsWith("no connection made progress for "), s.toString());
        assertTrue(s.get("simTimePs").asLong() < 5_000_000_000_000L, "declared within a few stall timeouts");
        String wait = s.get("connections").get(0).get("waitingFor").asText();
        assertTrue(wait.startsWith("a: FIN-WAIT-1: retransmission timer (RTO "), wait);
        assertTrue(wait.contains("bytes unacknowledged"), wait);
        assertTrue(wait.contains(" backoffs"), wait);
        assertTrue(err.toString().contains("did not finish: stalled: "), err.toString());
    }

    @Test
    void anOutageShorterThanTheStallTimeoutIsRiddenOutAtDefaultSettings() throws Exception {
        // default stallTimeout 10 s: link down from 1 ms to 9 s; the retransmissions back off
        // (0.2, 0.4, ..., 6.4 s) and the one at ~12.6 s gets through, 12.6 s after the last progress
        Path f = bulk("outage", "1MiB", "{\"until\": \"workloadsDone\"}",
                ", \"faults\": [{\"type\": \"linkDown\", \"at\": \"1ms\", \"link\": \"ab\"},"
                        + " {\"type\": \"linkUp\", \"at\": \"9s\", \"link\": \"ab\"}]");
        Path o = dir.resolve("out-outage");
        assertEquals(0, toesim(new ModelExecutor(), "run", f.toString(), "--out", o.toString()), err.toString());
        JsonNode s = summary(o);
        assertEquals("completed", s.get("status").asText());
        assertTrue(s.get("simTimePs").asLong() > 10_000_000_000_000L, "finished after more than 10 s quiet");
    }

    @Test
    void checkTreatsARunThatDidNotFinishAsARegressionAndRecordsNoBaseline() throws Exception {
        Path f = bulk("chk", "4MiB", "{\"until\": \"workloadsDone\"}", "");
        Path b = dir.resolve("chk.baseline.json");
        assertEquals(0, toesim(new ModelExecutor(), "check", f.toString(), "--baseline", b.toString(),
                "--update-baseline"));
        String recorded = Files.readString(b);
        assertEquals(1, toesim(new ModelExecutor(), "check", f.toString(), "--baseline", b.toString(),
                "--set", "stop.limit=\"4ms\""));
        assertTrue(out.toString().contains("REGRESSION"), out.toString());
        assertTrue(out.toString().contains("FAIL  status"), out.toString());
        assertTrue(err.toString().contains("did not finish: limitReached"), err.toString());
        assertEquals(1, toesim(new ModelExecutor(), "check", f.toString(), "--baseline", b.toString(),
                "--set", "stop.limit=\"4ms\"", "--update-baseline"));
        assertTrue(err.toString().contains("baseline not written"), err.toString());
        assertEquals(recorded, Files.readString(b), "the baseline is untouched");
    }

    @Test
    void sweepMarksUnfinishedRunsAndLeavesThemOutOfTheStatistics() throws Exception {
        Path f = bulk("sw", "4MiB", "{\"until\": \"workloadsDone\"}", "");
        Path o = dir.resolve("out-sweep");
        assertEquals(1, toesim(new ModelExecutor(), "sweep", f.toString(), "--param", "stop.limit=4ms,1s",
                "--replications", "2", "--jobs", "1", "--out", o.toString()));
        List<String> runs = Files.readAllLines(o.resolve("runs.csv"));
        assertTrue(runs.get(0).startsWith("point,replication,seed,status,stop.limit,"), runs.get(0));
        assertTrue(runs.get(1).startsWith("0,0,1,limitReached,4ms,"), runs.get(1));
        assertTrue(runs.get(3).startsWith("1,0,1,completed,1s,"), runs.get(3));
        List<String> summary = Files.readAllLines(o.resolve("summary.csv"));
        assertTrue(summary.stream().skip(1).allMatch(l -> l.startsWith("1,")), "only the completed point: " + summary);
        assertTrue(err.toString().contains("warning: point 0 replication 0 (seed 1) did not finish: limitReached"),
                err.toString());
        assertTrue(err.toString().contains("2 of 4 runs did not finish"), err.toString());
    }

    @Test
    void aFailedRunIsExitOneWithItsReasonAndAStatusInSummaryJson() throws Exception {
        Path f = TestFiles.copy("scenarios/bulk-toe.json", dir);
        Path o = dir.resolve("out-failed");
        assertEquals(1, toesim(HandBuiltExecutor.failedRun("livelock: 10000000 events at 1.5ms (tcp.timer)"),
                "run", f.toString(), "--out", o.toString()));
        assertTrue(err.toString().contains("did not finish: failed: livelock: 10000000 events at 1.5ms"),
                err.toString());
        assertEquals("failed", summary(o).get("status").asText());
    }
}
