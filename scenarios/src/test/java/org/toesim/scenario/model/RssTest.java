package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.ScenarioException;

/** nic.rssQueues on a plain NIC: the driver runs that many queue pairs, one per core. */
class RssTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    private static SummaryReport run(int queues, String model) throws Exception {
        String json = """
                {"name": "rss", "seed": 2,
                 "hosts": [{"name": "a", "cores": 4}, {"name": "b", "cores": 4,
                            "nic": {"model": "%s", "rssQueues": %d}, "offload": "never"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "1MiB", "connections": 4}],
                 "stop": {"until": "workloadsDone", "limit": "1s"}}
                """.formatted(model, queues);
        return new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
    }

    @Test
    void fourQueuesCarryFourConnectionsThatOneReceiveCoreCannot() throws Exception {
        SummaryReport one = run(1, "plain");
        SummaryReport four = run(4, "plain");
        long retxOne = 0;
        double goodputFour = 0;
        for (ConnectionReport c : one.connections()) {
            retxOne += c.retransmits();
        }
        for (ConnectionReport c : four.connections()) {
            assertEquals(0, c.retransmits(), c.toString());
            assertEquals(ConnectionReport.INTEGRITY_OK, c.integrity());
            goodputFour += c.goodputBitsPerSec();
        }
        // one queue: every frame is received on one core, which falls behind the line; buffers run out
        assertTrue(retxOne > 0, one.connections().toString());
        assertTrue(goodputFour > 7e9, four.connections().toString());
        assertTrue(four.simTimePs() * 10 < one.simTimePs(), four.simTimePs() + " vs " + one.simTimePs());
    }

    @Test
    void aToeWithSeveralQueuesIsNotInThisBuild() {
        // rejected by validation, with its place in the file, before anything is built
        ScenarioException e = assertThrows(ScenarioException.class, () -> run(2, "toe"));
        assertTrue(e.getMessage().contains("test.json:3:37: hosts[1].nic.rssQueues"), e.getMessage());
        assertTrue(e.getMessage().contains("not in this build"), e.getMessage());
    }
}
