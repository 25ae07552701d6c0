package org.toesim.nic.aqm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.frame.Frame;

/** CoDel against the RFC 8289 §5 pseudocode: enter dropping after an interval above target, then interval/sqrt(count). */
class CoDelQueueTest {
    private static final long MS = 1_000_000_000L;
    private static final long TARGET_PS = 5 * MS;
    private static final long INTERVAL_PS = 100 * MS;

    private static CoDelQueue codel(boolean ecn) {
        return (CoDelQueue) new AqmSpec.CoDel(TARGET_PS, INTERVAL_PS, ecn)
                .newDiscipline(new AqmContext("p", 1_000_000_000L, 1500, null));
    }

    /** {@code n} frames all queued at time 0: a dequeue at t sees sojourn t. */
    private static ScriptedQueue standingQueue(int n, int ecn) {
        ScriptedQueue q = new ScriptedQueue();
        for (int i = 0; i < n; i++) {
            q.add(ScriptedQueue.frame(i, ecn), 0);
        }
        return q;
    }

    @Test
    void dropsStartOneIntervalAfterTheSojournFirstReachesTargetThenFollowTheControlLaw() {
        CoDelQueue c = codel(false);
        ScriptedQueue q = standingQueue(1000, Ecn.NOT_ECT);
        List<Long> dropTimesMs = new ArrayList<>();
        List<Long> dropNextPs = new ArrayList<>();
        for (long t = 1; t <= 450; t++) {
            int before = q.droppedIds.size();
            assertNotNull(c.dequeue(q, t * MS));
            if (q.droppedIds.size() > before) {
                assertEquals(before + 1, q.droppedIds.size(), "one drop per dequeue at this rate");
                dropTimesMs.add(t);
                dropNextPs.add(c.dropNextPs());
            }
        }
        // sojourn reaches 5 ms at t = 5 ms; first_above_time = 105 ms; then
        // drop_next = 105 + 100, + 100/sqrt 2, + 100/sqrt 3, ... and drops at the next 1 ms dequeue
        assertEquals(List.of(105L, 205L, 276L, 334L, 384L, 429L), dropTimesMs);
        long next = 105 * MS + INTERVAL_PS;
        assertEquals(next, dropNextPs.get(0));
        for (int count = 2; count <= 6; count++) {
            next += (long) (INTERVAL_PS / Math.sqrt(count));
            assertEquals(next, dropNextPs.get(count - 1), "drop_next after drop " + count);
        }
        assertTrue(c.dropping());
        assertEquals(6, c.count());
    }

    @Test
    void aSojournAboveTargetForLessThanAnIntervalNeverDrops() {
        CoDelQueue c = codel(false);
        ScriptedQueue q = new ScriptedQueue();
        // dequeues every ms from 10 to 300 ms; sojourn 6 ms for 99 ms, 4 ms for 1 ms, again and again
        for (long t = 10; t <= 300; t++) {
            long sojournMs = t % 100 == 0 ? 4 : 6;
            q.add(ScriptedQueue.frame(t, Ecn.NOT_ECT), (t - sojournMs) * MS);
        }
        q.add(ScriptedQueue.frame(999, Ecn.NOT_ECT), 300 * MS); // keeps bytes() above MAXPACKET
        for (long t = 10; t <= 300; t++) {
            c.dequeue(q, t * MS);
        }
        assertEquals(List.of(), q.droppedIds);
        assertFalse(c.dropping());
    }

    @Test
    void leavesTheDroppingStateWhenTheSojournFallsBelowTarget() {
        CoDelQueue c = codel(false);
        ScriptedQueue q = standingQueue(120, Ecn.NOT_ECT);
        for (long t = 1; t <= 106; t++) {
            c.dequeue(q, t * MS);
        }
        assertTrue(c.dropping());
        assertEquals(1, q.droppedIds.size());
        // a fresh frame: sojourn 1 ms
        ScriptedQueue fresh = new ScriptedQueue();
        fresh.add(ScriptedQueue.frame(5000, Ecn.NOT_ECT), 106 * MS);
        fresh.add(ScriptedQueue.frame(5001, Ecn.NOT_ECT), 107 * MS);
        fresh.add(ScriptedQueue.frame(5002, Ecn.NOT_ECT), 107 * MS);
        c.dequeue(fresh, 107 * MS);
        assertFalse(c.dropping());
        assertEquals(List.of(), fresh.droppedIds);
    }

    @Test
    void aQueueOfOneMtuIsNeverDroppedHoweverLongItsFrameWaited() {
        CoDelQueue c = codel(false);
        ScriptedQueue q = new ScriptedQueue();
        for (long t = 1; t <= 400; t++) {
            q.add(ScriptedQueue.frame(t, Ecn.NOT_ECT), 0);
            q.add(ScriptedQueue.frame(t + 10_000, Ecn.NOT_ECT), 0);
            c.dequeue(q, t * MS); // leaves one full-size frame: bytes() <= MAXPACKET
            c.dequeue(q, t * MS);
        }
        assertEquals(List.of(), q.droppedIds);
    }

    @Test
    void withEcnEctHeadsAreMarkedNotDroppedOnTheSameScheduleAndNotEctHeadsAreDropped() {
        CoDelQueue c = codel(true);
        ScriptedQueue q = standingQueue(1000, Ecn.ECT_0);
        List<Long> markTimesMs = new ArrayList<>();
        for (long t = 1; t <= 450; t++) {
            int before = q.markedIds.size();
            Frame f = c.dequeue(q, t * MS);
            if (q.markedIds.size() > before) {
                markTimesMs.add(t);
                assertEquals(Ecn.CE, Ecn.codepoint(f), "the marked frame is the one sent");
            }
        }
        assertEquals(List.of(), q.droppedIds);
        assertEquals(List.of(105L, 205L, 276L, 334L, 384L, 429L), markTimesMs);
        // a Not-ECT head in the same state is dropped
        CoDelQueue mixed = codel(true);
        ScriptedQueue m = standingQueue(200, Ecn.NOT_ECT);
        for (long t = 1; t <= 105; t++) {
            mixed.dequeue(m, t * MS);
        }
        assertEquals(1, m.droppedIds.size());
        assertEquals(List.of(), m.markedIds);
    }

    @Test
    void reenteringSoonAfterLeavingResumesTheDropRateWhereItWas() {
        CoDelQueue c = codel(false);
        ScriptedQueue q = standingQueue(1000, Ecn.NOT_ECT);
        for (long t = 1; t <= 430; t++) {
            c.dequeue(q, t * MS);
        }
        assertEquals(6, c.count());
        // the queue drains below target for a moment, then stands again
        ScriptedQueue later = new ScriptedQueue();
        later.add(ScriptedQueue.frame(1, Ecn.NOT_ECT), 430 * MS);
        for (int i = 0; i < 500; i++) {
            later.add(ScriptedQueue.frame(10 + i, Ecn.NOT_ECT), 431 * MS);
        }
        c.dequeue(later, 431 * MS);
        assertFalse(c.dropping());
        long t = 432;
        while (later.droppedIds.isEmpty()) {
            c.dequeue(later, t++ * MS);
        }
        // sojourn >= 5 ms at 436 ms, first drop one interval later at 536 ms, within 16 intervals of
        // the last drop_next: count = 6 - lastcount(1) = 5 (RFC 8289 §5.5), not 1
        assertEquals(537, t);
        assertEquals(5, c.count());
        assertEquals(536 * MS + (long) (INTERVAL_PS / Math.sqrt(5)), c.dropNextPs());
    }
}
