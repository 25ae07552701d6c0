package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.spec.ModelChecks;

/** The cost names validation accepts are exactly the ones the model applies. */
class ModelNamesTest {
    @Test
    void validationAndModelAgreeOnCostNames() {
        assertEquals(ModelChecks.HOST_COST_NAMES, CostOverrides.NAMES);
        assertEquals(String.join(", ", ModelChecks.CARD_CYCLE_NAMES), ToeAssembly.CYCLE_NAMES);
    }
}
