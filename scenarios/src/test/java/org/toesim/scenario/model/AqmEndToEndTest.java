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
 * AQM at a switch's bottleneck port, through the scenario runner: two CUBIC flows without ECN
 * from 10 Gbit/s hosts through a switch into a 1 Gbit/s, 1 ms link with a 1500-frame buffer.
 * Drop-tail lets CUBIC fill the buffer; CoDel holds the standing queue near its 5 ms target and
 * RED its average between its thresholds, by early drops, and TCP still delivers every byte.
 * Queue statistics are taken after a 200 ms warm-up (slow start), over about 0.5 s of CUBIC.
 */
class AqmEndToEndTest {
    private static final Logger LOG = LoggerFactory.getLogger(AqmEndToEndTest.class);
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);
    private static final double MS = Units.PS_PER_MS;
    private static final long SIZE_BYTES = 40L << 20;

    static String bottleneck(String aqm) {
        String aqmField = aqm == null ? "" : ", \"aqm\": " + aqm;
        return """
                {"name": "aqm", "seed": 11, "warmUp": "200ms",
                 "hosts": [{"name": "a1"}, {"name": "a2"}, {"name": "b"}],
                 "switches": [{"name": "sw", "latency": "1us"}],
                 "links": [{"between": ["a1", "sw"], "delay": "5us"},
                           {"between": ["a2", "sw"], "delay": "5us"},
                           {"between": ["sw", "b"], "rate": "1Gbps", "delay": "1ms", "queueFrames": 1500%s}],
                 "workloads": [
                   {"type": "bulk", "from": "a1", "to": "b", "size": "%d", "tcp": {"profile": "linux", "congestionControl": "cubic", "realBytes": true}},
                   {"type": "bulk", "from": "a2", "to": "b", "size": "%d", "tcp": {"profile": "linux", "congestionControl": "cubic", "realBytes": true}}],
                 "stop": {"until": "workloadsDone", "limit": "30s"}}
                """.formatted(aqmField, SIZE_BYTES, SIZE_BYTES);
    }

    private static SummaryReport run(String aqm) throws Exception {
        return new ModelExecutor().execute(Scenarios.parse(bottleneck(aqm)), NO_FILES).summary();
    }

    /** The switch's port into the 1 Gbit/s link: direction sw -&gt; b. */
    private static LinkReport bottleneckPort(SummaryReport r) {
        return r.links().stream().filter(l -> l.from().equals("sw") && l.to().equals("b")).findFirst().orElseThrow();
    }

    private static void assertEveryByteDelivered(SummaryReport r) {
        assertEquals(2, r.connections().size());
        for (ConnectionReport c : r.connections()) {
            // counters restart at the warm-up: the bytes after it are all the bytes expected after it
            assertTrue(c.finished(), c.toString());
            assertEquals(c.bytesExpected(), c.bytesDelivered(), c.toString());
            assertTrue(c.bytesDelivered() > SIZE_BYTES / 2, c.toString());
            assertEquals("ok", c.integrity(), "every byte compared at the receiver: " + c);
        }
    }

    private static void log(String what, SummaryReport r) {
        LinkReport p = bottleneckPort(r);
        LOG.info("{}: mean sojourn {} ms, mean queue {} frames, {} early drops, {} marks, {} overflow drops, sim {} ms",
                what, String.format("%.2f", p.meanSojournPs() / MS), String.format("%.0f", p.meanQueuedFrames()),
                p.aqmDrops(), p.ecnMarks(), p.queueDrops(), r.simTimePs() / Units.PS_PER_MS);
    }

    @Test
    void codelKeepsTheQueueingDelayNearItsTargetWhereDropTailFillsTheBuffer() throws Exception {
        SummaryReport dropTail = run(null);
        SummaryReport codel = run("{\"kind\": \"codel\", \"target\": \"5ms\", \"interval\": \"100ms\", \"ecn\": true}");
        log("droptail", dropTail);
        log("codel", codel);
        LinkReport dt = bottleneckPort(dropTail);
        LinkReport cd = bottleneckPort(codel);
        assertEquals("droptail", dt.aqm());
        assertEquals("codel", cd.aqm());
        // 1500 frames of 1514 B at 1 Gbit/s are 18.5 ms; CUBIC keeps the buffer more than half full
        assertTrue(dt.meanSojournPs() > 9 * MS, "drop-tail mean sojourn " + dt.meanSojournPs() / MS + " ms");
        assertTrue(dt.queueDrops() > 0, "drop-tail overflows: " + dt);
        assertEquals(0, dt.aqmDrops() + dt.ecnMarks());
        // CoDel: within 2x of its 5 ms target, by early drops (no ECN-capable sender: no marks)
        assertTrue(cd.meanSojournPs() > 2.5 * MS && cd.meanSojournPs() < 10 * MS,
                "CoDel mean sojourn " + cd.meanSojournPs() / MS + " ms");
        assertTrue(cd.meanSojournPs() < dt.meanSojournPs() / 1.5, cd + " vs " + dt);
        assertTrue(cd.aqmDrops() > 0, cd.toString());
        assertEquals(0, cd.ecnMarks(), "Not-ECT traffic is never marked");
        assertEveryByteDelivered(dropTail);
        assertEveryByteDelivered(codel);
    }

    @Test
    void redHoldsTheAverageQueueBetweenItsThresholdsByEarlyDrops() throws Exception {
        String aqm = "{\"kind\": \"red\", \"minThresholdFrames\": 100, \"maxThresholdFrames\": 300, \"maxP\": 0.1}";
        SummaryReport red = run(aqm);
        log("red", red);
        assertEquals(red.traceDigest(), run(aqm).traceDigest(), "RED's draws come from the seed's named stream");
        assertEquals("red", red.resolvedScenario().at("/links/2/aqm/kind").asText());
        LinkReport p = bottleneckPort(red);
        assertEquals("red", p.aqm());
        // the time-weighted queue: about the EWMA's operating point, far below the 1500-frame buffer
        assertTrue(p.meanQueuedFrames() > 30 && p.meanQueuedFrames() < 400, "RED mean queue " + p.meanQueuedFrames());
        // 100-300 frames are 1.2-3.7 ms at 1 Gbit/s
        assertTrue(p.meanSojournPs() < 5 * MS, "RED mean sojourn " + p.meanSojournPs() / MS + " ms");
        assertTrue(p.aqmDrops() > 0, p.toString());
        assertEquals(0, p.queueDrops(), "RED drops before the buffer is full: " + p);
        assertEquals(0, p.ecnMarks());
        assertEveryByteDelivered(red);
    }

    @Test
    void aHostsLinkEndTakesTheLinksAqmToo() throws Exception {
        String json = """
                {"name": "direct", "seed": 2,
                 "hosts": [{"name": "a"}, {"name": "b"}],
                 "links": [{"between": ["a", "b"], "rate": "1Gbps", "delay": "1ms", "queueFrames": 1500,
                            "aqm": {"kind": "codel"}}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "32MiB", "tcp": {"profile": "linux", "congestionControl": "cubic", "realBytes": true}}],
                 "stop": {"until": "workloadsDone", "limit": "30s"}}
                """;
        SummaryReport r = new ModelExecutor().execute(Scenarios.parse(json), NO_FILES).summary();
        LinkReport ab = r.links().get(0);
        assertEquals(java.util.List.of("a", "codel"), java.util.List.of(ab.from(), ab.aqm()));
        assertEquals("codel", r.links().get(1).aqm(), "both ends");
        // slow start into the 1500-frame (18 ms) host queue: CoDel drops before it overflows
        assertTrue(ab.aqmDrops() > 0, ab.toString());
        assertTrue(ab.meanSojournPs() < 10 * MS, ab.toString());
        assertEquals("ok", r.connections().get(0).integrity());
        assertEquals(32L << 20, r.connections().get(0).bytesDelivered());
    }
}
