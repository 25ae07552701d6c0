package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.units.Units;
import org.toesim.scenario.result.ConnectionReport;
import org.toesim.scenario.result.LinkReport;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;

/**
 * ECN end to end through the scenario runner (issue 17): two long flows from two hosts through a
 * switch into a 1 Gbit/s, 100 us bottleneck with a 1000-frame buffer.
 *
 * <pre>
 *   s1 --\
 *         sw --[1 Gbit/s, step K = 20 frames / RED / drop-tail]--&gt; r
 *   s2 --/
 * </pre>
 *
 * DCTCP with DCTCP's step marking keeps the queue near K at line rate without a drop (the DCTCP
 * paper's result), on the host stack and with the receiver's connections offloaded to a TOE (the
 * card echoes CE as a DCTCP receiver) or with TOE senders (the card runs DCTCP's response);
 * CUBIC without ECN fills the drop-tail buffer and loses frames; CUBIC with ECN through RED is
 * marked, not dropped, and never retransmits. Every CE a queue set is counted once by a receiver.
 */
class EcnEndToEndTest {
    private static final Logger LOG = LoggerFactory.getLogger(EcnEndToEndTest.class);
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);
    private static final long SIZE_BYTES = 16L << 20;
    private static final int K_FRAMES = 20;

    static String scenario(String cc, boolean ecn, String aqm, String receiverNic, String senderNic) {
        String tcp = "{\"profile\": \"linux\", \"congestionControl\": \"%s\", \"ecn\": %s, \"realBytes\": true}"
                .formatted(cc, ecn);
        return """
                {"name": "ecn", "seed": 5,
                 "hosts": [{"name": "s1", "nic": %s}, {"name": "s2", "nic": %s}, {"name": "r", "nic": %s}],
                 "switches": [{"name": "sw"}],
                 "links": [{"between": ["s1", "sw"], "delay": "5us"},
                           {"between": ["s2", "sw"], "delay": "5us"},
                           {"between": ["sw", "r"], "rate": "1Gbps", "delay": "100us", "queueFrames": 1000,
                            "aqm": %s}],
                 "workloads": [{"type": "bulk", "from": "s1", "to": "r", "size": "%d", "tcp": %s},
                               {"type": "bulk", "from": "s2", "to": "r", "size": "%d", "tcp": %s}],
                 "stop": {"until": "workloadsDone", "limit": "10s"}}
                """.formatted(senderNic, senderNic, receiverNic, aqm, SIZE_BYTES, tcp, SIZE_BYTES, tcp);
    }

    private static final String PLAIN = "{}";
    private static final String TOE = "{\"model\": \"toe\"}";
    private static final String STEP = "{\"kind\": \"step\", \"thresholdFrames\": " + K_FRAMES + "}";

    private static SummaryReport run(String json) throws Exception {
        // the TOE hosts offload every connection
        String s = json.replace("\"nic\": {\"model\": \"toe\"}", "\"nic\": {\"model\": \"toe\"}, \"offload\": \"always\"");
        return new ModelExecutor().execute(Scenarios.parse(s), NO_FILES).summary();
    }

    private static LinkReport bottleneck(SummaryReport r) {
        return r.links().stream().filter(l -> l.from().equals("sw") && l.to().equals("r")).findFirst().orElseThrow();
    }

    /** Both flows' bytes over the time the last one took: the bottleneck's goodput. */
    private static double aggregateBitsPerSec(SummaryReport r) {
        return 2.0 * SIZE_BYTES * 8 / (r.simTimePs() / (double) Units.PS_PER_S);
    }

    private static void assertEveryByteDelivered(SummaryReport r) {
        assertEquals(2, r.connections().size());
        for (ConnectionReport c : r.connections()) {
            assertTrue(c.finished(), c.toString());
            assertEquals(SIZE_BYTES, c.bytesDelivered(), c.toString());
            assertEquals("ok", c.integrity(), "every byte compared at the receiver: " + c);
        }
    }

    private static long ce(SummaryReport r) {
        return r.connections().stream().mapToLong(ConnectionReport::ceReceived).sum();
    }

    private static long reductions(SummaryReport r) {
        return r.connections().stream().mapToLong(ConnectionReport::ecnReductions).sum();
    }

    private static long retransmits(SummaryReport r) {
        return r.connections().stream().mapToLong(ConnectionReport::retransmits).sum();
    }

    private static void log(String what, SummaryReport r) {
        LinkReport p = bottleneck(r);
        LOG.info("{}: {} Mbit/s, mean queue {} frames, sojourn {} us, {} marks, {} CE received, {} reductions, "
                        + "{} early / {} overflow drops, {} retransmits", what,
                String.format("%.1f", aggregateBitsPerSec(r) / 1e6), String.format("%.1f", p.meanQueuedFrames()),
                String.format("%.0f", p.meanSojournPs() / Units.PS_PER_US), p.ecnMarks(), ce(r), reductions(r),
                p.aqmDrops(), p.queueDrops(), retransmits(r));
    }

    private static void assertDctcpShape(String what, SummaryReport r) {
        log(what, r);
        assertEveryByteDelivered(r);
        LinkReport p = bottleneck(r);
        assertTrue(p.meanQueuedFrames() > 0.5 * K_FRAMES && p.meanQueuedFrames() < 1.2 * K_FRAMES,
                what + ": mean queue " + p.meanQueuedFrames() + " frames, K = " + K_FRAMES);
        assertTrue(aggregateBitsPerSec(r) > 0.90e9, what + ": " + aggregateBitsPerSec(r) + " bit/s");
        assertEquals(0, p.queueDrops() + p.aqmDrops(), what + ": no frame lost");
        assertEquals(0, retransmits(r), what);
        assertTrue(p.ecnMarks() > 100, what + ": marks " + p.ecnMarks());
        assertEquals(p.ecnMarks(), ce(r), what + ": every mark reaches a receiver once (no warm-up)");
        assertTrue(reductions(r) > 50, what + ": reductions " + reductions(r));
    }

    @Test
    void dctcpHoldsTheQueueNearKAtLineRateOnTheHostStack() throws Exception {
        assertDctcpShape("dctcp host", run(scenario("dctcp", false, STEP, PLAIN, PLAIN)));
    }

    @Test
    void dctcpHoldsTheQueueNearKWithTheReceiversOnATOE() throws Exception {
        assertDctcpShape("dctcp toe receiver", run(scenario("dctcp", false, STEP, TOE, PLAIN)));
    }

    @Test
    void dctcpHoldsTheQueueNearKWithTOESenders() throws Exception {
        assertDctcpShape("dctcp toe senders", run(scenario("dctcp", false, STEP, PLAIN, TOE)));
    }

    @Test
    void cubicWithoutEcnFillsTheDropTailBufferAndCubicWithEcnThroughRedIsMarkedNotDropped() throws Exception {
        SummaryReport dropTail = run(scenario("cubic", false, "{\"kind\": \"droptail\"}", PLAIN, PLAIN));
        log("cubic droptail", dropTail);
        assertEveryByteDelivered(dropTail);
        LinkReport dt = bottleneck(dropTail);
        assertTrue(dt.meanQueuedFrames() > 10 * K_FRAMES, "drop-tail: mean queue " + dt.meanQueuedFrames());
        assertTrue(dt.queueDrops() > 0 && retransmits(dropTail) > 0, dt.toString());
        assertEquals(0, dt.ecnMarks());
        assertEquals(0, ce(dropTail));

        SummaryReport red = run(scenario("cubic", true,
                "{\"kind\": \"red\", \"minThresholdFrames\": 100, \"maxThresholdFrames\": 300}", PLAIN, PLAIN));
        log("cubic ecn red", red);
        assertEveryByteDelivered(red);
        LinkReport rd = bottleneck(red);
        assertTrue(rd.ecnMarks() > 0, rd.toString());
        assertEquals(0, rd.aqmDrops() + rd.queueDrops(), "ECT frames are marked, not dropped: " + rd);
        assertEquals(0, retransmits(red));
        assertEquals(rd.ecnMarks(), ce(red));
        assertTrue(reductions(red) > 0 && reductions(red) <= rd.ecnMarks());
        assertTrue(rd.meanQueuedFrames() < dt.meanQueuedFrames() / 2, "RED " + rd.meanQueuedFrames()
                + " frames against drop-tail's " + dt.meanQueuedFrames());
    }
}
