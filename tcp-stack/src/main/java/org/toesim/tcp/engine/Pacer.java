package org.toesim.tcp.engine;

import org.toesim.core.units.Units;

/**
 * Sender pacing as Linux's internal TCP pacing / fq qdisc applies it ({@code tcp_pacing_check},
 * {@code tcp_update_skb_after_send}): a data segment of L bytes leaves no earlier than the
 * previous one's release time + L / pacing rate, the rate being the congestion control's
 * {@link org.toesim.tcp.cc.CongestionControl#pacingRateBytesPerSec}, or, for an algorithm that
 * sets none, with {@link TcpConfig#pacing()} Linux's own rate ({@code tcp_update_pacing_rate}, what
 * the fq qdisc enforces): {@code ratio x max(cwnd, FlightSize) / SRTT}, ratio 200 % while
 * cwnd &lt; ssthresh / 2 ({@code tcp_pacing_ss_ratio}), else 120 % ({@code tcp_pacing_ca_ratio}),
 * SRTT in whole microseconds as Linux keeps it, no pacing before the first RTT sample. With no
 * rate nothing changes: the release time stays {@link Long#MIN_VALUE}.
 *
 * <pre>
 *   data segment sent at now ─▶ start = max(release, now)
 *                               release = start + (L + 40 B headers) / rate
 *                                         - min(that / 2, start - old release)  (idle credit)
 *   data loop / SACK loop    ─▶ stop while now &lt; release; nextWakeupPs() = release
 * </pre>
 *
 * L counts the TCP/IP headers (40 B without options) as Linux's skb->len does at that point.
 */
final class Pacer {
    /** TCP + IPv4 headers counted per segment. */
    static final int HEADER_BYTES = 40;
    private final Tcb t;

    Pacer(Tcb t) {
        this.t = t;
    }

    /** Pacing has been in effect on this connection (a release time exists). */
    boolean active() {
        return t.paceAtPs != Long.MIN_VALUE;
    }

    /** Whether a data segment must wait at {@code nowPs}. */
    boolean holds(long nowPs) {
        return nowPs < t.paceAtPs;
    }

    /** A segment with {@code payloadBytes} of data left at {@code nowPs}. */
    void onDataSent(int payloadBytes, long nowPs) {
        long rate = t.cc.pacingRateBytesPerSec(t.cs);
        if (rate <= 0 && t.config.pacing()) {
            rate = linuxRateBytesPerSec();
        }
        if (rate <= 0) {
            return;
        }
        long prior = t.paceAtPs;
        long start = Math.max(prior, nowPs);
        long lenPs = (payloadBytes + HEADER_BYTES) * Units.PS_PER_S / rate;
        long credit = prior == Long.MIN_VALUE ? 0 : start - prior;
        t.paceAtPs = start + lenPs - Math.min(lenPs / 2, credit);
    }

    /** Linux {@code tcp_update_pacing_rate}: 0 before the first RTT sample. */
    long linuxRateBytesPerSec() {
        long srttUs = t.rtt.srttPs() / Units.PS_PER_US;
        if (srttUs <= 0) {
            return 0;
        }
        int ratio = t.cs.cwndBytes < t.cs.ssthreshBytes / 2 ? SS_RATIO_PERCENT : CA_RATIO_PERCENT;
        long bytes = Math.max(t.cs.cwndBytes, t.flightBytes()) * ratio / 100;
        return bytes * 1_000_000L / srttUs;
    }

    /** Linux {@code net.ipv4.tcp_pacing_ss_ratio} default. */
    static final int SS_RATIO_PERCENT = 200;
    /** Linux {@code net.ipv4.tcp_pacing_ca_ratio} default. */
    static final int CA_RATIO_PERCENT = 120;
}
