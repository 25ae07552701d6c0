package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.run.ScenarioExecutor;
import org.toesim.scenario.run.ScenarioExecutors;

/** validate and run reject the same input with the same message; nothing ends in a stack trace. */
class ValidateRunParityTest {
    @TempDir
    Path dir;
    StringWriter err;

    int toesim(ScenarioExecutor model, String... args) {
        err = new StringWriter();
        CliEnvironment env = new CliEnvironment(() -> Optional.ofNullable(model), new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true), false);
        return Main.execute(env, args);
    }

    @Test
    void validateAndRunGiveTheSameLocatedError() throws Exception {
        Path f = TestFiles.write(dir, "costs.json", """
                {"hosts": [{"name": "a", "costs": {"rxPerSegment": 900}},
                           {"name": "b", "nic": {"model": "toe"}}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "64KiB"}],
                 "faults": [{"type": "cardReset", "at": "1us", "host": "a"}]}
                """);
        ScenarioExecutor model = ScenarioExecutors.find().orElseThrow();
        assertEquals(2, toesim(model, "validate", f.toString()));
        String validate = err.toString();
        assertEquals(2, toesim(model, "run", f.toString(), "--out", dir.resolve("out").toString()));
        assertEquals(validate, err.toString());
        assertTrue(validate.contains("costs.json:1:36: hosts[0].costs.rxPerSegment: unknown host cost name"), validate);
        assertTrue(validate.contains("costs.json:4:48: faults[0].host: host 'a' has a plain NIC"), validate);
    }

    @Test
    void anErrorInsideTheModelIsOneLineAndExitOne() throws Exception {
        Path f = TestFiles.copy("scenarios/bulk-toe.json", dir);
        ScenarioExecutor broken = (s, ctx) -> {
            throw new OutOfMemoryError("Java heap space");
        };
        assertEquals(1, toesim(broken, "run", f.toString(), "--out", dir.resolve("out").toString()));
        String e = err.toString().trim();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("error: out of memory: the run needs more heap"), e);
        assertTrue(e.contains("TOESIM_JAVA_OPTS=-Xmx"), "names the fix: " + e);
        assertFalse(e.contains("a bug in toesim"), "running out of heap is a limit, not a bug: " + e);
        assertFalse(e.contains("\tat "), e);
    }
}
