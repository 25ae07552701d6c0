package org.toesim.scenario.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads the string or single-key-object forms of {@link OffloadPolicySpec}. */
final class OffloadPolicyDeserializer extends StdDeserializer<OffloadPolicySpec> {
    private static final long serialVersionUID = 1L;
    private static final String EXPECTED = "\"never\", \"always\", \"auto\", {\"afterBytes\": size}, "
            + "{\"afterTime\": duration} or {\"ports\": [port, ...]}";

    OffloadPolicyDeserializer() {
        super(OffloadPolicySpec.class);
    }

    @Override
    public OffloadPolicySpec deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            switch (s) {
                case "never": return new OffloadPolicySpec.Never();
                case "always": return new OffloadPolicySpec.Always();
                case "auto": return new OffloadPolicySpec.Auto();
                default:
                    throw new SpecInputException(p, "unknown offload policy '" + s + "'", EXPECTED,
                            Suggest.closest(s, OffloadPolicySpec.NAMES));
            }
        }
        if (t != JsonToken.START_OBJECT) {
            throw new SpecInputException(p, "found " + Tokens.describe(t), EXPECTED, "");
        }
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            throw new SpecInputException(p, "empty object", EXPECTED, "");
        }
        String key = p.currentName();
        p.nextToken();
        OffloadPolicySpec policy;
        try {
            policy = switch (key) {
                case "afterBytes" -> new OffloadPolicySpec.AfterBytes(new Quantities.Size().deserialize(p, ctxt));
                case "afterTime" -> new OffloadPolicySpec.AfterTime(new Quantities.Duration().deserialize(p, ctxt));
                case "ports" -> new OffloadPolicySpec.Ports(ports(p));
                default -> throw new SpecInputException(p, "unknown offload policy '" + key + "'", EXPECTED,
                        Suggest.closest(key, OffloadPolicySpec.NAMES));
            };
        } catch (JsonMappingException e) {
            throw JsonMappingException.wrapWithPath(e, this, key);
        }
        if (p.nextToken() != JsonToken.END_OBJECT) {
            throw new SpecInputException(p, "more than one key in an offload policy", EXPECTED, "");
        }
        return policy;
    }

    private static List<Integer> ports(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new SpecInputException(p, "found " + Tokens.describe(p.currentToken()), "an array of ports", "");
        }
        List<Integer> ports = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                throw new SpecInputException(p, "found " + Tokens.describe(p.currentToken()), "a port number in [1, 65535]", "");
            }
            ports.add(p.getIntValue());
        }
        return ports;
    }
}
