package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.NicReport;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * {@code nics[].rxDrops}: 700 request-response connections with a 10 ms think time fall into step
 * (each request follows its response by the same think time, and responses leave in bursts), so
 * about 390 requests reach the server within 0.2 ms, more than its NIC's 255 posted receive
 * buffers: the NIC drops frames (rx_missed), the connections wait for a 200 ms retransmission
 * timeout, and the run takes about twice its think time. With 100 connections nothing is dropped.
 */
class RxDropsTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    private static SummaryReport run(int connections) throws Exception {
        String json = """
                {"name": "rx-drops", "seed": 5,
                 "hosts": [{"name": "a"}, {"name": "b"}],
                 "workloads": [{"type": "requestResponse", "from": "a", "to": "b", "request": "256B",
                                "response": "1KiB", "requests": 20, "thinkTime": "10ms", "connections": %d}],
                 "variation": {"startJitter": "10ms"},
                 "stop": {"until": "workloadsDone", "limit": "5s"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """.formatted(connections);
        SummaryReport r = new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
        assertEquals(RunStatus.COMPLETED, r.status(), r.statusReason());
        return r;
    }

    private static NicReport nic(SummaryReport r, String host) {
        return r.nics().stream().filter(n -> n.host().equals(host)).findFirst().orElseThrow();
    }

    @Test
    void requestsArrivingInStepOverflowTheServersReceiveRingAndCostTimeouts() throws Exception {
        SummaryReport few = run(100);
        assertEquals(0, nic(few, "b").rxDrops());
        assertTrue(few.simTimePs() < 230_000_000_000L, "20 x 10 ms think and little else: " + few.simTimePs());
        SummaryReport many = run(700);
        assertTrue(nic(many, "b").rxDrops() > 50, "the server's NIC dropped requests: " + nic(many, "b"));
        long retransmitting = many.connections().stream().filter(c -> c.retransmits() > 0).count();
        assertTrue(retransmitting > 50, retransmitting + " connections retransmitted");
        assertTrue(many.simTimePs() > 350_000_000_000L, "a 200 ms RTO is in the run: " + many.simTimePs());
    }
}
