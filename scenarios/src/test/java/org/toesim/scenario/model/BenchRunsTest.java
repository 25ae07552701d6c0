package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;

class BenchRunsTest {
    private static Scenario s3(int count) throws Exception {
        return ScenarioDocument.parse("""
                {"name": "bench-s3", "hosts": [{"name": "a"}, {"name": "b"}],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "10us"}],
                 "workloads": [{"type": "shortConnections", "from": "a", "to": "b", "count": %d, "size": "16KiB",
                   "port": 8080, "tcp": {"congestionControl": "newreno", "nagle": false}}],
                 "stop": {"until": "workloadsDone", "limit": "10s"}}
                """.formatted(count), "t", ScenarioDocument.Syntax.JSON).bind();
    }

    @Test
    void sequentialConnectionsAllCompleteWithoutRetransmissionStalls() throws Exception {
        BenchRuns.ShortConnectionsOutcome r = BenchRuns.shortConnectionsClosedLoop(s3(50), 1, 16_384);
        assertEquals(50, r.completed());
        assertEquals(0, r.failed());
        // 50 one-at-a-time exchanges of 16 KiB each way over a 20 us RTT: no 200 ms / 1 s timeout
        assertTrue(r.simTimePs() < 50 * 1_000_000_000L, "simulated " + r.simTimePs() + " ps");
    }

    @Test
    void concurrentSlotsRefillAsConnectionsComplete() throws Exception {
        BenchRuns.ShortConnectionsOutcome r = BenchRuns.shortConnectionsClosedLoop(s3(60), 8, 16_384);
        assertEquals(60, r.completed());
        assertEquals(0, r.failed());
        BenchRuns.ShortConnectionsOutcome seq = BenchRuns.shortConnectionsClosedLoop(s3(60), 1, 16_384);
        assertTrue(r.simTimePs() < seq.simTimePs(), r.simTimePs() + " vs " + seq.simTimePs());
    }

    @Test
    void rejectsAScenarioWithoutOneShortConnectionsWorkload() throws Exception {
        Scenario bulk = ScenarioDocument.parse("""
                {"name": "x", "hosts": [{"name": "a"}, {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "1MiB"}]}
                """, "t", ScenarioDocument.Syntax.JSON).bind();
        assertThrows(IllegalArgumentException.class, () -> BenchRuns.shortConnectionsClosedLoop(bulk, 1, 1));
    }
}
