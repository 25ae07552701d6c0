package org.toesim.scenario.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * A value in a scenario file has the wrong form (a bad quantity, an unknown named value).
 * Thrown by the spec deserialisers; Jackson prepends the JSON path as it unwinds.
 */
public final class SpecInputException extends JsonMappingException {
    private static final long serialVersionUID = 1L;
    private final String reason;
    private final String expected;
    private final String suggestion;

    public SpecInputException(JsonParser parser, String reason, String expected, String suggestion) {
        super(parser, reason + "; expected " + expected);
        this.reason = reason;
        this.expected = expected;
        this.suggestion = suggestion == null ? "" : suggestion;
    }

    public String reason() {
        return reason;
    }

    public String expected() {
        return expected;
    }

    public String suggestion() {
        return suggestion;
    }
}
