package org.toesim.scenario.chart;

import org.toesim.core.units.Units;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A Mermaid {@code sequenceDiagram} of the first {@code max} records: participants in
 * {@link Lifelines} display order (only those the kept records use), an arrow
 * {@code from->>to: Event k=v, ... @ time (+latency)} per message and a
 * {@code Note over X: Event k=v @ time} per local event, in trace order. When records were left
 * out a final note says how many.
 */
public final class MermaidWriter {
    private record Entry(int from, int to, String text) {
    }

    private final int max;
    private final List<Entry> entries = new ArrayList<>();
    private long omitted;

    /** Keeps at most {@code max} records (arrows and notes together); 0 = all. */
    public MermaidWriter(int max) {
        this.max = max;
    }

    /** Offers one record that passed the filters; {@code toId} is -1 for a local event on {@code fromId}. */
    void accept(TraceEvent e, int fromId, int toId) {
        if (max > 0 && entries.size() >= max) {
            omitted++;
            return;
        }
        String summary = FieldSummary.of(e.fields());
        StringBuilder text = new StringBuilder(e.event());
        if (!summary.isEmpty()) {
            text.append(' ').append(summary);
        }
        text.append(" @ ").append(Units.formatTime(e.timePs()));
        if (e.isMessage() && e.sentPs() != e.timePs()) {
            text.append(" (+").append(Units.formatTime(e.timePs() - e.sentPs())).append(')');
        }
        entries.add(new Entry(fromId, toId, text.toString()));
    }

    /** Records written. */
    public int kept() {
        return entries.size();
    }

    /** Records left out by the cap. */
    public long omitted() {
        return omitted;
    }

    /** Writes the diagram; {@code order} is the lifeline display order, {@code names} the names by id. */
    void write(Writer out, int[] order, List<String> names, String title) throws IOException {
        out.write("%% ToeSim sequence chart: " + oneLine(title) + "\n");
        out.write("sequenceDiagram\n");
        BitSet used = new BitSet();
        for (Entry e : entries) {
            used.set(e.from);
            if (e.to >= 0) {
                used.set(e.to);
            }
        }
        if (entries.isEmpty()) {
            out.write("    participant trace\n");
            out.write("    Note over trace: no records match the filters\n");
            return;
        }
        String[] ids = new String[names.size()];
        Set<String> taken = new HashSet<>();
        String first = null;
        String last = null;
        for (int id : order) {
            if (used.get(id)) {
                ids[id] = uniqueId(names.get(id), taken);
                out.write("    participant " + ids[id] + " as " + escape(names.get(id)) + "\n");
                first = first == null ? ids[id] : first;
                last = ids[id];
            }
        }
        for (Entry e : entries) {
            if (e.to >= 0) {
                out.write("    " + ids[e.from] + "->>" + ids[e.to] + ": " + escape(e.text) + "\n");
            } else {
                out.write("    Note over " + ids[e.from] + ": " + escape(e.text) + "\n");
            }
        }
        if (omitted > 0) {
            String over = first.equals(last) ? first : first + "," + last;
            out.write("    Note over " + over + ": " + omitted + " more records left out (at most " + max
                    + " shown)\n");
        }
    }

    /** A Mermaid participant id: letters, digits and '_' ({@code b.driver} becomes {@code b_driver}). */
    private static String uniqueId(String name, Set<String> taken) {
        String id = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
            id = "p_" + id;
        }
        String candidate = id;
        for (int n = 2; !taken.add(candidate); n++) {
            candidate = id + "_" + n;
        }
        return candidate;
    }

    /** Mermaid message text: '#', ';', '<' and '>' as entity codes, no line breaks. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '#' -> sb.append("#35;");
                case ';' -> sb.append("#59;");
                case '<' -> sb.append("#lt;");
                case '>' -> sb.append("#gt;");
                case '\n', '\r', '\t' -> sb.append(' ');
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
