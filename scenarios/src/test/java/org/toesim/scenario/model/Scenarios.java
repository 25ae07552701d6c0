package org.toesim.scenario.model;

import org.toesim.scenario.spec.Scenario;
import org.toesim.scenario.spec.ScenarioDocument;
import org.toesim.scenario.spec.ScenarioException;

/** Scenarios written inline in tests. */
final class Scenarios {
    private Scenarios() {
    }

    static Scenario parse(String json) throws ScenarioException {
        return ScenarioDocument.parse(json, "test.json", ScenarioDocument.Syntax.JSON).bind();
    }
}
