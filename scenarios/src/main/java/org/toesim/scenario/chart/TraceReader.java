package org.toesim.scenario.chart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads {@code trace.jsonl} one line at a time (memory does not grow with the trace). Tolerant of
 * what it does not know: unknown fields are kept for display, blank lines are skipped. A record is a
 * message only when its fields have a string {@code from}, a string {@code to} and a whole-number
 * {@code sentPs}; anything else is a local event with all its fields kept, so a
 * {@code StateChange {"from":"CLOSED","to":"SYN_SENT"}} stays a state change on its component. Strict about what it cannot read: malformed
 * JSON, a line that is not an object, or a missing {@code t}/{@code component}/{@code event} is a
 * {@link ChartInputException} naming {@code file:line}.
 */
public final class TraceReader {
    /** What receives each record, in file order. */
    @FunctionalInterface
    public interface Sink {
        void accept(TraceEvent e) throws ChartInputException;
    }

    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Reads every record of {@code file} into {@code sink}; returns the number of records. */
    public long read(Path file, Sink sink) throws IOException, ChartInputException {
        long lineNo = 0;
        long records = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                lineNo++;
                if (text.isBlank()) {
                    continue;
                }
                sink.accept(parse(file, lineNo, text));
                records++;
            }
        } catch (NoSuchFileException e) {
            throw new ChartInputException(file + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw ChartInputException.at(file, lineNo + 1, "not UTF-8 text");
        }
        return records;
    }

    /** One line; {@code lineNo} only for messages. */
    TraceEvent parse(Path file, long lineNo, String text) throws ChartInputException {
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
            throw ChartInputException.at(file, lineNo, "malformed JSON" + where + ": " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode line)) {
            throw ChartInputException.at(file, lineNo, "expected a JSON object {\"t\":..,\"component\":..,"
                    + "\"event\":..,\"fields\":{..}}, got " + (node == null ? "nothing" : node.getNodeType()));
        }
        JsonNode t = line.get("t");
        if (t == null || !t.isIntegralNumber() || !t.canConvertToLong()) {
            throw ChartInputException.at(file, lineNo, "\"t\" must be a whole number of picoseconds, got "
                    + (t == null ? "nothing" : t.toString()));
        }
        String component = text(file, lineNo, line, "component");
        String event = text(file, lineNo, line, "event");
        JsonNode f = line.get("fields");
        ObjectNode fields;
        if (f == null || f.isNull()) {
            fields = mapper.createObjectNode();
        } else if (f instanceof ObjectNode o) {
            fields = o;
        } else {
            throw ChartInputException.at(file, lineNo, "\"fields\" must be an object, got " + f.getNodeType());
        }
        return interpret(lineNo, t.longValue(), component, event, fields);
    }

    private static TraceEvent interpret(long lineNo, long timePs, String component, String event, ObjectNode fields) {
        String from = nonEmptyText(fields.get("from"));
        String to = nonEmptyText(fields.get("to"));
        JsonNode sent = fields.get("sentPs");
        long sentPs = timePs;
        if (from != null && to != null && sent != null && sent.isIntegralNumber() && sent.canConvertToLong()) {
            sentPs = sent.longValue();
            fields.remove("from");
            fields.remove("to");
            fields.remove("sentPs");
        } else { // e.g. StateChange {"from":"CLOSED","to":"SYN_SENT"}: a local event, from/to kept as fields
            from = null;
            to = null;
        }
        String conn = nonEmptyText(fields.get("conn"));
        if (conn != null) {
            fields.remove("conn");
        }
        return new TraceEvent(lineNo, timePs, component, event, from, to, sentPs, conn, fields);
    }

    private static String text(Path file, long lineNo, ObjectNode line, String name) throws ChartInputException {
        String s = nonEmptyText(line.get(name));
        if (s == null) {
            throw ChartInputException.at(file, lineNo, "\"" + name + "\" must be a non-empty string, got "
                    + (line.get(name) == null ? "nothing" : line.get(name).toString()));
        }
        return s;
    }

    private static String nonEmptyText(JsonNode n) {
        return n != null && n.isTextual() && !n.textValue().isEmpty() ? n.textValue() : null;
    }
}
