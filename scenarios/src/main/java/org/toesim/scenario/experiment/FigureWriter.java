package org.toesim.scenario.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.toesim.scenario.figure.Axis;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.FigureRenderer;
import org.toesim.scenario.figure.Quantity;
import org.toesim.scenario.figure.Series;

/**
 * Draws a {@link Findings.Figure} through the one {@link FigureRenderer}: measured curves as
 * points with 95 % interval bars, model curves dashed. The findings' axis labels already name
 * their units, so the axes are {@link Quantity#PLAIN}.
 */
final class FigureWriter {
    private FigureWriter() {
    }

    static Figure figure(Findings.Figure f) {
        List<Series> series = new ArrayList<>();
        for (Findings.Curve c : f.curves()) {
            int n = c.points().size();
            double[] x = new double[n];
            double[] y = new double[n];
            double[] lo = new double[n];
            double[] hi = new double[n];
            for (int i = 0; i < n; i++) {
                double[] p = c.points().get(i);
                x[i] = p[0];
                y[i] = p[1];
                lo[i] = p[2];
                hi[i] = p[3];
            }
            series.add(c.model() ? Series.of(c.name(), x, y, Series.Style.DASHED)
                    : new Series(c.name(), x, y, lo, hi, Series.Style.POINTS));
        }
        return new Figure(Figure.stem(f.name()), f.title(), new Axis(f.xLabel(), Quantity.PLAIN, f.logX()),
                new Axis(f.yLabel(), Quantity.PLAIN, f.logY()), series);
    }

    static void png(Findings.Figure f, Path file) throws IOException {
        FigureRenderer.png(figure(f), file);
    }

    static void svg(Findings.Figure f, Path file) throws IOException {
        FigureRenderer.svg(figure(f), file);
    }
}
