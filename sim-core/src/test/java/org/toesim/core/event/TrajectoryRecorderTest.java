package org.toesim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Checkpoints are the digest's low 16 bits at every block boundary, and a comparing recorder
 * names the block that holds the first event a perturbed run changed, with this run's events.
 */
class TrajectoryRecorderTest {
    /** A run of {@code events} events, one every 10 ps; event {@code changed} (from 1) gets another owner. */
    private static void run(EventListener listener, int events, int changed) {
        Simulator sim = new Simulator();
        sim.setListener(listener);
        int[] n = {0};
        Runnable[] next = new Runnable[1];
        next[0] = () -> {
            if (++n[0] < events) {
                int number = n[0] + 1;
                sim.schedule(10, "tick", number == changed ? "other" : "node" + number % 3, next[0]);
            }
        };
        sim.schedule(0, "tick", changed == 1 ? "other" : "node1", next[0]);
        sim.run();
        assertEquals(events, sim.eventsRun());
    }

    /** The digest after each event (index 0: after event 1). */
    private static long[] digests(int events, int changed) {
        long[] out = new long[events];
        TrajectoryDigest d = new TrajectoryDigest();
        run(new EventListener() {
            @Override
            public void beforeEvent(Event event, long nowPs) {
                d.beforeEvent(event, nowPs);
                out[(int) d.events() - 1] = d.value();
            }
        }, events, changed);
        return out;
    }

    private static TrajectoryCheckpoints recorded(int events, int changed) {
        TrajectoryRecorder r = TrajectoryRecorder.recording(new TrajectoryDigest());
        run(r, events, changed);
        return r.checkpoints();
    }

    @Test
    void checkpointsAreTheDigestsLowBitsAtEachBlockEnd() {
        long[] d = digests(1000, 0);
        TrajectoryCheckpoints c = recorded(1000, 0);
        assertEquals(1000 / 32, c.count());
        assertEquals(32, c.blockEvents());
        for (int k = 0; k < c.count(); k++) {
            assertEquals(d[(k + 1) * 32 - 1] & 0xFFFF, c.at(k), "checkpoint " + k);
        }
        assertEquals(c, TrajectoryCheckpoints.decode(32, 1000, c.encode()));
        assertEquals(84, c.encode().length(), "base64 of 31 checkpoints of 2 bytes");
    }

    @Test
    void aLongRunKeepsEveryOtherCheckpointAndDoublesTheBlock() {
        long[] d = digests(100, 0);
        TrajectoryRecorder r = TrajectoryRecorder.recording(new TrajectoryDigest(), 4, 8);
        run(r, 100, 0);
        TrajectoryCheckpoints c = r.checkpoints();
        // 4, 8 .. 32 (8), coarsened at 36 to 8 .. 32 in blocks of 8, to 64 (8), at 72 to 16 .. 64, then 80, 96
        assertEquals(16, c.blockEvents());
        assertEquals(6, c.count());
        for (int k = 0; k < c.count(); k++) {
            assertEquals(d[(k + 1) * 16 - 1] & 0xFFFF, c.at(k), "checkpoint " + k);
        }
    }

    @Test
    void theFirstChangedEventIsInTheReportedBlock() {
        int events = 2000;
        TrajectoryCheckpoints expected = recorded(events, 0);
        for (int changed : new int[] {1, 2, 31, 32, 33, 64, 65, 1000, 1984, 1985, 1999, 2000}) {
            TrajectoryRecorder r = TrajectoryRecorder.comparingWith(new TrajectoryDigest(), expected);
            run(r, events, changed);
            TrajectoryDivergence d = r.divergence();
            assertTrue(d.agreeThroughEvent() < changed && changed <= d.differByEvent(), changed + ": " + d);
            assertTrue(d.candidates() <= 32, changed + ": " + d);
            TrajectoryEvent first = d.window().get(0);
            assertEquals(d.agreeThroughEvent() + 1, first.number());
            TrajectoryEvent mine = d.window().get((int) (changed - first.number()));
            assertEquals(changed, mine.number());
            assertEquals("other", mine.owner(), "this run's event " + changed + " is the changed one");
            assertEquals((changed - 1) * 10L, mine.timePs());
            assertEquals(events, d.actualEvents());
            assertEquals(events, d.expectedEvents());
        }
    }

    @Test
    void aRunThatEndsSoonerOrLaterDiffersByTheEventAfterTheShorterEnd() {
        TrajectoryCheckpoints expected = recorded(1000, 0);
        for (int events : new int[] {990, 992, 1010, 1050}) {
            TrajectoryRecorder r = TrajectoryRecorder.comparingWith(new TrajectoryDigest(), expected);
            run(r, events, 0);
            TrajectoryDivergence d = r.divergence();
            long shorter = Math.min(events, 1000);
            assertEquals(shorter + 1, d.differByEvent(), events + ": " + d);
            assertEquals(shorter / 32 * 32, d.agreeThroughEvent(), events + ": " + d);
            assertEquals(Math.min(events, shorter + 1) - d.agreeThroughEvent(), d.window().size(),
                    "this run's events up to the shorter end, and the one the baseline lacks");
            assertEquals(events, d.actualEvents());
        }
    }

    @Test
    void badCheckpointTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TrajectoryCheckpoints.decode(32, 100, "AAAA"), "3 bytes");
        assertThrows(IllegalArgumentException.class, () -> TrajectoryCheckpoints.decode(32, 100, "AAEAAg=="),
                "100 events make 3 checkpoints, not 2");
        assertThrows(IllegalArgumentException.class, () -> TrajectoryCheckpoints.decode(32, 64, "not base64!"));
        assertThrows(IllegalArgumentException.class, () -> TrajectoryCheckpoints.decode(0, 0, ""));
        assertEquals(2, TrajectoryCheckpoints.decode(32, 64, "AAEAAg==").count());
    }
}
