package org.toesim.tcp.engine;

import java.util.ArrayList;
import java.util.List;
import org.toesim.tcp.cc.RateSample;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.SackBlock;
import org.toesim.tcp.segment.Segment;

/**
 * Delivery-rate estimation (draft-cheng-iccrg-delivery-rate-estimation-02, Linux
 * {@code net/ipv4/tcp_rate.c}), kept only for a congestion control that sets cwnd itself
 * ({@link org.toesim.tcp.cc.CongestionControl#ownsCwnd()}).
 *
 * <pre>
 *   send (new or again) ─▶ stamp segment: delivered, delivered time, first-send time,
 *                          app-limited (tcp_rate_skb_sent, draft §3.2; nothing in flight:
 *                          both clocks restart now)
 *   ACK ─▶ each newly delivered segment (cumulative ACK pops them; SACK blocks walk back from
 *          their right edge to the first already-SACKed one): the one sent last gives
 *          prior_delivered, prior time, send interval (tcp_rate_skb_delivered, §3.3)
 *       ─▶ delivered = SND.UNA + SACKed bytes; sample = (delivered - prior_delivered,
 *          max(send interval, ACK interval)), invalid below min RTT (tcp_rate_gen)
 * </pre>
 *
 * The log is the same shape as RACK's ({@link org.toesim.tcp.sack.Rack}): parallel arrays in a
 * ring grown by doubling, one entry per segment first sent, sorted by position, so nothing is
 * allocated per segment and a retransmission finds its entry by binary search. RACK's log
 * itself runs only with SACK and {@code rack}; this one runs whenever BBR does. Delivered is
 * counted in bytes of sequence space; without SACK duplicate ACKs deliver nothing (Linux counts
 * each as one packet).
 */
final class RateSampler {
    private static final int RETRANS = 1;
    private static final int APP_LIMITED = 2;
    private static final int SACKED = 4;
    private static final int INITIAL_ENTRIES = 16;

    private long[] endPos = new long[INITIAL_ENTRIES];
    private long[] xmitPs = new long[INITIAL_ENTRIES];
    private long[] firstTxAtSendPs = new long[INITIAL_ENTRIES];
    private long[] deliveredAtSendPs = new long[INITIAL_ENTRIES];
    private long[] deliveredAtSend = new long[INITIAL_ENTRIES];
    private byte[] flags = new byte[INITIAL_ENTRIES];
    private int head;
    private int size;
    private long headStartPos;

    /** tp->delivered, tp->delivered_mstamp, tp->first_tx_mstamp, tp->app_limited. */
    private long deliveredBytes;
    private long deliveredPs;
    private long firstTxPs;
    private long appLimitedBytes;

    // the newest segment delivered by the ACK being processed (struct rate_sample's prior_*)
    private long priorDelivered;
    private long priorPs;
    private long priorXmitPs;
    private long priorEndPos;
    private long sendIntervalPs;
    private boolean priorAppLimited;
    private boolean priorRetrans;
    private boolean anyDelivered;

    RateSampler(long sndUnaPos) {
        this.headStartPos = sndUnaPos;
    }

    /**
     * Linux {@code tcp_rate_skb_sent}: [{@code startPos}, {@code endPos}) went out at
     * {@code nowPs} with {@code flightBytes} in flight before it.
     */
    void onSent(long startPos, long endPos, long nowPs, long flightBytes) {
        if (endPos <= startPos) {
            return;
        }
        if (flightBytes <= 0) {
            firstTxPs = nowPs;
            deliveredPs = nowPs;
        }
        byte app = (byte) (appLimitedBytes != 0 ? APP_LIMITED : 0);
        int k = indexOf(startPos);
        while (k >= 0 && k < size && startOf(k) < endPos) {
            stamp(phys(k), nowPs, (byte) (RETRANS | app));
            k++;
        }
        long lastEnd = size == 0 ? startPos : this.endPos[phys(size - 1)];
        if (endPos > lastEnd) {
            if (size == 0) {
                headStartPos = startPos;
            }
            if (size == this.endPos.length) {
                grow();
            }
            int i = phys(size++);
            this.endPos[i] = endPos;
            stamp(i, nowPs, app);
        }
    }

    private void stamp(int i, long nowPs, byte f) {
        xmitPs[i] = nowPs;
        firstTxAtSendPs[i] = firstTxPs;
        deliveredAtSendPs[i] = deliveredPs;
        deliveredAtSend[i] = deliveredBytes;
        flags[i] = f;
    }

    /**
     * Linux {@code tcp_rate_check_app_limited}: the sender has less than a segment to send and
     * room in cwnd, so the application limits it; {@code inFlightBytes} is pipe.
     */
    void markAppLimited(long inFlightBytes) {
        appLimitedBytes = Math.max(1, deliveredBytes + inFlightBytes);
    }

    /**
     * The ACK {@code seg} (already processed: SND.UNA is {@code sndUnaPos}, the scoreboard holds
     * {@code sackedBytes}) moved SND.UNA from {@code oldUnaPos}. Returns its rate sample.
     */
    RateSample onAck(Segment seg, long oldUnaPos, long sndUnaPos, long sndMaxPos, long sackedBytes,
                     PosMapper pos, long lostBytes, long priorInFlight, long inFlight, boolean inRecovery,
                     long minRttPs, long nowPs) {
        anyDelivered = false;
        List<SackBlock> blocks = seg.options().sackBlocks();
        for (int k = 0; k < blocks.size(); k++) {
            SackBlock b = blocks.get(k);
            long right = Math.min(pos.sndPosOf(b.right()), sndMaxPos);
            long left = Math.max(pos.sndPosOf(b.left()), sndUnaPos);
            markSacked(left, right, nowPs);
        }
        while (size > 0 && endPos[head] <= sndUnaPos) {
            if ((flags[head] & SACKED) == 0) {
                delivered(head);
            }
            headStartPos = endPos[head];
            head = (head + 1) & (endPos.length - 1);
            size--;
        }
        long before = deliveredBytes;
        deliveredBytes = Math.max(deliveredBytes, sndUnaPos + sackedBytes);
        long acked = deliveredBytes - before;
        if (appLimitedBytes != 0 && deliveredBytes > appLimitedBytes) {
            appLimitedBytes = 0;
        }
        if (acked > 0) {
            deliveredPs = nowPs;
        }
        long rtt = anyDelivered && !priorRetrans ? nowPs - priorXmitPs : -1;
        long sampleDelivered = -1;
        long interval = -1;
        if (anyDelivered) {
            interval = Math.max(sendIntervalPs, deliveredPs - priorPs);
            sampleDelivered = deliveredBytes - priorDelivered;
            if (interval < minRttPs) {
                sampleDelivered = -1;
                interval = -1;
            }
        }
        return new RateSample(sampleDelivered, interval, anyDelivered && priorAppLimited, priorDelivered, rtt, acked,
                lostBytes, priorInFlight, inFlight, deliveredBytes, inRecovery);
    }

    /** Entries ending in (left, right], walked back from the right edge to the first one already SACKed. */
    private void markSacked(long left, long right, long nowPs) {
        if (left >= right) {
            return;
        }
        int k = indexOf(right - 1);
        while (k >= 0 && endPos[phys(k)] <= right && startOf(k) >= left) {
            int i = phys(k);
            if ((flags[i] & SACKED) != 0) {
                return;
            }
            delivered(i);
            flags[i] |= SACKED;
            k--;
        }
    }

    /** Linux {@code tcp_rate_skb_delivered}: keep the segment sent last (tcp_skb_sent_after). */
    private void delivered(int i) {
        if (!anyDelivered || xmitPs[i] > priorXmitPs || (xmitPs[i] == priorXmitPs && endPos[i] > priorEndPos)) {
            anyDelivered = true;
            priorDelivered = deliveredAtSend[i];
            priorPs = deliveredAtSendPs[i];
            priorAppLimited = (flags[i] & APP_LIMITED) != 0;
            priorRetrans = (flags[i] & RETRANS) != 0;
            priorXmitPs = xmitPs[i];
            priorEndPos = endPos[i];
            firstTxPs = xmitPs[i];
            sendIntervalPs = xmitPs[i] - firstTxAtSendPs[i];
        }
    }

    /** Maps a 32-bit sequence number to a send position (the TCB's {@code sndPosOf}). */
    interface PosMapper {
        long sndPosOf(int seq);
    }

    private int indexOf(long p) {
        if (size == 0 || p < headStartPos || p >= endPos[phys(size - 1)]) {
            return -1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (endPos[phys(mid)] <= p) {
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
        long[] f = new long[2 * n];
        long[] d = new long[2 * n];
        long[] c = new long[2 * n];
        byte[] g = new byte[2 * n];
        for (int k = 0; k < size; k++) {
            int i = phys(k);
            e[k] = endPos[i];
            x[k] = xmitPs[i];
            f[k] = firstTxAtSendPs[i];
            d[k] = deliveredAtSendPs[i];
            c[k] = deliveredAtSend[i];
            g[k] = flags[i];
        }
        endPos = e;
        xmitPs = x;
        firstTxAtSendPs = f;
        deliveredAtSendPs = d;
        deliveredAtSend = c;
        flags = g;
        head = 0;
    }

    /** The state at {@code nowPs} as ages. */
    ControlBlock.RateSampling snapshot(long nowPs) {
        List<ControlBlock.RateSampling.Sent> sent = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int i = phys(k);
            sent.add(new ControlBlock.RateSampling.Sent(endPos[i], nowPs - xmitPs[i], nowPs - firstTxAtSendPs[i],
                    nowPs - deliveredAtSendPs[i], deliveredAtSend[i], flags[i]));
        }
        return new ControlBlock.RateSampling(deliveredBytes, nowPs - deliveredPs, nowPs - firstTxPs, appLimitedBytes,
                headStartPos, sent);
    }

    /** A sampler with the state of {@code s} (taken at another instant), now {@code nowPs}. */
    static RateSampler restore(ControlBlock.RateSampling s, long nowPs) {
        RateSampler r = new RateSampler(s.headStartPos());
        r.deliveredBytes = s.deliveredBytes();
        r.deliveredPs = nowPs - s.deliveredAgePs();
        r.firstTxPs = nowPs - s.firstTxAgePs();
        r.appLimitedBytes = s.appLimitedBytes();
        for (ControlBlock.RateSampling.Sent e : s.sent()) {
            if (r.size == r.endPos.length) {
                r.grow();
            }
            int i = r.phys(r.size++);
            r.endPos[i] = e.endPos();
            r.xmitPs[i] = nowPs - e.xmitAgePs();
            r.firstTxAtSendPs[i] = nowPs - e.firstTxAgePs();
            r.deliveredAtSendPs[i] = nowPs - e.deliveredAgePs();
            r.deliveredAtSend[i] = e.deliveredBytes();
            r.flags[i] = (byte) e.flags();
        }
        return r;
    }
}
