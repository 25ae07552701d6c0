package org.toesim.scenario.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records that go into the HTML chart, column by column: about 40 bytes per record in
 * primitive arrays. Each record's remaining fields (JSON, one line, {@code <} escaped so it can sit
 * inside a {@code <script>}) are spilled to a temporary file, so the heap holds numbers only.
 * Lifeline ids are {@link Lifelines} ids; connection ids are {@link Connections} ids, -1 for none.
 */
final class ChartColumns implements Closeable {
    private static final byte[] LT_ESCAPE = "\\u003c".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final Map<String, Integer> events = new LinkedHashMap<>();
    private final Path spill;
    private final OutputStream spillOut;
    private long spilled;
    private long[] timePs = new long[1024];
    private long[] sentPs = new long[1024];
    private long[] offsets = new long[1025];
    private int[] component = new int[1024];
    private int[] from = new int[1024];
    private int[] to = new int[1024];
    private int[] event = new int[1024];
    private int[] conn = new int[1024];
    private int size;
    private boolean sorted = true;

    /** Spills to a new temporary file in {@code dir}, removed by {@link #close()}. */
    ChartColumns(Path dir) throws IOException {
        spill = Files.createTempFile(dir, ".sequence-fields", ".tmp");
        spillOut = new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16);
    }

    /** Appends one record; {@code toId} is -1 for a local event (then {@code fromId} is the component). */
    void add(TraceEvent e, int componentId, int fromId, int toId, int connId) throws IOException {
        if (size == timePs.length) {
            grow();
        }
        if (size > 0 && e.timePs() < timePs[size - 1]) {
            sorted = false;
        }
        timePs[size] = e.timePs();
        sentPs[size] = e.sentPs();
        component[size] = componentId;
        from[size] = fromId;
        to[size] = toId;
        event[size] = events.computeIfAbsent(e.event(), k -> events.size());
        conn[size] = connId;
        offsets[size] = spilled;
        writeFields(e);
        size++;
        offsets[size] = spilled;
    }

    private void writeFields(TraceEvent e) throws IOException {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(e.fields());
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot re-serialise the fields of line " + e.line(), ex);
        }
        int start = 0;
        for (int i = 0; i < json.length; i++) {
            if (json[i] == '<') {
                spillOut.write(json, start, i - start);
                spillOut.write(LT_ESCAPE);
                spilled += i - start + LT_ESCAPE.length;
                start = i + 1;
            }
        }
        spillOut.write(json, start, json.length - start);
        spillOut.write('\n');
        spilled += json.length - start + 1;
    }

    private void grow() {
        int n = timePs.length * 2;
        timePs = Arrays.copyOf(timePs, n);
        sentPs = Arrays.copyOf(sentPs, n);
        offsets = Arrays.copyOf(offsets, n + 1);
        component = Arrays.copyOf(component, n);
        from = Arrays.copyOf(from, n);
        to = Arrays.copyOf(to, n);
        event = Arrays.copyOf(event, n);
        conn = Arrays.copyOf(conn, n);
    }

    int size() {
        return size;
    }

    /** Event names by id, in order of first appearance. */
    List<String> eventNames() {
        return List.copyOf(events.keySet());
    }

    long timePs(int i) {
        return timePs[i];
    }

    long sentPs(int i) {
        return sentPs[i];
    }

    int component(int i) {
        return component[i];
    }

    int from(int i) {
        return from[i];
    }

    int to(int i) {
        return to[i];
    }

    int event(int i) {
        return event[i];
    }

    int conn(int i) {
        return conn[i];
    }

    /** The lifelines the records use (component, from, to). */
    java.util.BitSet usedLifelines() {
        java.util.BitSet used = new java.util.BitSet();
        for (int i = 0; i < size; i++) {
            used.set(component[i]);
            used.set(from[i]);
            if (to[i] >= 0) {
                used.set(to[i]);
            }
        }
        return used;
    }

    /** Record indices by time ({@code t}), file order among equal times: the identity for a sorted trace. */
    int[] timeOrder() {
        int[] order = new int[size];
        if (sorted) {
            Arrays.setAll(order, i -> i);
            return order;
        }
        Integer[] boxed = new Integer[size];
        Arrays.setAll(boxed, i -> i);
        Arrays.sort(boxed, (x, y) -> Long.compare(timePs[x], timePs[y])); // stable: file order kept on ties
        Arrays.setAll(order, i -> boxed[i]);
        return order;
    }

    /** Writes every record's fields line (each ending in a newline) in {@code order}. */
    void copyFields(int[] order, OutputStream out) throws IOException {
        spillOut.flush();
        if (sorted) {
            Files.copy(spill, out);
            return;
        }
        try (FileChannel ch = FileChannel.open(spill, StandardOpenOption.READ)) {
            for (int i : order) {
                ByteBuffer buf = ByteBuffer.allocate((int) (offsets[i + 1] - offsets[i]));
                while (buf.hasRemaining()) {
                    if (ch.read(buf, offsets[i] + buf.position()) < 0) {
                        throw new IOException("temporary fields file " + spill + " ended early");
                    }
                }
                out.write(buf.array());
            }
        }
    }

    @Override
    public void close() {
        try {
            spillOut.close();
            Files.deleteIfExists(spill);
        } catch (IOException e) {
            throw new UncheckedIOException("removing " + spill, e);
        }
    }
}
