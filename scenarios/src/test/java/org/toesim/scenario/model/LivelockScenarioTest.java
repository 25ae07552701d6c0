package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.scenario.TestFiles;
import org.toesim.scenario.result.RunResult;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.run.SimulationException;
import org.toesim.scenario.spec.Scenario;

/**
 * Issue 9, "endless loop at one simulated instant": the variant of {@code full.json} with one
 * {@code tcp} block on every workload ran for ever at t = 0.735 ms (a host connection in SACK
 * recovery whose engine said "output due now" while sending nothing). It must now run to its
 * limit; and the kernel's livelock guard must fail a run cleanly, naming what looped.
 */
class LivelockScenarioTest {
    private static final RunContext NO_FILES = new RunContext(null, ProgressListener.NONE);

    @Test
    void theFullVariantThatLoopedAtOneInstantRunsToItsEnd() throws Exception {
        Scenario s = Scenarios.parse(TestFiles.text("livelock/full-variant.json"));
        // its own guard is 1e6 events per instant: a relapse fails here in a second, not a hang
        assertEquals(1_000_000L, s.stop().maxEventsPerInstant());
        RunResult r = new ModelExecutor().execute(s, NO_FILES);
        assertTrue(r.summary().simTimePs() <= s.stop().limitPs(), "sim time " + r.summary().simTimePs());
        assertTrue(r.summary().simTimePs() > 735_058_424L, "got past the instant that looped");
        assertTrue(r.summary().events() < 5_000_000L, "events " + r.summary().events());
    }

    @Test
    void moreEventsAtOneInstantThanTheGuardAllowsFailTheRunNamingTheEvent() throws Exception {
        Scenario s = Scenarios.parse("""
                {"name": "tiny-guard", "stop": {"duration": "1ms", "maxEventsPerInstant": 3},
                 "hosts": [{"name": "a"}, {"name": "b"}],
                 "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "64KiB", "connections": 4}]}
                """);
        SimulationException e = assertThrows(SimulationException.class, () -> new ModelExecutor().execute(s, NO_FILES));
        String m = e.getMessage();
        assertTrue(m.startsWith("scenario 'tiny-guard': livelock at t = "), m);
        assertTrue(m.contains(" events at one simulated instant without time advancing; "), m);
        assertTrue(m.matches(".*; of the \\d+ sampled past the limit, \\d+ were '[^']+' events of '[^']+' .*"), m);
        assertTrue(m.endsWith("(the limit is stop.maxEventsPerInstant = 3)"), m);
        assertEquals(1, m.lines().count(), m);
    }
}
