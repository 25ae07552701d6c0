package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.model.ModelExecutor;

/**
 * {@code toesim step}: scripted sessions with asserted output, each kind of breakpoint, the
 * handoff tutorial to its end.
 */
class StepCommandTest {
    @TempDir
    Path dir;
    private final InProcessCli cli = new InProcessCli();

    private String session(String... commands) throws Exception {
        Path script = dir.resolve("script.txt");
        Files.write(script, List.of(commands));
        int code = cli.run(new ModelExecutor(), "step", "--tutorial", "handoff", "--script", script.toString());
        assertEquals(0, code, cli.err.toString());
        String out = cli.out.toString();
        // the tutorial runs first; the commands after it start where it stopped, so take a fresh session
        return out;
    }

    private String plain(String... commands) throws Exception {
        Path scenario = dir.resolve("s.json");
        Files.writeString(scenario, """
                {"name": "step-test", "seed": 1,
                 "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}, "offload": {"afterBytes": "16KiB"}}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "64KiB"}],
                 "stop": {"until": "workloadsDone", "limit": "1s"}, "outputs": {"timeSeries": "0", "plots": []}}
                """);
        Path script = dir.resolve("plain.txt");
        Files.write(script, List.of(commands));
        int code = cli.run(new ModelExecutor(), "step", scenario.toString(), "--script", script.toString());
        assertEquals(0, code, cli.err.toString());
        return cli.out.toString();
    }

    @Test
    void stepPrintsOneNumberedLinePerEventWithTheRecordsItWrote() throws Exception {
        String out = plain("step 3", "trace off", "step 2");
        assertTrue(out.startsWith("scenario 'step-test' loaded;"), out);
        assertTrue(out.contains("toesim> step 3\n"), out);
        Matcher m = Pattern.compile("(?m)^#(\\d+) +\\d+\\.\\d{6} us  \\S+ +\\S+ +\\S+$").matcher(out);
        int lines = 0;
        long last = 0;
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            assertTrue(n > last, "event numbers increase: " + out);
            last = n;
            lines++;
        }
        assertEquals(5, lines, out);
        String afterOff = out.substring(out.indexOf("toesim> step 2"));
        assertFalse(afterOff.contains("          "), "trace off prints no record lines: " + afterOff);
    }

    @Test
    void eachKindOfBreakpointStopsWhereItSays() throws Exception {
        String out = plain("break conn 1 state=ESTABLISHED", "continue", "show conn 1", "clear",
                "break record Installed", "continue", "show conn 1", "show ccb", "clear",
                "break kind toe.core", "continue", "clear",
                "break card", "continue", "clear",
                "break record Placed lenBytes>1000", "continue", "clear",
                "break comp b.offload", "continue", "clear",
                "break time 0.6ms", "continue", "clear",
                "next", "breaks", "show rings", "show cpu", "show pcie", "show next");
        assertTrue(out.contains("breakpoint 1 (conn 1 state=ESTABLISHED) after "), out);
        assertTrue(out.contains("StateChange conn=10.0.0.1:49152>10.0.0.2:5001 from=SYN_SENT to=ESTABLISHED"), out);
        assertTrue(out.contains("runs on host stack (host)"), out);
        assertTrue(out.contains("    state ESTABLISHED\n"), out);
        assertTrue(out.contains("    cwnd 14480 B  ssthresh inf\n"), out);
        assertTrue(out.contains("    snd.wnd "), out);
        assertTrue(out.contains("breakpoint 1 (record Installed) after "), out);
        assertTrue(out.contains("b.offload Installed conn=10.0.0.2:5001>10.0.0.1:49152"), out);
        assertTrue(out.contains("b 10.0.0.2:5001>10.0.0.1:49152: runs on card (offloaded)"), out);
        assertTrue(out.contains("b: CCB table 1 of "), out);
        assertTrue(out.contains("breakpoint 1 (time 0.6ms)"), out);
        String timeHit = out.substring(out.indexOf("breakpoint 1 (time 0.6ms)"));
        Matcher t = Pattern.compile("#\\d+ +(\\d+)\\.(\\d{6}) us").matcher(timeHit);
        assertTrue(t.find());
        assertTrue(Long.parseLong(t.group(1)) >= 600, timeHit);
        assertTrue(out.contains("(kind toe.core) after "), out);
        assertTrue(out.contains("(card) after "), out);
        assertTrue(out.contains("(comp b.offload) after "), out);
        assertTrue(out.contains("(record Placed lenBytes>1000) after "), out);
        assertTrue(out.contains("b.card Placed conn="), out);
        assertTrue(out.contains("no breakpoints"), out);
        assertFalse(out.contains("end of run"), "every breakpoint was reached before the end: " + out);
        assertTrue(out.contains("b COMMAND (64 slots)"), out);
        assertTrue(out.contains("a core 0: "), out);
        assertTrue(out.contains("b GEN3 x8: down "), out);
        assertTrue(out.contains("next: "), out);
    }

    @Test
    void mistakesAreOneLineErrorsAndTheSessionGoesOn() throws Exception {
        String out = plain("frobnicate", "break conn x state=ESTABLISHED", "break conn 1 state=OPEN", "break wires",
                "show conn 9", "until soon", "step 1");
        assertTrue(out.contains("error: unknown command 'frobnicate' (type help)"), out);
        assertTrue(out.contains("error: expected a connection number >= 1, got 'x'"), out);
        assertTrue(out.contains("error: unknown TCP state 'OPEN'"), out);
        assertTrue(out.contains("error: break what? 'wires' is not kind, comp, record, conn, time or a category"), out);
        assertTrue(out.contains("error: no connection 9"), out);
        assertTrue(out.contains("error: "), out);
        assertTrue(out.contains("toesim> step 1\n#"), out);
    }

    @Test
    void theHandoffTutorialWalksEveryStageToTheCloseOnTheHost() throws Exception {
        String out = session("show conn 1", "continue");
        for (String stage : List.of("[1] Attach: the capability query", "[2] Set-up on the host", "[3] The policy decides",
                "[4] Initiate offload: the doorbell", "[5] The card takes the CCB", "[6] Installed",
                "[7] Posted buffers", "[8] Direct placement", "[9] ACKs from the card", "[10] The buffer completes",
                "[11] Transmit offload", "[12] Segments from the card", "[13] Flush", "[14] Resumption on the host",
                "[15] Closed on the host")) {
            assertTrue(out.contains(stage), stage + " missing:\n" + out);
        }
        assertFalse(out.contains("the run ended before this stage"), out);
        assertTrue(out.contains("b.card Command command=CapabilityQuery"), out);
        assertTrue(out.contains("b.pcie MmioWrite from=b.driver register=q0.COMMAND.TAIL"), out);
        assertTrue(out.contains("b.card Command command=InitiateOffload"), out);
        assertTrue(out.contains("b.card Placed conn="), out);
        assertTrue(out.contains("b.card SegmentOut ack="), out);
        assertTrue(out.contains("b.offload FlushCompleted cause=UPLOAD_REQUEST"), out);
        assertTrue(out.contains("from=LAST_ACK to=CLOSED"), out);
        assertTrue(out.contains("end of run at "), out);
    }

    @Test
    void itWritesOnlyWhereItMay() throws Exception {
        Path mine = dir.resolve("mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "mine");
        Path script = dir.resolve("q.txt");
        Files.write(script, List.of("quit"));
        assertEquals(2, cli.run(new ModelExecutor(), "step", "--tutorial", "handoff", "--script", script.toString(),
                "--out", mine.toString()));
        assertTrue(cli.err.toString().contains("is a non-empty directory the stepper did not write"), cli.err.toString());
        assertEquals("mine", Files.readString(mine.resolve("notes.txt")));
        Path again = dir.resolve("again");
        assertEquals(0, cli.run(new ModelExecutor(), "step", "--tutorial", "handoff", "--script", script.toString(),
                "--out", again.toString()), cli.err.toString());
        assertEquals(0, cli.run(new ModelExecutor(), "step", "--tutorial", "handoff", "--script", script.toString(),
                "--out", again.toString()), "a directory the stepper wrote may be written again");
    }

    @Test
    void aTraceWrittenByTheStepperIsTheRunsTrace() throws Exception {
        Path o = dir.resolve("out");
        Path script = dir.resolve("c.txt");
        Files.write(script, List.of("continue"));
        assertEquals(0, cli.run(new ModelExecutor(), "step", "--tutorial", "handoff", "--script", script.toString(),
                "--out", o.toString()), cli.err.toString());
        List<String> lines = Files.readAllLines(o.resolve("trace.jsonl"));
        assertTrue(lines.size() > 1000, "lines: " + lines.size());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"event\":\"FlushCompleted\"")));
    }
}
