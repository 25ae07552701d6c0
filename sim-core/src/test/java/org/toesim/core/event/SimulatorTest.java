package org.toesim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorTest {
    private final Simulator sim = new Simulator();
    private final List<String> log = new ArrayList<>();

    private Event ev(String name, int priority) {
        return sim.newEvent(name, "test", priority, () -> log.add(name + "@" + sim.now()));
    }

    @Test
    void runsInTimeOrder() {
        sim.scheduleAt(ev("c", Priority.NORMAL), 300);
        sim.scheduleAt(ev("a", Priority.NORMAL), 100);
        sim.scheduleAt(ev("b", Priority.NORMAL), 200);
        assertEquals(RunOutcome.EMPTY, sim.run());
        assertEquals(List.of("a@100", "b@200", "c@300"), log);
        assertEquals(300, sim.now());
    }

    @Test
    void sameInstantRunsByPriorityThenInsertionOrder() {
        sim.scheduleAt(ev("timer", Priority.TIMER), 50);
        sim.scheduleAt(ev("work1", Priority.NORMAL), 50);
        sim.scheduleAt(ev("delivery", Priority.DELIVERY), 50);
        sim.scheduleAt(ev("work2", Priority.NORMAL), 50);
        sim.run();
        assertEquals(List.of("delivery@50", "work1@50", "work2@50", "timer@50"), log);
    }

    @Test
    void rescheduleMovesAnEventAndCancelDropsIt() {
        Event a = ev("a", Priority.NORMAL);
        Event b = ev("b", Priority.NORMAL);
        sim.scheduleAt(a, 100);
        sim.scheduleAt(b, 150);
        sim.scheduleAt(a, 200);
        assertTrue(sim.cancel(b));
        assertFalse(sim.cancel(b));
        assertEquals(1, sim.pendingCount());
        sim.run();
        assertEquals(List.of("a@200"), log);
        assertEquals(1, sim.eventsRun());
    }

    @Test
    void rescheduledEventTakesANewSequenceNumber() {
        Event a = ev("a", Priority.NORMAL);
        Event b = ev("b", Priority.NORMAL);
        sim.scheduleAt(a, 10);
        sim.scheduleAt(b, 10);
        sim.scheduleAt(a, 10); // moved behind b
        sim.run();
        assertEquals(List.of("b@10", "a@10"), log);
    }

    @Test
    void eventsCanRescheduleThemselves() {
        int[] count = {0};
        Event[] tick = new Event[1];
        tick[0] = sim.newEvent("tick", "test", () -> {
            if (++count[0] < 5) {
                sim.scheduleIn(tick[0], 1000);
            }
        });
        sim.scheduleIn(tick[0], 1000);
        sim.run();
        assertEquals(5, count[0]);
        assertEquals(5000, sim.now());
    }

    @Test
    void runUntilRunsEventsAtTheLimitAndAdvancesTheClock() {
        sim.scheduleAt(ev("a", Priority.NORMAL), 100);
        sim.scheduleAt(ev("b", Priority.NORMAL), 200);
        sim.scheduleAt(ev("c", Priority.NORMAL), 201);
        assertEquals(RunOutcome.TIME_LIMIT, sim.runUntil(200));
        assertEquals(List.of("a@100", "b@200"), log);
        assertEquals(200, sim.now());
        assertEquals(RunOutcome.TIME_LIMIT, sim.runUntil(200));
        assertEquals(RunOutcome.EMPTY, sim.runUntil(1000));
        assertEquals(1000, sim.now(), "time passes to the limit even when the list runs out");
        assertEquals(RunOutcome.EMPTY, sim.run());
        assertEquals(1000, sim.now(), "run() has no limit to advance to");
    }

    @Test
    void stepRunsExactlyOneEvent() {
        sim.scheduleAt(ev("a", Priority.NORMAL), 1);
        sim.scheduleAt(ev("b", Priority.NORMAL), 2);
        assertTrue(sim.step());
        assertEquals(List.of("a@1"), log);
        assertTrue(sim.step());
        assertFalse(sim.step());
        assertEquals(2, log.size());
    }

    @Test
    void breakpointPausesBeforeTheMatchingEventWhichStaysPending() {
        sim.scheduleAt(ev("a", Priority.NORMAL), 1);
        sim.scheduleAt(ev("stopHere", Priority.NORMAL), 2);
        sim.scheduleAt(ev("c", Priority.NORMAL), 3);
        Breakpoint bp = (e, t) -> e.kind().equals("stopHere");
        sim.addBreakpoint(bp);
        assertEquals(RunOutcome.BREAKPOINT, sim.run());
        assertEquals(List.of("a@1"), log);
        assertEquals("stopHere", sim.peekNext().kind());
        assertTrue(sim.step()); // step ignores breakpoints
        sim.removeBreakpoint(bp);
        assertEquals(RunOutcome.EMPTY, sim.run());
        assertEquals(List.of("a@1", "stopHere@2", "c@3"), log);
    }

    @Test
    void stopFromAnEventAndStopConditions() {
        sim.scheduleAt(sim.newEvent("halt", "test", sim::stop), 5);
        sim.scheduleAt(ev("after", Priority.NORMAL), 6);
        assertEquals(RunOutcome.STOPPED, sim.run());
        assertEquals(5, sim.now());
        sim.addStopCondition(() -> log.size() >= 1);
        assertEquals(RunOutcome.STOPPED, sim.run());
        assertEquals(List.of("after@6"), log);
    }

    @Test
    void listenerSeesEveryEventWithKindAndOwner() {
        List<String> seen = new ArrayList<>();
        sim.setListener(new EventListener() {
            @Override
            public void beforeEvent(Event e, long nowPs) {
                seen.add("before " + e.owner() + ":" + e.kind() + "@" + nowPs);
            }

            @Override
            public void afterEvent(Event e, long nowPs) {
                seen.add("after " + e.kind());
            }
        });
        sim.scheduleAt(ev("x", Priority.NORMAL), 7);
        sim.run();
        assertEquals(List.of("before test:x@7", "after x"), seen);
        assertEquals(List.of("x@7"), log);
    }

    @Test
    void listenerAndStopConditionSetInsideARunApplyFromTheNextEvent() {
        List<String> seen = new ArrayList<>();
        sim.scheduleAt(sim.newEvent("arm", "test", () -> {
            sim.setListener(new EventListener() {
                @Override
                public void beforeEvent(Event e, long nowPs) {
                    seen.add(e.kind() + "@" + nowPs);
                }
            });
            sim.addStopCondition(() -> seen.size() >= 2);
        }), 1);
        sim.scheduleAt(ev("b", Priority.NORMAL), 2);
        sim.scheduleAt(ev("c", Priority.NORMAL), 3);
        sim.scheduleAt(ev("d", Priority.NORMAL), 4);
        assertEquals(RunOutcome.STOPPED, sim.run());
        assertEquals(List.of("b@2", "c@3"), seen);
        assertEquals(3, sim.now());
    }

    @Test
    void rejectsSchedulingInThePastAndNegativeDelays() {
        sim.scheduleAt(ev("a", Priority.NORMAL), 100);
        sim.run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> sim.scheduleAt(ev("late", Priority.NORMAL), 99));
        assertTrue(e.getMessage().contains("now is 100 ps"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sim.scheduleIn(ev("neg", Priority.NORMAL), -1));
        assertThrows(IllegalArgumentException.class, () -> sim.runUntil(50));
        Simulator other = new Simulator();
        assertThrows(IllegalArgumentException.class, () -> other.scheduleAt(ev("foreign", 1), 200));
    }
}
