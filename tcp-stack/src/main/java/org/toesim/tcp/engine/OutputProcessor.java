package org.toesim.tcp.engine;

import java.util.ArrayList;
import java.util.List;
import org.toesim.tcp.segment.EcnCodepoint;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;
import org.toesim.tcp.trace.TcpTrace;

/**
 * The output half of the engine (lwIP's tcp_out): decides what may be sent now and builds the
 * segments — SYN / SYN-ACK with options, data cut to SMSS within min(cwnd, SND.WND), FIN after
 * the last byte, pure ACKs, RSTs and probes.
 *
 * <pre>
 *   dispatch(t) ─▶ SYN states: (re)send SYN or SYN-ACK
 *               ─▶ data loop: len = min(unsent, SMSS, cwnd room, window room)
 *                             Nagle / sender SWS gate (RFC 1122 §4.2.3.4) ─▶ emit
 *               ─▶ ACK owed and nothing carried it ─▶ pure ACK
 *   pacing (cc.pacingRateBytesPerSec() &gt; 0, see {@link Pacer}): each data segment moves the
 *               release time; the data and SACK loops stop while it lies ahead, and
 *               TcpConnection.nextWakeupPs() returns it: one wake-up per paced segment
 * </pre>
 */
final class OutputProcessor {
    private final Tcb t;
    private final TcpConnection conn;
    private final SackRecovery sack;
    private final Prr prr;
    private final RackLoss rack;
    private final LossProbe tlp;
    private final Pacer pacer;
    /** Last timestamps-only option set emitted (immutable, reused while its values repeat). */
    private TcpOptions lastTsOptions;

    OutputProcessor(Tcb t, TcpConnection conn) {
        this.t = t;
        this.conn = conn;
        this.sack = new SackRecovery(t, this);
        this.prr = new Prr(t);
        this.rack = new RackLoss(t);
        this.tlp = new LossProbe(t, conn, this);
        this.pacer = new Pacer(t);
    }

    Pacer pacer() {
        return pacer;
    }

    SackRecovery sack() {
        return sack;
    }

    Prr prr() {
        return prr;
    }

    RackLoss rack() {
        return rack;
    }

    LossProbe tlp() {
        return tlp;
    }

    /** Emits everything due at {@code nowPs}. */
    void dispatch(long nowPs, SegmentSink out) {
        switch (t.state) {
            case SYN_SENT, SYN_RECEIVED -> {
                if (t.sndNxtPos == 0 || t.ackNow) {
                    sendSyn(nowPs, out);
                }
            }
            case ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, CLOSING, LAST_ACK -> {
                if (t.inRecovery && t.scoreboard != null) {
                    sack.send(nowPs, out);
                } else {
                    sendData(nowPs, out);
                }
                if (t.rate != null) {
                    checkAppLimited();
                }
                t.stats.limitedBy(sendLimit(nowPs), nowPs);
                if (t.ackNow) {
                    sendAck(nowPs, out);
                }
            }
            case FIN_WAIT_2, TIME_WAIT -> {
                if (t.ackNow) {
                    sendAck(nowPs, out);
                }
                t.stats.limitedBy(TcpStats.LIMIT_IDLE, nowPs); // our FIN is acknowledged: nothing left to send
            }
            default -> {
                t.ackNow = false;
                t.stats.limitedBy(TcpStats.LIMIT_IDLE, nowPs);
            }
        }
    }

    /**
     * Why the sender stands where it does after an output attempt: nothing to send (idle), data
     * queued but held by the peer's window or by the congestion window (recovery counts as
     * congestion), or busy otherwise (in flight with nothing queued, Nagle). The receive window
     * wins a tie: Linux's rwnd-limited chrono is the send-window test failing.
     */
    private int sendLimit(long nowPs) {
        long unsent = t.sendBuf.endOffset() - (t.sndNxtPos - 1);
        long flight = t.flightBytes();
        if (unsent <= 0) {
            return flight > 0 ? TcpStats.LIMIT_BUSY : TcpStats.LIMIT_IDLE;
        }
        long need = Math.min(unsent, t.sndMssBytes);
        if (t.sndUnaPos + t.sndWndBytes - t.sndNxtPos < need) {
            return TcpStats.LIMIT_RWND;
        }
        if (t.inRecovery || t.cs.cwndBytes - flight < need) {
            return TcpStats.LIMIT_CWND;
        }
        if (pacer.holds(nowPs)) {
            return TcpStats.LIMIT_PACING; // window open, data queued: the release time holds it
        }
        return TcpStats.LIMIT_BUSY;
    }

    /**
     * True when {@link #dispatch} would emit something right now. Must mirror dispatch exactly:
     * after a poll it is false, so the wake-up time lies in the future.
     */
    boolean hasPendingOutput() {
        return switch (t.state) {
            case SYN_SENT, SYN_RECEIVED -> t.sndNxtPos == 0 || t.ackNow;
            case ESTABLISHED, CLOSE_WAIT, FIN_WAIT_1, CLOSING, LAST_ACK -> t.ackNow || dataDue();
            case FIN_WAIT_2, TIME_WAIT -> t.ackNow;
            default -> false;
        };
    }

    /**
     * Whether dispatch's data step would send a segment: during SACK recovery its loop
     * (cwnd - pipe >= 1 SMSS, RFC 6675 §5 (C)), otherwise the window-limited data loop. The two
     * differ: pipe is not SND.NXT - SND.UNA, so cwnd may leave room for a short tail by the
     * flight size while the SACK loop, by pipe, sends nothing.
     */
    private boolean dataDue() {
        return !pacer.active() && dataSendable();
    }

    /** Whether the data step would send now if pacing did not hold it. */
    private boolean dataSendable() {
        return t.inRecovery && t.scoreboard != null ? sack.wouldSend() : sendableLen(true) >= 0;
    }

    /**
     * When paced data may go next: the release time while data is sendable and pacing is on
     * (it may lie in the past: the caller then polls at once), else {@link Long#MAX_VALUE}.
     */
    long pacingWakeupPs() {
        if (!pacer.active() || !t.state.isSynchronized() || !dataSendable()) {
            return Long.MAX_VALUE;
        }
        return t.paceAtPs;
    }

    /**
     * Linux {@code tcp_rate_check_app_limited} (draft-cheng-iccrg-delivery-rate-estimation §3.4):
     * less than a segment left to send, room in cwnd and no lost data waiting: the application
     * is the bottleneck, so the samples of what is sent now are marked app-limited.
     */
    private void checkAppLimited() {
        long unsent = t.sendBuf.endOffset() - (t.sndNxtPos - 1);
        long pipe = t.scoreboard != null ? t.scoreboard.pipeBytes() : t.flightBytes();
        if (unsent < t.sndMssBytes && pipe < t.cs.cwndBytes && !t.inRecovery) {
            t.rate.markAppLimited(pipe);
        }
    }

    /** Whether {@link #sendOneNew} would send a segment now. */
    boolean newSegmentAllowed() {
        return sendableLen(false) >= 0;
    }

    /** SYN (active open) or SYN-ACK (RFC 9293 §3.5), with our options. */
    void sendSyn(long nowPs, SegmentSink out) {
        boolean synAck = t.state == TcpState.SYN_RECEIVED;
        if (t.sndMaxPos == 0) {
            t.rttSeqPos = 1; // time the SYN (RFC 6298 §2; Karn drops it if retransmitted)
            t.rttStartPs = nowPs;
        } else if (t.sndNxtPos == 0) {
            t.rttSeqPos = -1;
            t.stats.timeoutRetransmits++;
            if (conn.traceEnabled()) {
                conn.traceRecord(nowPs, new TcpTrace.Retransmit(conn.tuple(), t.iss & 0xFFFFFFFFL, 0, "syn"));
            }
        }
        int flags = TcpFlags.SYN | (synAck ? TcpFlags.ACK : 0);
        if (!synAck && t.ecnWanted()) {
            flags |= TcpFlags.ECE | TcpFlags.CWR; // ECN-setup SYN (RFC 3168 §6.1.1)
        } else if (synAck && t.ecnOk) {
            flags |= TcpFlags.ECE; // ECN-setup SYN-ACK: ECE without CWR (RFC 3168 §6.1.1)
        }
        emit(t.iss, flags, Payload.EMPTY, nowPs, out);
        t.sndNxtPos = 1;
        t.sndMaxPos = Math.max(t.sndMaxPos, 1);
    }

    /** The data/FIN loop (RFC 9293 §3.8.6, RFC 5681 §3.1 window limits, RFC 1122 §4.2.3.4). */
    private void sendData(long nowPs, SegmentSink out) {
        while (!pacer.holds(nowPs) && sendOne(nowPs, out, true)) {
            // one segment per iteration
        }
    }

    /** One new segment regardless of cwnd (the SACK loop checks pipe); false if none may go. */
    boolean sendOneNew(long nowPs, SegmentSink out) {
        return sendOne(nowPs, out, false);
    }

    /** Whether unsent data exists and the peer's window allows at least part of it. */
    boolean newDataAllowedByWindow() {
        long unsent = t.sendBuf.endOffset() - (t.sndNxtPos - 1);
        return unsent > 0 && t.sndUnaPos + t.sndWndBytes - t.sndNxtPos > 0;
    }

    private boolean sendOne(long nowPs, SegmentSink out, boolean respectCwnd) {
        int len = sendableLen(respectCwnd);
        if (len < 0) {
            return false;
        }
        t.sndNxtPos = goBackNxtPos();
        long nxtOff = t.sndNxtPos - 1;
        long unsent = t.sendBuf.endOffset() - nxtOff;
        boolean fin = t.finQueued && len == unsent;
        boolean retransmission = t.sndNxtPos < t.sndMaxPos;
        Payload p = len == 0 ? Payload.EMPTY : t.sendBuf.slice(nxtOff, len);
        int flags = TcpFlags.ACK | (fin ? TcpFlags.FIN : 0) | (len > 0 && len == unsent ? TcpFlags.PSH : 0);
        emit(t.seqOfSnd(t.sndNxtPos), flags, p, nowPs, out);
        if (t.usRtt != null) {
            t.usRtt.onSend(t.sndNxtPos, t.sndNxtPos + len + (fin ? 1 : 0), nowPs, retransmission);
        }
        if (t.rate != null) {
            t.rate.onSent(t.sndNxtPos, t.sndNxtPos + len + (fin ? 1 : 0), nowPs, t.sndMaxPos - t.sndUnaPos);
        }
        if (retransmission) {
            noteRetransmission(t.sndNxtPos, len, "timeout", nowPs);
            long endPos = t.sndNxtPos + len + (fin ? 1 : 0);
            if (endPos > t.sndMaxPos) {
                rack.onNewDataSent(t.sndMaxPos, endPos, nowPs); // the go-back segment ran into new data
            }
        } else {
            if (!t.tsOk && t.rttSeqPos < 0 && len > 0) {
                t.rttSeqPos = t.sndNxtPos + len;
                t.rttStartPs = nowPs;
            }
            rack.onNewDataSent(t.sndNxtPos, t.sndNxtPos + len + (fin ? 1 : 0), nowPs);
            tlp.requestSchedule();
            if (len > 0 && len < t.sndMssBytes) {
                t.sndSmlPos = t.sndNxtPos + len; // Linux tcp_minshall_update
            }
        }
        t.sndNxtPos += len + (fin ? 1 : 0);
        t.sndMaxPos = Math.max(t.sndMaxPos, t.sndNxtPos);
        return true;
    }

    /**
     * Length of the next segment the data loop may send, 0 for a bare FIN, -1 for nothing.
     */
    private int sendableLen(boolean respectCwnd) {
        long nxtPos = goBackNxtPos();
        long nxtOff = nxtPos - 1;
        long unsent = t.sendBuf.endOffset() - nxtOff;
        boolean finPending = t.finQueued && nxtPos <= t.finPos();
        if (unsent <= 0 && !finPending) {
            return -1;
        }
        boolean goBack = nxtPos < t.sndMaxPos;
        long cwndRoom = respectCwnd ? t.cs.cwndBytes - cwndFlightBytes(nxtPos) : Long.MAX_VALUE;
        long wndRoom = t.sndUnaPos + t.sndWndBytes - nxtPos;
        long room = Math.min(cwndRoom, wndRoom);
        long len = Math.min(unsent, t.sndMssBytes);
        if (goBack && t.scoreboard != null) {
            // do not run into the next range SACKed since the RTO (holeEnd is HighData, maybe
            // stale, when no range lies above)
            long holeEndPos = t.sndPosOf(t.scoreboard.holeEnd(t.seqOfSnd(nxtPos)));
            if (holeEndPos > nxtPos) {
                len = Math.min(len, holeEndPos - nxtPos);
            }
        }
        if (unsent > 0) {
            if (room <= 0) {
                return -1;
            }
            len = Math.min(len, room);
        }
        boolean fin = finPending && len == unsent;
        if (len < t.sndMssBytes && !fin && !goBack && t.flightBytes() > 0) {
            // RFC 896 / RFC 1122 §4.2.3.4: with data in flight, hold a short segment (Nagle);
            // without Nagle still avoid silly segments: all queued data or >= half the max window.
            if (t.config.nagle() ? nagleHolds(len != unsent) : (len != unsent && len < t.maxSndWndBytes / 2)) {
                return -1;
            }
        }
        return (int) len;
    }

    /**
     * Nagle with data in flight: RFC 896 holds every short segment; Minshall's variant (Linux
     * {@code tcp_nagle_check} / {@code tcp_minshall_check}) only while the last short segment
     * sent is unacknowledged, so a response's short tail follows its full segments at once
     * instead of waiting for the peer's delayed ACK of an odd last full segment. A segment the
     * send window or cwnd cut short is not a tail: Linux holds it while data is in flight
     * ({@code tcp_snd_wnd_test} / {@code tcp_cwnd_test} fail and the queue waits for the next
     * ACK), so an unaligned window never turns bulk data into sub-MSS frames.
     *
     * @param cutByRoom the segment is shorter than the data queued because the room ran out
     */
    private boolean nagleHolds(boolean cutByRoom) {
        if (!t.config.features().minshallNagle() || cutByRoom) {
            return true;
        }
        return t.sndSmlPos > t.sndUnaPos && t.sndSmlPos <= t.sndNxtPos;
    }

    /**
     * SND.NXT, moved past octets SACKed since an RTO while the go-back retransmission runs
     * (SND.NXT &lt; SND.MAX): RFC 6675 §5.1, a SACK sender SHOULD use the SACK information that
     * arrives during the recovery following an RTO. The scoreboard forgot the SACK information
     * from before the RTO (RFC 2018 §8), so a reneging receiver still gets everything resent.
     */
    private long goBackNxtPos() {
        long nxt = t.sndNxtPos;
        if (t.scoreboard == null || nxt >= t.sndMaxPos) {
            return nxt;
        }
        int seq = t.seqOfSnd(nxt);
        if (!t.scoreboard.isSacked(seq)) {
            return nxt;
        }
        return Math.min(t.sndMaxPos, t.sndPosOf(t.scoreboard.firstUnsackedAtOrAbove(seq)));
    }

    /**
     * Bytes counted against cwnd: SND.NXT - SND.UNA, less (during the go-back retransmission
     * after an RTO) the octets below SND.NXT that the receiver SACKed, which are not in flight.
     */
    private long cwndFlightBytes(long nxtPos) {
        long flight = nxtPos - t.sndUnaPos;
        if (t.scoreboard != null && nxtPos < t.sndMaxPos) {
            flight -= t.scoreboard.sackedBytesBelow(t.seqOfSnd(nxtPos));
        }
        return flight;
    }

    /** One segment from {@code pos} (fast retransmit, partial ACK, SACK hole). Returns its length. */
    int retransmitAt(long pos, int maxLen, String cause, long nowPs, SegmentSink out) {
        if (retransmitLen(pos, maxLen) == 0) {
            return 0;
        }
        long off = pos - 1;
        long dataEnd = t.sendBuf.endOffset();
        int len = (int) Math.max(0, Math.min(Math.min(maxLen, t.sndMssBytes), dataEnd - off));
        boolean fin = t.finQueued && off + len == dataEnd && t.sndMaxPos > t.finPos();
        Payload p = len == 0 ? Payload.EMPTY : t.sendBuf.slice(off, len);
        emit(t.seqOfSnd(pos), TcpFlags.ACK | (fin ? TcpFlags.FIN : 0), p, nowPs, out);
        if (t.usRtt != null) {
            t.usRtt.onSend(pos, pos + len + (fin ? 1 : 0), nowPs, true);
        }
        if (t.rate != null) {
            t.rate.onSent(pos, pos + len + (fin ? 1 : 0), nowPs, t.sndMaxPos - t.sndUnaPos);
        }
        noteRetransmission(pos, len, cause, nowPs);
        return len + (fin ? 1 : 0);
    }

    /** Sequence space {@link #retransmitAt} would cover (data plus FIN), 0 when it would send nothing. */
    int retransmitLen(long pos, int maxLen) {
        long off = pos - 1;
        long dataEnd = t.sendBuf.endOffset();
        int len = (int) Math.max(0, Math.min(Math.min(maxLen, t.sndMssBytes), dataEnd - off));
        boolean fin = t.finQueued && off + len == dataEnd && t.sndMaxPos > t.finPos();
        return len + (fin ? 1 : 0);
    }

    private void noteRetransmission(long pos, int len, String cause, long nowPs) {
        if (cause.equals("timeout")) {
            t.stats.timeoutRetransmits++;
        } else {
            t.stats.fastRetransmits++;
        }
        t.stats.retransmittedBytes += len;
        t.rttSeqPos = -1; // Karn (RFC 6298 §3): never time a retransmitted segment
        rack.onRetransmitted(pos, pos + Math.max(len, 1), nowPs);
        t.undo.onRetransmit(t, pos, len, nowPs);
        if (conn.traceEnabled()) {
            conn.traceRecord(nowPs, new TcpTrace.Retransmit(conn.tuple(), t.seqOfSnd(pos) & 0xFFFFFFFFL, len, cause));
        }
    }

    /** A pure ACK carrying the current window (and timestamps / SACK blocks). */
    void sendAck(long nowPs, SegmentSink out) {
        emit(t.seqOfSnd(t.sndNxtPos), TcpFlags.ACK, Payload.EMPTY, nowPs, out);
    }

    /**
     * Zero-window probe or keep-alive (RFC 9293 §3.8.6.1, RFC 1122 §4.2.3.6): an ACK with the
     * already-acknowledged sequence number SND.UNA-1 and no data, which any receiver answers
     * with an ACK carrying its current window (the BSD/Linux form of the probe).
     */
    void sendProbe(long nowPs, SegmentSink out) {
        emit(t.seqOfSnd(t.sndUnaPos - 1), TcpFlags.ACK, Payload.EMPTY, nowPs, out);
    }

    /** RST with {@code seq} (RFC 9293 §3.10.7), no ACK. */
    void sendRst(int seq, long nowPs, SegmentSink out) {
        Segment s = new Segment(t.tuple.localPort(), t.tuple.remotePort(), seq, 0, TcpFlags.RST, 0, 0,
                TcpOptions.NONE, Payload.EMPTY);
        t.stats.segmentsOut++;
        out.send(t.tuple, s);
    }

    /** The application read data: owe a window update if the window opens enough (RFC 1122 §4.2.3.3). */
    void onApplicationRead() {
        onApplicationRead(0);
    }

    /**
     * The application took {@code copiedBytes}. With {@link TcpFeatures#linuxAckPolicy()} Linux
     * tcp_cleanup_rbuf decides (an ACK still owed for more than one segment, or a window at
     * least twice the one advertised); otherwise RFC 1122 §4.2.3.3 / RFC 9293 §3.8.6.2.2
     * receiver SWS avoidance: a window update is owed when the right edge the next segment
     * would carry ({@link #offerableWindowBytes}) lies at least min(RCV.BUFF / 2, 2 * MSS)
     * beyond the one advertised (or one MSS when the window is below an MSS), RCV.BUFF being
     * the buffer now ({@link Tcb#rcvBuffBytes}: the autotuned one with receive autotuning).
     * Measured against the edge an ACK would really advertise, not against the free buffer
     * space, the rule is idempotent: once the update went out it no longer holds, so reads
     * that free nothing (or a window the field or rcv_ssthresh cannot express) owe no ACK.
     */
    void onApplicationRead(long copiedBytes) {
        if (!t.state.isSynchronized() || t.finReceived) {
            return;
        }
        if (t.config.features().linuxAckPolicy()) {
            if (t.rx.ackNowAfterRead(copiedBytes)) {
                t.ackNow = true;
            }
            return;
        }
        long newRight = t.rcvNxtPos + offerableWindowBytes();
        long grow = newRight - t.rcvAdvRightPos;
        long buf = t.rcvBuffBytes();
        long mss = t.rcvMssBytes();
        if (grow >= Math.min(buf / 2, 2 * mss) || (t.rcvWndBytes() < mss && grow >= Math.min(buf / 2, mss))) {
            t.ackNow = true;
        }
    }

    private void emit(int seq, int flags, Payload payload, long nowPs, SegmentSink out) {
        boolean syn = (flags & TcpFlags.SYN) != 0;
        boolean ack = (flags & TcpFlags.ACK) != 0;
        int ecn = EcnCodepoint.NOT_ECT;
        if (t.ecnOk && !syn) {
            // RFC 3168 §6.1.5 / Linux tcp_ecn_send: ECT(0) on new data only, never on retransmissions
            // or pure ACKs; the first new data segment after a reduction carries CWR (§6.1.2)
            if (payload.lenBytes() > 0 && t.sndPosOf(seq) >= t.sndMaxPos) {
                ecn = EcnCodepoint.ECT_0;
                if (t.ecnCwrToSend) {
                    flags |= TcpFlags.CWR;
                    t.ecnCwrToSend = false;
                }
            }
            if (ack && t.ecnEceToSend) {
                flags |= TcpFlags.ECE; // RFC 3168 §6.1.3; RFC 8257 §3.2
            }
        }
        int ackNo = ack ? t.seqOfRcv(t.rcvNxtPos) : 0;
        int window = windowField(syn);
        Segment s = new Segment(t.tuple.localPort(), t.tuple.remotePort(), seq, ackNo, flags, window, 0,
                options(syn, ack, nowPs), payload);
        if (ack) {
            t.rx.onAckSent(t.unackedRcvBytes > 0 || t.delAckDeadlinePs != Long.MAX_VALUE);
            t.lastAckSent = ackNo;
            t.ackNow = false;
            t.unackedRcvBytes = 0;
            t.delAckDeadlinePs = Long.MAX_VALUE;
        }
        t.stats.segmentsOut++;
        t.stats.bytesOut += payload.lenBytes();
        if (payload.lenBytes() > 0) {
            pacer.onDataSent(payload.lenBytes(), nowPs);
        }
        if (t.inRecovery && prr.enabled()) {
            prr.onSent(payload.lenBytes()); // prr_out (RFC 6937 §3)
        }
        out.send(t.tuple, s, ecn);
    }

    /**
     * The 16-bit window field. The right edge advances only by at least min(buffer/2, MSS)
     * (receiver SWS avoidance, RFC 1122 §4.2.3.3) and never moves left (RFC 9293 §3.8.6.2.2).
     * Windows in SYNs are never scaled (RFC 7323 §2.2). The recorded right edge never exceeds
     * what the field can tell the peer (65535 &lt;&lt; Rcv.Wind.Shift, RFC 7323 §2.3): a host buffer
     * larger than that, without window scaling, must not let a CCB promise more than the peer
     * was offered.
     */
    private int windowField(boolean syn) {
        if (t.config.features().receiveAutotuning()) {
            return t.rx.windowField(syn); // Linux tcp_select_window / tcp_select_initial_window
        }
        long space = Math.min(t.rcvSpaceBytes(), 0xFFFFL << t.rcvShift);
        if (syn) {
            int w = (int) Math.min(space, 0xFFFF);
            if (t.state == TcpState.SYN_RECEIVED) {
                t.rcvAdvRightPos = Math.max(t.rcvAdvRightPos, t.rcvNxtPos + w);
            }
            return w;
        }
        long candidate = t.rcvNxtPos + space;
        long threshold = Math.min(t.config.receiveBufferBytes() / 2, t.rcvMssBytes());
        if (candidate - t.rcvAdvRightPos >= threshold) {
            t.rcvAdvRightPos = candidate;
        }
        long wnd = t.rcvWndBytes();
        long field = wnd >> t.rcvShift;
        return (int) Math.min(field, 0xFFFF);
    }

    /**
     * The window {@link #windowField} would choose for a non-SYN segment sent now, before its
     * never-shrink and SWS-threshold steps: with receive autotuning Linux __tcp_select_window
     * (rcv_ssthresh, MSS rounding, the full/16 floor), otherwise the free buffer space; either
     * capped at what the field can carry (65535 &lt;&lt; Rcv.Wind.Shift, RFC 7323 §2.3).
     */
    private long offerableWindowBytes() {
        long fieldMax = 0xFFFFL << t.rcvShift;
        if (t.config.features().receiveAutotuning()) {
            return Math.min(t.rx.selectWindowBytes(), fieldMax);
        }
        return Math.min(t.rcvSpaceBytes(), fieldMax);
    }

    private TcpOptions options(boolean syn, boolean ack, long nowPs) {
        int tsVal = t.tsOffset + (int) (nowPs / t.config.tsTickPs());
        if (syn) {
            boolean synAck = ack;
            int ws = t.config.windowScale() && (!synAck || t.wsOk) ? t.rcvShift : -1;
            boolean sack = t.config.sack() && (!synAck || t.sackOk);
            boolean ts = t.config.timestamps() && (!synAck || t.tsOk);
            return new TcpOptions(t.ourMssBytes, ws, sack, ts, ts ? tsVal : 0, ts && synAck ? t.tsRecent : 0,
                    List.of());
        }
        boolean dsack = t.sackBuilder.hasDuplicate(); // RFC 2883: set only with the dsack feature
        List<SackBlock> blocks = t.sackOk && (dsack || !t.ooo.isEmpty()) ? sackBlocks() : List.of();
        t.stats.dsacksOut += dsack ? 1 : 0;
        t.stats.sackBlocksOut += blocks.size();
        if (!t.tsOk && blocks.isEmpty()) {
            return TcpOptions.NONE;
        }
        if (blocks.isEmpty()) {
            return timestampsOnly(tsVal, t.tsRecent);
        }
        return new TcpOptions(-1, -1, false, t.tsOk, t.tsOk ? tsVal : 0, t.tsOk ? t.tsRecent : 0, blocks);
    }

    /**
     * The timestamps-only option set, shared while TSval and TSecr repeat: TSval ticks once per
     * {@code tsTickPs} (1 ms by default), so back-to-back segments carry the same values and
     * need no new immutable {@link TcpOptions} each.
     */
    private TcpOptions timestampsOnly(int tsVal, int tsEcr) {
        TcpOptions o = lastTsOptions;
        if (o == null || o.tsVal() != tsVal || o.tsEcr() != tsEcr) {
            o = new TcpOptions(-1, -1, false, true, tsVal, tsEcr, List.of());
            lastTsOptions = o;
        }
        return o;
    }

    /** Receiver SACK blocks (RFC 2018 §4), chosen by the {@link org.toesim.tcp.sack.SackBlockBuilder}. */
    private List<SackBlock> sackBlocks() {
        List<long[]> ranges = t.ooo.coalescedRanges();
        List<SackBlock> held = new ArrayList<>(ranges.size());
        for (long[] r : ranges) {
            held.add(new SackBlock(t.seqOfRcv(r[0] + 1), t.seqOfRcv(r[1] + 1)));
        }
        return t.sackBuilder.build(t.seqOfRcv(t.rcvNxtPos), held, t.tsOk ? 3 : 4);
    }
}
