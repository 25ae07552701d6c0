package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.result.ResultJson;

/**
 * {@code --log}: what a user debugging a run sees. In-process runs check what ToeSim's loggers
 * receive ({@link CapturedLog}: the console appender writes to the JVM's own stderr, not to the
 * captured one); one separate JVM checks the shipped configuration end to end (log lines on
 * stderr, nothing but JSON on stdout).
 */
class LogOptionTest {
    /** How every model message starts: the simulated time, then the component. */
    private static final Pattern TIMED = Pattern.compile("^t=\\d+(\\.\\d{6} (s|ms|us|ns)| ps) \\S+: .*");

    @TempDir
    Path dir;
    private final InProcessCli cli = new InProcessCli();

    private Path bulkToe() throws Exception {
        return TestFiles.copy("regression/bulk-toe.json", dir);
    }

    private static List<CapturedLog.Line> from(CapturedLog log, String loggerPrefix) {
        return log.lines().stream().filter(l -> l.logger().startsWith(loggerPrefix)).toList();
    }

    @Test
    void offloadDebugShowsTheHandoffWithSimulatedTimesAndNothingElse() throws Exception {
        Path scenario = bulkToe();
        List<CapturedLog.Line> lines;
        try (CapturedLog log = CapturedLog.start(false)) {
            assertEquals(0, cli.run(new ModelExecutor(), "run", scenario.toString(), "--out", dir.resolve("r").toString(),
                    "--log", "offload=debug"), cli.err.toString());
            lines = log.lines();
        }
        List<String> offload = lines.stream().filter(l -> l.logger().startsWith("org.toesim.host.offload."))
                .map(CapturedLog.Line::message).toList();
        assertTrue(offload.stream().anyMatch(m -> m.matches("t=\\S+ \\S+ b\\.offload: handoff of \\S+ started")), offload.toString());
        assertTrue(offload.stream().anyMatch(m -> m.contains("b.offload: handoff of ") && m.contains(" completed: offloaded as handle#")),
                offload.toString());
        assertTrue(offload.stream().anyMatch(m -> m.endsWith("ON_HOST -> QUIESCING")), "state changes at DEBUG: " + offload);
        assertTrue(offload.stream().anyMatch(m -> m.contains("flush of ") && m.contains("completed: back on the host stack")),
                offload.toString());
        for (String m : offload) {
            assertTrue(TIMED.matcher(m).matches(), "starts with the simulated time and the component: " + m);
        }
        for (CapturedLog.Line l : lines) {
            assertTrue(l.logger().startsWith("org.toesim.host.offload.") || l.level().isGreaterOrEqual(Level.WARN),
                    "only the offload component below WARN: " + l);
        }
        String out = cli.out.toString();
        assertTrue(out.startsWith("bulk-toe  seed 21"), out);
        assertFalse(out.contains("b.offload") || out.contains("t="), "no log line on stdout: " + out);
        assertFalse(LoggerFactory.getLogger("org.toesim.host.offload.HandoffSequence").isInfoEnabled(),
                "the levels are put back after the command");
    }

    @Test
    void defaultLevelShowsNoDebugOrInfoLines() throws Exception {
        Path scenario = bulkToe();
        try (CapturedLog log = CapturedLog.start(false)) {
            assertEquals(0, cli.run(new ModelExecutor(), "run", scenario.toString(), "--out", dir.resolve("r").toString()));
            assertEquals(List.of(), log.lines(), "nothing below WARN, and nothing wrong in this run");
        }
    }

    @Test
    void unknownComponentIsExitTwoNamingTheAcceptedOnes() throws Exception {
        Path scenario = bulkToe();
        assertEquals(2, cli.run(new ModelExecutor(), "run", scenario.toString(), "--out", dir.resolve("r").toString(),
                "--log", "bogus=debug"));
        String err = cli.err.toString().trim();
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.startsWith("error: --log bogus=debug: unknown component 'bogus'; expected one of tcp, offload, toe,"),
                err);
        assertTrue(err.contains("link, run, fault, sweep, experiment, or a package or class under org.toesim"), err);
        assertEquals("", cli.out.toString());
        assertFalse(Files.exists(dir.resolve("r")), "nothing ran");

        assertEquals(2, cli.run(new ModelExecutor(), "run", scenario.toString(), "--log", "ofload=debug"));
        assertTrue(cli.err.toString().contains("unknown component 'ofload' (did you mean 'offload'?)"), cli.err.toString());
    }

    @Test
    void unknownLevelIsExitTwoNamingTheLevelsOnEveryCommandThatRunsASimulation() throws Exception {
        Path scenario = bulkToe();
        String f = scenario.toString();
        List<String[]> commands = List.of(new String[] {"run", f}, new String[] {"check", f, "--baseline", f},
                new String[] {"sweep", f, "--param", "seed=1,2"}, new String[] {"step", f},
                new String[] {"experiment", "toe-era"}, new String[] {"bench"}, new String[] {"fidelity"},
                new String[] {});
        for (String[] command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(List.of("--log", "loud"));
            assertEquals(2, cli.run(new ModelExecutor(), args.toArray(String[]::new)), String.join(" ", args));
            assertEquals("error: --log loud: unknown level 'loud'; expected off, error, warn, info, debug, trace "
                    + "(alone, or as COMPONENT=LEVEL)", cli.err.toString().trim(), String.join(" ", args));
        }
        assertEquals(2, cli.run(new ModelExecutor(), "run", f, "--log", "offload=debg"));
        assertTrue(cli.err.toString().contains("unknown level 'debg' (did you mean 'debug'?)"), cli.err.toString());
        assertEquals(2, cli.run(new ModelExecutor(), "validate", f, "--log", "debug"), "validate runs nothing: no --log");
    }

    @Test
    void toesimLogIsAppliedFirstAndTheCommandLineWins() throws Exception {
        Path scenario = bulkToe();
        try (CapturedLog log = CapturedLog.start(false)) {
            assertEquals(0, run("offload=info", "run", scenario.toString(), "--out", dir.resolve("a").toString()));
            assertTrue(from(log, "org.toesim.host.offload.HandoffSequence").size() >= 2, log.lines().toString());
        }
        try (CapturedLog log = CapturedLog.start(false)) {
            assertEquals(0, run("offload=info", "run", scenario.toString(), "--out", dir.resolve("b").toString(),
                    "--log", "offload=warn"));
            assertEquals(List.of(), log.lines());
        }
        assertEquals(2, run("offload=loud", "run", scenario.toString()));
        assertTrue(cli.err.toString().startsWith("error: TOESIM_LOG=offload=loud: unknown level 'loud'"), cli.err.toString());
    }

    private int run(String toesimLog, String... args) {
        cli.out = new StringWriter();
        cli.err = new StringWriter();
        CliEnvironment env = new CliEnvironment(() -> Optional.of(new ModelExecutor()), new PrintWriter(cli.out, true),
                new PrintWriter(cli.err, true), false, toesimLog);
        return Main.execute(env, args);
    }

    @Test
    void loggingEverythingAtTraceChangesNoResult() throws Exception {
        for (String name : List.of("bulk-toe", "card-reset")) {
            Path scenario = TestFiles.copy("regression/" + name + ".json", dir);
            assertEquals(0, cli.run(new ModelExecutor(), "run", scenario.toString(), "--json", "--out",
                    dir.resolve(name + "-quiet").toString()));
            JsonNode quiet = ResultJson.MAPPER.readTree(cli.out.toString());
            long traced;
            try (CapturedLog log = CapturedLog.start(true)) {
                assertEquals(0, cli.run(new ModelExecutor(), "run", scenario.toString(), "--json", "--out",
                        dir.resolve(name + "-loud").toString(), "--log", "trace"));
                traced = log.count(Level.TRACE);
            }
            JsonNode loud = ResultJson.MAPPER.readTree(cli.out.toString());
            assertTrue(traced > 10_000, "per-segment TRACE lines were logged: " + traced);
            assertEquals(quiet.get("traceDigest"), loud.get("traceDigest"), name + ": the same trajectory");
            assertEquals(quiet.get("events"), loud.get("events"), name);
            assertEquals(quiet.get("connections"), loud.get("connections"), name);
        }
    }

    /** The shipped logback.xml, in a JVM of its own: log lines on stderr only, stdout one JSON document. */
    @Test
    void withJsonAndDebugStdoutIsOnlyJsonAndTheLogIsOnStderr() throws Exception {
        Path scenario = bulkToe();
        Path stdout = dir.resolve("stdout");
        Path stderr = dir.resolve("stderr");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", scenario.toString(), "--json", "--out", dir.resolve("r").toString(), "--log", "debug"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
            assertEquals(0, p.exitValue(), Files.readString(stderr));
        } finally {
            p.destroyForcibly();
        }
        try (JsonParser parser = ResultJson.MAPPER.createParser(Files.readString(stdout))) {
            JsonNode summary = ResultJson.MAPPER.readTree(parser);
            assertNull(parser.nextToken(), "nothing after the JSON document");
            assertEquals("bulk-toe", summary.get("scenario").asText());
        }
        List<String> log = Files.readAllLines(stderr);
        Pattern line = Pattern.compile("^(ERROR|WARN |INFO |DEBUG|TRACE) \\S+ +t=\\S+ \\S+ \\S+: .*");
        assertTrue(log.stream().anyMatch(l -> l.matches("INFO  HandoffSequence +t=\\S+ \\S+ b\\.offload: handoff of .* started")),
                String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("DEBUG TcpConnection") && l.contains("SYN_SENT -> ESTABLISHED")),
                String.join("\n", log));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("INFO  RunLoop") && l.contains("ends: completed")),
                String.join("\n", log));
        assertFalse(log.stream().anyMatch(l -> l.startsWith("TRACE")), "debug is not trace");
        for (String l : log) {
            assertTrue(line.matcher(l).matches(), "level, logger, simulated time, component: " + l);
        }
    }
}
