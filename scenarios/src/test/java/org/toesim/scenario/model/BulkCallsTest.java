package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.spec.BulkWorkload;
import org.toesim.scenario.spec.ScenarioException;

/** Bulk workloads' application calls: {@code ioSize}, {@code sendsInFlight}, {@code receivesPosted}. */
class BulkCallsTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    static String bulk(String fields, String nicB) {
        return """
                {"name": "calls", "seed": 2, "variation": "off",
                 "hosts": [{"name": "a"}, {"name": "b", "nic": %s}],
                 "links": [{"between": ["a", "b"], "rate": "10Gbps", "delay": "2us"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "4MiB",
                                "tcp": {"realBytes": true}%s}],
                 "stop": {"until": "workloadsDone", "limit": "1s"}}
                """.formatted(nicB, fields);
    }

    @Test
    void defaultsAreChosenByTheHostAndFieldsOverrideThem() throws Exception {
        BulkWorkload d = (BulkWorkload) Scenarios.parse(bulk("", "{}")).workloads().get(0);
        assertEquals(64 * 1024, d.ioBytes());
        assertEquals(BulkWorkload.BY_HOST, d.sendsInFlight());
        assertEquals(BulkWorkload.BY_HOST, d.receivesPosted());
        BulkWorkload w = (BulkWorkload) Scenarios.parse(bulk(", \"ioSize\": \"1MiB\", \"sendsInFlight\": 4,"
                + " \"receivesPosted\": 32", "{}")).workloads().get(0);
        assertEquals(1 << 20, w.ioBytes());
        assertEquals(4, w.sendsInFlight());
        assertEquals(32, w.receivesPosted());
        assertThrows(ScenarioException.class, () -> Scenarios.parse(bulk(", \"ioSize\": \"100B\"", "{}")));
        assertThrows(ScenarioException.class, () -> Scenarios.parse(bulk(", \"receivesPosted\": 0", "{}")));
    }

    @Test
    void largerCallsCostTheHostStackSenderFewerCyclesPerByte() throws Exception {
        SummaryReport small = new ModelExecutor().execute(Scenarios.parse(bulk(", \"ioSize\": \"4KiB\"", "{}")),
                NO_FILES).summary();
        SummaryReport large = new ModelExecutor().execute(Scenarios.parse(bulk(", \"ioSize\": \"1MiB\"", "{}")),
                NO_FILES).summary();
        for (SummaryReport s : new SummaryReport[] {small, large}) {
            assertEquals(4L << 20, s.connections().get(0).bytesDelivered());
            assertEquals("ok", s.connections().get(0).integrity());
        }
        // a system call (and a receiver wake-up) per call: 1,024 calls of 4 KiB against 4 of 1 MiB
        assertTrue(small.hosts().get(0).cyclesPerByteTx() > large.hosts().get(0).cyclesPerByteTx() + 0.3,
                small.hosts().get(0) + " vs " + large.hosts().get(0));
    }

    @Test
    void moreReceivesPostedOnAToeStillDeliverEveryByteInOrder() throws Exception {
        for (int posted : new int[] {1, 32}) {
            SummaryReport s = new ModelExecutor().execute(Scenarios.parse(bulk(", \"receivesPosted\": " + posted,
                    "{\"model\": \"toe\", \"card\": \"t110\"}")), NO_FILES).summary();
            assertEquals(4L << 20, s.connections().get(0).bytesDelivered(), "posted " + posted);
            assertEquals("ok", s.connections().get(0).integrity(), "posted " + posted);
            assertTrue(s.connections().get(0).offloaded());
        }
    }
}
