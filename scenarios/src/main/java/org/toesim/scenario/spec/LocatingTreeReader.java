package org.toesim.scenario.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads a JSON or YAML document into a tree while recording the line and column of every
 * field and array element, so errors found later (when binding the tree, after {@code --set}
 * overrides) can still point into the file. Rejects duplicate keys.
 */
final class LocatingTreeReader {
    /**
     * Longest array read: a hundred thousand hosts would need ~200 GB of model state, so a longer
     * array is refused while reading instead of after minutes of binding.
     */
    static final int MAX_ARRAY_ELEMENTS = 100_000;
    /**
     * Deepest nesting read (a scenario nests about 6 levels): each level's path is a longer
     * string, so 50,000 levels would cost gigabytes before any other limit is reached.
     */
    static final int MAX_DEPTH = 64;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;
    private final String source;
    private final Locations locations;

    LocatingTreeReader(String source, Locations locations) {
        this.source = source;
        this.locations = locations;
    }

    /** Reads one document; the parser must be positioned before its first token. */
    JsonNode read(JsonFactory factory, String text) throws IOException, ScenarioException {
        try (JsonParser p = factory.createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new ScenarioException(new Problem(source, 1, 1, "", "the file is empty",
                        "a scenario object such as {\"hosts\": [...]}", ""));
            }
            locations.put("", at(p.currentTokenLocation()));
            JsonNode root = value(p, "");
            if (p.nextToken() != null) {
                JsonLocation l = p.currentTokenLocation();
                throw new ScenarioException(new Problem(source, l.getLineNr(), l.getColumnNr(), "",
                        "unexpected content after the end of the document", "end of file", ""));
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String msg = e.getOriginalMessage();
            int cut = msg.indexOf('\n');
            throw new ScenarioException(new Problem(source, l == null ? 0 : l.getLineNr(), l == null ? 0 : l.getColumnNr(),
                    "", "malformed input: " + (cut > 0 ? msg.substring(0, cut) : msg).trim(), "", ""));
        }
    }

    private Locations.Location at(JsonLocation l) {
        return new Locations.Location(source, l.getLineNr(), l.getColumnNr());
    }

    private int depth;

    private JsonNode value(JsonParser p, String path) throws IOException, ScenarioException {
        switch (p.currentToken()) {
            case START_OBJECT:
            case START_ARRAY:
                if (++depth > MAX_DEPTH) {
                    JsonLocation l = p.currentTokenLocation();
                    throw new ScenarioException(new Problem(source, l.getLineNr(), l.getColumnNr(), "",
                            "nested more than " + MAX_DEPTH + " levels deep", "a scenario (about 6 levels)", ""));
                }
                JsonNode n = p.currentToken() == JsonToken.START_OBJECT ? object(p, path) : array(p, path);
                depth--;
                return n;
            case VALUE_STRING: return nodes.textNode(p.getText());
            case VALUE_NUMBER_INT: return integer(p);
            case VALUE_NUMBER_FLOAT: return nodes.numberNode(p.getDoubleValue());
            case VALUE_TRUE: return nodes.booleanNode(true);
            case VALUE_FALSE: return nodes.booleanNode(false);
            case VALUE_NULL: return nodes.nullNode();
            default:
                JsonLocation l = p.currentTokenLocation();
                throw new ScenarioException(new Problem(source, l.getLineNr(), l.getColumnNr(), path,
                        "unsupported value " + p.currentToken(), "a JSON value", ""));
        }
    }

    private JsonNode integer(JsonParser p) throws IOException {
        switch (p.getNumberType()) {
            case INT: return nodes.numberNode(p.getIntValue());
            case LONG: return nodes.numberNode(p.getLongValue());
            default: return nodes.numberNode(p.getBigIntegerValue());
        }
    }

    private ObjectNode object(JsonParser p, String path) throws IOException, ScenarioException {
        ObjectNode obj = nodes.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            String child = JsonPaths.field(path, name);
            JsonLocation l = p.currentTokenLocation();
            if (obj.has(name)) {
                throw new ScenarioException(new Problem(source, l.getLineNr(), l.getColumnNr(), child,
                        "duplicate field '" + name + "'", "each field at most once per object", ""));
            }
            locations.put(child, at(l));
            p.nextToken();
            obj.set(name, value(p, child));
        }
        return obj;
    }

    private ArrayNode array(JsonParser p, String path) throws IOException, ScenarioException {
        ArrayNode arr = nodes.arrayNode();
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (i == MAX_ARRAY_ELEMENTS) {
                JsonLocation l = p.currentTokenLocation();
                throw new ScenarioException(new Problem(source, l.getLineNr(), l.getColumnNr(), JsonPaths.index(path, i),
                        "more than " + MAX_ARRAY_ELEMENTS + " elements", "at most " + MAX_ARRAY_ELEMENTS
                        + " elements per array (far beyond what the model can hold: see budget)", ""));
            }
            String child = JsonPaths.index(path, i++);
            locations.put(child, at(p.currentTokenLocation()));
            arr.add(value(p, child));
        }
        return arr;
    }
}
