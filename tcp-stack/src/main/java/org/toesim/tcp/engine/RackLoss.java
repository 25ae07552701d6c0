package org.toesim.tcp.engine;

import java.util.List;
import org.toesim.tcp.sack.Rack;
import org.toesim.tcp.sack.SackScoreboard;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.seq.SeqNum;

/**
 * RACK loss detection (RFC 8985 §6, Linux {@code tcp_recovery.c}) over the {@link Rack} log
 * and the SACK scoreboard; only with {@code features().rack()} and SACK (Linux runs RACK only
 * on SACK connections).
 *
 * <pre>
 *   segment sent           ─▶ log its time (new data) or its retransmission time
 *   ACK (before scoreboard) ─▶ which segments it newly delivers; reordering seen?
 *   ACK (after)             ─▶ RACK.segment / RACK.rtt (step 2), mark lost: un-SACKed octets of
 *                              the segments sent before RACK.segment whose send time + RACK.rtt
 *                              + reo_wnd has passed (step 5) ─▶ scoreboard lost boundary;
 *                              the rest arm the reordering timer (§6.3)
 *   reordering timer       ─▶ the same marking at its deadline; recovery starts if SND.UNA is lost
 *   in recovery, SND.UNA retransmitted before RACK.segment was sent ─▶ lost at its
 *                              retransmission time + RACK.rtt + reo_wnd: sent again (timer till then)
 * </pre>
 *
 * reo_wnd is Linux's {@code tcp_rack_reo_wnd}: 0 when no reordering was seen and the
 * connection is in recovery (or after an RTO) or at least DupThresh segments are SACKed (so the
 * classic 3-duplicate-ACK rule still holds), else min(min_RTT / 4, SRTT) (RFC 8985 §6.2.4, no
 * DSACK-driven growth). With reordering seen, the RFC 6675 DupThresh marking is off and RACK
 * alone marks losses.
 */
final class RackLoss {
    private static final int DUP_THRESH = 3;

    private final Tcb t;
    /**
     * Positions newly delivered by the ACK being processed (cumulative end, SACK blocks), at most
     * {@value #MAX_DELIVERED}: the first in a field, the others (only with SACK blocks) in an
     * array made at the first such ACK, so a connection that never sees one keeps no array.
     */
    private long firstDelivered;
    private long[] moreDelivered;
    private int deliveredCount;
    private static final int MAX_DELIVERED = 8;

    RackLoss(Tcb t) {
        this.t = t;
    }

    /** A fresh log when the SYN is acknowledged, if RACK runs on this connection. */
    void reset() {
        t.rack = t.config.features().rack() && t.scoreboard != null ? new Rack(t.sndUnaPos) : null;
        t.rackReoDeadlinePs = Long.MAX_VALUE;
    }

    void onNewDataSent(long startPos, long endPos, long nowPs) {
        if (t.rack != null) {
            t.rack.onNewDataSent(startPos, endPos, nowPs);
        }
    }

    void onRetransmitted(long startPos, long endPos, long nowPs) {
        if (t.rack != null) {
            t.rack.onRetransmitted(startPos, endPos, nowPs);
        }
    }

    /**
     * Before the scoreboard takes the ACK: note the segments it newly delivers (the highest
     * newly ACKed octet, and per SACK block its highest octet if new, else its lowest new one)
     * and whether a never-retransmitted segment below the highest SACKed one arrived (Linux
     * {@code tcp_check_sack_reordering}).
     */
    private void addDelivered(long pos) {
        if (deliveredCount == 0) {
            firstDelivered = pos;
        } else {
            if (moreDelivered == null) {
                moreDelivered = new long[MAX_DELIVERED - 1];
            }
            moreDelivered[deliveredCount - 1] = pos;
        }
        deliveredCount++;
    }

    void beforeAck(Segment seg, long ackPos) {
        deliveredCount = 0;
        if (t.rack == null) {
            return;
        }
        SackScoreboard sb = t.scoreboard;
        long priorFackPos = t.sndPosOf(sb.highestSacked());
        if (ackPos > t.sndUnaPos && ackPos <= t.sndMaxPos) {
            addDelivered(ackPos - 1);
            if (t.sndUnaPos < priorFackPos && !t.rack.retransmitted(t.sndUnaPos, t.sndUnaPos + 1)) {
                t.rack.onReorderingSeen();
            }
        }
        List<SackBlock> blocks = seg.options().sackBlocks();
        long unaPos = Math.max(t.sndUnaPos, ackPos);
        for (int k = 0; k < blocks.size() && deliveredCount < MAX_DELIVERED; k++) {
            long left = Math.max(t.sndPosOf(blocks.get(k).left()), unaPos);
            long right = t.sndPosOf(blocks.get(k).right());
            if (left >= right || right > t.sndMaxPos) {
                continue;
            }
            if (!sb.isSacked(t.seqOfSnd(right - 1))) {
                addDelivered(right - 1);
            } else {
                long firstNew = t.sndPosOf(sb.firstUnsackedAtOrAbove(t.seqOfSnd(left)));
                if (firstNew >= right) {
                    continue;
                }
                addDelivered(firstNew);
            }
            long lowNew = t.sndPosOf(sb.firstUnsackedAtOrAbove(t.seqOfSnd(left)));
            if (lowNew < priorFackPos && lowNew < right && !t.rack.retransmitted(lowNew, lowNew + 1)) {
                t.rack.onReorderingSeen();
            }
        }
    }

    /**
     * After the scoreboard took the ACK (SND.UNA already advanced): RACK.segment from the
     * deliveries, then loss marking. Returns whether it marked new octets lost.
     */
    boolean afterAck(long nowPs) {
        if (t.rack == null) {
            return false;
        }
        long minRttPs = t.rtt.minRttPs();
        for (int k = 0; k < deliveredCount; k++) {
            t.rack.onDelivered(k == 0 ? firstDelivered : moreDelivered[k - 1], nowPs, minRttPs);
        }
        deliveredCount = 0;
        t.rack.releaseTo(t.sndUnaPos);
        return detectLoss(nowPs);
    }

    /** RFC 8985 §6.3: the reordering timer fired. Returns whether it marked new octets lost. */
    boolean onReorderTimeout(long nowPs) {
        t.rackReoDeadlinePs = Long.MAX_VALUE;
        return t.rack != null && detectLoss(nowPs);
    }

    /** Whether DupThresh duplicate ACKs may still start recovery (no reordering seen). */
    boolean dupThreshAllowed() {
        return t.rack == null || !t.rack.reorderingSeen();
    }

    /** An RTO: the reordering timer stops (Linux: one timer slot, the RTO took it). */
    void onRetransmissionTimeout() {
        t.rackReoDeadlinePs = Long.MAX_VALUE;
    }

    private boolean detectLoss(long nowPs) {
        SackScoreboard sb = t.scoreboard;
        long reoWnd = reoWndPs();
        int before = sb.lostBoundary();
        long lostEnd = t.rack.lostEndPos(nowPs, reoWnd, t.sndUnaPos);
        sb.setRackLost(t.seqOfSnd(Math.min(lostEnd, t.sndMaxPos)), !t.rack.reorderingSeen());
        long deadlinePs = t.rack.reorderDeadlinePs(nowPs, reoWnd);
        long unaLostPs = unaRetransmissionLostAtPs(reoWnd);
        t.rackReoDeadlinePs = unaLostPs > nowPs ? Math.min(deadlinePs, unaLostPs) : deadlinePs;
        return SeqNum.gt(sb.lostBoundary(), before);
    }

    /**
     * Whether SND.UNA's retransmission is lost by RACK's clock: a segment sent after it was
     * delivered and its retransmission time + RACK.rtt + reo_wnd has passed (RFC 8985 §6.2).
     * The scoreboard's own test ({@link SackScoreboard#unaRetransmissionLost}) needs new data
     * SACKed above the retransmission; at the end of a transfer there is none, and a twice-lost
     * segment (e.g. dropped again by a full transmit queue) then waited for the RTO.
     */
    boolean unaRetransmissionLost(long nowPs) {
        return t.rack != null && unaRetransmissionLostAtPs(reoWndPs()) <= nowPs;
    }

    private long unaRetransmissionLostAtPs(long reoWndPs) {
        return t.inRecovery ? t.rack.retransmissionLostAtPs(t.sndUnaPos, reoWndPs) : Long.MAX_VALUE;
    }

    /** Linux {@code tcp_rack_reo_wnd} (RFC 8985 §6.2.4 without DSACK adaptation). */
    long reoWndPs() {
        if (!t.rack.reorderingSeen()) {
            boolean lossState = t.inRecovery || !t.scoreboard.mayEnterRecovery();
            if (lossState || t.scoreboard.sackedBytes() >= (long) DUP_THRESH * t.sndMssBytes) {
                return 0;
            }
        }
        return Math.min(t.rtt.minRttPs() / 4, t.rtt.srttPs());
    }
}
