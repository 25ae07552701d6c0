package org.toesim.scenario.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code hosts[i].cpu} and {@code nic.card}: named parameter sets, with single values overridable. */
class HardwareProfileSpecTest {
    static Scenario bind(String hosts) throws ScenarioException {
        return ScenarioDocument.parse("""
                {"hosts": [%s],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b"}]}""".formatted(hosts), "h.json",
                ScenarioDocument.Syntax.JSON).withOverrides(List.of()).bind();
    }

    @Test
    void withoutProfilesTheHostIsFoong2003AndTheCardBaseline() throws Exception {
        Scenario s = bind("{\"name\": \"a\"}, {\"name\": \"b\", \"nic\": {\"model\": \"toe\"}}");
        assertEquals(HostCpuProfileName.FOONG_2003, s.hosts().get(0).cpu());
        assertEquals(3_000_000_000L, s.hosts().get(0).clockHz());
        NicSpec n = s.hosts().get(1).nic();
        assertEquals(CardProfileName.BASELINE, n.card());
        assertEquals(1_000_000_000L, n.cardClockHz());
        assertEquals(1, n.cardCores());
        assertTrue(n.cardCycles().isEmpty(), "the TOE's own cycle table");
    }

    @Test
    void aProfileSetsTheDefaultsAndTheFileOverridesSingleValues() throws Exception {
        Scenario s = bind("""
                {"name": "a", "cpu": "modern"},
                {"name": "b", "cpu": "modern", "clock": "2.5GHz",
                 "nic": {"model": "toe", "card": "modern", "cardCores": 4, "cardCycles": {"fastPathRx": 200}}}""");
        assertEquals(3_400_000_000L, s.hosts().get(0).clockHz(), "the modern profile's clock");
        assertEquals(2_500_000_000L, s.hosts().get(1).clockHz(), "clock given: the profile's is not used");
        NicSpec n = s.hosts().get(1).nic();
        assertEquals(2_000_000_000L, n.cardClockHz());
        assertEquals(4, n.cardCores());
        assertEquals(200L, n.cardCycles().get("fastPathRx"), "the file's value over the profile's 100");
        assertEquals(60L, n.cardCycles().get("fastPathAck"), "the profile's value where the file says none");
    }

    @Test
    void aCardProfileOnAPlainNicIsAnError() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> bind("{\"name\": \"a\", \"nic\": {\"card\": \"t110\"}}, {\"name\": \"b\"}"));
        Problem p = e.problems().get(0);
        assertEquals("hosts[0].nic.card", p.path());
        assertTrue(p.message().contains("plain NIC"), p.message());
    }

    @Test
    void anUnknownProfileNamesTheKnownOnes() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> bind("{\"name\": \"a\", \"cpu\": \"pentium\"}, {\"name\": \"b\"}"));
        Problem p = e.problems().get(0);
        assertEquals("hosts[0].cpu", p.path());
        assertTrue(p.expected().contains("foong2003") && p.expected().contains("modern"), p.expected());
    }
}
