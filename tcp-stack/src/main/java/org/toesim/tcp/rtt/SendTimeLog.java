package org.toesim.tcp.rtt;

/**
 * The send time of every segment in flight, for RTT samples from the cumulative ACK (Linux
 * {@code tcp_clean_rtx_queue}: each skb carries its {@code skb_mstamp_ns}; RFC 6298 §3 Karn's
 * rule through the skb's {@code TCPCB_RETRANS} bit). Entries are in sequence order, one per
 * segment sent for the first time; a retransmission marks the entries it overlaps.
 *
 * <pre>
 *   [start,end) sentPs retx  [start,end) sentPs retx  ...   (oldest first, end of one = start of next)
 *   ACK to a ─▶ pop every entry with end &lt;= a: first / last never-retransmitted send time,
 *               whether any retransmitted one was among them
 * </pre>
 *
 * Positions are the engine's unwrapped send positions. The log travels in a CCB
 * ({@link #snapshot}, {@link #restore}), so a restored connection samples the data sent before
 * the move exactly as the original would have.
 */
public final class SendTimeLog {
    /** The ACK covered nothing logged, or something not logged: no send-time sample. */
    public static final AckTiming NONE = new AckTiming(-1, -1, true);

    /**
     * What an ACK covered: the send time of the oldest and of the newest fully acknowledged
     * segment never retransmitted ({@code -1} if none), and whether any covered segment was
     * retransmitted (Linux {@code FLAG_RETRANS_DATA_ACKED}).
     */
    public record AckTiming(long firstSentPs, long lastSentPs, boolean retransmittedAcked) {
    }

    /** Entries before the first doubling: small, since a table of 100,000 connections holds one per connection. */
    private static final int INITIAL_ENTRIES = 2; // grows by doubling; most connections of a many-connection run keep few in flight

    private long[] start = new long[INITIAL_ENTRIES];
    private long[] end = new long[INITIAL_ENTRIES];
    private long[] sentPs = new long[INITIAL_ENTRIES];
    private boolean[] retx = new boolean[INITIAL_ENTRIES];
    private int head;
    private int size;

    /** Records a segment covering {@code [startPos, endPos)} sent at {@code nowPs}. */
    public void onSend(long startPos, long endPos, long nowPs, boolean retransmission) {
        if (endPos <= startPos) {
            return;
        }
        if (retransmission) {
            for (int i = 0; i < size; i++) {
                int k = (head + i) & (start.length - 1);
                if (start[k] >= endPos) {
                    break;
                }
                if (end[k] > startPos) {
                    retx[k] = true;
                    sentPs[k] = nowPs;
                }
            }
            return;
        }
        if (size > 0 && startPos < end[(head + size - 1) & (start.length - 1)]) {
            return; // already logged (a go-back resend is marked as a retransmission by the caller)
        }
        if (size == start.length) {
            grow();
        }
        int k = (head + size) & (start.length - 1);
        start[k] = startPos;
        end[k] = endPos;
        sentPs[k] = nowPs;
        retx[k] = false;
        size++;
    }

    /** The cumulative ACK moved from {@code unaPos} to {@code ackPos}: pop what it covers. */
    public AckTiming onAck(long unaPos, long ackPos) {
        if (size == 0 || start[head] > unaPos) {
            drop(ackPos);
            return NONE;
        }
        long first = -1;
        long last = -1;
        boolean anyRetx = false;
        while (size > 0 && end[head] <= ackPos) {
            if (retx[head]) {
                anyRetx = true;
            } else {
                if (first < 0) {
                    first = sentPs[head];
                }
                last = sentPs[head];
            }
            head = (head + 1) & (start.length - 1);
            size--;
        }
        if (size > 0 && start[head] < ackPos) {
            start[head] = ackPos; // partly acknowledged: one segment, no sample (tcp_clean_rtx_queue breaks)
        }
        return new AckTiming(first, last, anyRetx);
    }

    /** Entries held (segments in flight that were logged). */
    public int size() {
        return size;
    }

    private void drop(long ackPos) {
        while (size > 0 && end[head] <= ackPos) {
            head = (head + 1) & (start.length - 1);
            size--;
        }
    }

    private void grow() {
        int n = start.length;
        long[] s = new long[2 * n];
        long[] e = new long[2 * n];
        long[] p = new long[2 * n];
        boolean[] r = new boolean[2 * n];
        for (int i = 0; i < size; i++) {
            int k = (head + i) & (n - 1);
            s[i] = start[k];
            e[i] = end[k];
            p[i] = sentPs[k];
            r[i] = retx[k];
        }
        start = s;
        end = e;
        sentPs = p;
        retx = r;
        head = 0;
    }

    /** The log at {@code nowPs}, send times as ages ({@link SendTimeSnapshot}). */
    public SendTimeSnapshot snapshot(long nowPs) {
        if (size == 0) {
            return SendTimeSnapshot.EMPTY;
        }
        int gaps = 0;
        for (int i = 1; i < size; i++) {
            if (start[phys(i)] != end[phys(i - 1)]) {
                gaps++;
            }
        }
        long[] runs = new long[2 * (size + gaps)];
        int r = 0;
        for (int i = 0; i < size; i++) {
            int k = phys(i);
            if (i > 0 && start[k] != end[phys(i - 1)]) {
                runs[r++] = start[k];
                runs[r++] = SendTimeSnapshot.NOT_LOGGED;
            }
            runs[r++] = end[k];
            runs[r++] = retx[k] ? SendTimeSnapshot.RETRANSMITTED : nowPs - sentPs[k];
        }
        return new SendTimeSnapshot(start[head], runs);
    }

    private int phys(int i) {
        return (head + i) & (start.length - 1);
    }

    /** A log holding what {@code snap} (taken at another instant) held, now {@code nowPs}. */
    public static SendTimeLog restore(SendTimeSnapshot snap, long nowPs) {
        SendTimeLog log = new SendTimeLog();
        long from = snap.headStartPos();
        for (int run = 0; run < snap.runCount(); run++) {
            long to = snap.endPos(run);
            long stamp = snap.stamp(run);
            if (stamp != SendTimeSnapshot.NOT_LOGGED) {
                if (log.size == log.start.length) {
                    log.grow();
                }
                int k = log.size++;
                log.start[k] = from;
                log.end[k] = to;
                log.retx[k] = stamp == SendTimeSnapshot.RETRANSMITTED;
                log.sentPs[k] = log.retx[k] ? nowPs : nowPs - stamp;
            }
            from = to;
        }
        return log;
    }

    @Override
    public String toString() {
        return "SendTimeLog[" + size + " segments]";
    }
}
