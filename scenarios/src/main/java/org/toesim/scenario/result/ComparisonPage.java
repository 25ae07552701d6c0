package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
     * @param charts   charts from {@link ComparisonCharts#of}
     * @param runLinks relative links to each run's own index.html, with their names
     */
    public static void write(Path dir, String title, String table, List<Chart> charts, List<String[]> runLinks)
            throws IOException {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
                .append(SvgChartWriter.esc(title)).append("</title></head>\n<body style=\"font-family:sans-serif\">\n")
                .append("<h1>").append(SvgChartWriter.esc(title)).append("</h1>\n<pre>")
                .append(SvgChartWriter.esc(table)).append("</pre>\n");
        for (Chart c : charts) {
            Path svg = dir.resolve(c.fileStem() + ".svg");
            Files.writeString(svg, SvgChartWriter.render(c), StandardCharsets.UTF_8);
            PngChartWriter.write(c, dir.resolve(c.fileStem() + ".png"));
            html.append("<p><img src=\"").append(svg.getFileName()).append("\" alt=\"")
                    .append(SvgChartWriter.esc(c.title())).append("\"></p>\n");
        }
        html.append("<h2>Each run</h2>\n<ul>\n");
        for (String[] link : runLinks) {
            html.append("<li><a href=\"").append(SvgChartWriter.esc(link[1])).append("\">")
                    .append(SvgChartWriter.esc(link[0])).append("</a></li>\n");
        }
        html.append("</ul>\n</body></html>\n");
        Files.writeString(dir.resolve("index.html"), html.toString(), StandardCharsets.UTF_8);
    }
}
