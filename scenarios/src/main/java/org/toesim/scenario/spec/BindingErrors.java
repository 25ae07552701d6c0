package org.toesim.scenario.spec;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns a Jackson binding failure into one {@link Problem} with the JSON path, the location in
 * the file (via {@link Locations}), what was expected and, for a misspelling, the closest
 * valid name.
 */
final class BindingErrors {
    /** The type names of the polymorphic families, in file spelling. */
    static final Map<Class<?>, List<String>> TYPE_NAMES = Map.of(
            WorkloadSpec.class, List.of("bulk", "requestResponse", "shortConnections", "pacedStream"),
            FaultSpec.class, List.of("linkDown", "linkUp", "cardReset", "lossBurst", "neighbourChange"));

    private final Locations locations;
    private final String source;
    private final JsonNode root;

    BindingErrors(Locations locations, String source, JsonNode root) {
        this.locations = locations;
        this.source = source;
        this.root = root;
    }

    Problem translate(JsonMappingException e) {
        String path = JsonPaths.of(e.getPath());
        FieldException fe = find(e, FieldException.class);
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            for (Object id : u.getKnownPropertyIds()) {
                known.add(id.toString());
            }
            String name = u.getPropertyName();
            return at(path, "unknown field '" + name + "'", "one of " + String.join(", ", new TreeSet<>(known)),
                    Suggest.closest(name, known));
        }
        if (e instanceof InvalidTypeIdException t) {
            List<String> names = TYPE_NAMES.getOrDefault(t.getBaseType().getRawClass(), List.of());
            String expected = "\"type\" one of " + String.join(", ", names);
            String typePath = JsonPaths.field(path, "type");
            if (t.getTypeId() == null) {
                return at(path, "missing field 'type'", expected, "");
            }
            return at(typePath, "unknown type '" + t.getTypeId() + "'", expected, Suggest.closest(t.getTypeId(), names));
        }
        if (e instanceof SpecInputException s) {
            return at(path, s.reason(), s.expected(), s.suggestion());
        }
        if (fe != null) {
            return at(JsonPaths.field(path, fe.field()), fe.reason(), fe.expected(), "");
        }
        if (e instanceof MismatchedInputException m) {
            JsonNode found = nodeAt(path);
            String what = found == null ? "a value of the wrong type" : "found " + describe(found);
            return at(path, what, Tokens.expectedFor(m.getTargetType()), "");
        }
        String msg = e.getOriginalMessage();
        int cut = msg.indexOf('\n');
        return at(path, cut > 0 ? msg.substring(0, cut) : msg, "", "");
    }

    private Problem at(String path, String message, String expected, String suggestion) {
        Locations.Location l = locations.find(path, source);
        return new Problem(l.source(), l.line(), l.column(), path, message, expected, suggestion);
    }

    private JsonNode nodeAt(String path) {
        JsonNode n = root;
        for (String part : path.replace("[", ".[").split("\\.")) {
            if (part.isEmpty() || n == null) {
                continue;
            }
            n = part.startsWith("[") ? n.get(Integer.parseInt(part.substring(1, part.length() - 1))) : n.get(part);
        }
        return n;
    }

    static String describe(JsonNode n) {
        if (n.isTextual()) {
            return "the string \"" + n.asText() + "\"";
        }
        if (n.isIntegralNumber()) {
            return "the integer " + n.asText();
        }
        if (n.isNumber()) {
            return "the number " + n.asText();
        }
        if (n.isBoolean()) {
            return n.asText();
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
