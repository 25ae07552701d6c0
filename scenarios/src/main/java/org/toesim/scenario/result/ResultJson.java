package org.toesim.scenario.result;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.toesim.nic.aqm.AqmSpec;

/** The JSON mapper for result files (records by component name, indented, strict on read). */
public final class ResultJson {
    /** Shared, immutable after construction, thread-safe. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(AqmSpec.class, AqmKind.class)
            .build();

    /** A queue discipline in a resolved scenario carries its {@code kind}, as the file writes it. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = AqmSpec.DropTail.class, name = "droptail"),
            @JsonSubTypes.Type(value = AqmSpec.Step.class, name = "step"),
            @JsonSubTypes.Type(value = AqmSpec.Red.class, name = "red"),
            @JsonSubTypes.Type(value = AqmSpec.CoDel.class, name = "codel")})
    private abstract static class AqmKind {
    }

    private ResultJson() {
    }
}
