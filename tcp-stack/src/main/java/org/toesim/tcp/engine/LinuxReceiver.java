package org.toesim.tcp.engine;

import java.util.List;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.Segment;

/**
 * The receive side as Linux 6.x runs it, each part behind its {@link TcpFeatures} flag:
 *
 * <pre>
 *   receiveAutotuning  window from the buffer: tcp_space = rcvbuf * scaling_ratio - queued
 *                      (ratio 1/2, TCP_DEFAULT_SCALING_RATIO), SYN window and wscale
 *                      (tcp_select_initial_window), __tcp_select_window / tcp_select_window,
 *                      rcv_ssthresh growth per segment (tcp_grow_window), receiver RTT
 *                      (tcp_rcv_rtt_measure_ts, tcp_rcv_rtt_measure) and dynamic right-sizing
 *                      once per receiver RTT on reads (tcp_rcv_space_adjust, tcp_rcvbuf_grow)
 *   quickAck           ACK every segment for quick = min(rcv_wnd / (2*rcv_mss), 16) ACKs at the
 *                      first data, after an idle gap longer than the RTO, and after duplicate
 *                      or out-of-window data (tcp_incr_quickack, tcp_enter_quickack_mode)
 *   linuxAckPolicy     at data arrival ACK when more than one rcv_mss is unacknowledged and the
 *                      window would not shrink (__tcp_ack_snd_check), else the delayed-ACK timer;
 *                      at a read ACK when more than one rcv_mss is unacknowledged, or the
 *                      window at least doubles (tcp_cleanup_rbuf)
 * </pre>
 *
 * Not modelled: pingpong (interactive) detection, the adaptive {@code ato} (the delayed-ACK
 * timer stays {@code delayedAckTimeoutPs}), the measured {@code scaling_ratio} (fixed at 1/2),
 * memory pressure, compressed SACK, the ICSK_ACK_PUSHED rule for small segments.
 */
final class LinuxReceiver {
    /** Linux TCP_MAX_QUICKACKS. */
    static final int MAX_QUICKACKS = 16;
    /** Linux TCP_INIT_CWND: the first rcvq_space estimate is 10 segments (tcp_init_buffer_space). */
    static final int INIT_CWND_SEGMENTS = 10;

    private final Tcb t;
    /** sk_rcvbuf: the buffer in Linux's accounting (payload = half of it). */
    long rcvBufBytes;
    /** SO_RCVBUF set: no autotuning (SOCK_RCVBUF_LOCK). */
    private boolean locked;
    /** rcv_ssthresh: the window grows towards the free space by 2 MSS per segment. */
    private long rcvSsthreshBytes = -1;
    /** rcv_wnd: the window of the last segment we sent. */
    long lastAdvWndBytes;
    /** icsk_ack.quick: ACKs still to send at once. */
    int quickAcks;
    private boolean dataSeen;
    private long lastDataPs;
    /** rcv_rtt_est: paces the right-sizing below. */
    private final ReceiverRtt rcvRtt;
    /** rcvq_space: bytes copied to the application in the last receiver RTT, and since when. */
    private long rcvqSpaceBytes = -1;
    private long rcvqSeqOffset;
    private long rcvqTimePs;

    LinuxReceiver(Tcb t) {
        this.t = t;
        this.rcvBufBytes = t.config.receiveBufferBytes();
        this.rcvRtt = new ReceiverRtt(t);
    }

    private boolean autotuning() {
        return t.config.features().receiveAutotuning();
    }

    /** tcp_win_from_space with the default scaling ratio: half the buffer carries payload. */
    static long winFromSpace(long bufferBytes) {
        return bufferBytes / 2;
    }

    /** The largest window the buffer allows (tcp_full_space, window_clamp). */
    long fullWindowBytes() {
        return Math.min(winFromSpace(rcvBufBytes), 0xFFFFL << t.rcvShift);
    }

    /** tcp_space: window room not taken by unread data. */
    long freeWindowBytes() {
        return Math.max(0, winFromSpace(rcvBufBytes) - t.recvBuf.readableBytes());
    }

    // ------------------------------------------------------------------ window (receiveAutotuning)

    /**
     * The window field of the segment being sent (tcp_select_window). A SYN or SYN-ACK carries
     * the initial window (tcp_select_initial_window: the full space rounded down to the MSS,
     * the MSS less the timestamp option for a SYN-ACK as tcp_openreq_init_rwin does).
     */
    int windowField(boolean syn) {
        if (syn) {
            boolean synAck = t.state == TcpState.SYN_RECEIVED;
            long mss = t.ourMssBytes - (synAck && t.tsOk ? 12 : 0);
            long space = fullWindowBytes();
            if (space > mss) {
                space = space / mss * mss;
            }
            long w = Math.min(space, 0xFFFF);
            if (synAck) {
                t.rcvAdvRightPos = Math.max(t.rcvAdvRightPos, t.rcvNxtPos + w);
            }
            if (rcvSsthreshBytes < 0) {
                rcvSsthreshBytes = w;
            }
            lastAdvWndBytes = w;
            return (int) w;
        }
        long cur = t.rcvWndBytes();
        long w = Math.min(selectWindowBytes(), 0xFFFFL << t.rcvShift);
        if (w < cur) {
            w = align(cur); // never shrink the window (RFC 9293 §3.8.6.2.2)
        }
        t.rcvAdvRightPos = Math.max(t.rcvAdvRightPos, t.rcvNxtPos + w);
        return (int) Math.min(t.rcvWndBytes() >> t.rcvShift, 0xFFFF);
    }

    private long align(long bytes) {
        long unit = 1L << t.rcvShift;
        return (bytes + unit - 1) / unit * unit;
    }

    /** __tcp_select_window: the window we would offer now (may be below the current one). */
    long selectWindowBytes() {
        long mss = t.rcvMssBytes();
        long full = fullWindowBytes();
        long free = Math.min(freeWindowBytes(), full);
        if (mss > full) {
            mss = full;
            if (mss <= 0) {
                return 0;
            }
        }
        if (free < full / 2) {
            free = free >> t.rcvShift << t.rcvShift;
            if (free < full / 16 || free < mss) {
                return 0;
            }
        }
        if (rcvSsthreshBytes >= 0 && free > rcvSsthreshBytes) {
            free = rcvSsthreshBytes;
        }
        if (t.rcvShift > 0) {
            return align(free);
        }
        long window = lastAdvWndBytes;
        if (window <= free - mss || window > free) {
            window = free / mss * mss;
        } else if (mss == full && free > window + full / 2) {
            window = free;
        }
        return window;
    }

    /** The window the next segment would carry, without changing anything. */
    long wouldAdvertiseBytes() {
        if (autotuning()) {
            return selectWindowBytes();
        }
        long space = Math.min(t.rcvSpaceBytes(), 0xFFFFL << t.rcvShift);
        long candidate = t.rcvNxtPos + space;
        long threshold = Math.min(t.config.receiveBufferBytes() / 2, t.rcvMssBytes());
        long right = candidate - t.rcvAdvRightPos >= threshold ? candidate : t.rcvAdvRightPos;
        return Math.max(0, right - t.rcvNxtPos);
    }

    /** window_clamp for tcp_cleanup_rbuf. */
    private long windowClampBytes() {
        return autotuning() ? fullWindowBytes() : Math.min(t.config.receiveBufferBytes(), 0xFFFFL << t.rcvShift);
    }

    // ------------------------------------------------------------------ events

    /** The connection reached ESTABLISHED (tcp_init_buffer_space). */
    void onEstablished(long nowPs) {
        if (rcvSsthreshBytes < 0) {
            rcvSsthreshBytes = fullWindowBytes();
        }
        rcvqSpaceBytes = Math.min(Math.min(rcvSsthreshBytes, Math.max(lastAdvWndBytes, 1)),
                (long) INIT_CWND_SEGMENTS * t.rcvMssBytes());
        rcvqSeqOffset = t.recvBuf.readOffset();
        rcvqTimePs = nowPs;
    }

    /** Whether any receiver behaviour runs, i.e. whether this state matters and goes in a CCB. */
    private boolean active() {
        TcpFeatures f = t.config.features();
        return f.receiveAutotuning() || f.quickAck() || f.linuxAckPolicy();
    }

    /**
     * The state for a CCB at {@code nowPs}, times as ages; null when no receiver behaviour runs
     * (nothing here is then read). The buffer itself travels as the cached receive buffer.
     */
    ControlBlock.ReceiverState snapshot(long nowPs) {
        if (!active()) {
            return null;
        }
        return new ControlBlock.ReceiverState(locked, rcvSsthreshBytes, lastAdvWndBytes, quickAcks, dataSeen,
                nowPs - lastDataPs, rcvRtt.x8Ps, rcvRtt.lastTsecr, rcvRtt.seqPos, nowPs - rcvRtt.timePs, rcvqSpaceBytes,
                rcvqSeqOffset, nowPs - rcvqTimePs);
    }

    /**
     * State after a CCB restore at {@code nowPs}: exactly {@code s}; without one (the CCB came
     * from an engine not running these behaviours) the grown buffer came with the cached part
     * and the estimates start over.
     */
    void restore(ControlBlock.ReceiverState s, long nowPs) {
        if (s == null) {
            startOver(nowPs);
            return;
        }
        locked = s.bufferLocked();
        rcvSsthreshBytes = s.rcvSsthreshBytes();
        lastAdvWndBytes = s.lastAdvWndBytes();
        quickAcks = s.quickAcks();
        dataSeen = s.dataSeen();
        lastDataPs = nowPs - s.sinceLastDataPs();
        rcvRtt.x8Ps = s.rcvRttX8Ps();
        rcvRtt.lastTsecr = s.rcvRttLastTsecr();
        rcvRtt.seqPos = s.rcvRttSeqPos();
        rcvRtt.timePs = nowPs - s.sinceRcvRttPs();
        rcvqSpaceBytes = s.rcvqSpaceBytes();
        rcvqSeqOffset = s.rcvqSeqOffset();
        rcvqTimePs = nowPs - s.sinceRcvqPs();
    }

    private void startOver(long nowPs) {
        rcvSsthreshBytes = fullWindowBytes();
        lastAdvWndBytes = t.rcvWndBytes();
        rcvqSpaceBytes = (long) INIT_CWND_SEGMENTS * t.rcvMssBytes();
        rcvqSeqOffset = t.recvBuf.readOffset();
        rcvqTimePs = nowPs;
        dataSeen = true;
        lastDataPs = nowPs;
    }

    /** A segment with the ACK flag goes out carrying the window just chosen (tcp_event_ack_sent). */
    void onAckSent(boolean ackWasScheduled) {
        lastAdvWndBytes = t.rcvWndBytes();
        if (quickAcks > 0 && ackWasScheduled) {
            quickAcks--; // tcp_dec_quickack_mode
        }
    }

    /** In-order data of {@code lenBytes} arrived in {@code seg} (tcp_event_data_recv). */
    void onInOrderData(Segment seg, int lenBytes, long nowPs) {
        TcpFeatures f = t.config.features();
        if (f.receiveAutotuning()) {
            rcvRtt.onInOrderData(seg, lenBytes, nowPs);
        }
        if (f.quickAck()) {
            if (!dataSeen) {
                incrQuickAck(); // the first data packet: initialise the delayed-ACK engine
            } else if (nowPs - lastDataPs > t.rtt.rtoPs()) {
                incrQuickAck(); // too long a gap: the sender restarts its window
            }
        }
        dataSeen = true;
        lastDataPs = nowPs;
        if (f.receiveAutotuning() && lenBytes >= 128) {
            growWindow(lenBytes);
        }
    }

    /** Duplicate or out-of-window data (tcp_data_queue out_of_window: tcp_enter_quickack_mode). */
    void onDuplicateData() {
        if (t.config.features().quickAck()) {
            incrQuickAck();
        }
    }

    /** tcp_in_quickack_mode (no pingpong mode modelled). */
    boolean inQuickAck() {
        return t.config.features().quickAck() && quickAcks > 0;
    }

    /** __tcp_ack_snd_check after in-order data: whether to ACK at once (else the delayed-ACK timer). */
    boolean ackNowAfterData() {
        if (inQuickAck()) {
            return true;
        }
        if (t.config.features().linuxAckPolicy()) {
            return t.unackedRcvBytes > t.rcvMssBytes() && wouldAdvertiseBytes() >= lastAdvWndBytes;
        }
        return t.unackedRcvBytes >= 2L * t.rcvMssBytes(); // RFC 5681 §4.2
    }

    /** tcp_cleanup_rbuf after the application took {@code copiedBytes}: whether an ACK is due. */
    boolean ackNowAfterRead(long copiedBytes) {
        if (t.unackedRcvBytes > t.rcvMssBytes()) {
            return true; // the once-per-two-segments ACK was not sent at arrival
        }
        if (copiedBytes <= 0) {
            return false;
        }
        long now = t.rcvWndBytes();
        if (2 * now <= windowClampBytes()) {
            long nw = wouldAdvertiseBytes();
            return nw > 0 && nw >= 2 * now;
        }
        return false;
    }

    /** The application read: dynamic right-sizing once per receiver RTT (tcp_rcv_space_adjust). */
    void onRead(long nowPs) {
        if (!autotuning() || locked || rcvqSpaceBytes < 0 || rcvRtt.x8Ps == 0) {
            return;
        }
        if (nowPs - rcvqTimePs < rcvRtt.rttPs()) {
            return;
        }
        long copied = t.recvBuf.readOffset() - rcvqSeqOffset - t.recvBuf.readableBytes();
        if (copied > rcvqSpaceBytes) {
            rcvbufGrow(copied);
        }
        rcvqSeqOffset = t.recvBuf.readOffset();
        rcvqTimePs = nowPs;
    }

    /** SO_RCVBUF: a fixed buffer from now on (Linux SOCK_RCVBUF_LOCK). */
    void lock(int bytes) {
        locked = true;
        rcvBufBytes = bytes;
    }

    /** Smoothed receiver RTT (rcv_rtt_est), 0 before the first sample. */
    long rcvRttPs() {
        return rcvRtt.rttPs();
    }

    // ------------------------------------------------------------------ internals

    /** tcp_incr_quickack(sk, TCP_MAX_QUICKACKS). */
    private void incrQuickAck() {
        long q = lastAdvWndBytes / (2L * t.rcvMssBytes());
        if (q == 0) {
            q = 2;
        }
        q = Math.min(q, MAX_QUICKACKS);
        if (q > quickAcks) {
            quickAcks = (int) q;
        }
    }

    /** tcp_grow_window: rcv_ssthresh += 2*advmss per segment, up to the free space. */
    private void growWindow(int lenBytes) {
        long room = Math.min(fullWindowBytes(), freeWindowBytes()) - rcvSsthreshBytes;
        if (room <= 0) {
            return;
        }
        long incr = Math.max(2L * t.ourMssBytes, 2L * lenBytes);
        rcvSsthreshBytes += Math.min(room, incr);
    }

    /** tcp_rcvbuf_grow (Linux 6.16+): room for twice the last RTT's bytes, more while they grow. */
    private void rcvbufGrow(long copied) {
        long old = rcvqSpaceBytes;
        rcvqSpaceBytes = copied;
        long rcvwin = copied << 1;
        long grow = old > 0 ? rcvwin * (copied - old) / old : 0;
        rcvwin += grow << 1;
        if (!t.ooo.isEmpty()) {
            List<long[]> ranges = t.ooo.coalescedRanges();
            rcvwin += Math.max(0, ranges.get(ranges.size() - 1)[1] + 1 - t.rcvNxtPos);
        }
        long rcvbuf = Math.min(2 * rcvwin, t.config.maxReceiveBufferBytes()); // tcp_space_from_win
        if (rcvbuf > rcvBufBytes) {
            rcvBufBytes = rcvbuf;
        }
    }
}
