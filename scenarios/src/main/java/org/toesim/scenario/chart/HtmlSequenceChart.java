package org.toesim.scenario.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sequence.html}: one self-contained page (inline CSS and JS, no network) that draws the
 * records on a canvas, time downwards, one column per lifeline. The data is columnar, in three
 * inline blocks:
 *
 * <pre>
 *   toesim-meta    JSON: title, lifelines (display order), their host groups, event names, connections
 *   toesim-cols    JSON arrays, one entry per record in time order:
 *                  t (delta of t from the previous record, ps), d (t - sentPs), k (component),
 *                  a (from, or the component of a local event), b (to, -1 for a local event),
 *                  e (event name index), c (connection index, -1 for none)
 *   toesim-fields  text: each record's other fields as one JSON object per line, '&lt;' escaped
 * </pre>
 *
 * The script keeps the columns in typed arrays, finds the visible records by binary search over
 * time and draws at most one arrow per lifeline pair and pixel row, so a view of a million records
 * draws in milliseconds. {@code #selftest} (or {@code #selftest=EventName}) runs a scripted click,
 * pans and zooms and writes timings into {@code <pre id="selftest">}.
 */
public final class HtmlSequenceChart {
    private static final String RESOURCES = "/org/toesim/scenario/chart/";

    private final ObjectMapper mapper = JsonMapper.builder().build();

    /** Writes the page for {@code cols} to {@code file}. */
    void write(Path file, ChartColumns cols, Lifelines lifelines, Connections conns, ChartOptions options)
            throws IOException {
        java.util.BitSet used = cols.usedLifelines();
        int[] position = new int[lifelines.names().size()];
        List<String> names = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int id : lifelines.displayOrder(options.focusHost())) {
            if (used.get(id)) {
                position[id] = names.size();
                names.add(lifelines.names().get(id));
                groups.add(lifelines.group(id));
            }
        }
        int[] order = cols.timeOrder();
        int[] connIndex = new int[conns.labels().size()];
        java.util.Arrays.fill(connIndex, -1);
        List<String> connLabels = new ArrayList<>();
        for (int i : order) {
            int c = cols.conn(i);
            if (c >= 0 && connIndex[c] < 0) {
                connIndex[c] = connLabels.size();
                connLabels.add(conns.labels().get(c));
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("title", options.title());
        meta.put("count", cols.size());
        meta.put("lifelines", names);
        meta.put("groups", groups);
        meta.put("focus", lifelines.focusHost(options.focusHost()));
        meta.put("events", cols.eventNames());
        meta.put("conns", connLabels);
        meta.put("filterConn", options.conn());
        meta.put("filterFromPs", options.fromPs() == Long.MIN_VALUE ? null : options.fromPs());
        meta.put("filterToPs", options.toPs() == Long.MAX_VALUE ? null : options.toPs());

        String[] template = resource("sequence-chart.html").split("\\{\\{DATA}}", -1);
        if (template.length != 2) {
            throw new IllegalStateException("sequence-chart.html must hold {{DATA}} once");
        }
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            ascii(out, template[0].replace("{{TITLE}}", htmlText(options.title()))
                    .replace("{{CSS}}", resource("sequence-chart.css")));
            ascii(out, "<script type=\"application/json\" id=\"toesim-meta\">" + json(meta) + "</script>\n");
            writeColumns(out, cols, order, position, connIndex);
            ascii(out, "<script type=\"text/plain\" id=\"toesim-fields\">");
            cols.copyFields(order, out);
            ascii(out, "</script>\n");
            ascii(out, template[1].replace("{{JS}}", resource("sequence-chart.js")));
        }
    }

    private static void writeColumns(OutputStream out, ChartColumns cols, int[] order, int[] position,
                                     int[] connIndex) throws IOException {
        ascii(out, "<script type=\"application/json\" id=\"toesim-cols\">{\"t\":[");
        long prev = 0;
        for (int n = 0; n < order.length; n++) {
            long t = cols.timePs(order[n]);
            number(out, n, t - prev);
            prev = t;
        }
        ascii(out, "],\n\"d\":[");
        for (int n = 0; n < order.length; n++) {
            number(out, n, cols.timePs(order[n]) - cols.sentPs(order[n]));
        }
        ascii(out, "],\n\"k\":[");
        for (int n = 0; n < order.length; n++) {
            number(out, n, position[cols.component(order[n])]);
        }
        ascii(out, "],\n\"a\":[");
        for (int n = 0; n < order.length; n++) {
            number(out, n, position[cols.from(order[n])]);
        }
        ascii(out, "],\n\"b\":[");
        for (int n = 0; n < order.length; n++) {
            int to = cols.to(order[n]);
            number(out, n, to < 0 ? -1 : position[to]);
        }
        ascii(out, "],\n\"e\":[");
        for (int n = 0; n < order.length; n++) {
            number(out, n, cols.event(order[n]));
        }
        ascii(out, "],\n\"c\":[");
        for (int n = 0; n < order.length; n++) {
            int c = cols.conn(order[n]);
            number(out, n, c < 0 ? -1 : connIndex[c]);
        }
        ascii(out, "]}</script>\n");
    }

    private static void number(OutputStream out, int n, long v) throws IOException {
        if (n > 0) {
            out.write(',');
        }
        ascii(out, Long.toString(v));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise chart metadata", e);
        }
    }

    private static void ascii(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String htmlText(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String resource(String name) throws IOException {
        try (InputStream in = HtmlSequenceChart.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
