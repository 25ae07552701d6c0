package org.toesim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random schedules, reschedules and cancels checked against a reference model: a plain list of
 * (time, priority, sequence) sorted at the end. Enough churn to trigger heap compaction.
 */
class EventOrderPropertyTest {
    private record Expected(long timePs, int priority, long seq, int id) {
    }

    @Test
    void matchesSortedReferenceUnderChurn() {
        for (int seed = 0; seed < 20; seed++) {
            Random rnd = new Random(seed);
            Simulator sim = new Simulator(4);
            int n = 3000;
            List<Integer> ran = new ArrayList<>();
            Event[] events = new Event[n];
            Expected[] latest = new Expected[n];
            long seq = 0;
            for (int i = 0; i < n; i++) {
                int id = i;
                events[i] = sim.newEvent("e" + i, "test", rnd.nextInt(4) * 10, () -> ran.add(id));
            }
            for (int op = 0; op < 20000; op++) {
                int i = rnd.nextInt(n);
                if (rnd.nextInt(5) == 0) {
                    sim.cancel(events[i]);
                    latest[i] = null;
                } else {
                    long t = rnd.nextInt(1000);
                    sim.scheduleAt(events[i], t);
                    latest[i] = new Expected(t, events[i].priority(), seq++, i);
                }
            }
            List<Expected> expected = new ArrayList<>();
            for (Expected e : latest) {
                if (e != null) {
                    expected.add(e);
                }
            }
            expected.sort(Comparator.comparingLong(Expected::timePs).thenComparingInt(Expected::priority)
                    .thenComparingLong(Expected::seq));
            assertEquals(expected.size(), sim.pendingCount());
            sim.run();
            assertEquals(expected.stream().map(Expected::id).toList(), ran, "seed " + seed);
        }
    }
}
