package org.toesim.tcp.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.units.Units;
import org.toesim.tcp.seq.SeqNum;
import org.toesim.tcp.trace.TcpTrace;

/**
 * The timer half of the engine (lwIP's tcp_slowtmr / tcp_fasttmr): one main timer of a
 * {@link TimerKind} with its deadline, plus the delayed-ACK deadline. Deadlines are plain
 * fields; nothing is scheduled here — the caller asks {@link TcpConnection#nextWakeupPs()}.
 *
 * <pre>
 *   RETRANSMIT expires ─▶ RTO backoff (RFC 6298 §5.5), cc loss window (RFC 5681 §3.1),
 *                         go back to SND.UNA, resend (SYN states: resend SYN / SYN-ACK)
 *   PERSIST expires    ─▶ zero-window probe, backoff (RFC 9293 §3.8.6.1)
 *   KEEPALIVE expires  ─▶ probe, or reset after N unanswered (RFC 1122 §4.2.3.6)
 *   TIME_WAIT expires  ─▶ CLOSED (RFC 9293 §3.10.8)
 *   delayed ACK due    ─▶ ACK now (RFC 1122 §4.2.3.2)
 *   RACK reorder due   ─▶ mark lost, maybe enter recovery (RFC 8985 §6.3; own deadline)
 *   probe timeout due  ─▶ tail loss probe (RFC 8985 §7.3; own deadline, never after the RTO)
 *   pacing release due ─▶ the next paced data segment (Pacer; the release time is one more
 *                         deadline of TcpConnection.nextWakeupPs(), the output step sends)
 * </pre>
 * Logged at DEBUG: each RTO firing with its retry count and the backed-off RTO, and giving up.
 */
final class Timers {
    private static final Logger LOG = LoggerFactory.getLogger(Timers.class);
    private final Tcb t;
    private final TcpConnection conn;
    private final OutputProcessor output;
    /** Starts recovery when the RACK reordering timer marks SND.UNA lost. */
    private AckProcessor recovery;

    Timers(Tcb t, TcpConnection conn, OutputProcessor output) {
        this.t = t;
        this.conn = conn;
        this.output = output;
    }

    void setRecovery(AckProcessor acks) {
        this.recovery = acks;
    }

    /** Handles every deadline at or before {@code nowPs}. */
    void fireDue(long nowPs, SegmentSink out) {
        if (t.delAckDeadlinePs <= nowPs) {
            t.delAckDeadlinePs = Long.MAX_VALUE;
            t.ackNow = true;
        }
        if (t.rackReoDeadlinePs <= nowPs) {
            recovery.onRackReorderTimeout(nowPs, out); // RFC 8985 §6.3
        }
        if (t.tlpDeadlinePs <= nowPs) {
            output.tlp().onTimeout(nowPs, out); // RFC 8985 §7.3
        }
        if (t.timerDeadlinePs > nowPs) {
            return;
        }
        t.timerDeadlinePs = Long.MAX_VALUE;
        switch (t.timer) {
            case RETRANSMIT -> onRetransmitTimeout(nowPs, out);
            case PERSIST -> onPersist(nowPs, out);
            case KEEPALIVE -> onKeepAlive(nowPs, out);
            case TIME_WAIT -> conn.setState(TcpState.CLOSED, nowPs);
            case IDLE -> {
            }
        }
    }

    /** Chooses the main timer after input or output (RFC 6298 §5.1-5.2 and the others). */
    void rearm(long nowPs) {
        switch (t.state) {
            case CLOSED, LISTEN -> set(TimerKind.IDLE, Long.MAX_VALUE);
            case TIME_WAIT -> {
                // armed on entry and restarted by a retransmitted FIN (enterTimeWait)
            }
            default -> rearmOpen(nowPs);
        }
        output.tlp().schedule(nowPs);
    }

    private void rearmOpen(long nowPs) {
        if (t.sndMaxPos > t.sndUnaPos || t.sndNxtPos > t.sndUnaPos) {
            if (t.timer != TimerKind.RETRANSMIT) {
                t.timerRetries = 0;
                set(TimerKind.RETRANSMIT, nowPs + t.rtt.rtoPs());
            }
            return;
        }
        boolean dataWaiting = t.sendBuf.endOffset() + 1 > t.sndNxtPos || (t.finQueued && !t.finSent());
        if (dataWaiting && t.sndWndBytes == 0 && t.state.isSynchronized()) {
            if (t.timer != TimerKind.PERSIST) {
                t.timerRetries = 0;
                set(TimerKind.PERSIST, nowPs + t.rtt.rtoPs());
            }
            return;
        }
        if (t.config.keepAlive() && t.state.isSynchronized()) {
            if (t.timer != TimerKind.KEEPALIVE) {
                t.timerRetries = 0;
                set(TimerKind.KEEPALIVE, t.lastRecvPs + t.config.keepAliveIdlePs());
            }
            return;
        }
        set(TimerKind.IDLE, Long.MAX_VALUE);
    }

    /** New data was acknowledged: restart the retransmission timer (RFC 6298 (5.3)) or stop it (5.2). */
    void onAckedNewData(long nowPs) {
        t.timerRetries = 0;
        if (t.sndMaxPos > t.sndUnaPos) {
            set(TimerKind.RETRANSMIT, nowPs + t.rtt.rtoPs());
        } else {
            set(TimerKind.IDLE, Long.MAX_VALUE);
        }
    }

    /** Something arrived: keep-alive probing starts over. */
    void onSegmentReceived(long nowPs) {
        t.lastRecvPs = nowPs;
        if (t.timer == TimerKind.KEEPALIVE) {
            t.timerRetries = 0;
            set(TimerKind.KEEPALIVE, nowPs + t.config.keepAliveIdlePs());
        }
    }

    /** TIME_WAIT entered or a FIN retransmitted in it: 2*MSL from now (RFC 9293 §3.10.7.4). */
    void enterTimeWait(long nowPs) {
        t.timerRetries = 0;
        set(TimerKind.TIME_WAIT, nowPs + 2 * t.config.mslPs());
    }

    /** The peer opened its window: stop probing. */
    void onWindowOpened() {
        if (t.timer == TimerKind.PERSIST) {
            set(TimerKind.IDLE, Long.MAX_VALUE);
        }
    }

    private void onRetransmitTimeout(long nowPs, SegmentSink out) {
        t.timerRetries++;
        t.stats.rtoFirings++;
        boolean synState = t.state == TcpState.SYN_SENT || t.state == TcpState.SYN_RECEIVED;
        int limit = synState ? t.config.maxSynRetries() : t.config.maxDataRetries();
        if (t.timerRetries > limit) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {}: {} RTO fired in {}: retry limit {} reached, giving up", Units.logTime(nowPs),
                        conn.component(), t.tuple.traceText(), t.state, limit);
            }
            if (!synState) {
                output.sendRst(t.seqOfSnd(t.sndNxtPos), nowPs, out);
            }
            conn.resetConnection("retransmission limit", nowPs);
            return;
        }
        t.rtt.onTimeout();
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} RTO fired in {}: retry {} of {}, SND.UNA {}, backoff: next RTO {}",
                    Units.logTime(nowPs), conn.component(), t.tuple.traceText(), t.state, t.timerRetries, limit,
                    SeqNum.toString(t.seqOfSnd(t.sndUnaPos)), Units.formatDuration(t.rtt.rtoPs()));
        }
        if (conn.traceEnabled()) {
            conn.traceRecord(nowPs, new TcpTrace.RtoFired(conn.tuple(), t.seqOfSnd(t.sndUnaPos) & 0xFFFFFFFFL, t.timerRetries,
                    t.rtt.rtoPs()));
        }
        t.rttSeqPos = -1;
        if (!synState) {
            t.undo.onRetransmissionTimeout(t);
            // RFC 5681 §3.1 (4): ssthresh = max(FlightSize/2, 2*SMSS), cwnd = 1 SMSS; RFC 6582 §3.2 (4)
            t.cs.flightSizeBytes = t.sndMaxPos - t.sndUnaPos;
            t.cc.onRetransmissionTimeout(t.cs, nowPs);
            if (t.ecnOk) {
                t.ecnCwrToSend = true; // Linux tcp_enter_loss: tcp_ecn_queue_cwr
            }
            conn.traceCwnd("rto", nowPs);
            t.inRecovery = false;
            t.dupAcks = 0;
            t.recoverPos = t.sndMaxPos;
            output.tlp().cancel(); // Linux tcp_enter_loss: no probe outstanding
            output.rack().onRetransmissionTimeout();
            if (t.scoreboard != null) {
                t.scoreboard.onNewDataSent(t.seqOfSnd(t.sndMaxPos));
                t.scoreboard.onRetransmissionTimeout(); // RFC 6675 §5.1: RecoveryPoint = HighData
            }
        }
        t.sndNxtPos = t.sndUnaPos;
        set(TimerKind.RETRANSMIT, nowPs + t.rtt.rtoPs());
        output.dispatch(nowPs, out);
    }

    private void onPersist(long nowPs, SegmentSink out) {
        if (t.sndWndBytes > 0) {
            set(TimerKind.IDLE, Long.MAX_VALUE);
            return;
        }
        t.timerRetries++;
        output.sendProbe(nowPs, out);
        long backedOff = t.rtt.rtoPs() << Math.min(t.timerRetries, 16);
        set(TimerKind.PERSIST, nowPs + Math.min(backedOff, t.config.maxRtoPs()));
    }

    private void onKeepAlive(long nowPs, SegmentSink out) {
        if (t.timerRetries >= t.config.keepAliveProbes()) {
            output.sendRst(t.seqOfSnd(t.sndNxtPos), nowPs, out);
            conn.resetConnection("keep-alive timeout", nowPs);
            return;
        }
        t.timerRetries++;
        output.sendProbe(nowPs, out);
        set(TimerKind.KEEPALIVE, nowPs + t.config.keepAliveIntervalPs());
    }

    private void set(TimerKind kind, long deadlinePs) {
        t.timer = kind;
        t.timerDeadlinePs = deadlinePs;
    }
}
