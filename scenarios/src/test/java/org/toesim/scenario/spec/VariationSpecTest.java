package org.toesim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The file forms of {@code variation}: profile names, per-source overrides, strict errors. */
class VariationSpecTest {
    private static final String MINIMAL = ScenarioDocumentTest.MINIMAL;

    private static VariationSpec variation(String value) throws Exception {
        return ScenarioDocumentTest.bind(MINIMAL, "variation=" + value).variation();
    }

    @Test
    void withoutTheFieldTheDefaultProfileApplies() throws Exception {
        VariationSpec v = ScenarioDocumentTest.bind(MINIMAL).variation();
        assertEquals(VariationSpec.of(VariationSpec.DEFAULT_PROFILE), v);
        assertEquals(VariationSpec.DEFAULT, v);
    }

    @Test
    void profileNamesAndOverrides() throws Exception {
        assertEquals(VariationSpec.OFF, variation("off"));
        assertFalse(variation("off").enabled());
        assertEquals(VariationSpec.TESTBED, variation("testbed"));
        assertEquals(VariationSpec.TESTBED, variation("{\"profile\": \"testbed\"}"));
        assertEquals(new VariationSpec(VariationProfileName.TESTBED, 0.03, 2_000_000L, 0),
                variation("{\"profile\": \"testbed\", \"startJitter\": \"0\"}"));
        VariationSpec one = variation("{\"profile\": \"off\", \"interruptJitter\": \"5us\"}");
        assertEquals(new VariationSpec(VariationProfileName.OFF, 0, 5_000_000L, 0), one);
        assertTrue(one.enabled());
        // the path form of --set reaches one source
        Scenario s = ScenarioDocumentTest.bind(MINIMAL, "variation.cpuCostJitter=0.1");
        assertEquals(0.1, s.variation().cpuCostJitter());
    }

    @Test
    void badValuesNameTheFieldAndTheClosestName() {
        Problem p = ScenarioDocumentTest.problem(MINIMAL, "variation=tesbed");
        assertEquals("variation.profile", p.path());
        assertTrue(p.message().contains("did you mean 'testbed'"), p.message());
        p = ScenarioDocumentTest.problem(MINIMAL, "variation={\"cpuCostJiter\": 0.1}");
        assertEquals("variation.cpuCostJiter", p.path());
        assertEquals("cpuCostJitter", p.suggestion());
        p = ScenarioDocumentTest.problem(MINIMAL, "variation={\"cpuCostJitter\": 0.9}");
        assertEquals("variation.cpuCostJitter", p.path());
        p = ScenarioDocumentTest.problem(MINIMAL, "variation={\"interruptJitter\": \"-1us\"}");
        assertEquals("variation.interruptJitter", p.path());
        p = ScenarioDocumentTest.problem(MINIMAL, "variation={\"startJitter\": \"2s\"}");
        assertEquals("variation.startJitter", p.path());
    }
}
