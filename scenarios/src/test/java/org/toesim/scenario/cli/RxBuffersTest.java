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
 * {@code nic.rxBuffers} (ethtool -G rx): 100 page connections answering at once overflow the
 * client's default 255 posted receive buffers (frames dropped at the NIC, then RTOs); with 4095
 * nothing is dropped and the run ends far sooner. Out of range is an input error.
 */
class RxBuffersTest {
    @TempDir
    Path dir;

    private JsonNode run(String rxBuffers) throws Exception {
        Path f = dir.resolve("mix.json");
        Files.writeString(f, """
                {"name": "mix", "seed": 1,
                 "hosts": [{"name": "client", "cores": 4}, {"name": "server", "cores": 4}],
                 "links": [{"between": ["client", "server"], "rate": "10Gbps", "delay": "10us", "queue": "8MiB"}],
                 "workloads": [{"type": "requestResponse", "from": "client", "to": "server", "request": "512B",
                                "response": "8KiB", "requests": 2, "connections": 100, "tcp": {"realBytes": true}}],
                 "stop": {"until": "workloadsDone", "limit": "10s"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """);
        Path out = dir.resolve("out" + rxBuffers);
        InProcessCli cli = new InProcessCli();
        assertEquals(0, cli.run(new ModelExecutor(), "run", f.toString(), "--out", out.toString(), "--set",
                "hosts[0].nic.rxBuffers=" + rxBuffers), cli.err.toString());
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void moreReceiveBuffersAbsorbTheBurst() throws Exception {
        JsonNode small = run("255");
        JsonNode big = run("4095");
        assertTrue(small.get("nics").get(0).get("rxDrops").asLong() > 0, small.get("nics").toString());
        assertEquals(0, big.get("nics").get(0).get("rxDrops").asLong(), big.get("nics").toString());
        assertTrue(big.get("simTimePs").asLong() < small.get("simTimePs").asLong());
        for (JsonNode c : big.get("connections")) {
            assertEquals("ok", c.get("integrity").asText());
        }
    }

    @Test
    void outOfRangeIsAnInputError() throws Exception {
        Path f = dir.resolve("x.json");
        Files.writeString(f, """
                {"name": "x", "hosts": [{"name": "a", "nic": {"rxBuffers": 40000}}, {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "1KiB"}]}
                """);
        InProcessCli cli = new InProcessCli();
        assertEquals(2, cli.run(new ModelExecutor(), "validate", f.toString()));
        assertTrue(cli.err.toString().contains("hosts[0].nic.rxBuffers"), cli.err.toString());
        assertTrue(cli.err.toString().contains("[1, 32767]"), cli.err.toString());
    }
}
