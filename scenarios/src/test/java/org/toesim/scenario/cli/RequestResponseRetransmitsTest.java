package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.model.ModelExecutor;

/**
 * A request-response connection's retransmits count both ends: with loss only on the responses'
 * direction only the server retransmits, and the summary said 0 (it counted the client's socket).
 */
class RequestResponseRetransmitsTest {
    @TempDir
    Path dir;

    @Test
    void theServersRetransmissionsAreCounted() throws Exception {
        Path f = dir.resolve("rr.json");
        Files.writeString(f, """
                {"name": "rr-loss", "seed": 3,
                 "hosts": [{"name": "client"}, {"name": "server"}],
                 "links": [{"between": ["client", "server"], "rate": "10Gbps", "delay": "10us",
                            "impairments": {"loss": 0.01, "direction": "bToA"}}],
                 "workloads": [{"type": "requestResponse", "from": "client", "to": "server", "request": "1KiB",
                                "response": "1MiB", "requests": 2, "connections": 1}],
                 "stop": {"until": "workloadsDone", "limit": "10s"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """);
        Path out = dir.resolve("out");
        InProcessCli cli = new InProcessCli();
        assertEquals(0, cli.run(new ModelExecutor(), "run", f.toString(), "--out", out.toString()), cli.err.toString());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode c = s.get("connections").get(0);
        long lost = s.get("links").get(1).get("lossDrops").asLong();
        assertTrue(lost > 0, s.get("links").toString());
        assertTrue(c.get("retransmits").asLong() >= lost, "every lost response segment was sent again: " + c);
    }
}
