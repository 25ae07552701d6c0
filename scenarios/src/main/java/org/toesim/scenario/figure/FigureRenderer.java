package org.toesim.scenario.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Stroke;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CrosshairState;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYBarRenderer;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * Draws a {@link Figure} with JFreeChart, once, and writes that drawing as PNG (Java2D raster)
 * or SVG (JFreeSVG's Graphics2D): the two formats cannot drift apart. Axes are labelled with the
 * unit chosen for their data ({@link Quantity#scaleFor}); series take {@link Palette}'s colours
 * in order; a categorical {@link Axis} is drawn with its names as ticks (JFreeChart's SymbolAxis).
 * Output is a function of the figure alone (SVG ids are derived from the figure's name,
 * not the clock), so identical runs write identical files. Needs {@code java.awt.headless=true}
 * where there is no display (the command line sets it).
 */
public final class FigureRenderer {
    /** Default size in pixels. */
    public static final int WIDTH = 900;
    public static final int HEIGHT = 520;
    /** More markers than this are drawn without their labels, which would overlap. */
    private static final int MAX_LABELLED_MARKERS = 8;
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Stroke DASH = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    private static final Stroke MARKER = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 3f}, 0f);

    private FigureRenderer() {
    }

    /** Writes the figure as a PNG file. */
    public static void png(Figure f, Path file) throws IOException {
        ChartUtils.saveChartAsPNG(file.toFile(), chart(f), WIDTH, HEIGHT);
    }

    /** Writes the figure as an SVG file. */
    public static void svg(Figure f, Path file) throws IOException {
        Files.writeString(file, svg(f), StandardCharsets.UTF_8);
    }

    /** The figure as an SVG document. */
    public static String svg(Figure f) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        g.setDefsKeyPrefix(f.name() + "-");
        g.setGeomDoubleConverter(FigureRenderer::oneDecimal); // a tenth of a pixel is finer than any screen
        chart(f).draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGDocument();
    }

    /** {@code v} with at most one decimal, locale-independent (SVG coordinates). */
    private static String oneDecimal(double v) {
        return java.math.BigDecimal.valueOf(Math.round(v * 10), 1).stripTrailingZeros().toPlainString();
    }

    /** The JFreeChart drawing both formats come from (public for tests and for embedding in a Swing view). */
    public static JFreeChart chart(Figure f) {
        Quantity.Scale xs = f.x().quantity().scaleFor(maxAbs(f, true));
        Quantity.Scale ys = f.y().quantity().scaleFor(maxAbs(f, false));
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(f.x(), xs, false));
        plot.setRangeAxis(axis(f.y(), ys, true));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(GRID);
        plot.setRangeGridlinePaint(GRID);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        DefaultTableXYDataset stacked = null;
        StackedXYBarRenderer stackRenderer = null;
        int datasets = 0;
        for (int i = 0; i < f.series().size(); i++) {
            Series s = f.series().get(i);
            if (s.style() == Series.Style.STACKED_BARS) {
                if (stacked == null) {
                    stacked = new DefaultTableXYDataset();
                    stackRenderer = new StackedXYBarRenderer(0.15);
                    stackRenderer.setBarPainter(new StandardXYBarPainter());
                    stackRenderer.setShadowVisible(false);
                    plot.setDataset(datasets, stacked);
                    plot.setRenderer(datasets, stackRenderer);
                    datasets++;
                }
                XYSeries out = new XYSeries(s.name(), true, false);
                for (int k = 0; k < s.x().length; k++) {
                    out.add(xs.apply(s.x()[k]), Double.isFinite(s.y()[k]) ? ys.apply(s.y()[k]) : 0);
                }
                stackRenderer.setSeriesPaint(stacked.getSeriesCount(), Palette.colour(i));
                stacked.addSeries(out);
                continue;
            }
            plot.setDataset(datasets, dataset(s, xs, ys, f.x().log(), f.y().log()));
            XYItemRenderer r = renderer(s.style(), s.low() != null);
            r.setSeriesPaint(0, Palette.colour(i));
            plot.setRenderer(datasets, r);
            datasets++;
        }
        boolean labelled = f.markers().size() <= MAX_LABELLED_MARKERS;
        for (Marker m : f.markers()) {
            ValueMarker vm = new ValueMarker(xs.apply(m.x()), Color.GRAY, MARKER);
            if (labelled) {
                vm.setLabel(m.label());
                vm.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                vm.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                vm.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            }
            plot.addDomainMarker(vm);
        }
        JFreeChart chart = new JFreeChart(f.title(), new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static ValueAxis axis(Axis a, Quantity.Scale scale, boolean range) {
        String label = scale.unit().isEmpty() ? a.label() : a.label() + " (" + scale.unit() + ")";
        if (a.categorical()) {
            SymbolAxis names = new SymbolAxis(a.label(), a.categories().toArray(String[]::new));
            names.setGridBandsVisible(false);
            return names;
        }
        if (a.log()) {
            LogarithmicAxis log = new LogarithmicAxis(label);
            log.setExpTickLabelsFlag(false);
            log.setLog10TickLabelsFlag(false);
            log.setStrictValuesFlag(false); // non-positive points are left out of the data, not an error
            log.setAutoRangeNextLogFlag(true);
            return log;
        }
        NumberAxis n = new NumberAxis(label);
        n.setAutoRangeIncludesZero(range);
        return n;
    }

    private static XYItemRenderer renderer(Series.Style style, boolean intervals) {
        switch (style) {
            case POINTS -> {
                XYErrorRenderer r = new IntervalRenderer();
                r.setDrawXError(false);
                r.setDrawYError(intervals);
                r.setErrorPaint(Color.DARK_GRAY);
                r.setSeriesLinesVisible(0, true);
                r.setSeriesShapesVisible(0, true);
                r.setSeriesStroke(0, new BasicStroke(2f));
                return r;
            }
            case DASHED -> {
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
                r.setDrawSeriesLineAsPath(true);
                r.setSeriesStroke(0, DASH);
                return r;
            }
            case STEP -> {
                XYStepRenderer r = new XYStepRenderer();
                r.setSeriesStroke(0, new BasicStroke(2f));
                return r;
            }
            case BARS -> {
                XYBarRenderer r = new XYBarRenderer(0.05);
                r.setBarPainter(new StandardXYBarPainter());
                r.setShadowVisible(false);
                return r;
            }
            default -> {
                XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
                r.setDrawSeriesLineAsPath(true); // one SVG path per line, not one element per segment
                r.setSeriesStroke(0, new BasicStroke(1.6f));
                return r;
            }
        }
    }

    private static XYDataset dataset(Series s, Quantity.Scale xs, Quantity.Scale ys, boolean logX, boolean logY) {
        if (s.style() == Series.Style.POINTS) {
            YIntervalSeries out = new YIntervalSeries(s.name(), false, true);
            for (int i = 0; i < s.x().length; i++) {
                if (drawable(s.x()[i], logX) && drawable(s.y()[i], logY)) {
                    double y = ys.apply(s.y()[i]);
                    double lo = s.low() == null ? y : ys.apply(s.low()[i]);
                    double hi = s.high() == null ? y : ys.apply(s.high()[i]);
                    out.add(xs.apply(s.x()[i]), y, logY && lo <= 0 ? y : lo, hi);
                }
            }
            YIntervalSeriesCollection c = new YIntervalSeriesCollection();
            c.addSeries(out);
            return c;
        }
        XYSeries out = new XYSeries(s.name(), false, true);
        for (int i = 0; i < s.x().length; i++) {
            if (drawable(s.x()[i], logX) && drawable(s.y()[i], logY)) {
                out.add(xs.apply(s.x()[i]), ys.apply(s.y()[i]));
            }
        }
        XYSeriesCollection c = new XYSeriesCollection(out);
        if (s.style() == Series.Style.BARS && out.getItemCount() > 1) {
            // equal-width bins: a bar as wide as the distance between neighbouring bin centres
            c.setIntervalWidth(out.getX(1).doubleValue() - out.getX(0).doubleValue());
        }
        return c;
    }

    /**
     * Points with their interval bars; a point whose interval is NaN (one observation: no
     * interval) is drawn without a bar rather than with a zero-height one.
     */
    private static final class IntervalRenderer extends XYErrorRenderer {
        private static final long serialVersionUID = 1L;

        @Override
        public void drawItem(Graphics2D g2, XYItemRendererState state, Rectangle2D dataArea, PlotRenderingInfo info,
                             XYPlot plot, ValueAxis domainAxis, ValueAxis rangeAxis, XYDataset dataset, int series,
                             int item, CrosshairState crosshairState, int pass) {
            XYDataset d = dataset;
            if (dataset instanceof IntervalXYDataset ixy && (Double.isNaN(ixy.getStartYValue(series, item))
                    || Double.isNaN(ixy.getEndYValue(series, item)))) {
                d = new PointsOnly(ixy); // not an IntervalXYDataset: the superclass draws no bar for it
            }
            super.drawItem(g2, state, dataArea, info, plot, domainAxis, rangeAxis, d, series, item, crosshairState,
                    pass);
        }
    }

    /** The x and y values of an interval dataset, without its intervals. */
    private static final class PointsOnly extends AbstractXYDataset {
        private static final long serialVersionUID = 1L;
        private final transient IntervalXYDataset data;

        PointsOnly(IntervalXYDataset data) {
            this.data = data;
        }

        @Override
        public int getSeriesCount() {
            return data.getSeriesCount();
        }

        @Override
        public Comparable<?> getSeriesKey(int series) {
            return data.getSeriesKey(series);
        }

        @Override
        public int getItemCount(int series) {
            return data.getItemCount(series);
        }

        @Override
        public Number getX(int series, int item) {
            return data.getX(series, item);
        }

        @Override
        public Number getY(int series, int item) {
            return data.getY(series, item);
        }
    }

    private static boolean drawable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static double maxAbs(Figure f, boolean x) {
        double m = 0;
        for (Series s : f.series()) {
            double[] v = x ? s.x() : s.y();
            for (double d : v) {
                if (Double.isFinite(d)) {
                    m = Math.max(m, Math.abs(d));
                }
            }
            if (!x && s.high() != null) {
                for (double d : s.high()) {
                    if (Double.isFinite(d)) {
                        m = Math.max(m, Math.abs(d));
                    }
                }
            }
        }
        if (x) {
            for (Marker mk : f.markers()) {
                m = Math.max(m, Math.abs(mk.x()));
            }
        }
        return m;
    }
}
