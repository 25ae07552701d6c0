package org.toesim.scenario.result;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.jfree.chart.plot.XYPlot;
import org.toesim.core.units.Units;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.FigureRenderer;
import org.toesim.scenario.figure.Quantity;
import org.toesim.scenario.figure.Series;

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
        List<Figure> figures = ComparisonCharts.of(runs, List.of(
                new ComparisonCharts.Curve("server", "cpuUtilization", "receiver CPU"),
                new ComparisonCharts.Curve("server", "missingMetric", "absent everywhere")));
        assertEquals(1, figures.size(), "a curve no run has is left out");
        Figure f = figures.get(0);
        assertEquals("receiver CPU", f.title());
        assertEquals(List.of("host-stack", "toe"), f.series().stream().map(Series::name).toList());
        double ms = Units.PS_PER_MS;
        assertArrayEquals(new double[] {ms, 2 * ms, 3 * ms}, f.series().get(0).x());
        assertArrayEquals(new double[] {1.5, 2.5, 3.5}, f.series().get(0).y());
        assertArrayEquals(new double[] {1, 2, Double.NaN}, f.series().get(1).y());
        assertEquals(Quantity.FRACTION, f.y().quantity(), "a utilisation is drawn in %");
        // the missing point is left out, not drawn at zero: the shorter run's line has 2 points
        XYPlot plot = FigureRenderer.chart(f).getXYPlot();
        assertEquals(3, plot.getDataset(0).getItemCount(0));
        assertEquals(2, plot.getDataset(1).getItemCount(0));
        assertEquals(250.0, plot.getDataset(0).getYValue(0, 1), 1e-9, "a fraction of 2.5 is drawn as 250 %");
    }
}
