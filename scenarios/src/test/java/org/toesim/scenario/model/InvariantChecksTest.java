package org.toesim.scenario.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.core.check.Invariant;
import org.toesim.core.check.InvariantViolation;
import org.toesim.core.check.InvariantViolationException;
import org.toesim.scenario.result.SummaryReport;
import org.toesim.scenario.run.ProgressListener;
import org.toesim.scenario.run.RunContext;
import org.toesim.scenario.spec.Scenario;

/**
 * {@code --check-invariants} on the assembled model: every host's rings and every connection
 * (through handoff, card reset and flush) are checked after each event, a checked run gives the
 * same results as an unchecked one, and a violation stops the run at its event.
 */
class InvariantChecksTest {
    private static final String TOE_WITH_RESET = """
            {"name": "inv", "seed": 9,
             "hosts": [{"name": "a"}, {"name": "b", "nic": {"model": "toe"}, "offload": "always"}],
             "workloads": [{"type": "bulk", "from": "a", "to": "b", "size": "1MiB", "tcp": {"realBytes": true}},
                           {"type": "requestResponse", "from": "a", "to": "b", "requests": 20, "tcp": {"realBytes": true},
                            "request": "2KiB", "response": "8KiB"}],
             "faults": [{"type": "cardReset", "host": "b", "at": "300us"}],
             "stop": {"until": "workloadsDone", "limit": "2s"}}
            """;

    @Test
    void everyHostAndConnectionIsCheckedThroughHandoffResetAndFlush() throws Exception {
        Scenario s = Scenarios.parse(TOE_WITH_RESET);
        RunChecks checks = new RunChecks();
        try (RunOutputs outputs = new RunOutputs(s, null)) {
            Topology t = Topology.build(s, outputs, checks.checker, true, checks);
            RunLoop.run(t, ProgressListener.NONE, null);
            assertTrue(t.workloads.allDone(), "finished");
            assertEquals(2 + 2, checks.checker.size(), "ring bounds per host + byte conservation + one owner");
            assertTrue(checks.checker.eventsChecked() > 10_000, "events " + checks.checker.eventsChecked());
            assertTrue(checks.connections.endsChecked() > checks.checker.eventsChecked(),
                    "both ends of the open connections after each event: " + checks.connections.endsChecked());
            assertTrue(t.hosts.get("b").manager.counters().flushes() >= 2, "the reset flushed both connections");
        }
    }

    @Test
    void aCheckedRunGivesTheSameResultsAsAnUncheckedOne() throws Exception {
        Scenario s = Scenarios.parse(TOE_WITH_RESET);
        SummaryReport off = new ModelExecutor().execute(s, new RunContext(null, ProgressListener.NONE, false)).summary();
        SummaryReport on = new ModelExecutor().execute(s, new RunContext(null, ProgressListener.NONE, true)).summary();
        assertEquals(off.traceDigest(), on.traceDigest(), "same events in the same order");
        assertEquals(off.events(), on.events());
        assertEquals(off.connections(), on.connections());
    }

    @Test
    void aViolationStopsTheRunAtItsEventNamingInvariantConnectionAndTime() throws Exception {
        Scenario s = Scenarios.parse(TOE_WITH_RESET);
        RunChecks checks = new RunChecks();
        try (RunOutputs outputs = new RunOutputs(s, null)) {
            Topology t = Topology.build(s, outputs, checks.checker, true, checks);
            checks.checker.add(new Invariant() {
                @Override
                public String name() {
                    return "halfDelivered";
                }

                @Override
                public InvariantViolation check(long nowPs) {
                    Conn bulk = t.workloads.conn(0);
                    return bulk == null || bulk.deliveredBytes() < 512 * 1024 ? null
                            : new InvariantViolation(name(), bulk.id(), nowPs, bulk.deliveredBytes() + " bytes");
                }
            });
            InvariantViolation v = assertThrows(InvariantViolationException.class,
                    () -> RunLoop.run(t, ProgressListener.NONE, null)).violation();
            Conn bulk = t.workloads.conn(0);
            assertEquals("halfDelivered", v.invariant());
            assertEquals(bulk.id(), v.subject());
            assertEquals(t.sim.now(), v.timePs(), "the run stopped at the violating event");
            assertTrue(bulk.deliveredBytes() >= 512 * 1024 && bulk.deliveredBytes() < 1 << 20, v.message());
        }
    }
}
