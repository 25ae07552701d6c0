package org.toesim.scenario.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * TEST ONLY: turns a shipped scenario into a broken or unusual one, from a seed: fields deleted,
 * duplicated, retyped or misspelt, wrong and misspelt units, extreme and non-finite numbers,
 * broken encodings, deep nesting, huge arrays, YAML aliases and tags.
 */
final class ScenarioMutator {
    /** A generated input: its bytes and the file suffix that selects the syntax. */
    record Input(byte[] bytes, String suffix, String what) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB", "KB", "kB", "ps", "ns", "us", "µs", "ms",
        "s", "min", "bps", "kbps", "Mbps", "Gbps", "Tbps", "Hz", "MHz", "GHz", "Mib", "mbps", "GPBS", "sec", "B/s", "",
        "parsecs", "Kib", "µ", "/"};
    private static final String[] NUMBERS = {"0", "-1", "1", "0.5", "1.5", "-0", "1e3", "1e-3", "1e308", "1e999999999",
        "1e-999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999",
        "0x10", "1_000", "_", ".", "e5", "NaN", "Infinity", "-Infinity", "1..2", "٣", " 64 "};

    private final Random r;

    ScenarioMutator(long seed) {
        this.r = new Random(seed);
    }

    Input mutate(String source, boolean yamlSource) throws Exception {
        JsonNode tree = (yamlSource ? YAML : JSON).readTree(source);
        int kind = r.nextInt(100);
        if (kind < 55) {
            int n = 1 + r.nextInt(3);
            StringBuilder what = new StringBuilder();
            for (int i = 0; i < n; i++) {
                what.append(treeMutation(tree)).append("; ");
            }
            boolean yaml = r.nextInt(4) == 0;
            return text(yaml ? YAML.writeValueAsString(tree) : JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree),
                    yaml, what.toString());
        }
        String text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        if (kind < 75) {
            return textMutation(text);
        }
        if (kind < 82) {
            return nesting(text);
        }
        if (kind < 88) {
            return hugeArray(tree);
        }
        return yamlSpecial(YAML.writeValueAsString(tree));
    }

    private Input text(String s, boolean yaml, String what) {
        return new Input(s.getBytes(StandardCharsets.UTF_8), yaml ? ".yaml" : ".json", what);
    }

    // ---- tree mutations

    private String treeMutation(JsonNode root) {
        List<JsonNode> containers = new ArrayList<>();
        collect(root, containers);
        JsonNode c = containers.get(r.nextInt(containers.size()));
        if (c.size() == 0) {
            return "empty";
        }
        int i = r.nextInt(c.size());
        String key = c.isObject() ? fieldName(c, i) : null;
        JsonNode old = c.isObject() ? c.get(key) : c.get(i);
        int op = r.nextInt(8);
        switch (op) {
            case 0:
                remove(c, key, i);
                return "delete " + key;
            case 1:
                if (c.isArray()) {
                    ((ArrayNode) c).insert(i, old.deepCopy());
                } else {
                    ((ObjectNode) c).set(key + (r.nextBoolean() ? "" : "2"), old.deepCopy());
                }
                return "duplicate " + key;
            case 2:
                put(c, key, i, retyped(old));
                return "retype " + key;
            case 3:
                if (c.isObject()) {
                    ((ObjectNode) c).remove(key);
                    ((ObjectNode) c).set(misspell(key), old);
                    return "misspell field " + key;
                }
                put(c, key, i, F.textNode(misspell(old.asText())));
                return "misspell value";
            case 4:
                put(c, key, i, F.textNode(NUMBERS[r.nextInt(NUMBERS.length)] + UNITS[r.nextInt(UNITS.length)]));
                return "unit " + key;
            case 5:
                put(c, key, i, extremeNumber());
                return "number " + key;
            case 6:
                if (old.isTextual() && !old.asText().isEmpty()) {
                    put(c, key, i, F.textNode(misspell(old.asText())));
                    return "misspell " + key;
                }
                put(c, key, i, F.textNode(NUMBERS[r.nextInt(NUMBERS.length)]));
                return "string number " + key;
            default:
                if (c.isObject()) {
                    ((ObjectNode) c).set(misspell("extra"), F.textNode("x"));
                } else {
                    ((ArrayNode) c).add(retyped(old));
                }
                return "add";
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            for (JsonNode child : n) {
                collect(child, out);
            }
        }
    }

    private static String fieldName(JsonNode obj, int i) {
        Iterator<String> it = obj.fieldNames();
        String k = it.next();
        for (int j = 0; j < i; j++) {
            k = it.next();
        }
        return k;
    }

    private static void remove(JsonNode c, String key, int i) {
        if (c.isObject()) {
            ((ObjectNode) c).remove(key);
        } else {
            ((ArrayNode) c).remove(i);
        }
    }

    private static void put(JsonNode c, String key, int i, JsonNode v) {
        if (c.isObject()) {
            ((ObjectNode) c).set(key, v);
        } else {
            ((ArrayNode) c).set(i, v);
        }
    }

    private JsonNode retyped(JsonNode old) {
        switch (r.nextInt(7)) {
            case 0: return F.textNode(old.isContainerNode() ? "x" : old.asText());
            case 1: return F.numberNode(r.nextInt(2000) - 1000);
            case 2: return F.booleanNode(r.nextBoolean());
            case 3: return F.nullNode();
            case 4: return F.objectNode().set("value", old.deepCopy());
            case 5: return F.arrayNode().add(old.deepCopy());
            default: return F.numberNode(r.nextDouble() * 1e6);
        }
    }

    private JsonNode extremeNumber() {
        switch (r.nextInt(10)) {
            case 0: return F.numberNode(Long.MAX_VALUE);
            case 1: return F.numberNode(Long.MIN_VALUE);
            case 2: return F.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 3: return F.numberNode(Integer.MAX_VALUE + 1L);
            case 4: return F.numberNode(-1);
            case 5: return F.numberNode(0);
            case 6: return F.numberNode(1e308);
            case 7: return F.numberNode(Double.MIN_VALUE);
            case 8: return F.numberNode(Integer.MAX_VALUE);
            default: return F.numberNode(r.nextLong());
        }
    }

    private String misspell(String s) {
        if (s.isEmpty()) {
            return "x";
        }
        StringBuilder sb = new StringBuilder(s);
        int i = r.nextInt(sb.length());
        switch (r.nextInt(4)) {
            case 0: sb.deleteCharAt(i); break;
            case 1: sb.insert(i, (char) ('a' + r.nextInt(26))); break;
            case 2: sb.setCharAt(i, Character.isUpperCase(sb.charAt(i)) ? Character.toLowerCase(sb.charAt(i))
                    : Character.toUpperCase(sb.charAt(i))); break;
            default:
                if (i + 1 < sb.length()) {
                    char t = sb.charAt(i);
                    sb.setCharAt(i, sb.charAt(i + 1));
                    sb.setCharAt(i + 1, t);
                }
        }
        return sb.toString();
    }

    // ---- text mutations

    private Input textMutation(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        int at = r.nextInt(b.length);
        switch (r.nextInt(8)) {
            case 0: return new Input(java.util.Arrays.copyOf(b, at), ".json", "truncated at " + at);
            case 1: return new Input(splice(b, at, new byte[] {(byte) 0xC3, (byte) 0x28}), ".json", "bad UTF-8");
            case 2: return new Input(splice(b, at, new byte[] {(byte) 0xFF, (byte) 0xFE, 0}), ".json", "bad bytes");
            case 3: return new Input(splice(b, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), ".json", "BOM");
            case 4: return new Input(text.getBytes(StandardCharsets.UTF_16), ".json", "UTF-16");
            case 5:
                b[at] = (byte) r.nextInt(256);
                return new Input(b, ".json", "byte flip at " + at);
            case 6: {
                // a key repeated in the same object
                int brace = text.indexOf("\"name\"");
                String dup = brace < 0 ? text : text.substring(0, brace) + "\"name\": \"dup\", " + text.substring(brace);
                return text(dup, false, "duplicate key");
            }
            default:
                return text(text.replaceFirst("\\}\\s*$", ", \"x\": NaN}"), false, "NaN literal");
        }
    }

    private static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }

    private Input nesting(String text) {
        int depth = r.nextBoolean() ? 10 + r.nextInt(200) : 1000 + r.nextInt(20_000);
        StringBuilder sb = new StringBuilder();
        boolean arrays = r.nextBoolean();
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "[" : "{\"a\":");
        }
        sb.append("1");
        for (int i = 0; i < depth; i++) {
            sb.append(arrays ? "]" : "}");
        }
        String field = r.nextBoolean() ? "\"hosts\"" : "\"stop\"";
        int at = text.indexOf(field);
        String out = at < 0 ? sb.toString() : text.substring(0, at) + "\"nest\": " + sb + ", " + text.substring(at);
        return text(r.nextInt(5) == 0 ? sb.toString() : out, false, "nesting " + depth);
    }

    private Input hugeArray(JsonNode tree) {
        String[] arrays = {"hosts", "links", "workloads", "faults", "switches"};
        String name = arrays[r.nextInt(arrays.length)];
        JsonNode arr = tree.path(name);
        JsonNode element = arr.isArray() && arr.size() > 0 ? arr.get(0) : F.objectNode().put("name", "h");
        int n = r.nextInt(100) == 0 ? 100_001 + r.nextInt(10) : 10 + r.nextInt(2000);
        ArrayNode big = F.arrayNode();
        for (int i = 0; i < n; i++) {
            JsonNode e = element.deepCopy();
            if (e.isObject() && e.has("name") && r.nextBoolean()) {
                ((ObjectNode) e).put("name", e.get("name").asText() + "x" + i);
            }
            big.add(e);
        }
        ((ObjectNode) tree).set(name, big);
        return text(tree.toString(), false, "huge " + name + " " + n);
    }

    private Input yamlSpecial(String yaml) {
        switch (r.nextInt(6)) {
            case 0: // an alias used as a value
                return text("base: &b {name: a}\n" + yaml.replaceFirst("name: \"?[A-Za-z]+\"?", "name: *b"), true,
                        "alias");
            case 1: { // billion laughs
                StringBuilder sb = new StringBuilder("a0: &a0 [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
                for (int i = 1; i < 10; i++) {
                    sb.append("a").append(i).append(": &a").append(i).append(" [");
                    for (int j = 0; j < 9; j++) {
                        sb.append(j == 0 ? "" : ",").append("*a").append(i - 1);
                    }
                    sb.append("]\n");
                }
                return text(sb + yaml.replaceFirst("^---\\s*\\n", ""), true, "billion laughs");
            }
            case 2:
                return text(yaml.replaceFirst("name: ", "name: !!binary "), true, "binary tag");
            case 3:
                return text(yaml.replaceFirst("name: ", "name: !!python/object:os.system "), true, "python tag");
            case 4:
                return text(yaml.replaceFirst("seed: ", "seed: !custom ") + "\nmerge:\n  <<: {x: 1}\n", true, "custom tag");
            default:
                return text(yaml + "\n---\nsecond: document\n", true, "two documents");
        }
    }
}
