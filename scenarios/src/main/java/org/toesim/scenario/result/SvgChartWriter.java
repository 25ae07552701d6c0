package org.toesim.scenario.result;

import java.util.Locale;

/**
 * Writes a {@link Chart} as a self-contained SVG line chart: axes with round tick values,
 * one polyline per series, a legend. Hand-written to keep the jar free of an SVG library.
 */
public final class SvgChartWriter {
    private static final int W = 720;
    private static final int H = 400;
    private static final int LEFT = 80;
    private static final int RIGHT = 170;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
        "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private SvgChartWriter() {
    }

    /** The SVG document. */
    public static String render(Chart chart) {
        double[] x = chart.xMs();
        double xMin = x.length == 0 ? 0 : x[0];
        double xMax = x.length == 0 ? 1 : x[x.length - 1];
        double yMin = 0;
        double yMax = 0;
        for (double[] line : chart.lines()) {
            for (double v : line) {
                if (Double.isFinite(v)) {
                    yMin = Math.min(yMin, v);
                    yMax = Math.max(yMax, v);
                }
            }
        }
        double[] yTicks = ticks(yMin, yMax == yMin ? yMin + 1 : yMax);
        double[] xTicks = ticks(xMin, xMax == xMin ? xMin + 1 : xMax);
        Axis ax = new Axis(xTicks[0], xTicks[xTicks.length - 1], LEFT, W - RIGHT);
        Axis ay = new Axis(yTicks[0], yTicks[yTicks.length - 1], H - BOTTOM, TOP);
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H)
                .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"").append(W / 2).append("\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">")
                .append(esc(chart.title())).append("</text>\n");
        for (double t : yTicks) {
            double py = ay.map(t);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, py, W - RIGHT, py));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
                    LEFT - 6, py + 4, label(t)));
        }
        for (double t : xTicks) {
            double px = ax.map(t);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n",
                    px, TOP, px, H - BOTTOM));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                    px, H - BOTTOM + 16, label(t)));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                + "stroke=\"#333\"/>%n", LEFT, TOP, W - RIGHT - LEFT, H - BOTTOM - TOP));
        sb.append("<text x=\"").append((LEFT + W - RIGHT) / 2).append("\" y=\"").append(H - 12)
                .append("\" text-anchor=\"middle\">time (ms)</text>\n");
        for (int i = 0; i < chart.lines().size(); i++) {
            String colour = COLOURS[i % COLOURS.length];
            sb.append("<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"").append(colour).append("\" points=\"");
            double[] y = chart.lines().get(i);
            for (int r = 0; r < x.length; r++) {
                if (Double.isFinite(y[r])) {
                    sb.append(String.format(Locale.ROOT, "%.1f,%.1f ", ax.map(x[r]), ay.map(y[r])));
                }
            }
            sb.append("\"/>\n");
            int ly = TOP + 10 + 18 * i;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" "
                    + "stroke-width=\"3\"/>%n", W - RIGHT + 12, ly, W - RIGHT + 32, ly, colour));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", W - RIGHT + 38, ly + 4,
                    esc(chart.labels().get(i))));
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    private record Axis(double lo, double hi, double from, double to) {
        double map(double v) {
            return from + (v - lo) / (hi - lo) * (to - from);
        }
    }

    /** Round tick values (1, 2, 5 x 10^k steps) covering [lo, hi]. */
    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag <= 1 ? mag : raw / mag <= 2 ? 2 * mag : raw / mag <= 5 ? 5 * mag : 10 * mag;
        double start = Math.floor(lo / step) * step;
        int n = (int) Math.ceil((hi - start) / step - 1e-9) + 1;
        double[] t = new double[Math.max(2, n)];
        for (int i = 0; i < t.length; i++) {
            t[i] = start + i * step;
        }
        return t;
    }

    private static String label(double v) {
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e6 || a < 1e-2)) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("\\.?0+$", "");
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
