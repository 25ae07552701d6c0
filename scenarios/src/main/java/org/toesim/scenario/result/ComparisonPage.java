package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.FigureRenderer;

/**
 * Writes a comparison of several runs into a directory: {@code index.html} with the side-by-side
 * table and one plot per compared measurement (SVG and PNG), linking each run's own page.
 */
public final class ComparisonPage {
    private ComparisonPage() {
    }

    /**
     * @param dir      the (temporary) directory to fill
     * @param title    page title
     * @param table    the side-by-side table as plain text
     * @param figures  figures from {@link ComparisonCharts#of}
     * @param runLinks relative links to each run's own index.html, with their names
     */
    public static void write(Path dir, String title, String table, List<Figure> figures, List<String[]> runLinks)
            throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(Html.esc(title)).append("</title></head>\n<body style=\"font-family:sans-serif\">\n")
                .append("<h1>").append(Html.esc(title)).append("</h1>\n<pre>")
                .append(Html.esc(table)).append("</pre>\n");
        for (Figure f : figures) {
            FigureRenderer.svg(f, dir.resolve(f.name() + ".svg"));
            FigureRenderer.png(f, dir.resolve(f.name() + ".png"));
            html.append("<p><img src=\"").append(f.name()).append(".svg\" alt=\"")
                    .append(Html.esc(f.title())).append("\"></p>\n");
        }
        html.append("<h2>Each run</h2>\n<ul>\n");
        for (String[] link : runLinks) {
            html.append("<li><a href=\"").append(Html.esc(link[1])).append("\">")
                    .append(Html.esc(link[0])).append("</a></li>\n");
        }
        html.append("</ul>\n</body></html>\n");
        Files.writeString(dir.resolve("index.html"), html.toString(), StandardCharsets.UTF_8);
    }
}
