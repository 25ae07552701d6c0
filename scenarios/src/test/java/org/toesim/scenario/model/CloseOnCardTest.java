package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.CardReport;
import org.toesim.scenario.result.RunStatus;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * {@code nic.close} end to end: 50 short connections between two TOE hosts that offload every
 * connection. Each connection's client (a) closes first, its server (b) at end of stream; the run
 * lasts 50 ms, well past the last byte, so every teardown is in it.
 */
class CloseOnCardTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    private static SummaryReport run(String close) throws Exception {
        String json = """
                {"name": "close-%1$s", "seed": 13,
                 "hosts": [{"name": "a", "nic": {"model": "toe", "close": "%1$s"}, "offload": "always"},
                           {"name": "b", "nic": {"model": "toe", "close": "%1$s"}, "offload": "always"}],
                 "workloads": [{"type": "shortConnections", "from": "a", "to": "b", "count": 50, "size": "16KiB",
                                "interval": "20us", "poisson": true}],
                 "stop": {"until": "duration", "duration": "50ms"}, "outputs": {"timeSeries": "0s", "plots": []}}
                """.formatted(close);
        SummaryReport r = new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
        assertEquals(RunStatus.COMPLETED, r.status(), r.statusReason());
        assertEquals(50L * 16 * 1024, r.connections().get(0).bytesDelivered(), close);
        return r;
    }

    private static CardReport card(SummaryReport r, String host) {
        return r.nics().stream().filter(n -> n.host().equals(host)).findFirst().orElseThrow().card();
    }

    @Test
    void everyCloseRunsOnTheCardsAndEveryConnectionComesBackWhenDone() throws Exception {
        SummaryReport r = run("card");
        for (String h : new String[] {"a", "b"}) {
            CardReport k = card(r, h);
            assertEquals(50, k.hostClosesOnCard(), h + ": the card sent every FIN of its application");
            assertEquals(50, k.peerClosesOnCard(), h + ": and announced every FIN of the peer");
            assertEquals(50, k.uploadRequests(), h + ": one hand-back per connection (TIME_WAIT on a, CLOSED on b)");
            assertEquals(0, k.ccbOccupied(), h + ": nothing left on the card");
        }
    }

    @Test
    void uploadFirstClosesOnTheHostsAndTimeWaitOnTheCardKeepsTheClientSlots() throws Exception {
        SummaryReport up = run("upload");
        assertEquals(0, card(up, "a").hostClosesOnCard() + card(up, "b").hostClosesOnCard());
        assertEquals(50, card(up, "b").uploadRequests(), "b: every client FIN goes to the host with an upload request");
        SummaryReport tw = run("cardTimeWait");
        assertEquals(50, card(tw, "a").ccbOccupied(), "a: 50 connections in TIME_WAIT (60 s) hold their slots");
        assertEquals(0, card(tw, "a").uploadRequests());
        assertEquals(0, card(tw, "b").ccbOccupied(), "b closed passively: CLOSED comes back at once");
    }
}
