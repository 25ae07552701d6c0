package org.toesim.tcp.engine;

import org.toesim.tcp.cc.CcSnapshot;
import org.toesim.tcp.segment.SackBlock;

/**
 * What a sender remembers to undo a congestion-window reduction later shown spurious (Linux
 * {@code tcp_init_undo}, {@code tcp_enter_recovery}, {@code tcp_enter_loss},
 * {@code tcp_retransmit_skb}, {@code tcp_check_dsack}); the decisions on each ACK are in
 * {@link RecoveryUndo}. Nothing here changes unless the {@code undo} or {@code frto} feature is on.
 *
 * <pre>
 *   fast recovery starts   ─▶ onEnterRecovery: prior cwnd/ssthresh/cc, marker = SND.UNA, retrans = -1
 *   RTO                    ─▶ onRetransmissionTimeout: the same unless an episode is under way;
 *                             loss = true, high_seq = SND.MAX, F-RTO step 1 (RFC 5682 §3.1)
 *   each retransmission    ─▶ onRetransmit: retrans += 1, first one's TSval kept (Eifel, RFC 3522)
 *   D-SACK of episode data ─▶ onDsack: retrans -= segments reported; 0 = all of them were spurious
 * </pre>
 */
final class UndoState {
    long markerPos = -1;
    int retrans = -1;
    long priorCwndBytes;
    long priorSsthreshBytes;
    CcSnapshot priorCc;
    boolean hasRetransStamp;
    int retransStampTs;
    long rxtHighPos;
    boolean loss;
    long highSeqPos;
    int frtoStage;

    static boolean enabled(Tcb t) {
        TcpFeatures f = t.config.features();
        return f.undo() || f.frto();
    }

    /**
     * Linux {@code tcp_enter_recovery}: {@code prior_ssthresh = tcp_current_ssthresh()},
     * {@code prior_cwnd = cwnd} ({@code tcp_init_cwnd_reduction}), {@code tcp_init_undo}. Call
     * before ssthresh is lowered.
     */
    void onEnterRecovery(Tcb t) {
        if (!enabled(t)) {
            return;
        }
        begin(t);
        loss = false;
        frtoStage = 0;
    }

    /**
     * Linux {@code tcp_enter_loss}: a fresh episode unless one is under way (in recovery or after
     * an earlier timeout, SND.UNA still below high_seq, and no progress since the last timeout);
     * F-RTO (RFC 5682 §3.1 step 1) for a new recovery or a recurring timeout (§3.2). Call before
     * the congestion control reacts and before {@code inRecovery} is cleared; {@code timerRetries}
     * already counts this expiry.
     */
    void onRetransmissionTimeout(Tcb t) {
        if (!enabled(t)) {
            return;
        }
        boolean lossUnderWay = loss && highSeqPos > t.sndUnaPos;
        long highSeq = t.inRecovery ? t.recoverPos : highSeqPos;
        boolean underWay = (t.inRecovery || lossUnderWay) && highSeq > t.sndUnaPos
                && !(lossUnderWay && t.timerRetries == 1);
        boolean newRecovery = !t.inRecovery && !lossUnderWay;
        if (!underWay) {
            begin(t);
        }
        loss = true;
        highSeqPos = t.sndMaxPos;
        frtoStage = t.config.features().frto() && (newRecovery || t.timerRetries > 1) ? 1 : 0;
    }

    private void begin(Tcb t) {
        markerPos = t.sndUnaPos;
        retrans = -1;
        priorCwndBytes = t.cs.cwndBytes;
        // tcp_current_ssthresh: max(ssthresh, 3/4 cwnd) outside a cwnd reduction
        priorSsthreshBytes = Math.max(t.cs.ssthreshBytes, (t.cs.cwndBytes >> 1) + (t.cs.cwndBytes >> 2));
        priorCc = t.cc.snapshot();
        hasRetransStamp = false;
        rxtHighPos = t.sndUnaPos;
    }

    /** Linux {@code tcp_retransmit_skb}: count the retransmission, stamp the first one. */
    void onRetransmit(Tcb t, long pos, int lenBytes, long nowPs) {
        if (!enabled(t)) {
            return;
        }
        if (!hasRetransStamp) {
            hasRetransStamp = true;
            retransStampTs = t.tsOffset + (int) (nowPs / t.config.tsTickPs());
        }
        retrans = Math.max(retrans, 0) + 1;
        rxtHighPos = Math.max(rxtHighPos, pos + lenBytes);
    }

    /**
     * A D-SACK block reported data of this episode (above the marker, not beyond SND.MAX) twice:
     * that many retransmissions were unnecessary (Linux {@code tcp_check_dsack},
     * {@code tcp_sacktag_one}: {@code undo_retrans -= pcount}).
     */
    void onDsack(Tcb t, SackBlock block) {
        if (markerPos < 0 || retrans <= 0) {
            return;
        }
        long rightPos = t.sndPosOf(block.right());
        if (rightPos <= markerPos || rightPos > t.sndMaxPos) {
            return;
        }
        long lenBytes = Math.max(1, rightPos - t.sndPosOf(block.left()));
        long segs = (lenBytes + t.sndMssBytes - 1) / t.sndMssBytes;
        retrans = (int) Math.max(0, retrans - segs);
    }

    /**
     * The state for a CCB; null while nothing can be undone (no marker: loss and F-RTO are off
     * too, and every other field is set afresh when the next episode begins).
     */
    UndoSnapshot snapshot() {
        if (markerPos < 0) {
            return null;
        }
        return new UndoSnapshot(markerPos, retrans, priorCwndBytes, priorSsthreshBytes, priorCc, hasRetransStamp,
                retransStampTs, rxtHighPos, loss, highSeqPos, frtoStage);
    }

    static UndoState restore(UndoSnapshot s) {
        UndoState u = new UndoState();
        if (s == null) {
            return u;
        }
        u.markerPos = s.markerPos();
        u.retrans = s.retrans();
        u.priorCwndBytes = s.priorCwndBytes();
        u.priorSsthreshBytes = s.priorSsthreshBytes();
        u.priorCc = s.priorCc();
        u.hasRetransStamp = s.hasRetransStamp();
        u.retransStampTs = s.retransStampTs();
        u.rxtHighPos = s.rxtHighPos();
        u.loss = s.loss();
        u.highSeqPos = s.highSeqPos();
        u.frtoStage = s.frtoStage();
        return u;
    }
}
