package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.ScenarioExecutors;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.ScenarioException;

class TopologyTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    @Test
    void theModelIsRegisteredForTheCommandLine() {
        assertTrue(ScenarioExecutors.find().orElseThrow() instanceof ModelExecutor);
    }

    @Test
    void hostsAttachOverTheirPcieLinksAndTheRunIsDeterministic() throws Exception {
        String json = """
                {"name": "idle", "stop": {"duration": "200us"}, "outputs": {"timeSeries": "50us"},
                 "hosts": [{"name": "a", "cores": 2}, {"name": "b"}, {"name": "c"}],
                 "switches": [{"name": "sw"}],
                 "links": [{"between": ["a", "sw"]}, {"between": ["sw", "b"]}, {"between": ["sw", "c"]}]}
                """;
        RunResult r1 = new ModelExecutor().execute(Scenarios.parse(json), NO_FILES);
        RunResult r2 = new ModelExecutor().execute(Scenarios.parse(json), NO_FILES);
        assertEquals(200_000_000L, r1.summary().simTimePs());
        assertEquals(3, r1.summary().hosts().size());
        assertEquals("plain", r1.summary().nics().get(0).model());
        // attach programs rings and posts buffers over PCIe: the downstream direction did work
        assertTrue(r1.summary().nics().get(0).pcieUtilizationToDevice() > 0, r1.summary().toString());
        assertTrue(r1.summary().events() > 100);
        assertEquals(r1.traceDigest(), r2.traceDigest());
        // sampling starts once the adapters have attached (capability answered after ~50 us of moderation)
        assertEquals(3, r1.timeSeries().rows());
        assertTrue(r1.timeSeries().columns().contains("a.cpuUtilization"));
    }

    @Test
    void unknownCostNamesAreInputErrorsNamingPathAndValidNames() {
        String json = """
                {"name": "bad", "stop": {"duration": "10us"},
                 "hosts": [{"name": "a", "costs": {"copyCyclesPerBtye": 2}}, {"name": "b"}]}
                """;
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> new ModelExecutor().execute(Scenarios.parse(json), NO_FILES));
        String m = e.getMessage();
        assertTrue(m.contains("hosts[0].costs.copyCyclesPerBtye"), m);
        assertTrue(m.contains("did you mean 'copyCyclesPerByte'"), m);
        assertTrue(m.contains("rxPacketCycles"), m);
    }

    @Test
    void knownCostOverridesAreApplied() throws Exception {
        var s = Scenarios.parse("""
                {"name": "c", "stop": {"duration": "10us"},
                 "hosts": [{"name": "a", "costs": {"copyCyclesPerByte": 2, "interruptCycles": 100}}, {"name": "b"}]}
                """);
        var t = Topology.build(s, new RunOutputs(s, null), new org.toesim.core.event.TrajectoryDigest());
        assertEquals(2.0, t.hosts.get("a").costs.copyCyclesPerByte());
        assertEquals(100, t.hosts.get("a").costs.interruptCycles());
        assertNotNull(t.network.link("a-b"));
    }

    @Test
    void linkFaultsRunAtTheirInstants() throws Exception {
        var s = Scenarios.parse("""
                {"name": "f", "stop": {"duration": "400us"},
                 "hosts": [{"name": "a"}, {"name": "b"}],
                 "faults": [{"type": "linkDown", "at": "100us", "link": "a-b"},
                            {"type": "linkUp", "at": "200us", "link": "a-b"},
                            {"type": "lossBurst", "at": "300us", "link": "a-b", "duration": "5us"}]}
                """);
        var t = Topology.build(s, new RunOutputs(s, null), new org.toesim.core.event.TrajectoryDigest());
        t.sim.runUntil(150_000_000L);
        assertTrue(!t.network.link("a-b").ab().isUp());
        t.sim.runUntil(250_000_000L);
        assertTrue(t.network.link("a-b").ab().isUp());
        assertNotNull(t.network.gates("a-b"));
    }
}
