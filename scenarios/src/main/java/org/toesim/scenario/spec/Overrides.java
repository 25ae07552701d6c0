package org.toesim.scenario.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code --set path=value} overrides, applied to the document tree before binding, so every
 * field can be changed and is then validated like the file itself.
 *
 * <pre>
 *   hosts[1].nic.ccbCapacity=8          number
 *   workloads[0].tcp.congestionControl=reno        (not JSON, so a string)
 *   hosts[1].offload={"afterBytes":"1MiB"}         JSON object
 * </pre>
 * Missing objects along the path are created; an array index must exist or be the next one.
 */
public final class Overrides {
    /** Strict: {@code 64 MiB} is not the number 64 followed by ignored text, it is the string "64 MiB". */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Overrides() {
    }

    /** One parsed {@code path=value}. */
    public record Override(String text, String path, List<Object> steps, JsonNode value) {
    }

    /**
     * Parses {@code path=value}; the value is JSON if the whole of it parses as one JSON value,
     * otherwise a string (so {@code size=64 MiB} sets the string "64 MiB", which the size parser
     * then reads exactly or rejects, as it would in a file).
     */
    public static Override parse(String text) throws ScenarioException {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw problem(text, "", "missing '='", "path=value, e.g. hosts[1].nic.ccbCapacity=8");
        }
        String path = text.substring(0, eq).trim();
        String raw = text.substring(eq + 1);
        List<Object> steps = steps(text, path);
        JsonNode value;
        try {
            value = JSON.readTree(raw);
            if (value == null || value.isMissingNode()) {
                value = TextNode.valueOf(raw);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            value = TextNode.valueOf(raw);
        }
        return new Override(text, path, steps, value);
    }

    /** Applies {@code o} to {@code root} in place and marks the path as set from the command line. */
    public static void apply(ObjectNode root, Override o, Locations locations) throws ScenarioException {
        JsonNode node = root;
        String at = "";
        List<Object> steps = o.steps();
        for (int i = 0; i < steps.size(); i++) {
            Object step = steps.get(i);
            boolean last = i == steps.size() - 1;
            Object next = last ? null : steps.get(i + 1);
            if (step instanceof String name) {
                if (!(node instanceof ObjectNode obj)) {
                    throw problem(o.text(), at, "is not an object, cannot set field '" + name + "'", "a path through objects");
                }
                at = JsonPaths.field(at, name);
                if (last) {
                    obj.set(name, o.value());
                } else {
                    JsonNode child = obj.get(name);
                    if (child == null || child.isNull()) {
                        child = next instanceof Integer ? obj.putArray(name) : obj.putObject(name);
                    }
                    node = child;
                }
            } else {
                int index = (Integer) step;
                if (!(node instanceof ArrayNode arr)) {
                    throw problem(o.text(), at, "is not an array, cannot index [" + index + "]", "a path through arrays");
                }
                if (index > arr.size()) {
                    throw problem(o.text(), JsonPaths.index(at, index), "index out of range (the array has "
                            + arr.size() + " elements)", "an index in [0, " + arr.size() + "]");
                }
                at = JsonPaths.index(at, index);
                if (last) {
                    if (index == arr.size()) {
                        arr.add(o.value());
                    } else {
                        arr.set(index, o.value());
                    }
                } else {
                    if (index == arr.size()) {
                        if (next instanceof Integer) {
                            arr.addArray();
                        } else {
                            arr.addObject();
                        }
                    }
                    node = arr.get(index);
                }
            }
        }
        locations.override(o.path(), "--set " + o.text());
    }

    private static List<Object> steps(String text, String path) throws ScenarioException {
        List<Object> steps = new ArrayList<>();
        int i = 0;
        int n = path.length();
        while (i < n) {
            char c = path.charAt(i);
            if (c == '[') {
                int close = path.indexOf(']', i);
                String digits = close < 0 ? "" : path.substring(i + 1, close);
                if (!digits.matches("[0-9]{1,9}")) {
                    throw problem(text, path, "bad index at character " + (i + 1), "[n] with n a number, e.g. hosts[1]");
                }
                steps.add(Integer.parseInt(digits));
                i = close + 1;
                if (i < n && path.charAt(i) == '.') {
                    i++;
                    if (i == n) {
                        throw problem(text, path, "ends with '.'", "a field name after '.'");
                    }
                }
            } else {
                int j = i;
                while (j < n && path.charAt(j) != '.' && path.charAt(j) != '[') {
                    j++;
                }
                String name = path.substring(i, j);
                if (name.isEmpty()) {
                    throw problem(text, path, "empty field name at character " + (i + 1), "a path such as hosts[1].nic.ccbCapacity");
                }
                steps.add(name);
                i = j;
                if (i < n && path.charAt(i) == '.') {
                    i++;
                    if (i == n) {
                        throw problem(text, path, "ends with '.'", "a field name after '.'");
                    }
                }
            }
        }
        if (steps.isEmpty() || !(steps.get(0) instanceof String)) {
            throw problem(text, path, "does not start with a field name", "a path such as hosts[1].nic.ccbCapacity");
        }
        return steps;
    }

    private static ScenarioException problem(String text, String path, String message, String expected) {
        return new ScenarioException(new Problem("--set " + text, 0, 0, path, message, expected, ""));
    }
}
