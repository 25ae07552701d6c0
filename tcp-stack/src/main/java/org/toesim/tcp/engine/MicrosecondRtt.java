package org.toesim.tcp.engine;

import org.toesim.core.units.Units;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.rtt.SendTimeLog;
import org.toesim.tcp.segment.Segment;

/**
 * RTT sampling as Linux does it ({@link TcpFeatures#microsecondRtt()}): every ACK of new data
 * gives a sample from the send times of the segments it acknowledges, on a microsecond clock.
 *
 * <pre>
 *   ACK of new data ─▶ SendTimeLog.onAck (tcp_clean_rtx_queue)
 *     no retransmitted segment covered ─▶ seq_rtt = now - first sent, ca_rtt = now - last sent (µs)
 *     otherwise (Karn, RFC 6298 §3)    ─▶ TSecr echo, at least one tick (tcp_rtt_tsopt_us(tp, 1))
 *   seq_rtt ─▶ RFC 6298 estimator (tcp_rtt_estimator), ca_rtt ─▶ min RTT and cc.onRttSample
 *                                                        (tcp_ack_update_rtt, tcp_update_rtt_min)
 * </pre>
 *
 * The timestamp option stays on the wire (TSval on the {@code tsTickPs} clock, 1 ms as Linux's
 * {@code TCP_TS_HZ}); with timestamps Linux still prefers the per-skb sample. Min RTT is a
 * plain minimum over the connection's life (Linux: a 5-minute windowed minimum,
 * {@code tcp_min_rtt_wlen}; a bulk transfer of seconds sees the same value).
 */
final class MicrosecondRtt {
    private final Tcb t;
    private SendTimeLog log = new SendTimeLog();
    private long minRttPs = -1;

    MicrosecondRtt(Tcb t) {
        this.t = t;
    }

    /** A segment covering {@code [startPos, endPos)} went out (or out again) at {@code nowPs}. */
    void onSend(long startPos, long endPos, long nowPs, boolean retransmission) {
        log.onSend(startPos, endPos, nowPs, retransmission);
    }

    /** A time on the microsecond clock: {@code tcp_stamp_us_delta} in whole µs. */
    static long toMicros(long ps) {
        return ps / Units.PS_PER_US * Units.PS_PER_US;
    }

    /**
     * The ACK {@code seg} moves SND.UNA to {@code ackPos} (called before SND.UNA moves). Returns
     * the sample fed to the estimator, -1 for none.
     */
    long onNewAck(Segment seg, long ackPos, long nowPs) {
        SendTimeLog.AckTiming at = log.onAck(t.sndUnaPos, ackPos);
        long seqRttPs = -1;
        long caRttPs = -1;
        if (at.firstSentPs() >= 0 && !at.retransmittedAcked()) {
            seqRttPs = toMicros(nowPs - at.firstSentPs());
            caRttPs = toMicros(nowPs - at.lastSentPs());
        }
        if (seqRttPs < 0 && t.tsOk && seg.options().hasTimestamps() && seg.options().tsEcr() != 0) {
            int nowTicks = t.tsOffset + (int) (nowPs / t.config.tsTickPs());
            long ticks = nowTicks - seg.options().tsEcr();
            if (ticks >= 0) {
                seqRttPs = Math.max(1, ticks) * t.config.tsTickPs();
                caRttPs = seqRttPs;
            }
        }
        if (seqRttPs < 0) {
            return -1;
        }
        t.rtt.addSample(seqRttPs);
        t.stats.rttSamples++;
        minRttPs = minRttPs < 0 ? caRttPs : Math.min(minRttPs, caRttPs);
        t.cs.srttPs = t.rtt.srttPs();
        t.cs.minRttPs = minRttPs;
        t.cc.onRttSample(t.cs, caRttPs, nowPs);
        return seqRttPs;
    }

    /** Smallest ca_rtt sample so far, -1 before the first. */
    long minRttPs() {
        return minRttPs;
    }

    /** The state for a CCB at {@code nowPs}: the minimum and every in-flight send time, as ages. */
    ControlBlock.SendTimeRtt snapshot(long nowPs) {
        return new ControlBlock.SendTimeRtt(minRttPs, log.snapshot(nowPs));
    }

    /** Takes over the state of {@code s} (snapshotted at another instant), now {@code nowPs}. */
    void restore(ControlBlock.SendTimeRtt s, long nowPs) {
        minRttPs = s.minRttPs();
        log = SendTimeLog.restore(s.sendTimes(), nowPs);
    }
}
