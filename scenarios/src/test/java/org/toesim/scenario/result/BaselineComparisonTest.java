package org.toesim.scenario.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.core.event.TrajectoryCheckpoints;

class BaselineComparisonTest {
    static final Baseline BASE = Baseline.of(Fixtures.summary(9.40e9, "00112233aabbccdd"), Tolerance.DEFAULT,
            Map.of("events", Tolerance.EXACT, "hosts.*.cpuUtilization", new Tolerance(0, 0.05)));

    @Test
    void withinToleranceAndSameDigestPasses() {
        BaselineComparison c = BaselineComparison.compare(BASE, Fixtures.summary(9.45e9, "00112233aabbccdd"));
        assertTrue(c.passed(), c.format());
        assertTrue(c.format().endsWith("checks passed"));
    }

    @Test
    void changeBeyondToleranceFailsWithAReadableRow() {
        BaselineComparison c = BaselineComparison.compare(BASE, Fixtures.summary(9.00e9, "00112233aabbccdd"));
        assertFalse(c.passed());
        assertEquals(List.of("goodputBitsPerSec.total", "connections.w0.c0.goodputBitsPerSec"),
                c.failures().stream().map(BaselineComparison.Item::name).toList());
        String text = c.format();
        assertTrue(text.contains("FAIL  connections.w0.c0.goodputBitsPerSec"), text);
        assertTrue(text.contains("baseline 9400000000") && text.contains("actual 9000000000"), text);
        assertTrue(text.contains("-4.26%") && text.contains("allowed +-1.00%"), text);
    }

    @Test
    void digestIntegrityAndStructureChangesFail() {
        SummaryReport s = Fixtures.summary(9.40e9, "ffff000000000000");
        BaselineComparison c = BaselineComparison.compare(BASE, s);
        assertEquals(List.of("traceDigest"), c.failures().stream().map(BaselineComparison.Item::name).toList());
        SummaryReport bad = new SummaryReport(s.scenario(), s.seed(), s.simTimePs(), s.wallTimeMs(), s.events(),
                List.of(new ConnectionReport("w0.c0", "a", "b", 67_108_864, 9.4e9, 3, true, 0,
                        "byte 4096: expected 0x1f, got 0x00")), s.hosts(), s.nics().subList(0, 1), "00112233aabbccdd");
        List<String> failed = BaselineComparison.compare(BASE, bad).failures().stream()
                .map(BaselineComparison.Item::name).toList();
        assertTrue(failed.contains("integrityFailures") && failed.contains("connections.w0.c0.integrity"), failed.toString());
        assertTrue(failed.contains("nics.b.offloads"), "a missing NIC is a failure: " + failed);
    }

    @Test
    void perMetricTolerancesAndGlobs() {
        assertEquals(Tolerance.EXACT, BASE.toleranceFor("events"));
        assertEquals(new Tolerance(0, 0.05), BASE.toleranceFor("hosts.b.cpuUtilization"));
        assertEquals(Tolerance.DEFAULT, BASE.toleranceFor("hosts.b.cyclesPerByteRx"));
        SummaryReport s = Fixtures.summary(9.40e9, "00112233aabbccdd");
        SummaryReport moreEvents = new SummaryReport(s.scenario(), s.seed(), s.simTimePs(), s.wallTimeMs(),
                s.events() + 1, s.connections(), s.hosts(), s.nics(), s.traceDigest());
        assertEquals(List.of("events"), BaselineComparison.compare(BASE, moreEvents).failures().stream()
                .map(BaselineComparison.Item::name).toList(), "events are exact even though +1 is within 1%");
    }

    /** {@link #BASE} with checkpoints of a 1,234,567-event run. */
    static Baseline withCheckpoints() {
        return Baseline.of(Fixtures.summary(9.40e9, "00112233aabbccdd"), Tolerance.DEFAULT, Map.of(),
                new TrajectoryCheckpoints(32, 1_234_567, new char[1_234_567 / 32]));
    }

    @Test
    void baselineRoundTripsThroughItsFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("b.json");
        BASE.write(f);
        Baseline back = Baseline.read(f);
        assertEquals(BASE, back);
        assertTrue(BaselineComparison.compare(back, Fixtures.summary(9.40e9, "00112233aabbccdd")).passed());
        Baseline cp = withCheckpoints();
        cp.write(f);
        assertEquals(cp, Baseline.read(f));
        assertEquals(cp.trajectory().decoded(), Baseline.read(f).trajectory().decoded());
    }

    @Test
    void aBaselineWrittenBeforeCheckpointsReadsAndSaysHowToLocateAMismatch(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("old.json");
        BASE.write(f);
        String text = Files.readString(f);
        assertFalse(text.contains("trajectory\" : {"), text);
        Files.writeString(f, text.replace(",\n  \"trajectory\" : null", ""));
        Baseline old = Baseline.read(f);
        BaselineComparison c = BaselineComparison.compare(old, Fixtures.summary(9.40e9, "ffff000000000000"));
        assertTrue(c.format().contains("re-record it with --update-baseline"), c.format());
        BaselineComparison located = BaselineComparison.compare(withCheckpoints(),
                Fixtures.summary(9.40e9, "ffff000000000000"));
        assertTrue(located.format().contains("this run did not compare its trajectory"), located.format());
    }
}
