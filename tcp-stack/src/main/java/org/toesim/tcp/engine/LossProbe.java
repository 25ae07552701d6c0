package org.toesim.tcp.engine;

import org.toesim.core.units.Units;

/**
 * Tail Loss Probe (RFC 8985 §7, Linux {@code tcp_schedule_loss_probe},
 * {@code tcp_send_loss_probe}, {@code tcp_process_tlp_ack}); only with {@code features().tlp()}
 * and SACK, as in Linux. Its deadline sits beside the main timer (like the delayed ACK) and is
 * never later than the retransmission timer's.
 *
 * <pre>
 *   new data sent / ACK, open state, no probe out ─▶ PTO = 2*SRTT + (one segment in flight ?
 *                                   min RTO : 2 ms), at most the time left on the RTO (§7.2)
 *   PTO fires ─▶ one new segment if the window allows, else the last segment again (§7.3);
 *                TLP.end_seq = SND.NXT
 *   ACK &gt;= TLP.end_seq ─▶ probe of new data: done; probe retransmission and the ACK goes past
 *                TLP.end_seq: a loss was repaired, reduce cwnd to ssthresh (§7.4, Linux CWR);
 *                a pure duplicate ACK at TLP.end_seq: both copies arrived, no loss
 * </pre>
 */
final class LossProbe {
    /** Linux TCP_TIMEOUT_MIN added to 2*SRTT when more than one segment is in flight. */
    static final long TIMEOUT_MIN_PS = 2 * Units.PS_PER_MS;
    /** Without an RTT sample: Linux TCP_TIMEOUT_INIT. */
    static final long TIMEOUT_INIT_PS = Units.PS_PER_S;

    private final Tcb t;
    private final TcpConnection conn;
    private final OutputProcessor output;

    LossProbe(Tcb t, TcpConnection conn, OutputProcessor output) {
        this.t = t;
        this.conn = conn;
        this.output = output;
    }

    /** New data went out or an ACK arrived: the probe timeout is computed anew at the end of this call. */
    void requestSchedule() {
        if (t.config.features().tlp()) {
            t.tlpReschedule = true;
        }
    }

    /** Whether a probe may be scheduled / sent now (Linux: SACK, CA state Open, no probe out). */
    private boolean eligible() {
        if (t.scoreboard == null || t.inRecovery || !t.scoreboard.mayEnterRecovery() || t.tlpHighPos >= 0) {
            return false;
        }
        return switch (t.state) {
            case ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, CLOSING, LAST_ACK -> t.sndMaxPos > t.sndUnaPos;
            default -> false;
        };
    }

    /** After input or output (Timers.rearm): arm the PTO if something asked for it (RFC 8985 §7.2). */
    void schedule(long nowPs) {
        if (!t.config.features().tlp()) {
            return;
        }
        if (!eligible()) {
            t.tlpDeadlinePs = Long.MAX_VALUE;
            t.tlpReschedule = false;
            return;
        }
        if (!t.tlpReschedule && t.tlpDeadlinePs != Long.MAX_VALUE) {
            return;
        }
        t.tlpReschedule = false;
        long ptoPs;
        if (t.rtt.srttPs() > 0) {
            boolean oneSegment = t.sndMaxPos - t.sndUnaPos <= t.sndMssBytes;
            ptoPs = 2 * t.rtt.srttPs() + (oneSegment ? t.config.minRtoPs() : TIMEOUT_MIN_PS);
        } else {
            ptoPs = TIMEOUT_INIT_PS;
        }
        if (t.timer == TimerKind.RETRANSMIT && t.timerDeadlinePs != Long.MAX_VALUE) {
            ptoPs = Math.min(ptoPs, t.timerDeadlinePs - nowPs);
        }
        t.tlpDeadlinePs = nowPs + Math.max(0, ptoPs);
    }

    /** The PTO fired (RFC 8985 §7.3): send the probe. */
    void onTimeout(long nowPs, SegmentSink out) {
        t.tlpDeadlinePs = Long.MAX_VALUE;
        if (!eligible()) {
            return;
        }
        boolean sent = t.sndNxtPos == t.sndMaxPos && output.newDataAllowedByWindow() && output.sendOneNew(nowPs, out);
        t.tlpRetrans = !sent;
        if (!sent) {
            long dataEndPos = Math.min(t.sndMaxPos, 1 + t.sendBuf.endOffset());
            long startPos = Math.max(t.sndUnaPos, dataEndPos - t.sndMssBytes);
            if (output.retransmitAt(startPos, t.sndMssBytes, "tlp", nowPs, out) == 0) {
                return;
            }
        }
        t.tlpHighPos = t.sndMaxPos;
    }

    /** RFC 8985 §7.4 (Linux {@code tcp_process_tlp_ack}) for an ACK at {@code ackPos}. */
    void onAck(long ackPos, boolean sndUnaAdvanced, boolean dataSacked, boolean pureDup, long nowPs) {
        if (t.tlpHighPos < 0 || ackPos < t.tlpHighPos) {
            return;
        }
        if (!t.tlpRetrans) {
            t.tlpHighPos = -1;
        } else if (ackPos > t.tlpHighPos) {
            // the probe repaired a loss: Linux tcp_init_cwnd_reduction + tcp_end_cwnd_reduction (CWR)
            t.tlpHighPos = -1;
            t.cs.flightSizeBytes = t.sndMaxPos - t.sndUnaPos;
            t.cs.ssthreshBytes = t.cc.ssthreshOnLoss(t.cs, nowPs);
            if (!t.cc.ownsCwnd()) {
                t.cs.cwndBytes = t.cs.ssthreshBytes;
            }
            conn.traceCwnd("tlp-recovery", nowPs);
        } else if (!sndUnaAdvanced && !dataSacked && pureDup) {
            t.tlpHighPos = -1;
        }
    }

    /** Recovery or an RTO began: no probe is outstanding any more (Linux clears tlp_high_seq). */
    void cancel() {
        t.tlpHighPos = -1;
        t.tlpDeadlinePs = Long.MAX_VALUE;
    }
}
