package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Simulator;

/** The card's cores run each core's work in submission order, whoever submits it. */
class CardProcessorTest {

    @Test
    void workSubmittedByAFinishingJobQueuesBehindOlderWork() {
        // A runs; B waits. A's handler submits C (as a received ACK lets the engine send a
        // segment): the core is idle for an instant, but B is older and must run first, or a
        // connection's segments leave the card out of order
        Simulator sim = new Simulator();
        List<String> done = new ArrayList<>();
        CardProcessor[] p = new CardProcessor[1];
        p[0] = new CardProcessor(sim, 1, 1_000_000_000L, 256, (kind, subject, arg) -> {
            done.add((String) subject);
            if (subject.equals("A")) {
                p[0].submit(0, CardProcessor.WorkKind.TX_SEGMENT, 100, "C", 0);
            }
        }, "card");
        p[0].submit(0, CardProcessor.WorkKind.RX_SEGMENT, 100, "A", 0);
        p[0].submit(0, CardProcessor.WorkKind.TX_SEGMENT, 100, "B", 0);
        sim.runUntil(1_000_000_000L);
        assertEquals(List.of("A", "B", "C"), done);
    }
}
