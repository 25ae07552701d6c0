package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes a {@link Chart} as a PNG with JFreeChart; the JVM must run with {@code java.awt.headless=true} where there is no display (Main sets it). */
public final class PngChartWriter {
    private PngChartWriter() {
    }

    public static void write(Chart chart, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        for (int i = 0; i < chart.lines().size(); i++) {
            XYSeries s = new XYSeries(chart.labels().get(i), false, true);
            double[] y = chart.lines().get(i);
            for (int r = 0; r < chart.xMs().length; r++) {
                if (Double.isFinite(y[r])) {
                    s.add(chart.xMs()[r], y[r]);
                }
            }
            data.addSeries(s);
        }
        JFreeChart jf = ChartFactory.createXYLineChart(chart.title(), "time (ms)", chart.metric(), data,
                PlotOrientation.VERTICAL, true, false, false);
        ChartUtils.saveChartAsPNG(file.toFile(), jf, 720, 400);
    }
}
