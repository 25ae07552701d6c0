package org.toesim.scenario.result;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.toesim.scenario.figure.Quantity;

/** The numeric column of a swept parameter: base units parsed exactly by sim-core's Units. */
class SweptParameterTest {
    private static SweptParameter of(String param) {
        return SweptParameter.of(SweepPlan.Param.parse(param));
    }

    private static List<String> cells(SweptParameter p) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < p.values().size(); i++) {
            out.add(p.numericCell(i));
        }
        return out;
    }

    @Test
    void quantitiesGetAColumnInBaseUnitsNamedByTheUnit() {
        SweptParameter clock = of("hosts[1].clock=1.6GHz,3GHz,800MHz");
        assertEquals(Optional.of("hosts[1].clockHz"), clock.numericColumn());
        assertEquals(List.of("1600000000", "3000000000", "800000000"), cells(clock));
        assertEquals(Quantity.FREQUENCY_HZ, clock.quantity());

        SweptParameter size = of("workloads[0].size=64KiB,1MiB,1500B,1MB");
        assertEquals(Optional.of("workloads[0].sizeBytes"), size.numericColumn());
        assertEquals(List.of("65536", "1048576", "1500", "1000000"), cells(size));

        SweptParameter delay = of("links[0].delay=10us,1.5ms,250ps,2s");
        assertEquals(Optional.of("links[0].delayPs"), delay.numericColumn());
        assertEquals(List.of("10000000", "1500000000", "250", "2000000000000"), cells(delay));
        assertEquals(Quantity.TIME_PS, delay.quantity());

        SweptParameter rate = of("links[0].rate=10Gbps,100Mbit/s,2.5Gbps");
        assertEquals(Optional.of("links[0].rateBitsPerSec"), rate.numericColumn());
        assertEquals(List.of("10000000000", "100000000", "2500000000"), cells(rate));
        assertEquals(Quantity.RATE_BITS_PER_SEC, Quantity.ofMetric(rate.numericColumn().orElseThrow()),
                "the column's name carries its unit");
    }

    @Test
    void aPlainNumberAmongQuantitiesIsInBaseUnitsAsInAScenarioFile() {
        SweptParameter start = of("workloads[0].start=0,10us");
        assertEquals(Optional.of("workloads[0].startPs"), start.numericColumn());
        assertEquals(List.of("0", "10000000"), cells(start));
        assertFalse(start.logScale(), "0 has no place on a log axis");
    }

    @Test
    void plainNumbersStayNumbersWithoutASecondColumn() {
        SweptParameter ccb = of("hosts[1].nic.ccbCapacity=8,64,1024");
        assertTrue(ccb.numeric());
        assertEquals(Optional.empty(), ccb.numericColumn());
        assertEquals(1024.0, ccb.x(2));
        assertTrue(ccb.logScale(), "8 to 1024 spans more than 20x");
        SweptParameter jitter = of("variation.cpuCostJitter=0.01,0.03");
        assertEquals(Optional.empty(), jitter.numericColumn());
        assertEquals(0.03, jitter.x(1));
        assertFalse(jitter.logScale(), "3x is drawn linear");
    }

    @Test
    void namesMixedUnitsAndInexactValuesAreCategorical() {
        for (String p : List.of("hosts[1].nic.model=toe,plain", "workloads[0].tcp.congestionControl=reno,cubic",
                "x=10us,64KiB", "links[0].delay=0.5ps,1ps", "links[0].delay=2us,-3us", "x=8,toe")) {
            SweptParameter sp = of(p);
            assertFalse(sp.numeric(), p);
            assertEquals(Optional.empty(), sp.numericColumn(), p);
            assertEquals(Quantity.PLAIN, sp.quantity(), p);
        }
    }

    @Test
    void logAxisWhenPositiveValuesSpanMoreThanTwentyTimes() {
        assertTrue(of("links[0].delay=2us,20us,200us").logScale());
        assertFalse(of("links[0].delay=2us,20us").logScale(), "10x");
        assertFalse(of("links[0].delay=2us,40us").logScale(), "exactly 20x");
        assertTrue(of("links[0].delay=2us,41us").logScale());
    }

    @Test
    void runsAndSummaryCarryTheNumericColumnNextToTheLabel(@TempDir Path dir) throws Exception {
        SweepPlan plan = new SweepPlan(List.of(SweepPlan.Param.parse("links[0].delay=2us,1.5ms"),
                SweepPlan.Param.parse("hosts[1].nic.model=plain,toe"), SweepPlan.Param.parse("seed=5")), 1);
        List<SweepResults.RunRow> rows = new ArrayList<>();
        for (SweepPlan.Run run : plan.runs(1)) {
            rows.add(new SweepResults.RunRow(run, Map.of("goodputBitsPerSec.total", 1e9 + run.point())));
        }
        new SweepResults(plan, rows, 0.95).write(dir);
        List<String> runs = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals("point,replication,seed,status,links[0].delay,links[0].delayPs,hosts[1].nic.model,seed,"
                + "goodputBitsPerSec.total", runs.get(0));
        assertEquals("3,0,1,completed,1.5ms,1500000000,toe,5,1000000003", runs.get(4));
        List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
        assertEquals("point,links[0].delay,links[0].delayPs,hosts[1].nic.model,seed,metric,n,mean,stdDev,ciLow,"
                + "ciHigh,halfWidth", summary.get(0));
        assertEquals("1,2us,2000000,toe,5,goodputBitsPerSec.total,1,1000000001,,,,", summary.get(2));
    }
}
