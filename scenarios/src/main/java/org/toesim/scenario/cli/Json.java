package org.toesim.scenario.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.toesim.scenario.result.ResultJson;

/** JSON text for {@code --json} output. */
final class Json {
    private Json() {
    }

    static String write(Object value) {
        try {
            return ResultJson.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }

    /** {@code value} as JSON on one line (JSON Lines output). */
    static String line(Object value) {
        try {
            return ResultJson.MAPPER.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}
