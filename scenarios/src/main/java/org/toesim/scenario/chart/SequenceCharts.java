package org.toesim.scenario.chart;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The library entry point: reads a trace once and writes {@code sequence.html} and
 * {@code sequence.mmd} into a directory. The same trace and options give byte-identical files.
 *
 * <pre>
 *   ChartSummary s = SequenceCharts.write(out.resolve("trace.jsonl"), out, ChartOptions.all("trace.jsonl"));
 * </pre>
 */
public final class SequenceCharts {
    /** File name of the interactive chart. */
    public static final String HTML = "sequence.html";
    /** File name of the Mermaid diagram. */
    public static final String MERMAID = "sequence.mmd";

    private SequenceCharts() {
    }

    /**
     * Writes both charts of {@code trace} into {@code outDir} (created if missing).
     *
     * @throws ChartInputException the trace cannot be read ({@code file:line: ...}), or the chosen
     *                             connection is not in it
     * @throws IOException         reading or writing failed
     */
    public static ChartSummary write(Path trace, Path outDir, ChartOptions options)
            throws IOException, ChartInputException {
        Files.createDirectories(outDir);
        Lifelines lifelines = new Lifelines();
        Connections conns = new Connections();
        ChartFilter filter = new ChartFilter(options);
        MermaidWriter mermaid = new MermaidWriter(options.mermaidMax());
        Path html = outDir.resolve(HTML);
        Path mmd = outDir.resolve(MERMAID);
        try (ChartColumns cols = new ChartColumns(outDir)) {
            long read = new TraceReader().read(trace, e -> {
                int component = lifelines.id(e.component());
                int from = e.isMessage() ? lifelines.id(e.from()) : component;
                int to = e.isMessage() ? lifelines.id(e.to()) : -1;
                int conn = e.conn() == null ? -1 : conns.id(e.conn());
                if (filter.accepts(e)) {
                    try {
                        cols.add(e, component, from, to, conn);
                    } catch (IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                    mermaid.accept(e, from, to);
                }
            });
            if (options.conn() != null && conns.find(options.conn()) < 0) {
                throw new ChartInputException(trace + ": no record of connection '" + options.conn()
                        + "'" + known(conns.labels()));
            }
            new HtmlSequenceChart().write(html, cols, lifelines, conns, options);
            try (Writer w = Files.newBufferedWriter(mmd, StandardCharsets.UTF_8)) {
                mermaid.write(w, lifelines.displayOrder(options.focusHost()), lifelines.names(), options.title());
            }
            return new ChartSummary(html, mmd, read, cols.size(), cols.usedLifelines().cardinality(), mermaid.kept(),
                    mermaid.omitted(), Files.size(html));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String known(List<String> labels) {
        if (labels.isEmpty()) {
            return " (the trace has no conn fields)";
        }
        List<String> shown = labels.subList(0, Math.min(5, labels.size()));
        return " (connections in the trace: " + String.join(", ", shown) + (labels.size() > 5 ? ", ..." : "") + ")";
    }
}
