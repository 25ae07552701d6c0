package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.CardReport;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * Posted-buffer starvation time in {@code nics[].card} (issue 11): an offloaded receiver that
 * keeps one 4 KiB read posted leaves arriving data waiting on the card nearly all the time; one
 * that keeps sixteen 64 KiB reads posted leaves it waiting almost never.
 */
class BufferStarvationTest {
    private static SummaryReport run(String calls) throws Exception {
        return new ModelExecutor().execute(Scenarios.parse("""
                {"name": "starve", "seed": 2, "hosts": [{"name": "a"},
                   {"name": "b", "nic": {"model": "toe", "card": "modern"}, "offload": "always"}],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "10us"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "8MiB", %s}],
                 "stop": {"until": "workloadsDone", "limit": "5s"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """.formatted(calls)), new RunContext(null, ProgressListener.NONE)).summary();
    }

    @Test
    void oneSmallReadPostedStarvesTheCardAndSixteenLargeOnesDoNot() throws Exception {
        SummaryReport small = run("\"receivesPosted\": 1, \"ioSize\": \"4KiB\"");
        SummaryReport large = run("\"receivesPosted\": 16");
        for (SummaryReport r : new SummaryReport[] {small, large}) {
            assertEquals(RunStatus.COMPLETED, r.status(), r.statusReason());
            assertEquals(8 << 20, r.connections().get(0).bytesDelivered());
        }
        double transferS = small.simTimePs() / 1e12;
        CardReport s = small.nics().get(1).card();
        CardReport l = large.nics().get(1).card();
        assertTrue(s.bufferStarvationSeconds() > 0.5 * transferS && s.bufferStarvationEpisodes() >= 1,
                "one 4 KiB read: data waits most of the " + transferS + " s: " + s);
        assertTrue(l.bufferStarvationSeconds() < 0.01 * large.simTimePs() / 1e12,
                "sixteen 64 KiB reads: data hardly ever waits: " + l);
    }
}
