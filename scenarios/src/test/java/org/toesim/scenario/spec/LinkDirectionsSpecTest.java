package org.toesim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code impairments} per direction and frame kind, {@code queueFrames}, {@code nic.txqueuelen} as written in files. */
class LinkDirectionsSpecTest {
    private static String withLink(String link) {
        return "{\"hosts\": [{\"name\": \"a\"}, {\"name\": \"b\"}],\n \"links\": [" + link + "]}";
    }

    private static LinkSpec link(String link) throws ScenarioException {
        return ScenarioDocumentTest.bind(withLink(link)).links().get(0);
    }

    @Test
    void anObjectWithoutDirectionImpairsBothDirectionsAndEveryFrameAsBefore() throws Exception {
        LinkSpec l = link("{\"between\": [\"a\", \"b\"], \"impairments\": {\"loss\": 0.01}}");
        assertEquals(0.01, l.impairmentsAToB().loss());
        assertEquals(0.01, l.impairmentsBToA().loss());
        assertEquals(ImpairedFrames.ALL, l.impairmentsAToB().frames());
        assertEquals(LinkSpec.DEFAULT_QUEUE_BYTES, l.queueBytes());
        assertEquals(0, l.queueFrames());
    }

    @Test
    void theReferenceContractReadsAsDataLossFromAToBOnly() throws Exception {
        LinkSpec l = link("{\"between\": [\"a\", \"b\"], \"queueFrames\": 1000,"
                + " \"impairments\": {\"loss\": 0.001, \"direction\": \"aToB\", \"frames\": \"data\"}}");
        assertEquals(0.001, l.impairmentsAToB().loss());
        assertEquals(ImpairedFrames.DATA, l.impairmentsAToB().frames());
        assertEquals(ImpairmentsSpec.NONE, l.impairmentsBToA());
        assertEquals(1000, l.queueFrames());
        assertEquals(0, l.queueBytes(), "queueFrames alone: no byte limit, so exactly 1000 frames");
    }

    @Test
    void aListGivesEachDirectionItsOwnImpairments() throws Exception {
        LinkSpec l = link("{\"between\": [\"a\", \"b\"], \"queue\": \"64KiB\", \"queueFrames\": 100, \"impairments\": "
                + "[{\"direction\": \"aToB\", \"loss\": 0.001}, {\"direction\": \"bToA\", \"duplicate\": 0.01}]}");
        assertEquals(0.001, l.impairmentsAToB().loss());
        assertEquals(0.0, l.impairmentsAToB().duplicate());
        assertEquals(0.01, l.impairmentsBToA().duplicate());
        assertEquals(0.0, l.impairmentsBToA().loss());
        assertEquals(65536, l.queueBytes());
        assertEquals(100, l.queueFrames());
    }

    @Test
    void overlappingDirectionsInAListAreAnErrorAtTheSecondEntry() {
        Problem p = ScenarioDocumentTest.problem(withLink("{\"between\": [\"a\", \"b\"], \"impairments\": [\n"
                + "   {\"direction\": \"aToB\", \"loss\": 0.001},\n   {\"loss\": 0.01}]}"));
        assertEquals("links[0].impairments[1].direction", p.path(), p.format());
        assertTrue(p.message().contains("'both' overlaps impairments[0] ('aToB')"), p.format());
        assertTrue(p.format().startsWith("t.json:"), p.format());
        assertTrue(p.line() >= 2, p.format());
    }

    @Test
    void anUnknownDirectionIsAnErrorNamingTheChoicesAndItsPlace() {
        Problem p = ScenarioDocumentTest.problem(withLink(
                "{\"between\": [\"a\", \"b\"], \"impairments\": {\"direction\": \"atob\", \"loss\": 0.1}}"));
        assertEquals("links[0].impairments.direction", p.path(), p.format());
        assertTrue(p.format().contains("aToB"), p.format());
        assertEquals(2, p.line(), p.format());
    }

    @Test
    void anUnknownFramesValueAndABadQueueFramesAreErrors() {
        Problem frames = ScenarioDocumentTest.problem(withLink(
                "{\"between\": [\"a\", \"b\"], \"impairments\": {\"frames\": \"payload\"}}"));
        assertTrue(frames.path().endsWith("impairments.frames"), frames.format());
        assertTrue(frames.format().contains("data"), frames.format());
        Problem none = ScenarioDocumentTest.problem(withLink("{\"between\": [\"a\", \"b\"], \"queue\": 0}"));
        assertTrue(none.path().startsWith("links[0].queue"), none.format());
    }

    @Test
    void txqueuelenDefaultsToLinuxsThousandAndIsRangeChecked() throws Exception {
        assertEquals(1000, ScenarioDocumentTest.bind(withLink("{\"between\": [\"a\", \"b\"]}")).hosts().get(0).nic()
                .txqueuelen());
        Scenario s = ScenarioDocumentTest.bind("{\"hosts\": [{\"name\": \"a\", \"nic\": {\"txqueuelen\": 64}},"
                + " {\"name\": \"b\"}]}");
        assertEquals(64, s.hosts().get(0).nic().txqueuelen());
        Problem p = ScenarioDocumentTest.problem("{\"hosts\": [{\"name\": \"a\", \"nic\": {\"txqueuelen\": 0}},"
                + " {\"name\": \"b\"}]}");
        assertEquals("hosts[0].nic.txqueuelen", p.path(), p.format());
    }
}
