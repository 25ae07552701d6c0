package org.toesim.tcp.engine;

/**
 * Proportional Rate Reduction (RFC 6937) as Linux runs it ({@code tcp_init_cwnd_reduction},
 * {@code tcp_cwnd_reduction}, {@code tcp_end_cwnd_reduction}): during fast recovery each ACK
 * sets cwnd = pipe + sndcnt, so that the data sent in recovery tracks the data delivered.
 *
 * <pre>
 *   enter recovery ─▶ prr_delivered = prr_out = 0, RecoverFS = cwnd before the reduction
 *   every ACK      ─▶ prr_delivered += DeliveredData
 *                     pipe &gt; ssthresh: sndcnt = ceil(ssthresh * prr_delivered / RecoverFS) - prr_out
 *                     else (PRR-SSRB): sndcnt = min(ssthresh - pipe,
 *                               max(prr_delivered - prr_out, DeliveredData) [+ SMSS if SND.UNA
 *                               advanced and nothing newly lost])
 *                     sndcnt = max(sndcnt, SMSS if prr_out = 0)  (the fast retransmit goes)
 *                     cwnd = pipe + sndcnt
 *   every send     ─▶ prr_out += bytes (OutputProcessor.emit)
 *   exit           ─▶ cwnd = ssthresh (RFC 6937 §3.1, tcp_end_cwnd_reduction)
 * </pre>
 *
 * Byte-based as in RFC 6937 §3, except that the proportional part is rounded up to whole
 * segments as Linux's packet count is (a byte count would send a segment one ACK late).
 * RecoverFS is Linux's {@code prior_cwnd}, not the RFC's FlightSize at entry.
 */
final class Prr {
    private final Tcb t;

    Prr(Tcb t) {
        this.t = t;
    }

    boolean enabled() {
        return t.config.features().prr();
    }

    /** Recovery begins; {@code priorCwndBytes} is cwnd before ssthresh was applied. */
    void init(long priorCwndBytes) {
        t.prrDeliveredBytes = 0;
        t.prrOutBytes = 0;
        t.prrRecoverFsBytes = Math.max(1, priorCwndBytes);
    }

    /**
     * One ACK in recovery delivered {@code deliveredBytes}; {@code pipeBytes} is the data in flight
     * (RFC 6675 pipe with SACK). Returns sndcnt: how much may be sent on this ACK, or -1 when
     * nothing was delivered (cwnd stays).
     */
    long sndcnt(long deliveredBytes, long pipeBytes, boolean sndUnaAdvanced, boolean newlyLost) {
        if (deliveredBytes <= 0) {
            return -1;
        }
        t.prrDeliveredBytes += deliveredBytes;
        long ssthresh = t.cs.ssthreshBytes;
        long delta = ssthresh - pipeBytes;
        long sndcnt;
        if (delta < 0) {
            // Linux counts packets: ceil(ssthresh * prr_delivered / prior_cwnd) whole segments
            long perSegment = t.prrRecoverFsBytes * t.sndMssBytes;
            long segments = (ssthresh * t.prrDeliveredBytes + perSegment - 1) / perSegment;
            sndcnt = segments * t.sndMssBytes - t.prrOutBytes;
        } else {
            sndcnt = Math.max(t.prrDeliveredBytes - t.prrOutBytes, deliveredBytes);
            if (sndUnaAdvanced && !newlyLost) {
                sndcnt += t.sndMssBytes;
            }
            sndcnt = Math.min(delta, sndcnt);
        }
        return Math.max(sndcnt, t.prrOutBytes > 0 ? 0 : t.sndMssBytes);
    }

    /** SACK recovery: cwnd = pipe + sndcnt (unchanged when nothing was delivered). */
    void onSackAck(long deliveredBytes, boolean sndUnaAdvanced, boolean newlyLost) {
        long pipe = t.scoreboard.pipeBytes();
        long sndcnt = sndcnt(deliveredBytes, pipe, sndUnaAdvanced, newlyLost);
        if (sndcnt >= 0) {
            t.cs.cwndBytes = pipe + sndcnt;
        }
    }

    /**
     * Without SACK: sndcnt with pipe = FlightSize less what the duplicate ACKs reported (Linux
     * {@code tcp_packets_in_flight} with {@code sacked_out} from {@code tcp_add_reno_sack}). The
     * data loop compares cwnd with FlightSize, so the caller sets cwnd = FlightSize + sndcnt, less
     * what it retransmits at once. -1 when nothing was delivered.
     */
    long renoSndcnt(long deliveredBytes, boolean sndUnaAdvanced) {
        long flight = t.sndNxtPos - t.sndUnaPos;
        long pipe = Math.max(0, flight - t.renoSackedBytes);
        return sndcnt(deliveredBytes, pipe, sndUnaAdvanced, false);
    }

    /** A duplicate ACK without SACK: one more segment left the network (Linux {@code tcp_add_reno_sack}). */
    long addRenoSack() {
        long flight = t.sndMaxPos - t.sndUnaPos;
        long before = t.renoSackedBytes;
        t.renoSackedBytes = Math.min(t.renoSackedBytes + t.sndMssBytes, Math.max(0, flight - t.sndMssBytes));
        return Math.max(t.renoSackedBytes - before, 0);
    }

    /**
     * A cumulative ACK of {@code ackedBytes} without SACK (Linux {@code tcp_remove_reno_sacks}): one
     * segment filled the hole, the rest had been counted by duplicate ACKs. Returns the bytes it
     * newly delivered.
     */
    long removeRenoSacks(long ackedBytes) {
        if (ackedBytes <= 0) {
            return 0;
        }
        long delivered = Math.max(ackedBytes - t.renoSackedBytes, Math.min(ackedBytes, t.sndMssBytes));
        long eaten = Math.max(0, ackedBytes - t.sndMssBytes);
        t.renoSackedBytes = Math.max(0, t.renoSackedBytes - eaten);
        return delivered;
    }

    /** Bytes sent while in recovery (prr_out). */
    void onSent(long bytes) {
        t.prrOutBytes += bytes;
    }
}
