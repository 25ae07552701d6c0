package org.toesim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The kernel's livelock guard: too many events at one simulated instant fail the run, named. */
class LivelockGuardTest {
    private final Simulator sim = new Simulator();

    /** An event that re-arms itself at "now" for ever, as a timer that finds nothing due would. */
    private Event selfRearming(String owner, String kind, long[] runs) {
        Event[] self = new Event[1];
        self[0] = sim.newEvent(kind, owner, Priority.TIMER, () -> {
            runs[0]++;
            sim.scheduleAt(self[0], sim.now());
        });
        return self[0];
    }

    @Test
    void anEventReschedulingItselfAtNowFailsNamingItsOwnerAndKind() {
        sim.setMaxEventsPerInstant(1000);
        long[] runs = new long[1];
        // healthy traffic first: time advances, nothing counts against the limit
        for (int i = 1; i <= 5000; i++) {
            sim.scheduleAt(sim.newEvent("tick", "clock", () -> { }), i);
        }
        sim.scheduleAt(selfRearming("host0.tcp", "tcp.timer", runs), 7000);
        SimulationLivelockException e = assertThrows(SimulationLivelockException.class, sim::run);
        assertEquals(7000, e.timePs());
        assertEquals("host0.tcp", e.owner());
        assertEquals("tcp.timer", e.kind());
        assertEquals(1000, e.sampleEvents(), "samples min(limit, 10000) events past the limit");
        assertEquals(1000, e.dominantEvents());
        assertEquals(2000, e.eventsAtInstant());
        assertEquals(1999, runs[0], "the 2000th event is sampled but not run");
        assertTrue(e.getMessage().contains("of the 1000 sampled past the limit, 1000 were 'tcp.timer' events of "
                + "'host0.tcp'"), e.getMessage());
        assertTrue(e.getMessage().contains("(7000 ps)"), e.getMessage());
    }

    @Test
    void theDominantEventIsNamedWhenSeveralShareTheInstant() {
        sim.setMaxEventsPerInstant(100);
        long[] runs = new long[1];
        int[] helperRuns = new int[1];
        Event helper = sim.newEvent("softirq", "host1.stack", Priority.NORMAL, () -> helperRuns[0]++);
        Event[] loop = new Event[1];
        loop[0] = sim.newEvent("toe.tcpTimer", "host1.toe.7", Priority.TIMER, () -> {
            runs[0]++;
            if (runs[0] % 4 == 0) {
                sim.scheduleAt(helper, sim.now()); // one in five events is the helper
            }
            sim.scheduleAt(loop[0], sim.now());
        });
        sim.scheduleAt(loop[0], 42);
        SimulationLivelockException e = assertThrows(SimulationLivelockException.class, sim::run);
        assertEquals("host1.toe.7", e.owner());
        assertEquals("toe.tcpTimer", e.kind());
        assertTrue(e.dominantEvents() >= 75 && e.dominantEvents() < 100, "share " + e.dominantEvents());
    }

    @Test
    void manyEventsAtOneInstantBelowTheLimitRunNormally() {
        sim.setMaxEventsPerInstant(10_000);
        int[] runs = new int[1];
        for (int i = 0; i < 10_000; i++) {
            sim.scheduleAt(sim.newEvent("burst", "many", () -> runs[0]++), 5);
        }
        for (int i = 0; i < 10_000; i++) {
            sim.scheduleAt(sim.newEvent("burst", "many", () -> runs[0]++), 6);
        }
        assertEquals(RunOutcome.EMPTY, sim.run());
        assertEquals(20_000, runs[0], "the count starts again at each instant");
    }

    @Test
    void theDefaultLimitIsTenMillionAndCanBeTurnedOff() {
        assertEquals(10_000_000L, sim.maxEventsPerInstant());
        sim.setMaxEventsPerInstant(Long.MAX_VALUE);
        long[] runs = new long[1];
        Event[] self = new Event[1];
        self[0] = sim.newEvent("again", "x", () -> {
            if (++runs[0] < 50_000) {
                sim.scheduleAt(self[0], sim.now());
            }
        });
        sim.scheduleAt(self[0], 0);
        assertEquals(RunOutcome.EMPTY, sim.run());
        assertEquals(50_000, runs[0]);
        assertThrows(IllegalArgumentException.class, () -> sim.setMaxEventsPerInstant(0));
    }
}
