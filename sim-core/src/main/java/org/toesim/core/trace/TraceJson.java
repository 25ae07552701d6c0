package org.toesim.core.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical JSON form of a trace line: {@code {"t":ps,"component":..,"event":..,"fields":{..}}}.
 * Values are printed as people read them: a {@link TraceText} as its text, a field whose name
 * ends in {@code Addr} (a host or card memory address) in hex, one ending in {@code Ip} (an
 * IPv4 address held in an int) as a dotted quad.
 */
final class TraceJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .serializationInclusion(JsonInclude.Include.NON_NULL) // a record about no connection has no conn field
            .addModule(new SimpleModule().addSerializer(TraceText.class, new TextSerializer()))
            .build();

    byte[] line(long timePs, String component, TraceRecord record) {
        ObjectNode node = mapper.createObjectNode();
        node.put("t", timePs);
        node.put("component", component);
        node.put("event", record.event());
        node.set("fields", fields(record));
        try {
            return mapper.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise trace record " + record, e);
        }
    }

    /** The record's fields as they are written (readable addresses, no nulls). */
    ObjectNode fields(TraceRecord record) {
        ObjectNode fields = mapper.valueToTree(record);
        fields.remove("event");
        readable(fields);
        return fields;
    }

    private static void readable(ObjectNode fields) {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode v = fields.get(name);
            if (v.isIntegralNumber() && name.endsWith("Addr")) {
                fields.put(name, "0x" + Long.toHexString(v.asLong()));
            } else if (v.isInt() && name.endsWith("Ip")) {
                int ip = v.asInt();
                fields.put(name, ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "."
                        + (ip & 0xFF));
            } else if (v.isObject()) {
                readable((ObjectNode) v);
            }
        }
    }

    /** Writes a {@link TraceText} as a JSON string. */
    private static final class TextSerializer extends StdSerializer<TraceText> {
        TextSerializer() {
            super(TraceText.class);
        }

        @Override
        public void serialize(TraceText value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.traceText());
        }
    }
}
