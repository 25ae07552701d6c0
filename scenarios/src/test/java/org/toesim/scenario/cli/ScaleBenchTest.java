package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.scenario.model.ModelExecutor;

/** {@code toesim bench --scale}: one JSON line per size, each a completed run at the size asked. */
class ScaleBenchTest {
    @Test
    void printsOneCompletedJsonLinePerSizeWithEveryConnectionOffloadedAtOnce() throws Exception {
        InProcessCli cli = new InProcessCli();
        int code = cli.run(new ModelExecutor(), "bench", "--scale", "--sizes", "1,40", "--transactions", "200",
                "--toe", "--card", "modern");
        assertEquals(ExitCodes.OK, code, cli.err.toString());
        List<String> lines = cli.out.toString().lines().toList();
        assertEquals(2, lines.size(), cli.out.toString());
        ObjectMapper json = new ObjectMapper();
        int[] sizes = {1, 40};
        for (int i = 0; i < 2; i++) {
            JsonNode n = json.readTree(lines.get(i));
            assertEquals(sizes[i], n.get("connections").asInt(), lines.get(i));
            assertEquals("completed", n.get("status").asText(), lines.get(i));
            assertEquals(sizes[i], n.get("connectionsFinished").asInt(), lines.get(i));
            assertEquals(sizes[i], n.get("ccbPeak").asInt(), "all offloaded at once: " + lines.get(i));
            assertEquals(Math.max(200, 5L * sizes[i]), n.get("transactions").asLong(), lines.get(i));
            assertTrue(n.get("eventsPerWallSecond").asLong() > 0, lines.get(i));
            assertTrue(n.get("liveHeapMiBEstablished").asDouble() > 0, lines.get(i));
        }
    }

    @Test
    void aSizeOutOfRangeIsAUsageError() {
        InProcessCli cli = new InProcessCli();
        assertEquals(ExitCodes.INPUT, cli.run(new ModelExecutor(), "bench", "--scale", "--sizes", "0"));
        assertTrue(cli.err.toString().contains("--sizes 0"), cli.err.toString());
    }
}
