package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.model.ModelExecutor;

/** {@code toesim fidelity} says what is missing, exit 2, before running anything. */
class FidelityCommandTest {
    private final InProcessCli cli = new InProcessCli();

    @Test
    void noScenarioDirectoryIsAnInputError(@TempDir Path dir) {
        int code = cli.run(new ModelExecutor(), "fidelity", "--experiments", dir.toString(), "--out",
                dir.resolve("out").toString());
        assertEquals(ExitCodes.INPUT, code);
        assertTrue(cli.err.toString().contains("linux-ref"), cli.err.toString());
    }

    @Test
    void noPcapcheckIsAnInputErrorNamingIt(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("linux-ref"));
        int code = cli.run(new ModelExecutor(), "fidelity", "--experiments", dir.toString(), "--ref",
                dir.resolve("no-ref").toString(), "--out", dir.resolve("out").toString());
        assertEquals(ExitCodes.INPUT, code);
        assertTrue(cli.err.toString().contains("cannot judge captures") && cli.err.toString().contains("pcapcheck"),
                cli.err.toString());
        assertTrue(Files.notExists(dir.resolve("out")), "nothing written");
    }
}
