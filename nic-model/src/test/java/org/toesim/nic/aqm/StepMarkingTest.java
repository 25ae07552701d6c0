package org.toesim.nic.aqm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.toesim.nic.frame.Frame;

/** DCTCP's threshold K on the instantaneous queue, the arriving frame included (RFC 8257 §3.1). */
class StepMarkingTest {
    private static QueueDiscipline step(long k, QueueMeasure m) {
        return new AqmSpec.Step(k, m).newDiscipline(new AqmContext("p", 1_000_000_000L, 1500, null));
    }

    @Test
    void theKthQueuedFrameIsMarkedAndTheOneBeforeIsNot() {
        QueueDiscipline d = step(20, QueueMeasure.FRAMES);
        Frame ect = ScriptedQueue.frame(1, Ecn.ECT_0);
        // 18 frames waiting: the arrival is the 19th = K-1
        assertEquals(Admission.ENQUEUE, d.admit(ect, 18, 18 * 1514, 0));
        assertEquals(Admission.MARK, d.admit(ect, 19, 19 * 1514, 0));
        assertEquals(Admission.MARK, d.admit(ect, 500, 500 * 1514, 0));
        assertEquals(Admission.ENQUEUE, d.admit(ect, 0, 0, 0));
    }

    @Test
    void aNotEctFrameAtKIsDroppedAndBelowKPasses() {
        QueueDiscipline d = step(20, QueueMeasure.FRAMES);
        Frame notEct = ScriptedQueue.frame(1, Ecn.NOT_ECT);
        assertEquals(Admission.ENQUEUE, d.admit(notEct, 18, 0, 0));
        assertEquals(Admission.DROP, d.admit(notEct, 19, 0, 0));
        assertEquals(Admission.MARK, d.admit(ScriptedQueue.frame(2, Ecn.CE), 19, 0, 0), "CE stays marked");
        assertEquals(Admission.MARK, d.admit(ScriptedQueue.frame(3, Ecn.ECT_1), 19, 0, 0));
    }

    @Test
    void aByteThresholdCountsTheArrivingFramesBytes() {
        Frame ect = ScriptedQueue.frame(1, Ecn.ECT_0);
        assertEquals(1514, ect.lenBytes());
        QueueDiscipline d = step(30_000, QueueMeasure.BYTES);
        assertEquals(Admission.ENQUEUE, d.admit(ect, 1, 30_000 - 1514 - 1, 0));
        assertEquals(Admission.MARK, d.admit(ect, 1, 30_000 - 1514, 0));
    }
}
