package org.toesim.scenario.figure;

import java.util.List;
import java.util.Objects;

/**
 * One plot, independent of its file format: {@link FigureRenderer} draws it as PNG and as SVG
 * from the same JFreeChart drawing, so both formats show the same colours, labels and units.
 *
 * @param name    file stem ({@code plot-cwndBytes}); letters, digits, '-' and '_' only
 * @param title   title above the plot
 * @param x       x axis
 * @param y       y axis
 * @param series  what is drawn, in legend order (colours follow this order)
 * @param markers vertical lines with labels
 */
public record Figure(String name, String title, Axis x, Axis y, List<Series> series, List<Marker> markers) {
    public Figure {
        Objects.requireNonNull(title, "title");
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("figure name '" + name + "' must be letters, digits, '-' or '_'");
        }
        series = List.copyOf(series);
        markers = List.copyOf(markers);
    }

    /** A figure without markers. */
    public Figure(String name, String title, Axis x, Axis y, List<Series> series) {
        this(name, title, x, y, series, List.of());
    }

    /** A file stem made of {@code s}, with every other character replaced by '_'. */
    public static String stem(String s) {
        return s.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
