package org.toesim.tcp.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.units.Units;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.seq.SeqNum;

/**
 * ACK processing (RFC 9293 §3.10.7.4 fifth) with RTT sampling (RFC 6298, RFC 7323 §4), the
 * send-window update, and congestion control / loss recovery through the
 * {@link org.toesim.tcp.cc.CongestionControl} strategy.
 *
 * <pre>
 *   ACK > SND.MAX          ─▶ ACK back, drop
 *   ACK of new data        ─▶ release send buffer, RTT sample, cwnd growth (cc.onAck) or
 *                             recovery step: full ACK exits (RFC 6582 §3.2 (3)),
 *                             partial ACK retransmits the next hole (RFC 6582 §3.2 (5))
 *   duplicate ACK (§2 def) ─▶ 3rd: fast retransmit, ssthresh = cc.ssthreshOnLoss,
 *                             cwnd = ssthresh + 3*SMSS (RFC 5681 §3.2 (2)-(3));
 *                             later ones inflate cwnd by SMSS (§3.2 (4))
 *   FIN acknowledged       ─▶ FIN_WAIT_1→FIN_WAIT_2, CLOSING→TIME_WAIT, LAST_ACK→CLOSED
 * </pre>
 * Logged at DEBUG: fast recovery entered (with ssthresh and the recovery point) and left.
 */
final class AckProcessor {
    private static final Logger LOG = LoggerFactory.getLogger(AckProcessor.class);
    private static final int DUP_THRESH = 3;

    private final Tcb t;
    private final TcpConnection conn;
    private final OutputProcessor output;
    private final Timers timers;
    private final SackRecovery sack;
    private final Prr prr;
    private final RackLoss rack;
    private final LossProbe tlp;
    private final RecoveryUndo undo;
    private final DeliveryRate rates;

    AckProcessor(Tcb t, TcpConnection conn, OutputProcessor output, Timers timers) {
        this.t = t;
        this.conn = conn;
        this.output = output;
        this.timers = timers;
        this.sack = output.sack();
        this.prr = output.prr();
        this.rack = output.rack();
        this.tlp = output.tlp();
        timers.setRecovery(this);
        this.undo = new RecoveryUndo(t, conn, output);
        this.rates = new DeliveryRate(t, conn);
    }

    /** Our SYN was acknowledged (SYN_SENT or SYN_RECEIVED). */
    void synAcknowledged(long nowPs) {
        t.sndUnaPos = 1;
        t.sndNxtPos = Math.max(t.sndNxtPos, 1);
        if (t.rttSeqPos == 1) {
            long r = nowPs - t.rttStartPs;
            sample(t.usRtt != null ? MicrosecondRtt.toMicros(r) : r, false, nowPs);
        } else if (t.timerRetries > 0) {
            t.rtt.reinitialiseAfterSynTimeout(); // RFC 6298 §5.7
        }
        t.rttSeqPos = -1;
        t.recoverPos = 1;
        sack.reset();
        rack.reset();
        rates.reset();
        timers.onAckedNewData(nowPs);
    }

    /** Returns false when processing of the segment must stop here. */
    boolean process(Segment seg, long nowPs, SegmentSink out) {
        long ackPos = t.sndPosOf(seg.ack());
        if (t.state == TcpState.SYN_RECEIVED) {
            if (ackPos <= t.sndUnaPos || ackPos > t.sndMaxPos) {
                output.sendRst(seg.ack(), nowPs, out);
                return false;
            }
            t.sndWndBytes = (long) seg.window() << t.sndShift;
            t.maxSndWndBytes = Math.max(t.maxSndWndBytes, t.sndWndBytes);
            t.sndWl1 = seg.seq();
            t.sndWl2 = seg.ack();
            synAcknowledged(nowPs);
            conn.setState(TcpState.ESTABLISHED, nowPs);
        }
        if (ackPos > t.sndMaxPos) {
            t.ackNow = true; // RFC 9293 §3.10.7.4: ACK of something not yet sent
            return false;
        }
        long oldWnd = t.sndWndBytes;
        boolean windowUpdated = updateWindow(seg, ackPos);
        long newlySacked = 0;
        boolean newlyLost = false;
        boolean dsack = false;
        long priorInFlight = t.rate != null ? rates.inFlightBytes() : 0;
        if (t.scoreboard != null && ackPos >= t.sndUnaPos) {
            t.stats.sackBlocksIn += seg.options().sackBlocks().size();
            dsack = undo.onSackBlocks(seg);
            rack.beforeAck(seg, ackPos);
            newlySacked = sack.onAck(seg);
            newlyLost = rack.afterAck(nowPs);
        }
        long oldUnaPos = t.sndUnaPos;
        boolean wasInRecovery = t.inRecovery;
        boolean advanced = ackPos > t.sndUnaPos;
        boolean pureDup = isDuplicate(seg, oldWnd);
        if (advanced || newlySacked > 0) {
            tlp.requestSchedule(); // RFC 8985 §7.2: the PTO restarts on an ACK that delivers data
        }
        if (advanced) {
            newAck(seg, ackPos, nowPs, out, newlySacked, newlyLost);
        } else if (ackPos == t.sndUnaPos && !(dsack && newlySacked == 0) && (pureDup
                || (newlySacked > 0 && seg.payloadLenBytes() == 0 && t.sndMaxPos > t.sndUnaPos))) {
            dupAck(nowPs, out, newlySacked, newlyLost); // RFC 2883 §4: a D-SACK alone is no sign of loss
        }
        if (t.ecnOk && ackPos >= oldUnaPos) {
            ecnOnAck(seg.has(TcpFlags.ECE), ackPos - oldUnaPos, nowPs);
        }
        if (ackPos >= t.sndUnaPos) {
            tlp.onAck(ackPos, advanced, newlySacked > 0, pureDup, nowPs);
        }
        if (ackPos >= oldUnaPos) {
            undo.afterAck(seg, oldUnaPos, wasInRecovery, dsack, newlySacked, nowPs, out);
        }
        if (t.rate != null && ackPos >= oldUnaPos) {
            rates.onAck(seg, oldUnaPos, priorInFlight, newlyLost || (!wasInRecovery && t.inRecovery), nowPs);
        }
        if (windowUpdated && oldWnd == 0 && t.sndWndBytes > 0) {
            timers.onWindowOpened();
        }
        return afterFinAcked(nowPs);
    }

    /**
     * The sender's ECN response (RFC 3168 §6.1.2; Linux {@code tcp_enter_cwr} / CWR state):
     *
     * <pre>
     *   every ACK advancing SND.UNA  --&gt; cc.onEcnAck (DCTCP's marked fraction)
     *   SND.UNA reached the end of the last reduction's window --&gt; a new reduction may follow
     *   ECE, not in loss recovery, no reduction under way --&gt;
     *       ssthresh = cc.ssthreshOnEcnEcho, cwnd = min(cwnd, ssthresh); CWR on the next new data;
     *       no further reduction until SND.UNA passes SND.MAX of now (once per window of data)
     * </pre>
     * cwnd drops at once, as RFC 3168 §6.1.2 words it (Linux reaches the same cwnd through PRR
     * over one round trip).
     */
    private void ecnOnAck(boolean ece, long ackedSeq, long nowPs) {
        t.cs.sndUnaPos = t.sndUnaPos;
        t.cs.sndMaxPos = t.sndMaxPos;
        if (ackedSeq > 0) {
            t.cc.onEcnAck(t.cs, ackedSeq, ece, nowPs);
        }
        if (t.ecnCwrEndPos >= 0 && t.sndUnaPos >= t.ecnCwrEndPos) {
            t.ecnCwrEndPos = -1;
        }
        if (!ece || t.inRecovery || t.ecnCwrEndPos >= 0) {
            return;
        }
        if (!t.cc.ownsCwnd()) { // BBR v1 sets cwnd from its model and ignores ECN, as Linux's bbr_main overrides CWR
            t.cs.flightSizeBytes = t.sndMaxPos - t.sndUnaPos;
            long ssthresh = t.cc.ssthreshOnEcnEcho(t.cs, nowPs);
            t.cs.ssthreshBytes = ssthresh;
            t.cs.cwndBytes = Math.max(Math.min(t.cs.cwndBytes, ssthresh), t.sndMssBytes);
        }
        t.ecnCwrEndPos = t.sndMaxPos;
        t.ecnCwrToSend = true;
        t.stats.ecnReductions++;
        conn.traceCwnd("ecn", nowPs);
    }

    /** RFC 9293 §3.10.7.4: SND.WND from the newest segment (SND.WL1/WL2 rule). */
    private boolean updateWindow(Segment seg, long ackPos) {
        if (ackPos < t.sndUnaPos) {
            return false;
        }
        if (SeqNum.lt(t.sndWl1, seg.seq()) || (t.sndWl1 == seg.seq() && SeqNum.le(t.sndWl2, seg.ack()))) {
            t.sndWndBytes = (long) seg.window() << t.sndShift;
            t.maxSndWndBytes = Math.max(t.maxSndWndBytes, t.sndWndBytes);
            t.sndWl1 = seg.seq();
            t.sndWl2 = seg.ack();
            return true;
        }
        return false;
    }

    /** RFC 5681 §2 "duplicate acknowledgment". */
    private boolean isDuplicate(Segment seg, long oldWnd) {
        return t.sndMaxPos > t.sndUnaPos && seg.payloadLenBytes() == 0
                && !seg.has(TcpFlags.SYN) && !seg.has(TcpFlags.FIN) && t.sndWndBytes == oldWnd;
    }

    private void newAck(Segment seg, long ackPos, long nowPs, SegmentSink out, long newlySacked,
                        boolean newlyLost) {
        long newUnaOff = Math.min(ackPos - 1, t.sendBuf.endOffset());
        long ackedBytes = Math.max(0, newUnaOff - t.sendBuf.startOffset());
        t.sendBuf.releaseTo(Math.max(newUnaOff, t.sendBuf.startOffset()));
        takeRttSample(seg, ackPos, nowPs);
        long ackedSeq = ackPos - t.sndUnaPos;
        t.sndUnaPos = ackPos;
        if (t.sndNxtPos < t.sndUnaPos) {
            t.sndNxtPos = t.sndUnaPos;
        }
        boolean restartTimer = true;
        if (t.inRecovery) {
            restartTimer = recoveryAck(ackPos, ackedSeq, nowPs, out, newlySacked, newlyLost);
        } else if (t.rack != null && sack.shouldEnterRecovery(0, Integer.MAX_VALUE)) {
            // RACK marked SND.UNA lost on an ACK of new data (Linux tcp_fastretrans_alert on FLAG_DATA_SACKED)
            t.dupAcks = 0;
            enterRecovery(nowPs, out, ackedSeq + newlySacked);
        } else {
            t.dupAcks = 0;
            t.renoSackedBytes = 0;
            long before = t.cs.cwndBytes;
            t.cs.flightSizeBytes = t.sndMaxPos - t.sndUnaPos;
            t.cs.sndUnaPos = t.sndUnaPos;
            t.cs.sndMaxPos = t.sndMaxPos;
            t.cc.onAck(t.cs, ackedBytes, nowPs);
            if (t.cs.cwndBytes != before) {
                conn.traceCwnd("ack", nowPs);
            }
        }
        if (restartTimer) {
            timers.onAckedNewData(nowPs);
        }
        if (ackedBytes > 0) {
            conn.events().acked(conn, ackedBytes, nowPs);
        }
    }

    /**
     * An ACK of new data during fast recovery. Returns whether the retransmission timer restarts
     * (RFC 6298 (5.3); for NewReno partial ACKs only the first, RFC 6582 §3.2 (5) and §4).
     *
     * <p>Without SACK, {@code dupAcks} holds DupThresh from the fast retransmit until the first
     * partial ACK, which sets it to 0 (a new ACK ends the run of duplicates); later duplicates
     * in recovery only inflate cwnd. So "a partial ACK arrived" is {@code dupAcks == 0} and
     * travels in the CCB with it.
     */
    private boolean recoveryAck(long ackPos, long ackedSeq, long nowPs, SegmentSink out, long newlySacked,
                                boolean newlyLost) {
        boolean owns = t.cc.ownsCwnd(); // the algorithm sets cwnd from the rate sample (BBR)
        if (ackPos >= t.recoverPos) {
            if (owns) {
                // tcp_end_cwnd_reduction's cwnd is replaced by cong_control's
            } else if (prr.enabled()) {
                t.cs.cwndBytes = t.cs.ssthreshBytes; // RFC 6937 §3.1, Linux tcp_end_cwnd_reduction
            } else {
                // full ACK, RFC 6582 §3.2 (3) option (1): cwnd = min(ssthresh, max(FlightSize, SMSS) + SMSS)
                long flight = t.sndMaxPos - t.sndUnaPos;
                t.cs.cwndBytes = Math.min(t.cs.ssthreshBytes, Math.max(flight, t.sndMssBytes) + t.sndMssBytes);
            }
            exitRecovery(nowPs);
            return true;
        }
        if (t.scoreboard != null) {
            if (prr.enabled() && !owns) {
                prr.onSackAck(ackedSeq + newlySacked, true, newlyLost);
            }
            return true; // RFC 6675 §5: the scoreboard drives retransmissions, cwnd stays at ssthresh
        }
        if (!t.cc.usesNewRenoRecovery()) {
            t.cs.cwndBytes = owns ? t.cs.cwndBytes : t.cs.ssthreshBytes; // RFC 5681 §3.2 (6): Reno leaves recovery on any new ACK
            exitRecovery(nowPs);
            return true;
        }
        // RFC 6582 §3.2 (5): partial ACK — retransmit the first unacknowledged segment, deflate
        // cwnd by the amount acknowledged, add back SMSS if at least SMSS was acknowledged
        if (owns) {
            output.retransmitAt(t.sndUnaPos, t.sndMssBytes, "partial-ack", nowPs, out);
        } else if (prr.enabled()) {
            long flight = t.sndNxtPos - t.sndUnaPos;
            long sndcnt = prr.renoSndcnt(prr.removeRenoSacks(ackedSeq), true);
            int len = output.retransmitAt(t.sndUnaPos, t.sndMssBytes, "partial-ack", nowPs, out);
            if (sndcnt >= 0) {
                t.cs.cwndBytes = flight + Math.max(0, sndcnt - len);
            }
        } else {
            output.retransmitAt(t.sndUnaPos, t.sndMssBytes, "partial-ack", nowPs, out);
            t.cs.cwndBytes = Math.max(t.sndMssBytes, t.cs.cwndBytes - ackedSeq
                    + (ackedSeq >= t.sndMssBytes ? t.sndMssBytes : 0));
        }
        conn.traceCwnd("partial-ack", nowPs);
        boolean first = t.dupAcks != 0;
        t.dupAcks = 0;
        return first; // the "Impatient" variant RFC 6582 §4 recommends
    }

    private void exitRecovery(long nowPs) {
        t.inRecovery = false;
        t.dupAcks = 0;
        t.renoSackedBytes = 0;
        sack.exitRecovery();
        t.cc.onExitRecovery(t.cs, nowPs);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} fast recovery left at SND.UNA {}: cwnd {} B, ssthresh {} B", Units.logTime(nowPs),
                    conn.component(), t.tuple.traceText(), SeqNum.toString(t.seqOfSnd(t.sndUnaPos)), t.cs.cwndBytes,
                    t.cs.ssthreshBytes);
        }
        conn.traceCwnd("recovery-exit", nowPs);
    }

    private void dupAck(long nowPs, SegmentSink out, long newlySacked, boolean newlyLost) {
        t.stats.dupAcksIn++;
        if (t.scoreboard != null) {
            t.dupAcks++;
            if (t.inRecovery) {
                if (prr.enabled() && !t.cc.ownsCwnd()) {
                    prr.onSackAck(newlySacked, false, newlyLost);
                }
            } else if (sack.shouldEnterRecovery(t.dupAcks, rack.dupThreshAllowed() ? DUP_THRESH : Integer.MAX_VALUE)) {
                enterRecovery(nowPs, out, newlySacked);
            } else {
                limitedTransmit(nowPs, out);
            }
            return;
        }
        long renoDelivered = prr.enabled() ? prr.addRenoSack() : 0;
        if (t.inRecovery) {
            if (t.cc.ownsCwnd()) {
                return; // no RFC 5681 §3.2 (4) inflation: the algorithm's cwnd stands
            }
            if (prr.enabled()) {
                long sndcnt = prr.renoSndcnt(renoDelivered, false);
                if (sndcnt >= 0) {
                    t.cs.cwndBytes = t.sndNxtPos - t.sndUnaPos + sndcnt;
                }
            } else {
                t.cs.cwndBytes += t.sndMssBytes; // RFC 5681 §3.2 (4): inflate (dupAcks: see recoveryAck)
            }
            return;
        }
        t.dupAcks++;
        // RFC 6582 §3.2 (2): only if the cumulative ACK covers more than "recover"
        if (t.dupAcks == DUP_THRESH && t.sndUnaPos > t.recoverPos - 1) {
            enterRecovery(nowPs, out, renoDelivered);
        } else {
            limitedTransmit(nowPs, out);
        }
    }

    /**
     * Limited transmit (RFC 3042 §2): on the first and second duplicate ACK, one new segment if
     * the receiver's window allows and unsent data exists; cwnd is not changed, so FlightSize
     * stays within cwnd + 2*SMSS.
     */
    private void limitedTransmit(long nowPs, SegmentSink out) {
        if (!t.config.features().limitedTransmit() || t.inRecovery || t.dupAcks > 2
                || t.sndNxtPos != t.sndMaxPos || (t.scoreboard != null && !t.scoreboard.mayEnterRecovery())) {
            return;
        }
        output.sendOneNew(nowPs, out);
    }

    /** The RACK reordering timer fired (RFC 8985 §6.3, Linux tcp_rack_reo_timeout). */
    void onRackReorderTimeout(long nowPs, SegmentSink out) {
        if (rack.onReorderTimeout(nowPs) && !t.inRecovery && sack.shouldEnterRecovery(0, Integer.MAX_VALUE)) {
            enterRecovery(nowPs, out, 0);
        }
    }

    /**
     * RFC 5681 §3.2 (2)-(3) / RFC 6675 §5 (4): ssthresh, retransmit, recovery point. With PRR
     * (RFC 6937) cwnd follows from the bytes this ACK delivered, {@code deliveredBytes}.
     */
    private void enterRecovery(long nowPs, SegmentSink out, long deliveredBytes) {
        long priorCwnd = t.cs.cwndBytes;
        t.undo.onEnterRecovery(t);
        t.cs.flightSizeBytes = t.sndMaxPos - t.sndUnaPos;
        t.cs.ssthreshBytes = t.cc.ssthreshOnLoss(t.cs, nowPs);
        t.recoverPos = t.sndMaxPos;
        t.inRecovery = true;
        if (t.ecnOk) {
            t.ecnCwrToSend = true; // Linux tcp_init_cwnd_reduction: tcp_ecn_queue_cwr
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} fast retransmit of SND.UNA {} ({} dup ACKs{}): recovery until {}, cwnd {} B, "
                    + "ssthresh {} B", Units.logTime(nowPs), conn.component(), t.tuple.traceText(),
                    SeqNum.toString(t.seqOfSnd(t.sndUnaPos)), t.dupAcks, t.scoreboard != null ? ", SACK" : "",
                    SeqNum.toString(t.seqOfSnd(t.recoverPos)), priorCwnd, t.cs.ssthreshBytes);
        }
        tlp.cancel(); // Linux tcp_init_cwnd_reduction clears tlp_high_seq
        if (prr.enabled()) {
            prr.init(priorCwnd);
        }
        if (t.cc.ownsCwnd()) {
            enterOwnedRecovery(nowPs, out);
            return;
        }
        if (t.scoreboard != null) {
            t.cs.cwndBytes = t.cs.ssthreshBytes;
            if (prr.enabled()) {
                prr.onSackAck(deliveredBytes, false, true);
            }
            sack.enterRecovery(nowPs, out);
        } else if (prr.enabled()) {
            long flight = t.sndNxtPos - t.sndUnaPos;
            t.renoSackedBytes = Math.min((long) t.dupAcks * t.sndMssBytes, Math.max(0, flight - t.sndMssBytes));
            long sndcnt = prr.renoSndcnt(Math.max(deliveredBytes, t.sndMssBytes), false);
            int len = output.retransmitAt(t.sndUnaPos, t.sndMssBytes, "fast", nowPs, out);
            t.cs.cwndBytes = flight + Math.max(0, sndcnt - len);
        } else {
            output.retransmitAt(t.sndUnaPos, t.sndMssBytes, "fast", nowPs, out);
            t.cs.cwndBytes = t.cs.ssthreshBytes + (long) DUP_THRESH * t.sndMssBytes;
        }
        t.cc.onEnterRecovery(t.cs, nowPs);
        conn.traceCwnd("fast-recovery", nowPs);
    }

    /**
     * Recovery for an algorithm that sets cwnd itself (Linux: {@code cong_control} runs before
     * anything is sent): it sets cwnd from the pipe first (BBR: packet conservation), then the
     * first retransmission and, with SACK, the RFC 6675 loop go out within it.
     */
    private void enterOwnedRecovery(long nowPs, SegmentSink out) {
        t.cs.flightSizeBytes = rates.inFlightBytes();
        t.cc.onEnterRecovery(t.cs, nowPs);
        if (t.scoreboard != null) {
            sack.enterRecovery(nowPs, out);
        } else {
            output.retransmitAt(t.sndUnaPos, t.sndMssBytes, "fast", nowPs, out);
        }
        conn.traceCwnd("fast-recovery", nowPs);
    }

    /** RFC 6298 §2-3 with Karn's rule, or RFC 7323 §4 RTTM from TSecr. */
    private void takeRttSample(Segment seg, long ackPos, long nowPs) {
        if (t.usRtt != null) {
            t.usRtt.onNewAck(seg, ackPos, nowPs); // Linux tcp_clean_rtx_queue / tcp_ack_update_rtt
            return;
        }
        if (t.tsOk && seg.options().hasTimestamps() && seg.options().tsEcr() != 0) {
            int nowTicks = t.tsOffset + (int) (nowPs / t.config.tsTickPs());
            long ticks = nowTicks - seg.options().tsEcr();
            if (ticks >= 0) {
                sample(ticks * t.config.tsTickPs(), true, nowPs);
            }
        } else if (t.rttSeqPos >= 0 && ackPos >= t.rttSeqPos) {
            sample(nowPs - t.rttStartPs, false, nowPs);
            t.rttSeqPos = -1;
        }
    }

    private void sample(long rttPs, boolean fromTimestamp, long nowPs) {
        if (t.rtt.onRttSample(rttPs, false, fromTimestamp)) {
            t.stats.rttSamples++;
            t.cs.srttPs = t.rtt.srttPs();
            t.cs.minRttPs = t.rtt.minRttPs();
            t.cc.onRttSample(t.cs, rttPs, nowPs);
        }
    }

    /** FIN acknowledged: RFC 9293 §3.10.7.4 fifth, per state. Returns false when CLOSED. */
    private boolean afterFinAcked(long nowPs) {
        if (!t.finAcked()) {
            return true;
        }
        switch (t.state) {
            case FIN_WAIT_1 -> conn.setState(TcpState.FIN_WAIT_2, nowPs);
            case CLOSING -> conn.setState(TcpState.TIME_WAIT, nowPs);
            case LAST_ACK -> {
                conn.setState(TcpState.CLOSED, nowPs);
                return false;
            }
            default -> {
            }
        }
        return true;
    }
}
