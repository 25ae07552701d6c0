package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.model.ModelExecutor;

/**
 * The {@code neighbourChange} fault, end to end: host a's neighbour entry changes while b's card
 * sends to it; b's offload manager tells the card (UpdateNeighbour) and the transfer arrives whole.
 * A bad MAC is an input error naming the field.
 */
class NeighbourChangeFaultTest {
    @TempDir
    Path dir;
    private final InProcessCli cli = new InProcessCli();

    @Test
    void theCardIsToldAndEveryByteArrives() throws Exception {
        Path f = dir.resolve("nc.json");
        Files.writeString(f, """
                {"name": "neighbour-change", "seed": 1,
                 "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}, "offload": "always"}],
                 "workloads": [{"type": "bulk", "from": "b", "to": "a", "size": "8MiB", "tcp": {"realBytes": true}}],
                 "faults": [{"type": "neighbourChange", "at": "2ms", "host": "a", "mac": "02:00:00:00:00:99"}],
                 "stop": {"until": "workloadsDone", "limit": "1s"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """);
        Path out = dir.resolve("out");
        assertEquals(0, cli.run(new ModelExecutor(), "run", f.toString(), "--out", out.toString(), "--trace=card"),
                cli.err.toString());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode c = s.get("connections").get(0);
        assertEquals(8 << 20, c.get("bytesDelivered").asLong());
        assertEquals("ok", c.get("integrity").asText());
        assertTrue(c.get("offloaded").asBoolean());
        List<String> trace = Files.readAllLines(out.resolve("trace.jsonl"));
        assertTrue(trace.stream().anyMatch(l -> l.contains("UpdateNeighbour[commandId=")
                && l.contains("neighbourIp=10.0.0.1, mac=02:00:00:00:00:99]")), "the card ran UpdateNeighbour");
    }

    @Test
    void aBadMacIsAnInputError() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, """
                {"name": "bad", "hosts": [{"name": "a"}, {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "1KiB"}],
                 "faults": [{"type": "neighbourChange", "at": "1ms", "host": "a", "mac": "02:00:00:00:99"}]}
                """);
        assertEquals(2, cli.run(new ModelExecutor(), "validate", f.toString()));
        assertTrue(cli.err.toString().contains("faults[0].mac"), cli.err.toString());
        assertTrue(cli.err.toString().contains("is not a MAC address"), cli.err.toString());
    }
}
