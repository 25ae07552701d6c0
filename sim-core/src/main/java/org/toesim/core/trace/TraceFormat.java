package org.toesim.core.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A trace record's fields as one line people read ({@code conn=10.0.0.1:40000>10.0.0.2:5001
 * lenBytes=1448}), with the same value rules as {@code trace.jsonl} (hex addresses, dotted
 * IPv4, no null fields). For consoles; not thread-safe.
 */
public final class TraceFormat {
    private final TraceJson json = new TraceJson();

    /** {@code name=value} pairs in name order, separated by spaces. */
    public String fields(TraceRecord record) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : fieldMap(record).entrySet()) {
            b.append(b.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
        }
        return b.toString();
    }

    /** Field name to its text (strings unquoted, other values as JSON), in name order. */
    public Map<String, String> fieldMap(TraceRecord record) {
        ObjectNode fields = json.fields(record);
        Map<String, String> out = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = fields.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
        }
        return out;
    }
}
