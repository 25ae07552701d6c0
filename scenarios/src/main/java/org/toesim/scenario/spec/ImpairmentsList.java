package org.toesim.scenario.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A link's {@code impairments}: one object (errors inside it are reported at
 * {@code links[i].impairments.field}, as before lists were accepted) or a list of objects
 * ({@code links[i].impairments[k].field}).
 */
final class ImpairmentsList extends StdDeserializer<List<ImpairmentsSpec>> {
    private static final long serialVersionUID = 1L;

    ImpairmentsList() {
        super(List.class);
    }

    @Override
    public List<ImpairmentsSpec> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            return List.of(ctxt.readValue(p, ImpairmentsSpec.class));
        }
        if (t != JsonToken.START_ARRAY) {
            throw new SpecInputException(p, "found " + Tokens.describe(t),
                    "an object, or a list of objects with disjoint directions", "");
        }
        List<ImpairmentsSpec> out = new ArrayList<>();
        for (int k = 0; p.nextToken() != JsonToken.END_ARRAY; k++) {
            try {
                out.add(p.currentToken() == JsonToken.VALUE_NULL ? null : ctxt.readValue(p, ImpairmentsSpec.class));
            } catch (JsonMappingException e) {
                throw JsonMappingException.wrapWithPath(e, out, k);
            }
        }
        return out;
    }
}
