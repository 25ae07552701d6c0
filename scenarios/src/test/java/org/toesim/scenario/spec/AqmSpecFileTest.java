package org.toesim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.nic.aqm.AqmSpec;
import org.toesim.nic.aqm.QueueMeasure;

/** A link's {@code aqm} object as files write it, and the errors a user sees for bad values. */
class AqmSpecFileTest {
    private static String withLink(String link) {
        return "{\"hosts\": [{\"name\": \"a\"}, {\"name\": \"b\"}],\n \"links\": [" + link + "]}";
    }

    private static AqmSpec aqm(String aqm) throws ScenarioException {
        return ScenarioDocumentTest.bind(withLink("{\"between\": [\"a\", \"b\"], \"queueFrames\": 1000, \"aqm\": "
                + aqm + "}")).links().get(0).aqm();
    }

    private static Problem problem(String aqm) {
        return ScenarioDocumentTest.problem(withLink("{\"between\": [\"a\", \"b\"], \"queueFrames\": 1000, \"aqm\": "
                + aqm + "}"));
    }

    @Test
    void withoutAnAqmObjectALinkIsDropTail() throws Exception {
        LinkSpec l = ScenarioDocumentTest.bind(withLink("{\"between\": [\"a\", \"b\"]}")).links().get(0);
        assertEquals(AqmSpec.DROP_TAIL, l.aqm());
        assertEquals(AqmSpec.DROP_TAIL, aqm("{\"kind\": \"droptail\"}"));
    }

    @Test
    void eachKindReadsItsFieldsInTheFilesUnitsWithTheDocumentedDefaults() throws Exception {
        assertEquals(new AqmSpec.Step(20, QueueMeasure.FRAMES), aqm("{\"kind\": \"step\", \"thresholdFrames\": 20}"));
        assertEquals(new AqmSpec.Step(30_000, QueueMeasure.BYTES), aqm("{\"kind\": \"step\", \"threshold\": \"30KB\"}"));
        assertEquals(new AqmSpec.Red(30, 90, QueueMeasure.FRAMES, 0.002, 0.1, false, true, 1000),
                aqm("{\"kind\": \"red\", \"minThresholdFrames\": 30, \"maxThresholdFrames\": 90}"));
        assertEquals(new AqmSpec.Red(30_720, 92_160, QueueMeasure.BYTES, 0.01, 0.2, true, false, 1514),
                aqm("{\"kind\": \"red\", \"minThreshold\": \"30KiB\", \"maxThreshold\": \"90KiB\", \"weight\": 0.01,"
                        + " \"maxP\": 0.2, \"gentle\": true, \"ecn\": false, \"avgPacket\": 1514}"));
        assertEquals(new AqmSpec.CoDel(5_000_000_000L, 100_000_000_000L, true), aqm("{\"kind\": \"codel\"}"));
        assertEquals(new AqmSpec.CoDel(1_000_000_000L, 20_000_000_000L, false),
                aqm("{\"kind\": \"codel\", \"target\": \"1ms\", \"interval\": \"20ms\", \"ecn\": false}"));
    }

    @Test
    void badValuesNameTheFieldAndWhatWasExpected() {
        Problem p = problem("{\"kind\": \"red\", \"minThresholdFrames\": 90, \"maxThresholdFrames\": 30}");
        assertEquals("links[0].aqm.minThresholdFrames", p.path());
        assertTrue(p.message().contains("not below maxThresholdFrames 30"), p.message());
        assertTrue(p.expected().contains("minThresholdFrames < maxThresholdFrames"), p.expected());

        p = problem("{\"kind\": \"red\", \"minThresholdFrames\": 5, \"maxThresholdFrames\": 30, \"maxP\": 1.5}");
        assertEquals("links[0].aqm.maxP", p.path());
        assertTrue(p.expected().contains("(0, 1]"), p.expected());

        p = problem("{\"kind\": \"codel\", \"target\": \"200ms\"}");
        assertEquals("links[0].aqm.target", p.path());
        assertTrue(p.message().contains("not below interval"), p.message());

        p = problem("{\"kind\": \"step\", \"target\": \"5ms\"}");
        assertEquals("links[0].aqm.target", p.path());
        assertTrue(p.message().contains("is not a field of kind 'step'"), p.message());
        assertTrue(p.expected().contains("thresholdFrames"), p.expected());

        p = problem("{\"kind\": \"step\"}");
        assertEquals("links[0].aqm.thresholdFrames", p.path());
        assertEquals("missing", p.message());

        p = problem("{\"kind\": \"rde\"}");
        assertEquals("links[0].aqm.kind", p.path());
        assertTrue(p.message().contains("did you mean 'red'"), p.message());

        p = problem("{\"kind\": \"red\", \"minThreshold\": \"10KB\", \"maxThresholdFrames\": 30}");
        assertEquals("links[0].aqm.maxThresholdFrames", p.path());
        assertTrue(p.expected().contains("all in frames or all in bytes"), p.expected());

        p = problem("{\"kind\": \"step\", \"thresholdFrames\": 2000}");
        assertEquals("links[0].aqm.thresholdFrames", p.path());
        assertTrue(p.message().contains("above the queue limit queueFrames = 1000"), p.message());

        p = problem("{\"kind\": \"codel\", \"interval\": \"fast\"}");
        assertEquals("links[0].aqm.interval", p.path());
    }
}
