package org.toesim.tcp.engine;

import org.toesim.tcp.sack.DsackDetector;
import org.toesim.tcp.sack.SackScoreboard;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.seq.SeqNum;

/**
 * SACK-based loss recovery (RFC 6675) when both sides sent SACK-permitted (RFC 2018 §2), over
 * the {@link SackScoreboard} held in the TCB.
 *
 * <pre>
 *   every ACK            ─▶ scoreboard.update(ack, blocks)                          (§4 Update)
 *   DupThresh dupACKs or IsLost(SND.UNA) ─▶ enterRecovery: retransmit SND.UNA     (§5 (4))
 *   while cwnd - pipe >= SMSS ─▶ NextSeg: lost hole / new data / unSACKed / rescue (§5 (C))
 *   cumulative ACK covers RecoveryPoint ─▶ exit                                    (§5 (4.1))
 *   RTO                  ─▶ scoreboard.onRetransmissionTimeout                      (§5.1)
 *   SND.UNA's retransmission lost (later data SACKed) ─▶ retransmit SND.UNA again (RFC 8985 §6.2)
 * </pre>
 */
final class SackRecovery {
    private final Tcb t;
    private final OutputProcessor output;

    SackRecovery(Tcb t, OutputProcessor output) {
        this.t = t;
        this.output = output;
    }

    /** A fresh scoreboard once the SYN is acknowledged (SND.UNA = SND.MAX). */
    void reset() {
        t.scoreboard = t.sackOk ? new SackScoreboard(t.sndMssBytes, t.seqOfSnd(t.sndUnaPos)) : null;
    }

    /** Feeds one ACK; returns the bytes it newly SACKed. */
    long onAck(Segment seg) {
        if (t.scoreboard == null) {
            return 0;
        }
        t.scoreboard.onNewDataSent(t.seqOfSnd(t.sndMaxPos));
        return t.scoreboard.update(seg.ack(), DsackDetector.sackBlocks(seg.ack(), seg.options().sackBlocks(),
                t.config.features().dsack()));
    }

    /** RFC 6675 §5: recovery starts on DupThresh duplicates or when SND.UNA's segment IsLost. */
    boolean shouldEnterRecovery(int dupAcks, int dupThresh) {
        return t.scoreboard != null && t.scoreboard.mayEnterRecovery()
                && (dupAcks >= dupThresh || t.scoreboard.isLost(t.seqOfSnd(t.sndUnaPos)));
    }

    /** RFC 6675 §5 (4.2)-(4.3): retransmit the first segment; cwnd = ssthresh set by the caller. */
    void enterRecovery(long nowPs, SegmentSink out) {
        // RecoveryPoint = HighData = SND.MAX (§5 step 4.1). HighData follows SND.MAX on ACKs; when
        // RACK's reordering timer starts recovery no ACK brought it up to date, and a stale
        // RecoveryPoint below SND.UNA would let the rescue retransmission (§5 C.4) repeat for ever
        t.scoreboard.onNewDataSent(t.seqOfSnd(t.sndMaxPos));
        int len = output.retransmitAt(t.sndUnaPos, t.sndMssBytes, "sack", nowPs, out);
        t.scoreboard.enterRecovery(Math.max(1, len));
        send(nowPs, out);
    }

    void exitRecovery() {
        if (t.scoreboard != null) {
            t.scoreboard.exitRecovery();
        }
    }

    void onRetransmissionTimeout() {
        if (t.scoreboard != null) {
            t.scoreboard.onRetransmissionTimeout();
        }
    }

    /**
     * The retransmission of SND.UNA was lost (data sent after it is SACKed,
     * {@link SackScoreboard#unaRetransmissionLost}, or RACK's clock says so,
     * {@link RackLoss#unaRetransmissionLost}): send it again now rather than idle until the
     * RTO. It replaces a segment the network dropped, so it goes whatever pipe says.
     */
    private void resendLostUnaRetransmission(long nowPs, SegmentSink out) {
        SackScoreboard sb = t.scoreboard;
        sb.onNewDataSent(t.seqOfSnd(t.sndMaxPos));
        if (!sb.unaRetransmissionLost() && !output.rack().unaRetransmissionLost(nowPs)) {
            return;
        }
        int una = t.seqOfSnd(t.sndUnaPos);
        int maxLen = (int) Math.min(t.sndMssBytes, SeqNum.distance(una, sb.holeEnd(una)));
        int len = output.retransmitAt(t.sndUnaPos, maxLen, "lost-retransmit", nowPs, out);
        if (len > 0) {
            sb.onRetransmitted(una, len);
        }
    }

    /** RFC 6675 §5 (C): send while cwnd - pipe >= 1 SMSS. */
    void send(long nowPs, SegmentSink out) {
        SackScoreboard sb = t.scoreboard;
        resendLostUnaRetransmission(nowPs, out);
        int guard = 0;
        while (guard++ < 1024 && !output.pacer().holds(nowPs)) {
            SackScoreboard.Rule rule = nextRule();
            switch (rule) {
                case LOST, UNSACKED, RESCUE -> {
                    long pos = t.sndPosOf(sb.nextSegSeq());
                    int len = output.retransmitAt(pos, sb.nextSegLenBytes(), "sack", nowPs, out);
                    if (len == 0) {
                        return;
                    }
                    if (rule == SackScoreboard.Rule.RESCUE) {
                        sb.onRescueRetransmitted();
                    } else {
                        sb.onRetransmitted(sb.nextSegSeq(), len);
                    }
                }
                case NEW_DATA -> {
                    if (!output.sendOneNew(nowPs, out)) {
                        return;
                    }
                    sb.onNewDataSent(t.seqOfSnd(t.sndMaxPos));
                }
                case NONE -> {
                    return;
                }
            }
        }
    }

    /**
     * Whether {@link #send} would emit a segment now: the same choice as its first step, without
     * sending. The engine's wake-up time rests on this; a "yes" that {@code send} then does not
     * honour makes the caller poll again at the same instant, for ever.
     */
    boolean wouldSend() {
        SackScoreboard.Rule rule = nextRule();
        return switch (rule) {
            case LOST, UNSACKED, RESCUE ->
                    output.retransmitLen(t.sndPosOf(t.scoreboard.nextSegSeq()), t.scoreboard.nextSegLenBytes()) > 0;
            case NEW_DATA -> output.newSegmentAllowed();
            case NONE -> false;
        };
    }

    /**
     * NextSeg (RFC 6675 §4) when cwnd - pipe >= 1 SMSS (§5 (C)), else NONE. HighData is brought up
     * to SND.MAX first (idempotent: it only ever takes the larger value).
     */
    private SackScoreboard.Rule nextRule() {
        SackScoreboard sb = t.scoreboard;
        sb.onNewDataSent(t.seqOfSnd(t.sndMaxPos));
        if (t.cs.cwndBytes - sb.pipeBytes() < t.sndMssBytes) {
            return SackScoreboard.Rule.NONE;
        }
        boolean canSendNew = t.sndNxtPos == t.sndMaxPos && output.newDataAllowedByWindow();
        return sb.nextSeg(canSendNew);
    }
}
