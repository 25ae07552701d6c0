package org.toesim.scenario.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** A short text of a record's fields for an arrow label: the first three scalar fields as {@code k=v}. */
final class FieldSummary {
    static final int MAX_FIELDS = 3;
    static final int MAX_VALUE_CHARS = 24;

    private FieldSummary() {
    }

    /** E.g. {@code "len=1448, seq=1"}; "" when there is no scalar field. Nested objects and arrays are left out. */
    static String of(ObjectNode fields) {
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = fields.fields(); it.hasNext() && n < MAX_FIELDS; ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            if (!v.isValueNode() || v.isNull()) {
                continue;
            }
            String text = v.asText().replaceAll("\\p{Cntrl}", " ");
            if (text.length() > MAX_VALUE_CHARS) {
                text = text.substring(0, MAX_VALUE_CHARS - 1) + "\u2026";
            }
            sb.append(n == 0 ? "" : ", ").append(f.getKey()).append('=').append(text);
            n++;
        }
        return sb.toString();
    }
}
