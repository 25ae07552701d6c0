package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.spec.ScenarioException;

/** One TCP configuration per host, with the MSS resolved from the host's MTU. */
class TcpConfigsTest {
    private static final String TWO_WORKLOADS = """
            {"hosts": [{"name": "a"%s}, {"name": "b"}],
             "workloads": [{"type": "bulk", "from": "a", "to": "b", "tcp": {"mss": 1460}},
                           {"type": "bulk", "from": "a", "to": "b"}]}""";

    @Test
    void noMssAndMtuMinus40AreTheSameOptions() throws Exception {
        var perHost = TcpConfigs.perHost(Scenarios.parse(TWO_WORKLOADS.formatted("")));
        assertEquals(1460, TcpConfigs.of(perHost.get("a"), 1500).mssBytes());
    }

    @Test
    void aJumboHostWithAnMssOf1460InOneWorkloadAndTheDefaultInAnotherIsInconsistent() throws Exception {
        // validation (ModelChecks) refuses it before the model's own check could
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Scenarios.parse(TWO_WORKLOADS.formatted(", \"nic\": {\"mtu\": 9000}")));
        assertEquals("workloads[1].tcp", e.problems().get(0).path());
    }
}
