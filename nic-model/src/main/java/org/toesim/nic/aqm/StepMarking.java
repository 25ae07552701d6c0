package org.toesim.nic.aqm;

import org.toesim.nic.frame.Frame;

/**
 * DCTCP's switch rule (RFC 8257 §3.1; Alizadeh et al., SIGCOMM 2010 §3.1): mark an arriving
 * frame CE when the instantaneous queue, itself included, is at least K. No averaging, no
 * randomness. A Not-ECT frame above K is dropped (Linux sch_red with min = max = K and
 * {@code ecn}: RED_HARD_MARK on a frame {@code INET_ECN_set_ce} refuses).
 *
 * <pre>
 *   queue after arrival:  1 .. K-1   K  K+1 ...
 *   ECT frame:            ENQUEUE   MARK MARK
 *   Not-ECT frame:        ENQUEUE   DROP DROP
 * </pre>
 */
final class StepMarking implements QueueDiscipline {
    private final long threshold;
    private final QueueMeasure measure;

    StepMarking(AqmSpec.Step spec) {
        this.threshold = spec.threshold();
        this.measure = spec.measure();
    }

    @Override
    public Admission admit(Frame frame, int queuedFrames, long queuedBytes, long nowPs) {
        long withArrival = measure.of(queuedFrames + 1L, queuedBytes + frame.lenBytes());
        return withArrival >= threshold ? QueueDiscipline.signal(frame, true) : Admission.ENQUEUE;
    }
}
