package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.FigureRenderer;
import org.toesim.scenario.figure.Marker;
import org.toesim.scenario.spec.OutputSpec;
import org.toesim.scenario.spec.PlotFormat;

/**
 * Writes one run's results into a directory:
 * <pre>
 *   summary.json       SummaryReport
 *   scalars.csv        every number of summary.json as section,subject,metric,value
 *   timeseries.csv     when the series has rows
 *   latency.csv        every request / short-connection latency, when a workload measures them
 *   plot-&lt;metric&gt;.png/.svg   one per metric, in the formats the scenario asks for
 *   plot-latency-cdf, plot-latency-hist-&lt;row&gt;   with latency samples
 *   index.html         summary tables and the plots
 * </pre>
 */
public final class ResultWriter {
    /** Files the run itself may have written into the directory, linked from index.html when present. */
    private static final List<String> OUTPUT_FILES = List.of("sequence.html", "sequence.mmd", "trace.jsonl");

    private ResultWriter() {
    }

    /** {@code latency.csv}: one row per sample, in completion order: connection, kind, index, latencyPs. */
    private static void writeLatencies(List<LatencySamples> rows, Path file) throws IOException {
        List<List<String>> table = new ArrayList<>();
        for (LatencySamples r : rows) {
            double[] v = r.valuesPs();
            for (int i = 0; i < v.length; i++) {
                table.add(List.of(r.connection(), r.kind(), Integer.toString(i), CsvWriter.number(v[i])));
            }
        }
        CsvWriter.writeTable(List.of("connection", "kind", "index", "latencyPs"), table, file);
    }

    /** Writes everything; returns the files written, relative to {@code dir}. */
    public static List<String> write(RunResult result, OutputSpec outputs, Path dir) throws IOException {
        List<String> files = new ArrayList<>();
        ResultJson.MAPPER.writeValue(dir.resolve("summary.json").toFile(), result.summary());
        files.add("summary.json");
        ScalarsCsv.write(result.summary(), dir.resolve("scalars.csv"));
        files.add("scalars.csv");
        List<String> images = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        TimeSeries ts = result.timeSeries();
        if (!ts.isEmpty()) {
            CsvWriter.writeTimeSeries(ts, dir.resolve("timeseries.csv"));
            files.add("timeseries.csv");
            List<Marker> markers = new ArrayList<>();
            for (HandoffEvent h : result.handoffs()) {
                markers.add(new Marker(h.timePs(), h.label()));
            }
            figures.addAll(TimeSeriesFigures.of(ts, markers));
        }
        figures.addAll(CpuFigures.of(result.summary()));
        if (!result.latencies().isEmpty()) {
            writeLatencies(result.latencies(), dir.resolve("latency.csv"));
            files.add("latency.csv");
            figures.addAll(LatencyFigures.of(result.latencies()));
        }
        for (Figure figure : figures) {
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
