package org.toesim.tcp.sack;

import java.util.ArrayList;
import java.util.List;

/**
 * RACK state of RFC 8985 §6 with the per-segment transmit times it needs: RACK.xmit_ts,
 * RACK.end_seq, RACK.rtt and whether reordering was seen (Linux {@code tp->rack},
 * {@code tp->reord_seen}), over a time-ordered log of the data segments sent.
 *
 * <p>The log holds one entry per new-data transmission, in the order sent (RFC 8985 §6.2's
 * time-ordered list; Linux {@code tsorted_sent_queue}): its end position and original send
 * time, plus the time of its latest retransmission. New data goes out in sequence order, so the
 * entries are sorted both by position and by original send time: "the segments sent before
 * the most recently delivered one" and "the segments whose reordering window has expired" are
 * each a prefix, found by binary search. Loss detection therefore costs O(log n) per ACK, not a
 * walk over the segments in flight, and everything un-SACKed in the found prefix is lost: the
 * caller raises the scoreboard's lost boundary to its end. Parallel {@code long} arrays in a
 * ring, grown by doubling, so the per-segment path allocates nothing.
 *
 * <p>A retransmitted entry keeps its original time for loss detection (the scoreboard never
 * retransmits an octet below HighRxt twice; the lost retransmission of SND.UNA is repaired by
 * {@link SackScoreboard#unaRetransmissionLost} and, by time, {@link #retransmissionLostAtPs});
 * its retransmission time is what a delivery of it reports (RFC 8985 §6.2 step 2, with the min_RTT test against spurious attribution).
 * Positions are 64-bit counts from ISS as in the engine's TCB.
 */
public final class Rack {
    /** "Never retransmitted" in the retransmission-time array. */
    private static final long NONE = Long.MIN_VALUE;

    /** Entries before the first doubling: small, since a table of 100,000 connections holds one per connection. */
    private static final int INITIAL_ENTRIES = 2; // grows by doubling; most connections of a many-connection run keep few in flight

    private long[] endPos = new long[INITIAL_ENTRIES];
    private long[] xmitPs = new long[INITIAL_ENTRIES];
    private long[] rtxPs = new long[INITIAL_ENTRIES];
    private int head;
    private int size;
    /** Start position of the entry at the head (the end of the last released one). */
    private long headStartPos;

    private long rackXmitPs = NONE;
    private long rackEndPos = -1;
    private long rackRttPs;
    private boolean reordSeen;

    /** An empty log whose first segment will start at {@code sndUnaPos}. */
    public Rack(long sndUnaPos) {
        this.headStartPos = sndUnaPos;
    }

    /** New data [{@code startPos}, {@code endPos}) was sent for the first time at {@code nowPs}. */
    public void onNewDataSent(long startPos, long endPos, long nowPs) {
        if (endPos <= startPos) {
            return;
        }
        if (size == 0) {
            headStartPos = startPos;
        }
        if (size == this.endPos.length) {
            grow();
        }
        int i = phys(size);
        this.endPos[i] = endPos;
        this.xmitPs[i] = nowPs;
        this.rtxPs[i] = NONE;
        size++;
    }

    /** Positions [{@code startPos}, {@code endPos}) were retransmitted at {@code nowPs}. */
    public void onRetransmitted(long startPos, long endPos, long nowPs) {
        for (int k = indexOf(startPos); k >= 0 && k < size && startOf(k) < endPos; k++) {
            rtxPs[phys(k)] = nowPs;
        }
    }

    /** Drops the entries wholly below {@code sndUnaPos} (cumulatively acknowledged). */
    public void releaseTo(long sndUnaPos) {
        while (size > 0 && endPos[head] <= sndUnaPos) {
            headStartPos = endPos[head];
            head = (head + 1) & (endPos.length - 1);
            size--;
        }
    }

    /** Whether any entry covering [{@code startPos}, {@code endPos}) was ever retransmitted. */
    public boolean retransmitted(long startPos, long endPos) {
        for (int k = indexOf(startPos); k >= 0 && k < size && startOf(k) < endPos; k++) {
            if (rtxPs[phys(k)] != NONE) {
                return true;
            }
        }
        return false;
    }

    /**
     * RFC 8985 §6.2 step 2 (Linux {@code tcp_rack_advance}): the segment holding {@code pos} was
     * just delivered (cumulatively ACKed or SACKed). RACK.rtt becomes its RTT and it becomes
     * RACK.segment if it was sent later than the current one; a retransmitted segment whose RTT
     * is below {@code minRttPs} is ignored (the original probably arrived).
     */
    public void onDelivered(long pos, long nowPs, long minRttPs) {
        int k = indexOf(pos);
        if (k < 0) {
            return;
        }
        int i = phys(k);
        boolean retrans = rtxPs[i] != NONE;
        long sentPs = retrans ? rtxPs[i] : xmitPs[i];
        long rttPs = nowPs - sentPs;
        if (retrans && rttPs < minRttPs) {
            return;
        }
        rackRttPs = rttPs;
        if (sentAfter(sentPs, endPos[i], rackXmitPs, rackEndPos)) {
            rackXmitPs = sentPs;
            rackEndPos = endPos[i];
        }
    }

    /** Reordering was observed (a never-retransmitted hole filled below the highest SACK). */
    public void onReorderingSeen() {
        reordSeen = true;
    }

    public boolean reorderingSeen() {
        return reordSeen;
    }

    /**
     * RFC 8985 §6.2 step 5 (Linux {@code tcp_rack_detect_loss}): the end of the longest prefix of
     * segments sent before RACK.segment whose RACK.xmit_ts + RACK.rtt + reo_wnd has passed; every
     * un-SACKed octet below it is lost. {@code headPos} (SND.UNA) when none.
     */
    public long lostEndPos(long nowPs, long reoWndPs, long headPos) {
        int k = Math.min(lastExpired(nowPs, reoWndPs), lastSentBeforeRack());
        return k < 0 ? headPos : Math.max(headPos, endPos[phys(k)]);
    }

    /**
     * When the reordering timer (RFC 8985 §6.3) must fire: the latest segment sent before
     * RACK.segment that is not yet past its window becomes lost at its send time + RACK.rtt +
     * reo_wnd (Linux keeps the maximum remaining time). {@link Long#MAX_VALUE} for none.
     */
    public long reorderDeadlinePs(long nowPs, long reoWndPs) {
        int before = lastSentBeforeRack();
        if (before < 0 || before <= lastExpired(nowPs, reoWndPs)) {
            return Long.MAX_VALUE;
        }
        return xmitPs[phys(before)] + rackRttPs + reoWndPs;
    }

    /**
     * When the latest retransmission of the segment holding {@code pos} counts as lost (RFC 8985
     * §6.2 step 5 applied to a retransmitted segment, whose xmit_ts is its retransmission time;
     * Linux {@code tcp_rack_detect_loss} walks retransmitted skbs too): its retransmission time +
     * RACK.rtt + reo_wnd once RACK.segment was sent after it, {@link Long#MAX_VALUE} while it
     * was not, or the segment was never retransmitted.
     */
    public long retransmissionLostAtPs(long pos, long reoWndPs) {
        int k = indexOf(pos);
        if (k < 0 || rackXmitPs == NONE) {
            return Long.MAX_VALUE;
        }
        int i = phys(k);
        if (rtxPs[i] == NONE || !sentAfter(rackXmitPs, rackEndPos, rtxPs[i], endPos[i])) {
            return Long.MAX_VALUE;
        }
        return rtxPs[i] + rackRttPs + reoWndPs;
    }

    /** RACK.rtt: the RTT of the most recently delivered segment (0 before any). */
    public long rackRttPs() {
        return rackRttPs;
    }

    private int lastExpired(long nowPs, long reoWndPs) {
        long limitPs = nowPs - rackRttPs - reoWndPs;
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (xmitPs[phys(mid)] <= limitPs) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    private int lastSentBeforeRack() {
        if (rackXmitPs == NONE) {
            return -1;
        }
        int lo = 0;
        int hi = size - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int i = phys(mid);
            if (sentAfter(rackXmitPs, rackEndPos, xmitPs[i], endPos[i])) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    /** Linux {@code tcp_skb_sent_after}: sent later, or at the same time with a higher end. */
    private static boolean sentAfter(long t1Ps, long end1, long t2Ps, long end2) {
        return t2Ps == NONE || t1Ps > t2Ps || (t1Ps == t2Ps && end1 > end2);
    }

    /** Index (0 = head) of the entry holding {@code pos}, -1 when none does. */
    private int indexOf(long pos) {
        if (size == 0 || pos < headStartPos || pos >= endPos[phys(size - 1)]) {
            return -1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (endPos[phys(mid)] <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private long startOf(int k) {
        return k == 0 ? headStartPos : endPos[phys(k - 1)];
    }

    private int phys(int k) {
        return (head + k) & (endPos.length - 1);
    }

    private void grow() {
        int n = endPos.length;
        long[] e = new long[2 * n];
        long[] x = new long[2 * n];
        long[] r = new long[2 * n];
        for (int k = 0; k < size; k++) {
            e[k] = endPos[phys(k)];
            x[k] = xmitPs[phys(k)];
            r[k] = rtxPs[phys(k)];
        }
        endPos = e;
        xmitPs = x;
        rtxPs = r;
        head = 0;
    }

    /** The state at {@code nowPs}, times as ages (so a restore at another instant shifts them). */
    public RackSnapshot snapshot(long nowPs) {
        List<RackSnapshot.Sent> sent = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int i = phys(k);
            sent.add(new RackSnapshot.Sent(endPos[i], nowPs - xmitPs[i], rtxPs[i] == NONE ? -1 : nowPs - rtxPs[i]));
        }
        return new RackSnapshot(headStartPos, sent, rackXmitPs == NONE ? -1 : nowPs - rackXmitPs, rackEndPos,
                rackRttPs, reordSeen);
    }

    /** A log with exactly the state of {@code snap} taken at another instant, now {@code nowPs}. */
    public static Rack restore(RackSnapshot snap, long nowPs) {
        Rack r = new Rack(snap.headStartPos());
        for (RackSnapshot.Sent s : snap.sent()) {
            if (r.size == r.endPos.length) {
                r.grow();
            }
            int i = r.phys(r.size);
            r.endPos[i] = s.endPos();
            r.xmitPs[i] = nowPs - s.ageXmitPs();
            r.rtxPs[i] = s.ageRtxPs() < 0 ? NONE : nowPs - s.ageRtxPs();
            r.size++;
        }
        r.rackXmitPs = snap.ageRackXmitPs() < 0 ? NONE : nowPs - snap.ageRackXmitPs();
        r.rackEndPos = snap.rackEndPos();
        r.rackRttPs = snap.rackRttPs();
        r.reordSeen = snap.reorderingSeen();
        return r;
    }
}
