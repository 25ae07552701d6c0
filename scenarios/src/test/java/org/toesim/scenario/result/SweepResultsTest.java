package org.toesim.scenario.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepResultsTest {
    @Test
    void studentTIntervalMatchesAHandComputedOne() {
        // x = 10, 12, 14, 16, 18: mean 14, s = sqrt(10) = 3.16228, t(0.975, 4) = 2.776445
        // half-width = 2.776445 * 3.16228 / sqrt(5) = 3.926487
        ConfidenceInterval ci = ConfidenceInterval.of(new double[] {10, 12, 14, 16, 18}, 0.95);
        assertEquals(5, ci.n());
        assertEquals(14.0, ci.mean(), 1e-12);
        assertEquals(Math.sqrt(10), ci.stdDev(), 1e-12);
        assertEquals(3.926487, ci.halfWidth(), 1e-6);
        assertEquals(10.073514, ci.lower(), 1e-6);
        // 90%: t(0.95, 4) = 2.131847 -> 3.014887
        assertEquals(3.014887, ConfidenceInterval.of(new double[] {10, 12, 14, 16, 18}, 0.90).halfWidth(), 1e-5);
        assertTrue(Double.isNaN(ConfidenceInterval.of(new double[] {3}, 0.95).halfWidth()), "one run: no interval");
    }

    @Test
    void gridIsTheCartesianProductWithCommonSeeds() {
        SweepPlan plan = new SweepPlan(List.of(SweepPlan.Param.parse("hosts[1].nic.ccbCapacity=8,1024"),
                SweepPlan.Param.parse("workloads[0].tcp.congestionControl=reno,cubic")), 3);
        assertEquals(List.of(
                List.of("hosts[1].nic.ccbCapacity=8", "workloads[0].tcp.congestionControl=reno"),
                List.of("hosts[1].nic.ccbCapacity=8", "workloads[0].tcp.congestionControl=cubic"),
                List.of("hosts[1].nic.ccbCapacity=1024", "workloads[0].tcp.congestionControl=reno"),
                List.of("hosts[1].nic.ccbCapacity=1024", "workloads[0].tcp.congestionControl=cubic")), plan.points());
        List<SweepPlan.Run> runs = plan.runs(100);
        assertEquals(12, runs.size());
        assertEquals(List.of(100L, 101L, 102L), runs.subList(9, 12).stream().map(SweepPlan.Run::seed).toList());
    }

    @Test
    void aggregatesPerPointAndWritesOneRowPerRun(@TempDir Path dir) throws Exception {
        SweepPlan plan = new SweepPlan(List.of(SweepPlan.Param.parse("seed=1,2")), 5);
        List<SweepResults.RunRow> rows = new ArrayList<>();
        double[] xs = {10, 12, 14, 16, 18};
        for (SweepPlan.Run run : plan.runs(7)) {
            double x = xs[run.replication()] + 100 * run.point();
            rows.add(0, new SweepResults.RunRow(run, Map.of("goodputBitsPerSec.total", x)));
        }
        SweepResults r = new SweepResults(plan, rows, 0.95);
        List<SweepResults.PointSummary> s = r.summarize();
        assertEquals(114.0, s.get(1).metrics().get("goodputBitsPerSec.total").mean(), 1e-12);
        assertEquals(3.926487, s.get(1).metrics().get("goodputBitsPerSec.total").halfWidth(), 1e-6);
        r.write(dir);
        List<String> runsCsv = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals("point,replication,seed,status,seed,goodputBitsPerSec.total", runsCsv.get(0));
        assertEquals(11, runsCsv.size());
        assertEquals("0,0,7,completed,1,10", runsCsv.get(1), "rows sorted by point then replication");
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals("point,seed,metric,n,mean,stdDev,ciLow,ciHigh,halfWidth", summary.get(0));
        assertTrue(summary.get(2).startsWith("1,2,goodputBitsPerSec.total,5,114,3.16227766"), summary.get(2));
    }
}
