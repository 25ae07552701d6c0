package org.toesim.scenario.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.toesim.core.event.Event;
import org.toesim.core.event.EventListener;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.model.ModelExecutor;
import org.toesim.scenario.result.ResultJson;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.spec.Scenario;

/**
 * A perturbed regression scenario checked against its baseline: the block of events
 * {@code toesim check} reports must hold the first event that really differs, found by
 * comparing the full event logs of both runs (kept with an observer on the simulator), and the
 * events it lists must be this run's events there. That is the precision the report claims:
 * the first difference is after {@code agreeThroughEvent} and at or before
 * {@code differByEvent}, at most one block of 32 events apart.
 */
class DivergenceLocationTest {
    @TempDir
    Path dir;
    private final InProcessCli cli = new InProcessCli();

    /** What the digest sees of one event. */
    record Logged(long timePs, String owner, String kind) {
    }

    /** Every event of a run, in order. */
    static final class EventLog implements EventListener {
        final List<Logged> events = new ArrayList<>();

        @Override
        public void beforeEvent(Event event, long nowPs) {
            events.add(new Logged(nowPs, event.owner(), event.kind()));
        }
    }

    private static List<Logged> log(Path file, List<String> sets, Long seed) throws Exception {
        Scenario s = Inputs.load(file, sets, seed);
        EventLog log = new EventLog();
        new ModelExecutor().execute(s, new RunContext(null, ProgressListener.NONE).withObserver(log));
        return log.events;
    }

    /** The number (from 1) of the first event that differs, or one past the shorter log. */
    private static long firstDifference(List<Logged> a, List<Logged> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i + 1;
            }
        }
        return n + 1;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bulk-toe|--set|hosts[0].costs.interruptCycles=3001", // one cycle more per interrupt on the sender
        "bulk-toe|--seed|22",                                 // another seed: the jitter differs from the start
        "lossy-link|--set|faults[0].duration=\"60us\"",        // the loss burst lasts 10 us longer
        "bulk-host-stack|--set|workloads[0].size=\"3MiB\"",   // a shorter transfer: the runs part late
        "card-reset|--set|faults[0].at=\"1.5ms\"",            // the card resets later
    })
    void theReportedBlockHoldsTheFirstEventThatDiffers(String spec) throws Exception {
        String[] p = spec.split("\\|");
        Path file = TestFiles.copy("regression/" + p[0] + ".json", dir);
        Path baseline = dir.resolve(p[0] + ".baseline.json");
        assertEquals(0, cli.run(new ModelExecutor(), "check", file.toString(), "--baseline", baseline.toString(),
                "--update-baseline", "--quiet"), cli.err.toString());
        assertEquals(1, cli.run(new ModelExecutor(), "check", "--json", file.toString(), "--baseline",
                baseline.toString(), p[1], p[2]), cli.err.toString());
        JsonNode d = ResultJson.MAPPER.readTree(cli.out.toString()).get("divergence");
        assertTrue(d.get("located").booleanValue(), d.toString());

        List<String> sets = p[1].equals("--set") ? List.of(p[2]) : List.of();
        Long seed = p[1].equals("--seed") ? Long.valueOf(p[2]) : null;
        List<Logged> before = log(file, List.of(), null);
        List<Logged> after = log(file, sets, seed);
        long first = firstDifference(before, after);

        long agree = d.get("agreeThroughEvent").longValue();
        long differBy = d.get("differByEvent").longValue();
        String where = spec + ": the first difference is event " + first + "; reported " + d.get("message").asText();
        assertTrue(agree < first && first <= differBy, where);
        assertTrue(differBy - agree <= 32, where);
        assertEquals(32, d.get("blockEvents").intValue());
        assertEquals(before.size(), d.get("baselineEvents").longValue(), "the baseline's events, from its checkpoints");
        assertEquals(after.size(), d.get("events").longValue());
        JsonNode window = d.get("window");
        assertEquals(Math.min(differBy, after.size()) - agree, window.size(), where);
        for (JsonNode e : window) {
            Logged mine = after.get((int) e.get("event").longValue() - 1);
            assertEquals(mine, new Logged(e.get("timePs").longValue(), e.get("owner").asText(), e.get("kind").asText()),
                    "the listed events are this run's, numbered as it ran them");
        }
        assertTrue(d.get("message").asText().startsWith("trajectories diverge "
                + (differBy - agree == 1 ? "at event " + differBy : "in events " + (agree + 1) + ".." + differBy)), where);
    }
}
