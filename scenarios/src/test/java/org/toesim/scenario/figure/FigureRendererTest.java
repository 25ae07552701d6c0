package org.toesim.scenario.figure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.junit.jupiter.api.Test;

/** The figure package's categorical axes, points without an interval, and units from metric names. */
class FigureRendererTest {
    private static final double NAN = Double.NaN;

    @Test
    void aCategoricalAxisLabelsItsPositionsWithTheNames() {
        Figure f = new Figure("cc", "goodput by algorithm", Axis.categorical("congestion control", List.of("reno", "cubic")),
                Axis.linear("goodput", Quantity.RATE_BITS_PER_SEC),
                List.of(new Series("mean", new double[] {0, 1}, new double[] {5e9, 6e9}, new double[] {4e9, 5.5e9},
                        new double[] {6e9, 6.5e9}, Series.Style.POINTS)));
        ValueAxis x = FigureRenderer.chart(f).getXYPlot().getDomainAxis();
        assertTrue(x instanceof SymbolAxis, x.getClass().getName());
        assertArrayEquals(new String[] {"reno", "cubic"}, ((SymbolAxis) x).getSymbols());
        String svg = FigureRenderer.svg(f);
        assertTrue(svg.contains(">reno<") && svg.contains(">cubic<"), "tick labels are the names");
        assertTrue(f.x().categorical() && !Axis.linear("t", Quantity.TIME_PS).categorical());
        assertThrows(IllegalArgumentException.class, () -> new Axis("x", Quantity.PLAIN, true, List.of("a")));
    }

    @Test
    void aPointWithANanIntervalHasNoBar() {
        double[] x = {1, 2};
        double[] y = {3, 4};
        Figure none = figure(Series.of("s", x, y, Series.Style.POINTS));
        Figure nan = figure(new Series("s", x, y, new double[] {NAN, NAN}, new double[] {NAN, NAN}, Series.Style.POINTS));
        Figure bars = figure(new Series("s", x, y, new double[] {2, 3}, new double[] {4, 5}, Series.Style.POINTS));
        assertEquals(FigureRenderer.svg(none), FigureRenderer.svg(nan), "NaN ends draw exactly what no interval draws");
        assertNotEquals(FigureRenderer.svg(none), FigureRenderer.svg(bars));
    }

    private static Figure figure(Series s) {
        return new Figure("f", "t", Axis.linear("x", Quantity.PLAIN), Axis.linear("y", Quantity.PLAIN), List.of(s));
    }

    @Test
    void dottedMetricNamesTakeTheUnitOfTheirLastOrFirstPart() {
        assertEquals(Quantity.RATE_BITS_PER_SEC, Quantity.ofMetric("goodputBitsPerSec.total"));
        assertEquals(Quantity.FRACTION, Quantity.ofMetric("hosts.a.cpuUtilization"));
        assertEquals(Quantity.FRACTION, Quantity.ofMetric("nics.b.card.busiestCoreUtilization"));
        assertEquals(Quantity.FRACTION, Quantity.ofMetric("nics.a.pcieUtilizationToHost"));
        assertEquals(Quantity.FRACTION, Quantity.ofMetric("pcieUtilizationToDevice"));
        assertEquals(Quantity.TIME_PS, Quantity.ofMetric("links[0].delayPs"));
        assertEquals(Quantity.FREQUENCY_HZ, Quantity.ofMetric("hosts[1].clockHz"));
        assertEquals(Quantity.PLAIN, Quantity.ofMetric("hosts.someBytes.cyclesPerByteRx"), "a host's name is no unit");
        assertEquals(Quantity.PLAIN, Quantity.ofMetric("connections.w0.c0.retransmits"));
        assertEquals(Quantity.BYTES, Quantity.ofMetric("cwndBytes"));
        assertEquals(new Quantity.Scale("GHz", 1e9), Quantity.FREQUENCY_HZ.scaleFor(1.6e9));
        assertEquals(new Quantity.Scale("MHz", 1e6), Quantity.FREQUENCY_HZ.scaleFor(800e6));
    }
}
