package org.toesim.core.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The canonical JSON form of a trace line: {@code {"t":ps,"component":..,"event":..,"fields":{..}}}.
 * Values are printed as people read them: a {@link TraceText} as its text, a field whose name
 * ends in {@code Addr} (a host or card memory address) in hex, one ending in {@code Ip} (an
 * IPv4 address held in an int) as a dotted quad; null fields are left out. Records are written
 * straight to the stream (Jackson's bean serializers, cached per record type): no tree per line.
 */
final class TraceJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .serializationInclusion(JsonInclude.Include.NON_NULL) // a record about no connection has no conn field
            .addModule(new SimpleModule().addSerializer(TraceText.class, new TextSerializer())
                    .setSerializerModifier(new Readable()))
            .build();

    /** A generator over {@code out} for {@link #write}. */
    JsonGenerator generator(OutputStream out) throws IOException {
        JsonGenerator gen = mapper.getFactory().createGenerator(out);
        gen.setRootValueSeparator(null); // lines are separated by the newline written after each
        return gen;
    }

    /** Writes one line (with its newline) to {@code gen}. */
    void write(JsonGenerator gen, long timePs, String component, TraceRecord record) throws IOException {
        gen.writeStartObject();
        gen.writeNumberField("t", timePs);
        gen.writeStringField("component", component);
        gen.writeStringField("event", record.event());
        gen.writeFieldName("fields");
        mapper.writeValue(gen, record);
        gen.writeEndObject();
        gen.writeRaw('\n');
    }

    /** One line as bytes, without its newline. */
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
        return mapper.valueToTree(record);
    }

    static String dotted(int ip) {
        return ((ip >>> 24) & 0xFF) + "." + ((ip >>> 16) & 0xFF) + "." + ((ip >>> 8) & 0xFF) + "." + (ip & 0xFF);
    }

    /** Hex addresses, dotted IPv4, no {@code event} property. */
    private static final class Readable extends BeanSerializerModifier {
        @Override
        public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription desc,
                                                         List<BeanPropertyWriter> props) {
            List<BeanPropertyWriter> out = new ArrayList<>(props.size());
            for (BeanPropertyWriter p : props) {
                String name = p.getName();
                Class<?> type = p.getType().getRawClass();
                if (name.equals("event")) {
                    continue;
                }
                if (name.endsWith("Addr") && (type == long.class || type == Long.class || type == int.class)) {
                    p.assignSerializer(HEX);
                } else if (name.endsWith("Ip") && (type == int.class || type == Integer.class)) {
                    p.assignSerializer(DOTTED);
                }
                out.add(p);
            }
            return out;
        }
    }

    private static final JsonSerializer<Object> HEX = new JsonSerializer<>() {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString("0x" + Long.toHexString(((Number) value).longValue()));
        }
    };

    private static final JsonSerializer<Object> DOTTED = new JsonSerializer<>() {
        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(dotted(((Number) value).intValue()));
        }
    };

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
