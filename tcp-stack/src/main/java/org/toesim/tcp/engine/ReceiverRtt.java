package org.toesim.tcp.engine;

import org.toesim.tcp.segment.Segment;

/**
 * The receiver's RTT estimate of Linux 6.x ({@code tp->rcv_rtt_est}), which paces receive
 * autotuning ({@link LinuxReceiver}): the time to receive one window, or the TSecr of full-sized
 * segments with timestamps.
 *
 * <pre>
 *   in-order data ─▶ measure (tcp_rcv_rtt_measure): rcvNxt reached seqPos ─▶ sample now - timePs,
 *                                                    next window ends at rcvNxt + rcvWnd
 *                 ─▶ measureTs (tcp_rcv_rtt_measure_ts): a new TSecr on a full segment ─▶ sample
 *   sample ─▶ update (tcp_rcv_rtt_update): smaller at once; larger smoothed by 1/8, timestamps only
 * </pre>
 *
 * Fields are the CCB's {@link org.toesim.tcp.ccb.ControlBlock.ReceiverState} values.
 */
final class ReceiverRtt {
    private final Tcb t;
    /** rcv_rtt_est.rtt_us * 8, in ps; 0 before the first sample. */
    long x8Ps;
    /** rcv_rtt_last_tsecr. */
    int lastTsecr;
    /** rcv_rtt_est.seq: position that ends the timed window, -1 before the first measurement. */
    long seqPos = -1;
    /** rcv_rtt_est.time: when the timed window began. */
    long timePs;

    ReceiverRtt(Tcb t) {
        this.t = t;
    }

    /** Smoothed receiver RTT, 0 before the first sample. */
    long rttPs() {
        return x8Ps >> 3;
    }

    /** In-order data of {@code lenBytes} arrived in {@code seg} at {@code nowPs}. */
    void onInOrderData(Segment seg, int lenBytes, long nowPs) {
        measure(nowPs);
        if (t.tsOk && seg.options().hasTimestamps()) {
            measureTs(seg, lenBytes, nowPs);
        }
    }

    /** tcp_rcv_rtt_measure_ts: TSecr of a full-sized segment, whole ticks, zero samples dropped. */
    private void measureTs(Segment seg, int lenBytes, long nowPs) {
        int tsecr = seg.options().tsEcr();
        if (tsecr == lastTsecr) {
            return;
        }
        lastTsecr = tsecr;
        if (tsecr == 0 || lenBytes < t.rcvMssBytes()) {
            return;
        }
        int nowTicks = t.tsOffset + (int) (nowPs / t.config.tsTickPs());
        long ticks = nowTicks - tsecr;
        if (ticks > 0) {
            update(ticks * t.config.tsTickPs(), false);
        }
    }

    /** tcp_rcv_rtt_measure: without timestamps, the time to receive one window. */
    private void measure(long nowPs) {
        if (seqPos >= 0) {
            if (t.rcvNxtPos < seqPos) {
                return;
            }
            update(Math.max(MicrosecondRtt.toMicros(nowPs - timePs), 1_000_000L), true);
        }
        // Linux: rcv_nxt + tp->rcv_wnd, the window as last advertised (from rcv_wup), not what is
        // left of it: the end lies past the advertised right edge, so the data that reaches it is
        // sent after our next ACK and the sample spans a round trip. The window left would end at
        // data already in flight, arriving within microseconds, and the minimum-latched estimate
        // would pin autotuning far below the path's needs (3 Gbit/s on 100 Gbit/s with jumbo frames)
        long advertised = t.rx != null ? t.rx.lastAdvWndBytes : t.rcvWndBytes();
        seqPos = t.rcvNxtPos + advertised;
        timePs = nowPs;
    }

    /**
     * tcp_rcv_rtt_update (6.16+): a smaller sample is taken at once; a larger one only with
     * timestamps, smoothed by 1/8, and not while unread data is queued.
     */
    private void update(long samplePs, boolean windowDependent) {
        long m = samplePs << 3;
        if (x8Ps == 0 || m < x8Ps) {
            x8Ps = m;
            return;
        }
        if (windowDependent || t.recvBuf.readableBytes() > 0) {
            return;
        }
        x8Ps = x8Ps - (x8Ps >> 3) + samplePs;
    }
}
