package org.toesim.scenario.result;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void theJournalGivesBackExactlyTheNumbersRecorded() throws Exception {
        SweepPlan plan = new SweepPlan(List.of(SweepPlan.Param.parse("a=1,2")), 1);
        List<SweepPlan.Run> runs = plan.runs(7);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("z", 0.1 + 0.2);
        m.put("nan", Double.NaN);
        m.put("inf", Double.POSITIVE_INFINITY);
        m.put("negZero", -0.0);
        m.put("tiny", Double.MIN_VALUE);
        m.put("big", 9.007199254740993e15);
        SweepResults.RunRow row = new SweepResults.RunRow(runs.get(1), m);
        Path target = dir.resolve("s");
        try (SweepDirectory d = SweepDirectory.create(target, Map.of("plan", 1))) {
            d.record(row);
        }
        try (SweepDirectory d = SweepDirectory.resume(target, Map.of("plan", 1), runs)) {
            assertEquals(List.of(row), d.finished());
            assertEquals(List.copyOf(m.keySet()), List.copyOf(d.finished().get(0).metrics().keySet()), "order kept");
        }
    }
}
