package org.toesim.tcp.engine;

import org.toesim.tcp.segment.EcnCodepoint;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;
import org.toesim.tcp.seq.SeqNum;

/**
 * The input half of the engine (lwIP's tcp_in): RFC 9293 §3.10.7 "SEGMENT ARRIVES", state by
 * state. ACK handling and loss recovery are in {@link AckProcessor}.
 *
 * <pre>
 *   CLOSED       ─▶ RST reply (§3.10.7.1)
 *   LISTEN       ─▶ SYN: SYN_RECEIVED, SYN-ACK (§3.10.7.2)
 *   SYN_SENT     ─▶ ACK check, RST, SYN(+ACK): ESTABLISHED or SYN_RECEIVED (§3.10.7.3)
 *   otherwise    ─▶ PAWS (RFC 7323 §5.3) ─▶ acceptability ─▶ RST (RFC 5961 §3) ─▶ SYN (RFC 5961 §4)
 *                   ─▶ ACK (AckProcessor) ─▶ text (in order / reassembly) ─▶ FIN   (§3.10.7.4)
 *   then         ─▶ OutputProcessor.dispatch (replies, ACKs, newly allowed data), Timers.rearm
 * </pre>
 */
final class InputProcessor {
    private final Tcb t;
    private final TcpConnection conn;
    private final OutputProcessor output;
    private final Timers timers;
    private final AckProcessor acks;

    InputProcessor(Tcb t, TcpConnection conn, OutputProcessor output, Timers timers) {
        this.t = t;
        this.conn = conn;
        this.output = output;
        this.timers = timers;
        this.acks = new AckProcessor(t, conn, output, timers);
    }

    /** One arriving segment; {@code ecn} is the ECN field of its IP header ({@link EcnCodepoint}). */
    void process(Segment seg, int ecn, long nowPs, SegmentSink out) {
        t.stats.segmentsIn++;
        t.stats.bytesIn += seg.payloadLenBytes();
        switch (t.state) {
            case CLOSED -> {
                Segment rst = TcpResets.replyTo(seg);
                if (rst != null) {
                    t.stats.segmentsOut++;
                    out.send(t.tuple, rst);
                }
                return;
            }
            case LISTEN -> onListen(seg, nowPs, out);
            case SYN_SENT -> onSynSent(seg, nowPs, out);
            default -> onSynchronized(seg, ecn, nowPs, out);
        }
        if (t.state != TcpState.CLOSED) {
            output.dispatch(nowPs, out);
        }
        timers.rearm(nowPs);
    }

    /** RFC 9293 §3.10.7.2. */
    private void onListen(Segment seg, long nowPs, SegmentSink out) {
        if (seg.has(TcpFlags.RST)) {
            return;
        }
        if (seg.has(TcpFlags.ACK)) {
            output.sendRst(seg.ack(), nowPs, out);
            return;
        }
        if (!seg.has(TcpFlags.SYN)) {
            return;
        }
        t.irs = seg.seq();
        t.rcvNxtPos = 1;
        negotiate(seg.options());
        // RFC 3168 §6.1.1: an ECN-setup SYN has ECE and CWR; we answer with ECE if we accept
        t.ecnOk = t.ecnWanted() && seg.has(TcpFlags.ECE) && seg.has(TcpFlags.CWR);
        t.sndWndBytes = seg.window();
        t.maxSndWndBytes = t.sndWndBytes;
        t.sndWl1 = seg.seq();
        t.sndWl2 = t.iss;
        if (t.tsOk) {
            t.tsRecent = seg.options().tsVal();
        }
        t.lastRecvPs = nowPs;
        conn.setState(TcpState.SYN_RECEIVED, nowPs);
    }

    /** RFC 9293 §3.10.7.3. */
    private void onSynSent(Segment seg, long nowPs, SegmentSink out) {
        boolean ackOk = false;
        if (seg.has(TcpFlags.ACK)) {
            long ackPos = t.sndPosOf(seg.ack());
            if (ackPos <= 0 || ackPos > t.sndMaxPos) {
                if (!seg.has(TcpFlags.RST)) {
                    output.sendRst(seg.ack(), nowPs, out);
                }
                return;
            }
            ackOk = true;
        }
        if (seg.has(TcpFlags.RST)) {
            if (ackOk) {
                conn.resetConnection("connection refused", nowPs);
            }
            return;
        }
        if (!seg.has(TcpFlags.SYN)) {
            return;
        }
        t.irs = seg.seq();
        t.rcvNxtPos = 1;
        negotiate(seg.options());
        // RFC 3168 §6.1.1: our ECN-setup SYN is accepted by a SYN-ACK with ECE and without CWR;
        // a simultaneous open's SYN is an ECN-setup SYN like a passive open's
        t.ecnOk = t.ecnWanted() && seg.has(TcpFlags.ECE) && (ackOk != seg.has(TcpFlags.CWR));
        if (t.tsOk) {
            t.tsRecent = seg.options().tsVal();
        }
        t.lastRecvPs = nowPs;
        t.ackNow = true;
        if (ackOk) {
            // RFC 7323 §2.2: the window of a SYN-ACK is never scaled
            t.sndWndBytes = seg.window();
            t.maxSndWndBytes = t.sndWndBytes;
            t.sndWl1 = seg.seq();
            t.sndWl2 = seg.ack();
            acks.synAcknowledged(nowPs);
            conn.setState(TcpState.ESTABLISHED, nowPs);
        } else {
            // simultaneous open: SYN_RECEIVED, our SYN-ACK repeats ISS (RFC 9293 §3.5 figure 7)
            t.sndWndBytes = seg.window();
            t.maxSndWndBytes = t.sndWndBytes;
            t.sndWl1 = seg.seq();
            t.sndWl2 = t.iss;
            conn.setState(TcpState.SYN_RECEIVED, nowPs);
        }
    }

    /** Option negotiation from the peer's SYN (RFC 9293 §3.7.1, RFC 7323 §2-3, RFC 2018 §2). */
    private void negotiate(TcpOptions o) {
        t.peerMssBytes = o.mssBytes() >= 0 ? o.mssBytes() : 536;
        t.wsOk = t.config.windowScale() && o.windowScale() >= 0;
        t.sndShift = t.wsOk ? Math.min(14, o.windowScale()) : 0;
        if (!t.wsOk) {
            t.rcvShift = 0;
        }
        t.sackOk = t.config.sack() && o.sackPermitted();
        t.tsOk = t.config.timestamps() && o.hasTimestamps();
        t.sndMssBytes = Math.max(1, Math.min(t.peerMssBytes, t.ourMssBytes) - (t.tsOk ? 12 : 0));
        t.cs.smssBytes = t.sndMssBytes;
        t.cs.cwndBytes = t.config.initialCwndFor(t.sndMssBytes);
    }

    /** RFC 9293 §3.10.7.4 for SYN_RECEIVED and all synchronized states. */
    private void onSynchronized(Segment seg, int ecn, long nowPs, SegmentSink out) {
        TcpOptions o = seg.options();
        if (t.tsOk && o.hasTimestamps() && !seg.has(TcpFlags.RST) && SeqNum.lt(o.tsVal(), t.tsRecent)) {
            t.ackNow = true; // PAWS, RFC 7323 §5.3 R1: drop, but acknowledge
            return;
        }
        if (!acceptable(seg)) {
            if (!seg.has(TcpFlags.RST)) {
                t.ackNow = true;
                DsackReporter.onUnacceptable(t, seg);
                if (seg.payloadLenBytes() > 0 && t.rcvPosOf(seg.seq()) < t.rcvNxtPos) {
                    t.rx.onDuplicateData(); // Linux tcp_send_dupack: tcp_enter_quickack_mode
                }
                if (t.state == TcpState.TIME_WAIT && seg.has(TcpFlags.FIN)) {
                    timers.enterTimeWait(nowPs);
                }
            }
            return;
        }
        if (seg.has(TcpFlags.RST)) {
            onReset(seg, nowPs);
            return;
        }
        if (seg.has(TcpFlags.SYN)) {
            t.ackNow = true; // RFC 5961 §4 / RFC 9293 §3.10.7.4 fourth: challenge ACK, drop
            return;
        }
        if (!seg.has(TcpFlags.ACK)) {
            return;
        }
        timers.onSegmentReceived(nowPs);
        if (t.tsOk && o.hasTimestamps() && SeqNum.le(seg.seq(), t.lastAckSent)) {
            t.tsRecent = o.tsVal(); // RFC 7323 §4.3 (2)
        }
        if (!acks.process(seg, nowPs, out)) {
            return;
        }
        if (t.state.canReceive()) {
            if (t.ecnOk && seg.payloadLenBytes() > 0) {
                ecnOnData(seg, ecn, nowPs, out);
            }
            receiveText(seg, nowPs);
        }
        receiveFin(seg, nowPs);
    }

    /** The acceptability table of RFC 9293 §3.10.7.4 against the window we advertised. */
    private boolean acceptable(Segment seg) {
        long start = t.rcvPosOf(seg.seq());
        long len = seg.seqLen();
        long wnd = t.rcvWndBytes();
        long nxt = t.rcvNxtPos;
        if (len == 0) {
            return wnd == 0 ? start == nxt : start >= nxt && start < nxt + wnd;
        }
        if (wnd == 0) {
            // only ACK/RST/URG processing (RFC 9293 §3.10.7.4): the text is trimmed away later
            return start == nxt;
        }
        long end = start + len - 1;
        return (start >= nxt && start < nxt + wnd) || (end >= nxt && end < nxt + wnd);
    }

    /** RST in a synchronized state: RFC 5961 §3.2 exact match, else challenge ACK. */
    private void onReset(Segment seg, long nowPs) {
        if (t.config.challengeAck() && seg.seq() != t.seqOfRcv(t.rcvNxtPos)) {
            t.ackNow = true;
            return;
        }
        switch (t.state) {
            case SYN_RECEIVED -> conn.resetConnection(t.activeOpen ? "connection refused" : "reset in SYN_RECEIVED",
                    nowPs);
            case CLOSING, LAST_ACK, TIME_WAIT -> conn.setState(TcpState.CLOSED, nowPs);
            default -> conn.resetConnection("connection reset", nowPs);
        }
    }

    /**
     * ECN on an arriving data segment (before its text is taken), RFC 3168 §6.1.3 and RFC 8257
     * §3.2, in Linux's order ({@code tcp_ecn_accept_cwr}, then {@code tcp_ecn_check_ce}):
     *
     * <pre>
     *   CWR set                      --&gt; stop echoing (the sender has reduced)
     *   classic receiver, CE         --&gt; echo ECE on every ACK from now on; ACK at once
     *   DCTCP receiver, CE changed   --&gt; an ACK owed for earlier data goes now with the old ECE,
     *                                    then ECE = the new CE state, this segment ACKed at once
     * </pre>
     */
    private void ecnOnData(Segment seg, int ecn, long nowPs, SegmentSink out) {
        if (seg.has(TcpFlags.CWR)) {
            t.ecnEceToSend = false;
        }
        if (ecn == EcnCodepoint.NOT_ECT) {
            return; // a retransmission (sent without ECT): no CE information (Linux: no CA event)
        }
        boolean ce = ecn == EcnCodepoint.CE;
        if (ce) {
            t.stats.ceReceived++;
        }
        if (t.cc.echoesCeState()) {
            if (ce != t.ecnCeState) {
                if (t.unackedRcvBytes > 0 || t.delAckDeadlinePs != Long.MAX_VALUE) {
                    t.ecnEceToSend = t.ecnCeState;
                    output.sendAck(nowPs, out); // dctcp_ece_ack_update: the owed ACK, with the old CE state
                }
                t.ecnCeState = ce;
                t.ackNow = true;
            }
            t.ecnEceToSend = ce;
        } else if (ce) {
            if (!t.ecnEceToSend) {
                t.ackNow = true; // Linux __tcp_ecn_check_ce: quick ACK when the echo starts
            }
            t.ecnEceToSend = true;
        }
    }

    /** RFC 9293 §3.10.7.4 seventh: in-order text to the receive buffer, the rest to reassembly. */
    private void receiveText(Segment seg, long nowPs) {
        int len = seg.payloadLenBytes();
        if (len == 0) {
            return;
        }
        long start = t.rcvPosOf(seg.seq());
        long from = Math.max(start, t.rcvNxtPos);
        long to = Math.min(start + len, Math.max(t.rcvAdvRightPos, t.rcvNxtPos));
        if (from >= to) {
            t.ackNow = true; // duplicate or beyond the window: acknowledge (RFC 9293 §3.10.7.4 first)
            t.rx.onDuplicateData();
            return;
        }
        Payload p = seg.payload().slice((int) (from - start), (int) (to - from));
        if (from > t.rcvNxtPos) {
            DsackReporter.onOutOfOrder(t, from, to, t.ooo.insert(p));
            t.sackBuilder.onOutOfOrderSegment(t.seqOfRcv(from), t.seqOfRcv(to));
            t.ackNow = true; // RFC 5681 §4.2: immediate duplicate ACK for out-of-order data
            return;
        }
        long before = t.rcvNxtPos;
        DsackReporter.onOverlap(t, start);
        t.recvBuf.append(p);
        t.rcvNxtPos = to;
        t.rx.onInOrderData(seg, (int) (to - from), nowPs);
        boolean hadGap = !t.ooo.isEmpty();
        Payload q;
        while (hadGap && (q = t.ooo.pollAt(t.rcvNxtPos - 1)) != null) {
            t.recvBuf.append(q);
            t.rcvNxtPos = q.endOffset() + 1;
        }
        if (hadGap) {
            t.ackNow = true; // RFC 5681 §4.2: immediate ACK when filling (part of) a gap
        } else {
            t.unackedRcvBytes += to - from;
            TcpFeatures f = t.config.features();
            boolean linuxRule = f.quickAck() || f.linuxAckPolicy();
            if (!t.config.delayedAck() || (linuxRule ? t.rx.ackNowAfterData()
                    : t.unackedRcvBytes >= 2L * t.rcvMssBytes())) {
                t.ackNow = true; // RFC 5681 §4.2: ACK at least every second full-sized segment
            } else if (t.delAckDeadlinePs == Long.MAX_VALUE) {
                t.delAckDeadlinePs = nowPs + t.config.delayedAckTimeoutPs();
            }
        }
        conn.events().readable(conn, t.rcvNxtPos - before, nowPs);
    }

    /** RFC 9293 §3.10.7.4 eighth: the FIN, possibly held until the gap before it fills. */
    private void receiveFin(Segment seg, long nowPs) {
        if (seg.has(TcpFlags.FIN) && !t.finReceived) {
            long finPos = t.rcvPosOf(seg.seq()) + seg.payloadLenBytes();
            if (finPos <= Math.max(t.rcvAdvRightPos, t.rcvNxtPos) && finPos >= t.rcvNxtPos) {
                t.peerFinPos = finPos;
            }
        }
        if (t.finReceived || t.peerFinPos < 0 || t.peerFinPos != t.rcvNxtPos) {
            return;
        }
        t.rcvNxtPos++;
        t.finReceived = true;
        t.peerFinPos = -1;
        t.ackNow = true;
        conn.events().peerClosed(conn, nowPs);
        switch (t.state) {
            case SYN_RECEIVED, ESTABLISHED -> conn.setState(TcpState.CLOSE_WAIT, nowPs);
            case FIN_WAIT_1 -> conn.setState(t.finAcked() ? TcpState.TIME_WAIT : TcpState.CLOSING, nowPs);
            case FIN_WAIT_2 -> conn.setState(TcpState.TIME_WAIT, nowPs);
            default -> {
            }
        }
    }
}
