package org.toesim.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.core.event.Event;
import org.toesim.core.event.Simulator;
import org.toesim.core.trace.CollectingTraceSink;
import org.toesim.core.trace.TraceRecord;
import org.toesim.core.trace.TraceSink;

/** The checker stops a run at the first event after which an invariant fails, naming it. */
class InvariantCheckerTest {
    private record Tick(int n) implements TraceRecord {
    }

    /** A counter a buggy component drives above its limit at its 5th event. */
    private static final class Bucket {
        int level;
    }

    @Test
    void aViolationStopsTheRunAtTheEventThatCausedItNamingInvariantSubjectAndTime() {
        Simulator sim = new Simulator();
        Bucket bucket = new Bucket();
        InvariantChecker checker = new InvariantChecker();
        checker.add(new Invariant() {
            @Override
            public String name() {
                return "bucketBound";
            }

            @Override
            public InvariantViolation check(long nowPs) {
                return bucket.level <= 4 ? null
                        : new InvariantViolation(name(), "bucket", nowPs, "level " + bucket.level + " > 4");
            }
        });
        sim.setListener(checker);
        for (int i = 1; i <= 10; i++) {
            sim.schedule(i * 1000L, "fill", "bucket", () -> bucket.level++);
        }
        InvariantViolationException e = assertThrows(InvariantViolationException.class, sim::run);
        assertEquals("bucketBound", e.violation().invariant());
        assertEquals("bucket", e.violation().subject());
        assertEquals(5000L, e.violation().timePs(), "stopped after the 5th fill");
        assertEquals(5, bucket.level, "no event ran after the violating one");
        assertTrue(e.getMessage().startsWith("invariant 'bucketBound' violated by bucket at "), e.getMessage());
        assertTrue(e.getMessage().contains("(5000 ps): level 5 > 4"), e.getMessage());
        assertEquals(5, checker.eventsChecked(), "checked after each of the five events");
    }

    @Test
    void anEventBeforeThePreviousOneIsAnEventInThePast() {
        Simulator sim = new Simulator();
        Event e = sim.newEvent("late", "clock", () -> { });
        InvariantChecker checker = new InvariantChecker();
        checker.beforeEvent(e, 2_000);
        checker.beforeEvent(e, 2_000);
        InvariantViolation v = assertThrows(InvariantViolationException.class, () -> checker.beforeEvent(e, 1_999))
                .violation();
        assertEquals(InvariantChecker.NO_EVENT_IN_PAST, v.invariant());
        assertEquals("event late of clock", v.subject());
        assertTrue(v.detail().contains("after an event at 2000 ps"), v.detail());
    }

    @Test
    void aCorrectRunPassesEveryCheckAndTheKernelNeverRunsAnEventInThePast() {
        Simulator sim = new Simulator();
        InvariantChecker checker = new InvariantChecker();
        checker.add(new Invariant() {
            @Override
            public String name() {
                return "always";
            }

            @Override
            public InvariantViolation check(long nowPs) {
                return null;
            }
        });
        sim.setListener(checker);
        for (int i = 0; i < 100; i++) {
            sim.schedule((i * 7919L) % 1000, "e", "o", () -> { });
        }
        sim.run();
        assertEquals(100, checker.eventsChecked());
        assertEquals(100, checker.checksRun());
    }

    @Test
    void traceRecordsGoingBackInTimeOrStampedInTheFutureAreCaught() {
        long[] now = {100};
        CollectingTraceSink seen = new CollectingTraceSink();
        MonotonicTraceSink sink = new MonotonicTraceSink(seen, () -> now[0]);
        sink.record(50, "a.tcp", new Tick(1));
        sink.record(100, "a.cpu", new Tick(2));
        assertEquals(2, seen.entries().size(), "forwarded");
        InvariantViolation back = assertThrows(InvariantViolationException.class,
                () -> sink.record(90, "a.tcp", new Tick(3))).violation();
        assertEquals(MonotonicTraceSink.NAME, back.invariant());
        assertEquals("a.tcp", back.subject());
        assertTrue(back.detail().contains("stamped 90 ps, before the previous record (a.cpu) at 100 ps"), back.detail());
        InvariantViolation future = assertThrows(InvariantViolationException.class,
                () -> sink.record(101, "a.tcp", new Tick(4))).violation();
        assertTrue(future.detail().contains("after the simulator's clock"), future.detail());
    }

    @Test
    void theTraceCheckIsOnEvenWhenNothingIsWritten() {
        MonotonicTraceSink sink = new MonotonicTraceSink(TraceSink.NONE, () -> 10);
        assertTrue(sink.enabled(), "components build records so their stamps are checked");
        sink.record(10, "x", new Tick(1));
        assertEquals(1, sink.records());
    }
}
