package org.toesim.scenario.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.TrajectoryDivergence;
import org.toesim.core.event.TrajectoryEvent;
import org.toesim.scenario.JunitXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The JUnit report stays valid XML whatever the text in it, and carries the divergence. */
class JunitReportTest {
    @Test
    void anyReasonTextGivesAValidReport() throws Exception {
        String reason = "<b> & \"c\" 'd' ]]> \u0001\u0007 tab\there\nsecond line \uD83D\uDE00 lone \uD800 end";
        SummaryReport s = Fixtures.summary(9.4e9, "00112233aabbccdd").withStatus(RunStatus.STALLED, reason);
        BaselineComparison cmp = BaselineComparison.compare(BaselineComparisonTest.BASE, s);
        Document doc = JunitXml.parse(JunitReport.xml(CheckReport.compared("a&b.json", "b\"q\".json", s, cmp)));
        Element status = JunitXml.problems(doc).get("status");
        String message = status.getAttribute("message");
        assertTrue(message.startsWith("the run did not finish: stalled: <b> & \"c\" 'd' ]]> \uFFFD\uFFFD tab\there"), message);
        assertTrue(!message.contains("second line"), "the message attribute is the first line");
        assertTrue(status.getTextContent().contains("second line \uD83D\uDE00 lone \uFFFD end"), status.getTextContent());
    }

    @Test
    void theDigestFailureSaysWhereTheRunsDiverge() throws Exception {
        SummaryReport s = Fixtures.summary(9.4e9, "ffff000000000000");
        TrajectoryDivergence d = new TrajectoryDivergence(4096, 4128, 32, 1_234_567, 1_234_600,
                List.of(new TrajectoryEvent(4097, 1_203_000_000L, "b.cpu.core1", "cpu.work")));
        BaselineComparison cmp = BaselineComparison.compare(BaselineComparisonTest.withCheckpoints(),
                new RunResult(s, TimeSeries.empty(), null, d));
        Map<String, Element> failed = JunitXml.problems(JunitXml.parse(JunitReport.xml(
                CheckReport.compared("f.json", "b.json", s, cmp))));
        assertEquals(List.of("traceDigest"), List.copyOf(failed.keySet()));
        Element f = failed.get("traceDigest");
        assertEquals("traceDigest", f.getAttribute("type"));
        assertTrue(f.getAttribute("message").contains("trajectories diverge in events 4097..4128 (this run: simulated "
                + "1.203000000 ms, b.cpu.core1 cpu.work); the checkpoints agree through event 4096"), f.getAttribute("message"));
        assertTrue(f.getTextContent().contains("  4097  1.203000000 ms  b.cpu.core1  cpu.work"), f.getTextContent());
        assertTrue(f.getTextContent().contains("certain: the runs differ at or before event 4128"), f.getTextContent());
    }
}
