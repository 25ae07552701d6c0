package org.toesim.tcp.engine;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.units.Units;
import org.toesim.tcp.sack.DsackDetector;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.seq.SeqNum;

/**
 * Undo of spurious loss recovery on each ACK, over the {@link UndoState} in the TCB: D-SACK
 * evidence (RFC 2883 §5, Linux {@code tcp_try_undo_dsack}), the Eifel timestamp check (RFC 3522,
 * Linux {@code tcp_packet_delayed}), the end of recovery ({@code tcp_try_undo_recovery}), and
 * after a timeout F-RTO (RFC 5682 §3.1, Linux {@code tcp_process_loss} with {@code tcp_frto = 2})
 * and {@code tcp_try_undo_loss}.
 *
 * <pre>
 *   ACK with a D-SACK block (dsack)  ─▶ stats.dsacksIn, UndoState.onDsack
 *   in fast recovery (undo)          ─▶ every retransmission D-SACKed, or the ACK of all of them
 *                                       echoes a TSval older than the first one (Eifel): undo, leave
 *   the ACK that ended recovery      ─▶ the same test once more (tcp_try_undo_recovery)
 *   after recovery, a late D-SACK    ─▶ all D-SACKed: undo (tcp_try_undo_dsack in Open)
 *   after an RTO                     ─▶ SND.UNA advanced and D-SACK/Eifel: undo (tcp_try_undo_loss)
 *     F-RTO step 2 (frto)            ─▶ first new ACK below high_seq: send two new segments (2b)
 *                                       else conventional go-back (2a)
 *     F-RTO step 3                   ─▶ next ACK acknowledges never-retransmitted data: spurious,
 *                                       undo (3b); a duplicate ACK or SACK: loss was real (3a)
 *   undo                             ─▶ cwnd = max(cwnd, prior_cwnd), ssthresh = max(ssthresh,
 *                                       prior_ssthresh), cc.onUndo (tcp_undo_cwnd_reduction)
 * </pre>
 *
 * <p>Linux also declares a timeout spurious on the first ACK when it SACKs never-retransmitted
 * data ({@code FLAG_ORIG_SACK_ACKED}); this engine forgets SACK information at a timeout (RFC 2018
 * §8, {@link org.toesim.tcp.sack.SackScoreboard#onRetransmissionTimeout}), so it cannot tell
 * re-reported blocks from new ones and follows RFC 5682 §3.1 steps 2 and 3 as written.
 */
final class RecoveryUndo {
    private static final Logger LOG = LoggerFactory.getLogger(RecoveryUndo.class);
    private final Tcb t;
    private final TcpConnection conn;
    private final OutputProcessor output;
    private final SackRecovery sack;

    RecoveryUndo(Tcb t, TcpConnection conn, OutputProcessor output) {
        this.t = t;
        this.conn = conn;
        this.output = output;
        this.sack = output.sack();
    }

    /**
     * Before the scoreboard sees the ACK: whether its first SACK block is a D-SACK block (RFC 2883
     * §4), counted and credited to the undo state. False whenever the {@code dsack} feature is off.
     */
    boolean onSackBlocks(Segment seg) {
        List<SackBlock> blocks = seg.options().sackBlocks();
        if (!t.config.features().dsack() || !DsackDetector.isDsack(seg.ack(), blocks)) {
            return false;
        }
        t.stats.dsacksIn++;
        t.undo.onDsack(t, blocks.get(0));
        return true;
    }

    /**
     * After the ACK was processed (SND.UNA moved, recovery steps done).
     *
     * @param oldUnaPos      SND.UNA before the ACK
     * @param wasInRecovery  in fast recovery before the ACK
     * @param dsack          the ACK carried a D-SACK block
     * @param newlySacked    bytes the ACK newly SACKed
     */
    void afterAck(Segment seg, long oldUnaPos, boolean wasInRecovery, boolean dsack, long newlySacked, long nowPs,
                  SegmentSink out) {
        UndoState u = t.undo;
        if (u.markerPos < 0) {
            return;
        }
        boolean advanced = t.sndUnaPos > oldUnaPos;
        if (u.loss) {
            afterAckInLoss(seg, oldUnaPos, advanced, newlySacked, nowPs, out);
            return;
        }
        if (!t.config.features().undo()) {
            return;
        }
        if (t.inRecovery) {
            if (u.retrans == 0) {
                undo("dsack", nowPs); // tcp_try_undo_dsack
            } else if (advanced && t.sndUnaPos >= u.rxtHighPos && packetDelayed(seg)) {
                undo("eifel", nowPs); // tcp_try_undo_partial, no retransmission outstanding
            }
        } else if (wasInRecovery) {
            if (mayUndo(seg)) {
                undo(u.retrans == 0 ? "dsack" : "eifel", nowPs); // tcp_try_undo_recovery
            }
        } else if (dsack && u.retrans == 0) {
            undo("dsack", nowPs); // a late D-SACK: tcp_try_undo_dsack in Open
        }
    }

    /** Linux {@code tcp_process_loss}: after a retransmission timeout, until high_seq is acknowledged. */
    private void afterAckInLoss(Segment seg, long oldUnaPos, boolean advanced, long newlySacked, long nowPs,
                                SegmentSink out) {
        UndoState u = t.undo;
        boolean undoOn = t.config.features().undo();
        if (undoOn && advanced && mayUndo(seg)) {
            undoLoss(u.retrans == 0 ? "dsack" : "eifel", nowPs); // tcp_try_undo_loss(sk, false)
            return;
        }
        boolean recovered = t.sndUnaPos >= u.highSeqPos;
        if (u.frtoStage == 2) {
            boolean origAcked = Math.min(t.sndUnaPos, u.highSeqPos) > Math.max(oldUnaPos, u.rxtHighPos);
            if (origAcked) {
                t.stats.spuriousRtos++;
                undoLoss("frto", nowPs); // RFC 5682 §3.1 step 3b
                return;
            }
            if (advanced || newlySacked > 0 || seg.payloadLenBytes() == 0) {
                u.frtoStage = 0; // step 3a: the loss was real; conventional recovery from SND.UNA
                t.sndNxtPos = t.sndUnaPos;
            }
        } else if (u.frtoStage == 1 && advanced) {
            u.frtoStage = 0;
            if (!recovered && output.newDataAllowedByWindow()) {
                // step 2b: high_seq = SND.MAX, then up to two new segments instead of retransmissions
                u.highSeqPos = t.sndMaxPos;
                t.sndNxtPos = t.sndMaxPos;
                if (output.sendOneNew(nowPs, out)) {
                    output.sendOneNew(nowPs, out);
                    u.frtoStage = 2;
                    return;
                }
            }
            // step 2a (high_seq acknowledged) or nothing new to send: conventional recovery
            t.sndNxtPos = Math.max(t.sndUnaPos, Math.min(t.sndNxtPos, u.rxtHighPos));
        }
        if (recovered) {
            if (undoOn && mayUndo(seg)) {
                undoLoss(u.retrans == 0 ? "dsack" : "eifel", nowPs); // tcp_try_undo_recovery
            } else {
                u.loss = false;
                u.frtoStage = 0;
            }
        }
    }

    /** Linux {@code tcp_may_undo}: every retransmission D-SACKed, or Eifel. */
    private boolean mayUndo(Segment seg) {
        return t.undo.retrans == 0 || packetDelayed(seg);
    }

    /**
     * Eifel detection (RFC 3522 §2, Linux {@code tcp_packet_delayed}): the ACK echoes a TSval
     * older than that of the first retransmission, so the original transmission arrived.
     */
    private boolean packetDelayed(Segment seg) {
        UndoState u = t.undo;
        return t.tsOk && u.hasRetransStamp && seg.options().hasTimestamps() && seg.options().tsEcr() != 0
                && SeqNum.lt(seg.options().tsEcr(), u.retransStampTs);
    }

    /** The timeout was spurious: undo, stop the go-back retransmission, back to normal sending. */
    private void undoLoss(String cause, long nowPs) {
        UndoState u = t.undo;
        u.loss = false;
        u.frtoStage = 0;
        t.timerRetries = 0;
        t.sndNxtPos = t.sndMaxPos; // tcp_undo_cwnd_reduction(sk, true): nothing is marked lost
        if (t.scoreboard != null) {
            t.scoreboard.onTimeoutUndone(); // back to Open: recovery and loss probes may start again
        }
        undo(cause, nowPs);
    }

    /**
     * Linux {@code tcp_undo_cwnd_reduction}: cwnd = max(cwnd, prior_cwnd) ({@code tcp_reno_undo_cwnd}),
     * ssthresh = max(ssthresh, prior_ssthresh), the congestion control told; recovery ends.
     */
    private void undo(String cause, long nowPs) {
        UndoState u = t.undo;
        if (!t.cc.ownsCwnd()) { // Linux bbr_undo_cwnd keeps cwnd
            t.cs.cwndBytes = Math.max(t.cs.cwndBytes, u.priorCwndBytes);
        }
        t.cs.ssthreshBytes = Math.max(t.cs.ssthreshBytes, u.priorSsthreshBytes);
        t.cc.onUndo(t.cs, u.priorCc, nowPs);
        u.markerPos = -1;
        u.priorCc = null;
        t.stats.undos++;
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} congestion response undone ({}): cwnd {} B, ssthresh {} B", Units.logTime(nowPs),
                    conn.component(), t.tuple.traceText(), cause, t.cs.cwndBytes, t.cs.ssthreshBytes);
        }
        if (t.inRecovery) {
            t.inRecovery = false;
            t.dupAcks = 0;
            sack.exitRecovery();
        }
        conn.traceCwnd("undo-" + cause, nowPs);
    }
}
