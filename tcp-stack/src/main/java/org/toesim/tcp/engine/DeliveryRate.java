package org.toesim.tcp.engine;

import org.toesim.tcp.cc.RateSample;
import org.toesim.tcp.segment.Segment;

/**
 * The engine side of delivery-rate sampling: makes the {@link RateSampler} when the SYN is
 * acknowledged (only for a congestion control that {@code ownsCwnd()}), gives it each ACK with
 * the loss-recovery state, and hands the sample to the strategy (Linux {@code tcp_ack} ─▶
 * {@code tcp_rate_gen} ─▶ {@code tcp_cong_control} ─▶ {@code cong_control}).
 *
 * <pre>
 *   AckProcessor.process: prior pipe ─▶ SACK / loss / recovery steps ─▶ onAck
 *       ─▶ RateSampler.onAck ─▶ cc.onRateSample(cs, sample) ─▶ cwnd, pacing rate
 *       ─▶ cc.marksAppLimited() ? RateSampler.markAppLimited
 * </pre>
 */
final class DeliveryRate {
    private final Tcb t;
    private final TcpConnection conn;
    private final RateSampler.PosMapper pos;

    DeliveryRate(Tcb t, TcpConnection conn) {
        this.t = t;
        this.conn = conn;
        this.pos = t::sndPosOf;
    }

    /** A fresh sampler when the handshake completes, if the algorithm sets cwnd itself. */
    void reset() {
        t.rate = t.cc.ownsCwnd() ? new RateSampler(t.sndUnaPos) : null;
    }

    /** Linux {@code tcp_packets_in_flight}: RFC 6675 pipe with SACK, else SND.NXT - SND.UNA. */
    long inFlightBytes() {
        return t.scoreboard != null ? t.scoreboard.pipeBytes() : t.flightBytes();
    }

    /** The ACK {@code seg} has been processed; {@code lost}: it marked new data lost. */
    void onAck(Segment seg, long oldUnaPos, long priorInFlight, boolean lost, long nowPs) {
        long sacked = t.scoreboard != null ? t.scoreboard.sackedBytes() : 0;
        long inFlight = inFlightBytes();
        long minRtt = t.usRtt != null && t.usRtt.minRttPs() >= 0 ? t.usRtt.minRttPs() : t.rtt.minRttPs();
        RateSample rs = t.rate.onAck(seg, oldUnaPos, t.sndUnaPos, t.sndMaxPos, sacked, pos,
                lost ? t.sndMssBytes : 0, priorInFlight, inFlight, t.inRecovery, minRtt, nowPs);
        t.cs.flightSizeBytes = inFlight;
        t.cs.sndUnaPos = t.sndUnaPos;
        t.cs.sndMaxPos = t.sndMaxPos;
        long before = t.cs.cwndBytes;
        t.cc.onRateSample(t.cs, rs, nowPs);
        if (t.cc.marksAppLimited()) {
            t.rate.markAppLimited(inFlightBytes());
        }
        if (t.cs.cwndBytes != before) {
            conn.traceCwnd("rate-sample", nowPs);
        }
    }
}
