package org.toesim.scenario.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;

class ComparisonChartsTest {
    private static TimeSeries series(int rows, double base) {
        TimeSeries ts = new TimeSeries(Units.PS_PER_MS, List.of("server.cpuUtilization", "w0.c0.cwndBytes"));
        for (int r = 1; r <= rows; r++) {
            ts.addRow(r * Units.PS_PER_MS, base + r, 1000.0 * r);
        }
        return ts;
    }

    @Test
    void oneLinePerRunOnTheLongestTimeAxisWithShorterRunsEndingEarly() {
        Map<String, TimeSeries> runs = new LinkedHashMap<>();
        runs.put("host-stack", series(3, 0.5));
        runs.put("toe", series(2, 0.0));
        List<Chart> charts = ComparisonCharts.of(runs, List.of(
                new ComparisonCharts.Curve("server", "cpuUtilization", "receiver CPU"),
                new ComparisonCharts.Curve("server", "missingMetric", "absent everywhere")));
        assertEquals(1, charts.size(), "a curve no run has is left out");
        Chart c = charts.get(0);
        assertEquals("receiver CPU", c.title());
        assertEquals(List.of("host-stack", "toe"), c.labels());
        assertArrayEquals(new double[] {1, 2, 3}, c.xMs());
        assertArrayEquals(new double[] {1.5, 2.5, 3.5}, c.lines().get(0));
        assertArrayEquals(new double[] {1, 2, Double.NaN}, c.lines().get(1));
        // the SVG writer skips the missing point instead of drawing it at zero
        String svg = SvgChartWriter.render(c);
        assertEquals(2, svg.split("<polyline", -1).length - 1);
    }
}
