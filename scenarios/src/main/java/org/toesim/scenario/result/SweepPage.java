package org.toesim.scenario.result;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.toesim.scenario.figure.Figure;
import org.toesim.scenario.figure.FigureRenderer;

/**
 * A sweep's {@code index.html} and its figures, written from the sweep's results alone (the
 * rows of runs.csv), so a resumed sweep and one run straight through, with any {@code --jobs},
 * write the same files.
 *
 * <pre>
 *   index.html   title, the grid (parameters, values, axis), replications and seeds
 *                warnings: runs that did not finish (red), n &lt; 3, clipped intervals, outliers
 *                per metric its figures (SVG, linking the PNG); metrics constant in every run
 *                summary.csv as a table (mean +- half-width, n); links to the CSV files
 *   sweep-&lt;metric&gt;-vs-&lt;param&gt;.svg|png   one per plotted metric and swept parameter
 * </pre>
 * Opened as {@code index.html#selftest} the page writes, once loaded, the natural size of each
 * figure into {@code <pre id="selftest">} as JSON (the browser test reads it).
 */
public final class SweepPage {
    /** The page's file name. */
    public static final String FILE = "index.html";

    private SweepPage() {
    }

    /**
     * Writes the figures and index.html into {@code dir}.
     *
     * @param title    what the sweep ran (the scenario's name)
     * @param warnings from {@link SweepWarnings#of}
     * @param threads  figures drawn in parallel (each file depends on its figure alone)
     * @return the files written, index.html last
     */
    public static List<String> write(Path dir, String title, SweepResults results, List<SweepWarning> warnings,
                                     int threads) throws IOException {
        List<SweepFigures.MetricFigures> figures = SweepFigures.of(results);
        List<Figure> all = figures.stream().flatMap(m -> m.figures().stream()).toList();
        draw(dir, all, threads);
        List<String> files = new ArrayList<>();
        for (Figure f : all) {
            files.add(f.name() + ".svg");
            files.add(f.name() + ".png");
        }
        Files.writeString(dir.resolve(FILE), html(title, results, warnings, figures), StandardCharsets.UTF_8);
        files.add(FILE);
        return files;
    }

    private static void draw(Path dir, List<Figure> figures, int threads) throws IOException {
        if (figures.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, figures.size())));
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (Figure f : figures) {
                done.add(pool.submit(() -> {
                    FigureRenderer.svg(f, dir.resolve(f.name() + ".svg"));
                    FigureRenderer.png(f, dir.resolve(f.name() + ".png"));
                    return null;
                }));
            }
            for (Future<Void> d : done) {
                d.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing the sweep's figures", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("drawing a sweep figure failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The page's HTML. */
    static String html(String title, SweepResults results, List<SweepWarning> warnings,
                       List<SweepFigures.MetricFigures> figures) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append(" sweep - ToeSim</title>\n<style>")
                .append("body{font-family:sans-serif;margin:2em;max-width:1900px}")
                .append("table{border-collapse:collapse;margin-bottom:1.5em}")
                .append("td,th{border:1px solid #bbb;padding:3px 8px;text-align:left}th{background:#eee}")
                .append("td.num{text-align:right}.bad{color:#c00}.bad td{color:#c00}")
                .append(".warn{background:#fff6e0;border-left:4px solid #e69f00;padding:0.4em 0.8em}")
                .append(".figs{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0}")
                .append("figure img{width:640px;border:1px solid #ddd}figcaption{font-size:90%}")
                .append("</style></head><body>\n");
        b.append("<h1>").append(esc(title)).append(" sweep</h1>\n");
        SweepPageSections.grid(b, results);
        SweepPageSections.warnings(b, warnings);
        SweepPageSections.figures(b, results, figures);
        SweepPageSections.summaryTable(b, results);
        b.append("<p>Files: <a href=\"runs.csv\">runs.csv</a> (one row per run), ")
                .append("<a href=\"summary.csv\">summary.csv</a> (one row per point and metric), <a href=\"warnings.txt\">warnings.txt</a>, ")
                .append("<a href=\"sweep-plan.json\">sweep-plan.json</a>, <a href=\"runs.jsonl\">runs.jsonl</a></p>\n");
        b.append("<pre id=\"selftest\" hidden></pre>\n<script>\n")
                .append("if (/^#selftest/.test(location.hash)) window.addEventListener('load', function () {\n")
                .append("  var imgs = Array.prototype.map.call(document.images, function (i) {\n")
                .append("    return {src: i.getAttribute('src'), complete: i.complete, naturalWidth: i.naturalWidth,")
                .append(" naturalHeight: i.naturalHeight}; });\n")
                .append("  var pre = document.getElementById('selftest');\n")
                .append("  var ok = imgs.length > 0 && imgs.every(function (i) { return i.naturalWidth > 0; });\n")
                .append("  pre.textContent = JSON.stringify({ok: ok, images: imgs,")
                .append(" warnings: document.querySelectorAll('.warning').length});\n")
                .append("  pre.hidden = false; });\n</script>\n</body></html>\n");
        return b.toString();
    }

    static String esc(String s) {
        return Html.esc(s);
    }
}
