package org.toesim.scenario.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scenario file as a tree with the location of every value: parse once, apply
 * {@code --set} overrides to copies, bind each copy to a checked {@link Scenario}.
 *
 * <pre>
 *   file --LocatingTreeReader--&gt; tree + Locations
 *        --Overrides.apply--&gt;     tree'           (--set path=value, marks the paths)
 *        --Jackson (strict)--&gt;    Scenario        (records check their own ranges)
 *        --ScenarioValidator--&gt;   cross-references
 *   any failure -&gt; ScenarioException with file:line:column, JSON path, expected, "did you mean"
 * </pre>
 */
public final class ScenarioDocument {
    /** Input syntax. */
    public enum Syntax { JSON, YAML }

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(MapperFeature.ALLOW_FINAL_FIELDS_AS_MUTATORS)
            .disable(MapperFeature.INFER_PROPERTY_MUTATORS)
            .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .build();
    private static final JsonFactory JSON_FACTORY = new JsonFactory();
    private static final JsonFactory YAML_FACTORY = new YAMLFactory();

    private final String source;
    private final ObjectNode tree;
    private final Locations locations;

    private ScenarioDocument(String source, ObjectNode tree, Locations locations) {
        this.source = source;
        this.tree = tree;
        this.locations = locations;
    }

    /** Reads a file; {@code .yaml}/{@code .yml} files are YAML, everything else JSON. */
    public static ScenarioDocument read(Path file) throws ScenarioException {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ScenarioException(new Problem(name, 0, 0, "", "is not UTF-8 text (" + e.getMessage() + ")",
                    "a scenario file in UTF-8 (JSON or YAML)", ""));
        } catch (NoSuchFileException e) {
            throw new ScenarioException(new Problem(name, 0, 0, "", "file not found", "an existing scenario file", ""));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(name, 0, 0, "", "cannot read: " + e.getMessage(), "a readable file", ""));
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return parse(text, name, lower.endsWith(".yaml") || lower.endsWith(".yml") ? Syntax.YAML : Syntax.JSON);
    }

    /** Parses text; {@code source} names it in messages. */
    public static ScenarioDocument parse(String text, String source, Syntax syntax) throws ScenarioException {
        Locations locations = new Locations();
        JsonNode root;
        try {
            root = new LocatingTreeReader(source, locations).read(syntax == Syntax.YAML ? YAML_FACTORY : JSON_FACTORY, text);
        } catch (IOException e) {
            throw new ScenarioException(new Problem(source, 0, 0, "", "cannot read: " + e.getMessage(), "", ""));
        }
        if (!(root instanceof ObjectNode obj)) {
            throw new ScenarioException(new Problem(source, 1, 1, "", "found " + BindingErrors.describe(root)
                    + " at the top level", "a scenario object such as {\"hosts\": [...]}", ""));
        }
        return new ScenarioDocument(source, obj, locations);
    }

    /** The name of the input, for messages. */
    public String source() {
        return source;
    }

    /** A copy of the tree (as overridden); safe to modify. */
    public ObjectNode tree() {
        return tree.deepCopy();
    }

    /** A new document with the overrides ({@code path=value}) applied in order. */
    public ScenarioDocument withOverrides(List<String> overrides) throws ScenarioException {
        ObjectNode copy = tree.deepCopy();
        Locations locs = locations.copy();
        for (String o : overrides) {
            Overrides.apply(copy, Overrides.parse(o), locs);
        }
        return new ScenarioDocument(source, copy, locs);
    }

    /** Binds and cross-checks the scenario. */
    public Scenario bind() throws ScenarioException {
        Scenario s;
        try {
            s = MAPPER.treeToValue(tree, Scenario.class);
        } catch (JsonMappingException e) {
            throw new ScenarioException(new BindingErrors(locations, source, tree).translate(e));
        } catch (IOException e) {
            throw new ScenarioException(new Problem(source, 0, 0, "", e.getMessage(), "", ""));
        }
        List<Problem> problems = new ArrayList<>();
        for (ScenarioValidator.Issue i : ScenarioValidator.check(s)) {
            Locations.Location l = locations.find(i.path(), source);
            problems.add(new Problem(l.source(), l.line(), l.column(), i.path(), i.message(), i.expected(), i.suggestion()));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return s;
    }

    /** Reads, overrides and binds a file in one step. */
    public static Scenario load(Path file, List<String> overrides) throws ScenarioException {
        return read(file).withOverrides(overrides).bind();
    }
}
