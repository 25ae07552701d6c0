package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.LinkReport;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.spec.Scenario;

/**
 * Issue 10 through the scenario runner. The host socket reads only what is readable, so the
 * window-update rule that measured the window against the free buffer rather than the window an
 * ACK could carry did not livelock here; it sent a pure ACK with an unchanged window at every
 * read instead. Those are duplicate ACKs to the sender (RFC 5681 §2): on a lossless link the RFC
 * engine without window scaling and a 128 KiB buffer made 17 fast retransmissions and sent more
 * ACKs than data segments (3207 for 2916), at 100 Mb/s of a 1 Gb/s link. Now a read owes an ACK
 * only when the right edge would move (RFC 1122 §4.2.3.3).
 */
class WindowUpdateScenarioTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "autotuning from 128 KiB | \"profile\": \"rfc\", \"features\": {\"receiveAutotuning\": true}",
        "no window scaling      | \"profile\": \"rfc\", \"windowScale\": false"})
    void aLosslessBulkTransferSendsNoSpuriousWindowUpdates(String name, String tcp) throws Exception {
        Scenario s = Scenarios.parse("""
                {"name": "window-updates",
                 "stop": {"until": "workloadsDone", "limit": "10s", "maxEventsPerInstant": 100000},
                 "hosts": [{"name": "a"}, {"name": "b"}],
                 "links": [{"name": "l", "between": ["a", "b"], "rate": "1Gbps", "delay": "1ms"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "4MiB",
                                "tcp": {%s, "receiveBuffer": "128KiB"}}]}
                """.formatted(tcp));
        RunResult r = new ModelExecutor().execute(s, NO_FILES);
        assertEquals(RunStatus.COMPLETED, r.summary().status(), r.summary().statusReason());
        ConnectionReport c = r.summary().connections().get(0);
        assertEquals(4L << 20, c.bytesDelivered());
        assertEquals(0, c.retransmits(), "nothing was lost, so nothing is retransmitted");
        LinkReport data = r.summary().links().get(0);
        LinkReport acks = r.summary().links().get(1);
        assertEquals("b", acks.from());
        assertTrue(2 * acks.framesIn() < 3 * data.framesIn(), "ACKs " + acks.framesIn() + " for " + data.framesIn()
                + " data frames: about one per two segments, no update per read");
    }
}
