package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.FigureRenderer;
import org.toesim.scenario.spec.OutputSpec;
import org.toesim.scenario.spec.PlotFormat;

/**
 * Writes one run's results into a directory:
 * <pre>
 *   summary.json       SummaryReport
 *   timeseries.csv     when the series has rows
 *   plot-&lt;metric&gt;.png/.svg   one per metric, in the formats the scenario asks for
 *   index.html         summary tables and the plots
 * </pre>
 */
public final class ResultWriter {
    /** Files the run itself may have written into the directory, linked from index.html when present. */
    private static final List<String> OUTPUT_FILES = List.of("sequence.html", "sequence.mmd", "trace.jsonl");

    private ResultWriter() {
    }

    /** Writes everything; returns the files written, relative to {@code dir}. */
    public static List<String> write(RunResult result, OutputSpec outputs, Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        ResultJson.MAPPER.writeValue(dir.resolve("summary.json").toFile(), result.summary());
        files.add("summary.json");
        List<String> images = new ArrayList<>();
        TimeSeries ts = result.timeSeries();
        if (!ts.isEmpty()) {
            CsvWriter.writeTimeSeries(ts, dir.resolve("timeseries.csv"));
            files.add("timeseries.csv");
            for (Figure figure : TimeSeriesFigures.of(ts)) {
                String shown = null;
                if (outputs.plots().contains(PlotFormat.PNG)) {
                    String name = figure.name() + ".png";
                    FigureRenderer.png(figure, dir.resolve(name));
                    files.add(name);
                    shown = name;
                }
                if (outputs.plots().contains(PlotFormat.SVG)) {
                    String name = figure.name() + ".svg";
                    FigureRenderer.svg(figure, dir.resolve(name));
                    files.add(name);
                    shown = name;
                }
                if (shown != null) {
                    images.add(shown);
                }
            }
        }
        List<String> outputFiles = new ArrayList<>();
        for (String name : OUTPUT_FILES) {
            if (Files.exists(dir.resolve(name))) {
                outputFiles.add(name);
            }
        }
        try (var listing = Files.list(dir)) {
            listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".pcap")).sorted()
                    .forEach(outputFiles::add);
        }
        Files.writeString(dir.resolve("index.html"), IndexHtmlWriter.render(result.summary(), images, outputFiles),
                StandardCharsets.UTF_8);
        files.add("index.html");
        return files;
    }
}
