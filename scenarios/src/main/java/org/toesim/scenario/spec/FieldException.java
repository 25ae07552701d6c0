package org.toesim.scenario.spec;

/**
 * Thrown by a spec record's constructor when one of its fields is out of range. The loader
 * appends {@link #field()} to the JSON path of the object being built, so the user sees
 * {@code hosts[1].nic.ccbCapacity} rather than {@code hosts[1].nic}.
 */
public final class FieldException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final String expected;

    /**
     * @param field    the field's name as written in scenario files (a path suffix such as
     *                 {@code "interruptModeration.frames"} is allowed)
     * @param message  what is wrong, e.g. {@code "0 is out of range"}
     * @param expected what is accepted, e.g. {@code "an integer >= 1"}
     */
    public FieldException(String field, String message, String expected) {
        super(field + ": " + message + "; expected " + expected);
        this.field = field;
        this.expected = expected;
    }

    public String field() {
        return field;
    }

    public String expected() {
        return expected;
    }

    /** The message without the field name and expectation. */
    public String reason() {
        String m = getMessage();
        return m.substring(field.length() + 2, m.length() - ("; expected " + expected).length());
    }
}
