package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.model.ModelExecutor;

/**
 * {@code toesim run --trace[=CATEGORIES] [--trace-conn C]} on a TOE run: every step of the handoff
 * is in the trace (PCIe, card, offload manager, socket, wire), addresses read as people read them,
 * and the filters keep only what they name.
 */
class TraceFiltersEndToEndTest {
    @TempDir
    Path dir;
    private final InProcessCli cli = new InProcessCli();
    private static final ObjectMapper JSON = new ObjectMapper();

    private List<JsonNode> run(String... traceArgs) throws Exception {
        Path f = dir.resolve("t.json");
        Files.writeString(f, """
                {"name": "t", "seed": 1,
                 "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}, "offload": {"afterBytes": "16KiB"}}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "64KiB"}],
                 "stop": {"until": "workloadsDone", "limit": "1s"}, "outputs": {"timeSeries": "0", "plots": []}}
                """);
        Path o = dir.resolve("out" + traceArgs.length + String.join("", traceArgs).hashCode());
        List<String> args = new ArrayList<>(List.of("run", f.toString(), "--out", o.toString()));
        args.addAll(List.of(traceArgs));
        assertEquals(0, cli.run(new ModelExecutor(), args.toArray(new String[0])), cli.err.toString());
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(o.resolve("trace.jsonl"))) {
            lines.add(JSON.readTree(l));
        }
        return lines;
    }

    private static boolean has(List<JsonNode> t, String component, String event, String field, String prefix) {
        return t.stream().anyMatch(n -> n.get("component").asText().equals(component)
                && n.get("event").asText().equals(event)
                && (field == null || n.get("fields").path(field).asText().startsWith(prefix)));
    }

    @Test
    void theWholeHandoffIsInTheTrace() throws Exception {
        List<JsonNode> t = run("--trace");
        assertTrue(has(t, "b.card", "Command", "command", "CapabilityQuery[commandId=1, resultAddr=0x"));
        assertTrue(has(t, "b.pcie", "MmioWrite", "register", "q0.COMMAND.TAIL"));
        assertTrue(has(t, "b.pcie", "DmaReadDone", "content", "CCB image"));
        assertTrue(has(t, "b.card", "Command", "command", "InitiateOffload"));
        assertTrue(has(t, "b.offload", "Installed", null, null));
        assertTrue(has(t, "b.card", "Descriptor", "descriptor", "PostBuffer[handle="));
        assertTrue(has(t, "b.card", "Classified", "path", "FAST_DATA"));
        assertTrue(has(t, "b.card", "Placed", "hostAddr", "0x"));
        assertTrue(has(t, "b.pcie", "DmaWrite", "content", "payload "));
        assertTrue(has(t, "b.pcie", "Msix", null, null));
        assertTrue(has(t, "a-b.ba", "Frame", "from", "b.card"));
        assertTrue(has(t, "a-b.ab", "Frame", "conn", "10.0.0.1:"));
        assertTrue(has(t, "a.socket", "Send", "from", "a.app"));
        assertTrue(has(t, "b.socket", "ReceiveReturned", "to", "b.app"));
        assertTrue(has(t, "b.tcp", "StateChange", "conn", "10.0.0.2:5001>10.0.0.1:"));
        JsonNode msg = t.stream().filter(n -> n.get("event").asText().equals("DmaRead")).findFirst().orElseThrow();
        assertTrue(msg.get("fields").get("sentPs").asLong() <= msg.get("t").asLong(), msg.toString());
    }

    @Test
    void categoriesAndAConnectionKeepOnlyWhatTheyName() throws Exception {
        List<JsonNode> t = run("--trace=offload,card", "--trace-conn", "10.0.0.1:49152");
        TreeSet<String> components = new TreeSet<>();
        t.forEach(n -> components.add(n.get("component").asText()));
        assertEquals(new TreeSet<>(List.of("b.card", "b.offload")), components);
        for (JsonNode n : t) {
            JsonNode conn = n.get("fields").get("conn");
            assertTrue(conn == null || conn.asText().contains("10.0.0.1:49152"), n.toString());
        }
        assertTrue(run("--trace").size() > 3 * t.size());
    }

    @Test
    void aBadFilterIsAnInputError() throws Exception {
        Path f = dir.resolve("x.json");
        Files.writeString(f, """
                {"name": "x", "hosts": [{"name": "a"}, {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "1KiB"}]}
                """);
        assertEquals(2, cli.run(new ModelExecutor(), "run", f.toString(), "--out", dir.resolve("x").toString(),
                "--trace=offload,pci"));
        assertTrue(cli.err.toString().startsWith("error: --trace: traceCategories: unknown trace category 'pci'"),
                cli.err.toString());
        assertEquals(2, cli.run(new ModelExecutor(), "run", f.toString(), "--out", dir.resolve("y").toString(),
                "--trace-conn", "a:b"));
        assertTrue(cli.err.toString().startsWith("error: --trace-conn: "), cli.err.toString());
    }
}
