package org.toesim.nic.aqm;

/**
 * The queue discipline of a port's transmit queue, as configured: one record per algorithm.
 * A record only describes; {@link #newDiscipline} builds the per-port state object.
 *
 * <pre>
 *   DropTail()                                   only the queue limit drops (default)
 *   Step(threshold, measure)                     DCTCP's K (RFC 8257 §3.1)
 *   Red(min, max, measure, weight, maxP, ...)    RED (Floyd, Jacobson 1993; Linux sch_red.c)
 *   CoDel(targetPs, intervalPs, ecn)             CoDel (RFC 8289)
 * </pre>
 */
public sealed interface AqmSpec permits AqmSpec.DropTail, AqmSpec.Step, AqmSpec.Red, AqmSpec.CoDel {
    /** The default: no AQM. */
    AqmSpec DROP_TAIL = new DropTail();

    /** A fresh discipline (state for one port). */
    QueueDiscipline newDiscipline(AqmContext context);

    /** The discipline's name as scenario files write it. */
    String kind();

    /** No active queue management: frames are lost only when the queue limit is reached. */
    record DropTail() implements AqmSpec {
        @Override
        public QueueDiscipline newDiscipline(AqmContext context) {
            return DropTail.PASS;
        }

        @Override
        public String kind() {
            return "droptail";
        }

        /** Stateless, so one shared instance. */
        private static final QueueDiscipline PASS = (f, frames, bytes, now) -> Admission.ENQUEUE;
    }

    /**
     * DCTCP's step marking: an arriving ECT frame is marked CE when the queue, the arriving frame
     * included, holds at least {@code threshold} frames or bytes; a Not-ECT frame is dropped
     * there instead (a switch's RED/WRED profile with min = max = K, as RFC 8257 §3.1 advises).
     *
     * @param threshold K, in {@code measure}, at least 1
     * @param measure   frames or bytes
     */
    record Step(long threshold, QueueMeasure measure) implements AqmSpec {
        public Step {
            if (threshold < 1) {
                throw new IllegalArgumentException("step threshold " + threshold + " < 1");
            }
            java.util.Objects.requireNonNull(measure, "measure");
        }

        @Override
        public QueueDiscipline newDiscipline(AqmContext context) {
            return new StepMarking(this);
        }

        @Override
        public String kind() {
            return "step";
        }
    }

    /**
     * Random Early Detection.
     *
     * @param minThreshold   min_th of the average queue, in {@code measure}
     * @param maxThreshold   max_th, greater than {@code minThreshold}
     * @param measure        frames or bytes
     * @param weight         w_q of the EWMA average, in (0, 1] (Floyd: 0.002; 1 = instantaneous)
     * @param maxP           max_p, the marking probability at max_th, in (0, 1]
     * @param gentle         true: between max_th and 2 max_th the probability rises linearly from
     *                       max_p to 1 instead of jumping to 1 (Floyd 2000, ns-3 RedQueueDisc)
     * @param ecn            true: mark ECT frames instead of dropping them below the hard region
     * @param avgPacketBytes typical frame size; the idle-time decay counts how many such frames the
     *                       line could have sent while idle (tc-red's {@code avpkt})
     */
    record Red(long minThreshold, long maxThreshold, QueueMeasure measure, double weight, double maxP,
               boolean gentle, boolean ecn, int avgPacketBytes) implements AqmSpec {
        public Red {
            java.util.Objects.requireNonNull(measure, "measure");
            if (minThreshold < 0 || maxThreshold <= minThreshold) {
                throw new IllegalArgumentException("RED thresholds need 0 <= min < max, got " + minThreshold
                        + " and " + maxThreshold);
            }
            if (!(weight > 0 && weight <= 1) || !(maxP > 0 && maxP <= 1)) {
                throw new IllegalArgumentException("RED weight " + weight + " and maxP " + maxP + " must be in (0, 1]");
            }
            if (avgPacketBytes < 1) {
                throw new IllegalArgumentException("RED avgPacketBytes " + avgPacketBytes + " < 1");
            }
        }

        @Override
        public QueueDiscipline newDiscipline(AqmContext context) {
            return new RedQueue(this, context.stream(),
                    org.toesim.core.units.Rates.bytesTimePs(avgPacketBytes, context.rateBitsPerSec()));
        }

        @Override
        public String kind() {
            return "red";
        }
    }

    /**
     * Controlled Delay.
     *
     * @param targetPs   acceptable standing sojourn time (RFC 8289 §4.4: 5 ms)
     * @param intervalPs the window the sojourn must stay above target before acting (§4.3: 100 ms)
     * @param ecn        true: mark ECT frames instead of dropping them (§5, Linux codel's {@code ecn})
     */
    record CoDel(long targetPs, long intervalPs, boolean ecn) implements AqmSpec {
        public CoDel {
            if (targetPs <= 0 || intervalPs <= 0) {
                throw new IllegalArgumentException("CoDel target " + targetPs + " ps and interval " + intervalPs
                        + " ps must be > 0");
            }
        }

        @Override
        public QueueDiscipline newDiscipline(AqmContext context) {
            return new CoDelQueue(this, context.mtuBytes() + org.toesim.nic.frame.EthernetWire.HEADER_BYTES);
        }

        @Override
        public String kind() {
            return "codel";
        }
    }
}
