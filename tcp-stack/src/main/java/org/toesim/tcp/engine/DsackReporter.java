package org.toesim.tcp.engine;

import org.toesim.tcp.segment.Segment;

/**
 * The data receiver's side of D-SACK (RFC 2883 §4, Linux {@code tcp_dsack_set}): with the
 * {@code dsack} feature on and SACK in use, a segment carrying data already received is reported
 * in the first SACK block of the ACK it triggers (that ACK goes out at once: duplicates set
 * {@code ackNow}).
 *
 * <pre>
 *   data entirely below RCV.NXT (unacceptable)    ─▶ D-SACK [SEG.SEQ, SEG.SEQ+len)   (§4.1.1)
 *   data starting below RCV.NXT, ending above it  ─▶ D-SACK [SEG.SEQ, RCV.NXT)
 *   out-of-order data entirely held already       ─▶ D-SACK [from, to), then its block (§4.1.2)
 * </pre>
 */
final class DsackReporter {
    private DsackReporter() {
    }

    private static boolean on(Tcb t) {
        return t.sackOk && t.config.features().dsack();
    }

    /** An unacceptable segment (RFC 9293 §3.10.7.4 first): a duplicate if its data lies below RCV.NXT. */
    static void onUnacceptable(Tcb t, Segment seg) {
        if (!on(t) || seg.payloadLenBytes() == 0) {
            return;
        }
        long start = t.rcvPosOf(seg.seq());
        long end = Math.min(start + seg.payloadLenBytes(), t.rcvNxtPos);
        if (start < end) {
            t.sackBuilder.onDuplicateSegment(seg.seq(), t.seqOfRcv(end));
        }
    }

    /**
     * In-order text whose start {@code startPos} lies below RCV.NXT (Linux {@code tcp_data_queue}:
     * "partial packet"). Acknowledged at once, where Linux may delay the ACK: the D-SACK block is
     * then never pending across a CCB snapshot.
     */
    static void onOverlap(Tcb t, long startPos) {
        if (on(t) && startPos < t.rcvNxtPos) {
            t.sackBuilder.onDuplicateSegment(t.seqOfRcv(startPos), t.seqOfRcv(t.rcvNxtPos));
            t.ackNow = true;
        }
    }

    /** Out-of-order text {@code [fromPos, toPos)} of which the reassembly queue stored {@code addedBytes}. */
    static void onOutOfOrder(Tcb t, long fromPos, long toPos, long addedBytes) {
        if (on(t) && addedBytes == 0) {
            t.sackBuilder.onDuplicateSegment(t.seqOfRcv(fromPos), t.seqOfRcv(toPos));
        }
    }
}
