package org.toesim.nic.aqm;

import org.toesim.nic.frame.Frame;

/**
 * CoDel, Controlled Delay (RFC 8289), decided at dequeue from each frame's sojourn time; a
 * transcription of the pseudocode of RFC 8289 §5.4-5.6 with Linux {@code codel_impl.h}'s ECN
 * path (mark instead of drop, then leave the drop loop).
 *
 * <pre>
 *   doDequeue: sojourn = now - enqueue time of the head
 *     sojourn &lt; target or queue &lt;= MAXPACKET bytes:  firstAbove = 0
 *     else firstAbove == 0:  firstAbove = now + interval
 *     else now &gt;= firstAbove: okToDrop                         (above target a whole interval)
 *   dequeue:
 *     dropping: !okToDrop -&gt; leave; while now &gt;= dropNext: count++, drop (or mark and stop),
 *               next head; dropNext = dropNext + interval/sqrt(count)      (the control law)
 *     not dropping, okToDrop: drop (or mark) the head, dropping = true,
 *               count = delta &gt; 1 and recent (16 intervals) ? delta : 1, dropNext = now + interval/sqrt(count)
 * </pre>
 */
final class CoDelQueue implements QueueDiscipline {
    private final long targetPs;
    private final long intervalPs;
    private final boolean ecn;
    private final long maxPacketBytes;
    /** RFC 8289's first_above_time; 0 = not above target. */
    private long firstAbovePs;
    private long dropNextPs;
    private long count;
    private long lastCount;
    private boolean dropping;
    /** The last doDequeue's ok_to_drop (a field: no result object per frame). */
    private boolean okToDrop;

    CoDelQueue(AqmSpec.CoDel spec, long maxPacketBytes) {
        this.targetPs = spec.targetPs();
        this.intervalPs = spec.intervalPs();
        this.ecn = spec.ecn();
        this.maxPacketBytes = maxPacketBytes;
    }

    @Override
    public Admission admit(Frame frame, int queuedFrames, long queuedBytes, long nowPs) {
        return Admission.ENQUEUE;
    }

    @Override
    public Frame dequeue(AqmQueue q, long nowPs) {
        Frame f = doDequeue(q, nowPs);
        if (f == null) {
            dropping = false;
            return null;
        }
        if (dropping) {
            if (!okToDrop) {
                dropping = false;
            }
            while (dropping && nowPs >= dropNextPs) {
                count++;
                if (ecn && Ecn.markable(f)) {
                    dropNextPs = controlLaw(dropNextPs, count);
                    return q.markCe(f);
                }
                q.drop(f);
                f = doDequeue(q, nowPs);
                if (!okToDrop) {
                    dropping = false;
                } else {
                    dropNextPs = controlLaw(dropNextPs, count);
                }
            }
        } else if (okToDrop) {
            f = signalFirst(q, f, nowPs);
        }
        return f;
    }

    /** Entering the dropping state (RFC 8289 §5.5): signal the head, set count and the first dropNext. */
    private Frame signalFirst(AqmQueue q, Frame head, long nowPs) {
        Frame f;
        if (ecn && Ecn.markable(head)) {
            f = q.markCe(head);
        } else {
            q.drop(head);
            f = doDequeue(q, nowPs);
        }
        dropping = true;
        long delta = count - lastCount;
        count = 1;
        if (delta > 1 && nowPs - dropNextPs < 16 * intervalPs) {
            count = delta;
        }
        dropNextPs = controlLaw(nowPs, count);
        lastCount = count;
        return f;
    }

    /** RFC 8289 §5.4 dodequeue: the head and whether it has been above target for an interval. */
    private Frame doDequeue(AqmQueue q, long nowPs) {
        okToDrop = false;
        if (q.frames() == 0) {
            firstAbovePs = 0;
            return null;
        }
        long sojournPs = nowPs - q.headEnqueuePs();
        Frame f = q.poll();
        if (sojournPs < targetPs || q.bytes() <= maxPacketBytes) {
            firstAbovePs = 0;
        } else if (firstAbovePs == 0) {
            firstAbovePs = nowPs + intervalPs;
        } else if (nowPs >= firstAbovePs) {
            okToDrop = true;
        }
        return f;
    }

    /** RFC 8289 §5.6: t + interval / sqrt(count). */
    long controlLaw(long tPs, long n) {
        return tPs + (long) (intervalPs / Math.sqrt(n));
    }

    boolean dropping() {
        return dropping;
    }

    long count() {
        return count;
    }

    long dropNextPs() {
        return dropNextPs;
    }
}
