package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * Request-response with the {@code linux} profile through the runner: a 16 KiB response is 11
 * full segments and a 456-byte tail. The receiver ACKs every second full segment and leaves the
 * odd last one to its 40 ms delayed-ACK timer; RFC 896 Nagle holds the tail until everything in
 * flight is acknowledged, so each response waited 40 ms and 500 requests did not finish in 2 s.
 * Linux sends the tail at once (Minshall's variant: only an unacknowledged earlier short segment
 * holds a short one), as {@code minshallNagle} does.
 */
class MinshallNagleTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    private static SummaryReport run(String features) throws Exception {
        String json = """
                {"name": "rr", "seed": 1, "variation": "off",
                 "hosts": [{"name": "client"}, {"name": "server"}],
                 "links": [{"between": ["client", "server"], "rate": "10Gbps", "delay": "2us"}],
                 "workloads": [{"type": "requestResponse", "from": "client", "to": "server",
                   "request": "128B", "response": "16KiB", "requests": 50,
                   "tcp": {"profile": "linux"%s}}],
                 "stop": {"until": "workloadsDone", "limit": "5s"}}
                """.formatted(features);
        return new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
    }

    @Test
    void theShortTailOfAResponseDoesNotWaitForTheDelayedAck() throws Exception {
        SummaryReport s = run("");
        assertEquals(RunStatus.COMPLETED, s.status());
        ConnectionReport c = s.connections().get(0);
        assertEquals(50L * (128 + 16384), c.bytesDelivered());
        assertEquals(ConnectionReport.INTEGRITY_OK, c.integrity());
        // about 145 us per request on this path; one 40 ms delayed-ACK wait would exceed it all
        assertTrue(s.simTimePs() < 20_000_000_000L, "50 requests took " + s.simTimePs() / 1_000_000 + " us");
    }

    @Test
    void rfcNagleMakesEachResponseWaitForTheDelayedAckTimer() throws Exception {
        SummaryReport s = run(", \"features\": {\"minshallNagle\": false}");
        assertEquals(RunStatus.COMPLETED, s.status());
        // measured 773 ms for 50: about 19 responses wait out the 40 ms timer (the others end on
        // an even number of full segments since the last ACK)
        assertTrue(s.simTimePs() > 10L * 40_000_000_000L,
                "expected at least ten 40 ms delayed-ACK waits, took " + s.simTimePs() / 1_000_000_000 + " ms for 50");
    }
}
