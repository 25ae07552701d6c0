package org.toesim.scenario.experiment;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Draws a {@link Findings.Figure} as a PNG: measured curves with 95 % interval bars, model curves dashed. */
final class FigureWriter {
    /** One palette for every figure (colour-blind-safe, Okabe and Ito). */
    private static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000)};

    private FigureWriter() {
    }

    /** A log axis labelled in plain numbers (1,000, 10,000) rather than powers. */
    private static LogarithmicAxis log(String label) {
        LogarithmicAxis a = new LogarithmicAxis(label);
        a.setExpTickLabelsFlag(false);
        a.setLog10TickLabelsFlag(false);
        a.setStrictValuesFlag(false);
        a.setAutoRangeNextLogFlag(true);
        return a;
    }

    static void png(Findings.Figure f, Path file) throws IOException {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (Findings.Curve c : f.curves()) {
            YIntervalSeries s = new YIntervalSeries(c.name(), false, true);
            for (double[] p : c.points()) {
                s.add(p[0], p[1], p[2], p[3]);
            }
            data.addSeries(s);
        }
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setErrorPaint(Color.DARK_GRAY);
        for (int i = 0; i < f.curves().size(); i++) {
            Findings.Curve c = f.curves().get(i);
            r.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            r.setSeriesLinesVisible(i, true);
            r.setSeriesShapesVisible(i, !c.model());
            r.setSeriesStroke(i, c.model() ? new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {6f, 4f}, 0f) : new BasicStroke(2f));
        }
        ValueAxis x = f.logX() ? log(f.xLabel()) : new NumberAxis(f.xLabel());
        ValueAxis y = f.logY() ? log(f.yLabel()) : new NumberAxis(f.yLabel());
        if (y instanceof NumberAxis ny && !(y instanceof LogarithmicAxis)) {
            ny.setAutoRangeIncludesZero(true);
        }
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        JFreeChart chart = new JFreeChart(f.title(), JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 560);
    }
}
