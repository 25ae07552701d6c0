package org.toesim.scenario.spec;

/**
 * One thing wrong with a scenario input, located as precisely as the input allows.
 *
 * <p>Printed as {@code source:line:column: path: message; expected ... (did you mean 'x'?)},
 * for example:
 * <pre>
 *   bulk.json:7:9: hosts[1].nic.ccbCapacity: 0 is out of range; expected an integer &gt;= 1
 *   bulk.json:4:5: hosts[0].nic.ccbCapcity: unknown field; expected one of ccbCapacity, ... (did you mean 'ccbCapacity'?)
 * </pre>
 *
 * @param source     file name, {@code "--set"} for a command-line override, or {@code "<input>"}
 * @param line       1-based line, or 0 when unknown
 * @param column     1-based column, or 0 when unknown
 * @param path       JSON path such as {@code hosts[1].nic.ccbCapacity}; empty for the document
 * @param message    what is wrong
 * @param expected   what was expected, or empty
 * @param suggestion the closest valid name for a misspelling, or empty
 */
public record Problem(String source, int line, int column, String path, String message, String expected,
                      String suggestion) {

    public Problem {
        source = source == null ? "<input>" : source;
        path = path == null ? "" : path;
        message = message == null ? "" : message;
        expected = expected == null ? "" : expected;
        suggestion = suggestion == null ? "" : suggestion;
    }

    /** The one-line message shown to the user. */
    public String format() {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        sb.append(message);
        if (!expected.isEmpty()) {
            sb.append("; expected ").append(expected);
        }
        if (!suggestion.isEmpty()) {
            sb.append(" (did you mean '").append(suggestion).append("'?)");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
