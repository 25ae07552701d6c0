package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.result.ResultJson;
import org.toesim.scenario.result.ResultMarker;

/**
 * The command line as a separate JVM (the test class path, as {@code java -jar toesim.jar}
 * would run it): stdout with {@code --json} is one JSON document and nothing else, and a run
 * stopped by SIGTERM leaves no temporary directory and the previous result in place.
 */
class ProcessLevelTest {
    @TempDir
    Path dir;

    private Process start(Path stdout, Path stderr, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile()).start();
    }

    private int run(String... args) throws Exception {
        Process p = start(dir.resolve("stdout"), dir.resolve("stderr"), args);
        try {
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "finished");
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }

    /** The whole of {@code text} is exactly one JSON value. */
    private static JsonNode onlyJson(String text) throws Exception {
        try (JsonParser parser = ResultJson.MAPPER.createParser(text)) {
            JsonNode node = ResultJson.MAPPER.readTree(parser);
            assertNull(parser.nextToken(), "nothing after the JSON document");
            return node;
        }
    }

    @Test
    void jsonOnStdoutIsOnlyJson() throws Exception {
        Path scenario = TestFiles.write(dir, "small.json", """
                {"name": "small", "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}, "offload": "always"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "256KiB"}],
                 "outputs": {"timeSeries": "0s", "plots": []}}
                """);
        assertEquals(0, run("run", scenario.toString(), "--json", "--out", "r"), Files.readString(dir.resolve("stderr")));
        assertEquals("small", onlyJson(Files.readString(dir.resolve("stdout"))).get("scenario").asText());
    }

    @Test
    void logsGoToStderr() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ConsoleAppender<?> console = (ConsoleAppender<?>) ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                .getAppender("STDERR");
        assertEquals("System.err", console.getTarget());
    }

    @Test
    void sigtermRemovesTheTemporaryAndKeepsThePreviousResult() throws Exception {
        Path scenario = TestFiles.write(dir, "big.json", """
                {"name": "big", "hosts": [{"name": "a"}, {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "16GiB"}],
                 "outputs": {"timeSeries": "0s", "plots": []}}
                """);
        Path previous = Files.createDirectories(dir.resolve("big"));
        ResultMarker.write(previous, "run");
        Files.writeString(previous.resolve("summary.json"), "{\"previous\": true}");
        Process p = start(dir.resolve("stdout"), dir.resolve("stderr"), "run", scenario.toString(), "--out", "big");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (temporaries().isEmpty() && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertFalse(temporaries().isEmpty(), "the run made its temporary directory: "
                    + Files.readString(dir.resolve("stderr")));
            p.destroy();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped by SIGTERM");
            assertEquals(128 + 15, p.exitValue(), "killed by SIGTERM, not finished");
        } finally {
            p.destroyForcibly();
        }
        assertEquals(List.of(), temporaries(), "no temporary directory left");
        assertEquals("{\"previous\": true}", Files.readString(previous.resolve("summary.json")));
    }

    private List<String> temporaries() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".big.toesim-")).toList();
        }
    }
}
