package org.toesim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The shipped JSON Schema and the records describe the same format. */
class SchemaAgreementTest {
    static final ObjectMapper M = new ObjectMapper();

    static final List<Class<?>> RECORDS = List.of(Scenario.class, StopSpec.class, HostSpec.class, NicSpec.class,
            InterruptModerationSpec.class, PcieSpec.class, LinkSpec.class, ImpairmentsSpec.class,
            GilbertElliottSpec.class, ReorderSpec.class, SwitchSpec.class, TcpSpec.class, BulkWorkload.class,
            RequestResponseWorkload.class, ShortConnectionsWorkload.class, PacedStreamWorkload.class,
            FaultSpec.LinkDown.class, FaultSpec.LinkUp.class, FaultSpec.CardReset.class, FaultSpec.LossBurst.class,
            OutputSpec.class, BudgetSpec.class, VariationSpec.class, AqmFileSpec.class);

    static JsonNode schema() throws Exception {
        try (InputStream in = SchemaAgreementTest.class.getResourceAsStream("/toesim-scenario.schema.json")) {
            assertNotNull(in, "schema resource missing");
            return M.readTree(in);
        }
    }

    /** The file names of a record's fields: the @JsonProperty names of its @JsonCreator factory. */
    static Set<String> fileFields(Class<?> type) {
        BeanDescription desc = M.getDeserializationConfig().introspect(M.constructType(type));
        Set<String> names = new TreeSet<>();
        for (AnnotatedMethod m : desc.getFactoryMethods()) {
            JsonCreator creator = m.getAnnotation(JsonCreator.class);
            if (creator != null && creator.mode() != JsonCreator.Mode.DELEGATING) { // the string form has no fields
                for (int i = 0; i < m.getParameterCount(); i++) {
                    names.add(m.getParameter(i).getAnnotation(JsonProperty.class).value());
                }
            }
        }
        assertFalse(names.isEmpty(), "no @JsonCreator factory on " + type);
        return names;
    }

    @Test
    void everyRecordFieldIsInTheSchemaAndViceVersa() throws Exception {
        JsonNode defs = schema().get("$defs");
        for (Class<?> type : RECORDS) {
            JsonNode def = defs.get(type.getSimpleName());
            assertNotNull(def, "schema has no $defs/" + type.getSimpleName());
            assertFalse(def.get("additionalProperties").asBoolean(true), type + " must forbid other properties");
            Set<String> inSchema = new TreeSet<>();
            def.get("properties").fieldNames().forEachRemaining(inSchema::add);
            inSchema.remove("type"); // the polymorphic type id, handled by @JsonTypeInfo
            assertEquals(fileFields(type), inSchema, "fields of " + type.getSimpleName());
        }
    }

    @Test
    void namedValuesAndTypeNamesAgree() throws Exception {
        JsonNode defs = schema().get("$defs");
        assertEquals(NamedValues.list(NicModel.class), strings(defs.at("/NicSpec/properties/model/enum")));
        assertEquals(NamedValues.list(CongestionControlName.class),
                strings(defs.at("/TcpSpec/properties/congestionControl/enum")));
        assertEquals(NamedValues.list(LinkDirectionName.class),
                strings(defs.at("/ImpairmentsSpec/properties/direction/enum")));
        assertEquals(NamedValues.list(ImpairedFrames.class), strings(defs.at("/ImpairmentsSpec/properties/frames/enum")));
        assertEquals(NamedValues.list(StopMode.class), strings(defs.at("/StopSpec/properties/until/enum")));
        assertEquals(NamedValues.list(PlotFormat.class), strings(defs.at("/OutputSpec/properties/plots/items/enum")));
        List<String> workloadTypes = new ArrayList<>();
        for (JsonNode ref : defs.at("/WorkloadSpec/oneOf")) {
            String name = ref.get("$ref").asText().substring("#/$defs/".length());
            workloadTypes.add(defs.at("/" + name + "/properties/type/const").asText());
        }
        assertEquals(BindingErrors.TYPE_NAMES.get(WorkloadSpec.class), workloadTypes);
        List<String> faultTypes = new ArrayList<>();
        for (JsonNode ref : defs.at("/FaultSpec/oneOf")) {
            String name = ref.get("$ref").asText().substring("#/$defs/".length());
            faultTypes.add(defs.at("/" + name + "/properties/type/const").asText());
        }
        assertEquals(BindingErrors.TYPE_NAMES.get(FaultSpec.class), faultTypes);
        List<String> policies = strings(defs.at("/OffloadPolicySpec/oneOf/0/enum"));
        for (int i = 1; i <= 3; i++) {
            defs.at("/OffloadPolicySpec/oneOf/" + i + "/properties").fieldNames().forEachRemaining(policies::add);
        }
        assertEquals(OffloadPolicySpec.NAMES, policies);
    }

    @Test
    void schemaDefaultsMatchTheRecordDefaults() throws Exception {
        JsonNode defs = schema().get("$defs");
        assertEquals(NicSpec.DEFAULT_CCB_CAPACITY, defs.at("/NicSpec/properties/ccbCapacity/default").asInt());
        assertEquals(TcpSpec.DEFAULT.congestionControl().fileName(),
                defs.at("/TcpSpec/properties/congestionControl/default").asText());
        assertEquals(PcieSpec.DEFAULT.lanes(), defs.at("/PcieSpec/properties/lanes/default").asInt());
        assertEquals(InterruptModerationSpec.DEFAULT.frames(),
                defs.at("/InterruptModerationSpec/properties/frames/default").asInt());
        assertEquals(NicSpec.DEFAULT.txqueuelen(), defs.at("/NicSpec/properties/txqueuelen/default").asInt());
        assertEquals(ImpairmentsSpec.NONE.direction().fileName(),
                defs.at("/ImpairmentsSpec/properties/direction/default").asText());
        assertTrue(defs.at("/Scenario/required").toString().contains("hosts"));
        assertEquals(VariationSpec.DEFAULT_PROFILE.fileName(), defs.at("/Scenario/properties/variation/default").asText());
        assertEquals(VariationSpec.DEFAULT_PROFILE.fileName(), defs.at("/VariationSpec/properties/profile/default").asText());
        assertEquals(NamedValues.list(VariationProfileName.class),
                strings(defs.at("/VariationSpec/properties/profile/enum")));
        assertEquals(NamedValues.list(VariationProfileName.class), strings(defs.at("/Scenario/properties/variation/oneOf/0/enum")));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
