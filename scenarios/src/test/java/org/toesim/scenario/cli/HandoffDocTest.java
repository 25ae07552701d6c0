package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.model.ModelExecutor;

/**
 * docs/handoff.md shows the sequence diagram the handoff tutorial generates: running the
 * tutorial with {@code --out} must give exactly the Mermaid block of the page, so the page
 * cannot drift from the model.
 */
class HandoffDocTest {
    @TempDir
    Path dir;

    @Test
    void theDocsDiagramIsTheOneTheTutorialWrites() throws Exception {
        InProcessCli cli = new InProcessCli();
        Path script = dir.resolve("none.txt");
        Files.write(script, List.of());
        Path out = dir.resolve("out");
        assertEquals(0, cli.run(new ModelExecutor(), "step", "--tutorial", "handoff", "--script", script.toString(),
                "--out", out.toString()), cli.err.toString());
        String mermaid = Files.readString(out.resolve("tutorial").resolve("sequence.mmd"));
        assertTrue(mermaid.contains("b_driver->>b_card: MmioWrite register=q0.COMMAND.TAIL"), mermaid);
        assertTrue(mermaid.contains("DmaReadDone content=CCB image"), mermaid);
        assertTrue(mermaid.contains("FlushCompleted cause=UPLOAD_REQUEST"), mermaid);
        assertTrue(Files.exists(out.resolve("tutorial").resolve("sequence.html")));
        String doc = Files.readString(Path.of("..", "docs", "handoff.md"));
        assertTrue(doc.contains("```mermaid\n" + mermaid + "```"),
                "docs/handoff.md's diagram differs from what the tutorial writes now; regenerate it with "
                        + "./toesim step --tutorial handoff --out DIR < /dev/null and paste DIR/tutorial/sequence.mmd");
    }
}
