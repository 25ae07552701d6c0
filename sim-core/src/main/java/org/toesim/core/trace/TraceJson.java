package org.toesim.core.trace;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The canonical JSON form of a trace line: {@code {"t":ps,"component":..,"event":..,"fields":{..}}}. */
final class TraceJson {
    private final ObjectMapper mapper = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    byte[] line(long timePs, String component, TraceRecord record) {
        ObjectNode node = mapper.createObjectNode();
        node.put("t", timePs);
        node.put("component", component);
        node.put("event", record.event());
        ObjectNode fields = mapper.valueToTree(record);
        fields.remove("event");
        node.set("fields", fields);
        try {
            return mapper.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise trace record " + record, e);
        }
    }
}
