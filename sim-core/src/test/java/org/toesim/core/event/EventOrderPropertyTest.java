package org.toesim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Random schedules, reschedules and cancels checked against a reference model: a plain list of
 * (time, priority, sequence) sorted at the end, for every {@link EventListKind}. The time
 * distributions are chosen to stress the ladder queue: one crowded instant (buckets that cannot
 * be split), bimodal near/far-future times up to {@code Long.MAX_VALUE} (rungs down to the
 * last level), heavy cancel churn (compaction), and events that schedule others at {@code now}
 * from inside their action. A last test runs the same self-scheduling random program on both
 * structures and requires the identical execution order.
 */
class EventOrderPropertyTest {
    private record Expected(long timePs, int priority, long seq, int id) {
    }

    /** Draws a time from a random source. */
    private interface TimeDraw {
        long next(Random rnd);
    }

    @ParameterizedTest
    @EnumSource(EventListKind.class)
    void matchesSortedReferenceUnderChurn(EventListKind kind) {
        for (int seed = 0; seed < 20; seed++) {
            checkAgainstReference(kind, seed, 3000, 20000, 5, rnd -> rnd.nextInt(1000));
        }
    }

    @ParameterizedTest
    @EnumSource(EventListKind.class)
    void manyEventsAtOneInstant(EventListKind kind) {
        for (int seed = 0; seed < 5; seed++) {
            checkAgainstReference(kind, seed, 5000, 12000, 7, rnd -> rnd.nextInt(50) == 0 ? 7 : 1_000_000);
        }
    }

    @ParameterizedTest
    @EnumSource(EventListKind.class)
    void bimodalAndFarFutureTimes(EventListKind kind) {
        TimeDraw draw = rnd -> switch (rnd.nextInt(10)) {
            case 0 -> Long.MAX_VALUE - rnd.nextInt(3);
            case 1, 2 -> 1_000_000_000_000_000L + rnd.nextInt(1_000_000);
            default -> rnd.nextInt(2000);
        };
        for (int seed = 0; seed < 10; seed++) {
            checkAgainstReference(kind, seed, 4000, 15000, 6, draw);
        }
    }

    @ParameterizedTest
    @EnumSource(EventListKind.class)
    void delaysAtEveryScaleFillAllRungs(EventListKind kind) {
        // log-uniform delays: every bucket stays crowded at every width, down to the last rung
        TimeDraw draw = rnd -> (1L << rnd.nextInt(60)) + rnd.nextInt(4);
        for (int seed = 0; seed < 6; seed++) {
            checkAgainstReference(kind, seed, 4000, 20000, 8, draw);
        }
    }

    @ParameterizedTest
    @EnumSource(EventListKind.class)
    void heavyCancelChurn(EventListKind kind) {
        for (int seed = 0; seed < 5; seed++) {
            checkAgainstReference(kind, seed, 8000, 60000, 2, 40, rnd -> rnd.nextInt(1_000_000));
        }
    }

    /**
     * {@code ops} random operations on {@code n} events: schedule (at now + a drawn delay, or at
     * the drawn instant itself when it is beyond {@code Long.MAX_VALUE / 2}), cancel one in
     * {@code cancelOneIn}, and one in {@code stepOneIn} (default four) a {@link Simulator#step()} whose event must be the
     * reference's least (time, priority, sequence); then the rest must run in reference order.
     * Stepping while scheduling keeps rungs and the bottom populated during churn and compaction.
     */
    private static void checkAgainstReference(EventListKind kind, int seed, int n, int ops, int cancelOneIn,
            TimeDraw draw) {
        checkAgainstReference(kind, seed, n, ops, cancelOneIn, 4, draw);
    }

    private static void checkAgainstReference(EventListKind kind, int seed, int n, int ops, int cancelOneIn,
            int stepOneIn, TimeDraw draw) {
        Random rnd = new Random(seed);
        Simulator sim = new Simulator(kind, 4);
        List<Integer> ran = new ArrayList<>();
        Event[] events = new Event[n];
        Expected[] latest = new Expected[n];
        TreeSet<Expected> reference = new TreeSet<>(ORDER);
        long seq = 0;
        for (int i = 0; i < n; i++) {
            int id = i;
            events[i] = sim.newEvent("e" + i, "test", rnd.nextInt(4) * 10, () -> ran.add(id));
        }
        for (int op = 0; op < ops; op++) {
            int i = rnd.nextInt(n);
            boolean step = rnd.nextInt(stepOneIn) == 0;
            if (step && !reference.isEmpty()) {
                Expected next = reference.pollFirst();
                latest[next.id()] = null;
                sim.step();
                assertEquals(next.id(), ran.get(ran.size() - 1), kind + " seed " + seed + " op " + op);
                assertEquals(next.timePs(), sim.now());
            } else if (rnd.nextInt(cancelOneIn) == 0) {
                sim.cancel(events[i]);
                if (latest[i] != null) {
                    reference.remove(latest[i]);
                }
                latest[i] = null;
            } else {
                long d = Math.max(0, draw.next(rnd));
                long t = d > Long.MAX_VALUE / 2 ? Math.max(d, sim.now()) : sim.now() + Math.min(d, Long.MAX_VALUE - sim.now());
                sim.scheduleAt(events[i], t);
                if (latest[i] != null) {
                    reference.remove(latest[i]);
                }
                latest[i] = new Expected(t, events[i].priority(), seq++, i);
                reference.add(latest[i]);
            }
        }
        assertEquals(reference.size(), sim.pendingCount());
        int before = ran.size();
        sim.run();
        assertEquals(reference.stream().map(Expected::id).toList(), ran.subList(before, ran.size()),
                kind + " seed " + seed);
        assertEquals(0, sim.pendingCount());
    }

    private static final Comparator<Expected> ORDER = Comparator.comparingLong(Expected::timePs)
            .thenComparingInt(Expected::priority).thenComparingLong(Expected::seq);

    @ParameterizedTest
    @EnumSource(EventListKind.class)
    void eventsScheduledAtNowFromInsideAnEventKeepTheOrder(EventListKind kind) {
        for (int seed = 0; seed < 10; seed++) {
            // Every event scheduled at now runs in this instant, after lower (priority, seq) ones.
            List<String> trace = runSelfScheduling(kind, seed, delay -> delay % 3 == 0 ? 0 : delay);
            long lastPs = -1;
            for (String entry : trace) {
                long atPs = Long.parseLong(entry.substring(entry.indexOf('@') + 1));
                assertEquals(true, atPs >= lastPs, "time went backwards at " + entry);
                lastPs = atPs;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = EventListKind.class, names = "LADDER")
    void ladderAndHeapRunTheSameRandomProgramIdentically(EventListKind kind) {
        LongUnaryOperator[] shapes = {
            d -> d, // spread
            d -> d % 4 == 0 ? 0 : d, // a quarter at now
            d -> d % 7 == 0 ? d * 1_000_000_000L : d % 5, // bimodal, crowded instants
        };
        for (LongUnaryOperator shape : shapes) {
            for (int seed = 0; seed < 8; seed++) {
                List<String> reference = runSelfScheduling(EventListKind.QUATERNARY_HEAP, seed, shape);
                assertEquals(reference, runSelfScheduling(kind, seed, shape), "seed " + seed);
            }
        }
    }

    /**
     * A random program: 400 events; each, when it runs, draws from one stream (so a different
     * order would change every later draw) and reschedules itself or another event after a
     * delay shaped by {@code shape} (0 means now), or cancels one. Returns "id@timePs" per run.
     */
    private static List<String> runSelfScheduling(EventListKind kind, int seed, LongUnaryOperator shape) {
        Simulator sim = new Simulator(kind, 16);
        Random rnd = new Random(seed);
        List<String> trace = new ArrayList<>();
        int n = 400;
        Event[] events = new Event[n];
        for (int i = 0; i < n; i++) {
            int id = i;
            events[i] = sim.newEvent("e" + i, "test", rnd.nextInt(3) * 10, () -> {
                trace.add(id + "@" + sim.now());
                if (trace.size() > 30_000) {
                    return;
                }
                int target = rnd.nextInt(n);
                int action = rnd.nextInt(10);
                if (action == 0) {
                    sim.cancel(events[target]);
                } else {
                    long delayPs = shape.applyAsLong(1 + rnd.nextInt(5000));
                    sim.scheduleIn(action < 5 ? events[id] : events[target], delayPs);
                    if (action == 9) {
                        sim.scheduleIn(events[rnd.nextInt(n)], 0);
                    }
                }
            });
        }
        for (int i = 0; i < n; i++) {
            sim.scheduleAt(events[i], shape.applyAsLong(1 + rnd.nextInt(5000)));
        }
        sim.run();
        return trace;
    }
}
