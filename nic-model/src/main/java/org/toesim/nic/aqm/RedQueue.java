package org.toesim.nic.aqm;

import org.apache.commons.math3.random.RandomGenerator;
import org.toesim.nic.frame.Frame;

/**
 * Random Early Detection (Floyd and Jacobson, "Random Early Detection Gateways for Congestion
 * Avoidance", IEEE/ACM ToN 1993, §4 and Fig. 2), decided at enqueue; Linux {@code sch_red.c} and
 * {@code include/net/red.h} run the same rule in fixed point.
 *
 * <pre>
 *   arrival, queue q:  line idle since t0?  avg = (1-wq)^m avg, m = (now-t0)/avpkt time
 *                      else                 avg = (1-wq) avg + wq q
 *   avg &lt; min                      count = -1, enqueue
 *   min &lt;= avg &lt; max                count++, pb = maxP (avg-min)/(max-min)
 *     (gentle: max &lt;= avg &lt; 2max    pb = maxP + (1-maxP)(avg-max)/max)
 *                                  pa = pb / (1 - count pb)   (1 once count pb &gt;= 1)
 *                                  with probability pa: count = 0, mark ECT / drop Not-ECT
 *   avg &gt;= max (gentle: 2max)      count = 0, drop
 * </pre>
 *
 * The count since the last mark makes the gap between marks uniform on 1..1/pb - 1 instead of
 * geometric (Floyd §7), so marks come evenly spaced. Above the hard threshold even ECT frames
 * are dropped: a queue that marking does not keep below max_th is overloaded (RFC 3168 §7;
 * Linux's {@code harddrop}). Draws: one uniform per frame in the random region, from the stream
 * {@code <port>.aqm}.
 */
final class RedQueue implements QueueDiscipline {
    private final AqmSpec.Red spec;
    private final RandomGenerator rng;
    private final long avgPacketTimePs;
    private final double min;
    private final double max;
    private double avg;
    private long count = -1;
    private boolean idle;
    private long idleSincePs;

    RedQueue(AqmSpec.Red spec, RandomGenerator rng, long avgPacketTimePs) {
        this.spec = spec;
        this.rng = rng;
        this.avgPacketTimePs = Math.max(1, avgPacketTimePs);
        this.min = spec.minThreshold();
        this.max = spec.maxThreshold();
    }

    @Override
    public Admission admit(Frame frame, int queuedFrames, long queuedBytes, long nowPs) {
        updateAverage(spec.measure().of(queuedFrames, queuedBytes), nowPs);
        if (avg < min) {
            count = -1;
            return Admission.ENQUEUE;
        }
        double hard = spec.gentle() ? 2 * max : max;
        if (avg >= hard) {
            count = 0;
            return Admission.DROP;
        }
        double pb = avg < max ? spec.maxP() * (avg - min) / (max - min)
                : spec.maxP() + (1 - spec.maxP()) * (avg - max) / max;
        count++;
        double pa = count * pb >= 1 ? 1 : pb / (1 - count * pb);
        if (rng.nextDouble() < pa) {
            count = 0;
            return QueueDiscipline.signal(frame, spec.ecn());
        }
        return Admission.ENQUEUE;
    }

    /** Floyd Fig. 2: the EWMA on a busy line, the (1-wq)^m decay after an idle period. */
    private void updateAverage(long queue, long nowPs) {
        if (idle) {
            idle = false;
            double m = (nowPs - idleSincePs) / (double) avgPacketTimePs;
            avg *= StrictMath.pow(1 - spec.weight(), m);
        } else {
            avg += spec.weight() * (queue - avg);
        }
    }

    @Override
    public void idle(long nowPs) {
        idle = true;
        idleSincePs = nowPs;
    }

    /** The average queue now (frames or bytes), for tests and logs. */
    double average() {
        return avg;
    }
}
