package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.model.ModelExecutor;

/** {@code toesim run} of a run that the kernel's livelock guard stops: exit 1, one line, no results. */
class LivelockCommandLineTest {
    @TempDir
    Path dir;

    @Test
    void aRunStoppedByTheLivelockGuardIsExitOneWithOneLineNamingTheEvent() throws Exception {
        Path f = TestFiles.write(dir, "guard.json", """
                {"name": "guard", "stop": {"duration": "1ms", "maxEventsPerInstant": 3},
                 "hosts": [{"name": "a"}, {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "64KiB", "connections": 4}]}
                """);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliEnvironment env = new CliEnvironment(() -> Optional.of(new ModelExecutor()), new PrintWriter(out, true),
                new PrintWriter(err, true), false);
        Path results = dir.resolve("results");
        assertEquals(ExitCodes.FAILURE, Main.execute(env, "run", f.toString(), "--out", results.toString(), "--quiet"));
        String msg = err.toString().trim();
        assertEquals(1, msg.lines().count(), msg);
        assertTrue(msg.contains("scenario 'guard': livelock at t = "), msg);
        assertTrue(msg.contains("events of '"), msg);
        assertTrue(msg.endsWith("(the limit is stop.maxEventsPerInstant = 3)"), msg);
        assertFalse(msg.contains("Exception"), msg);
        assertFalse(Files.exists(results.resolve("summary.json")), "no results from a failed run");
    }
}
