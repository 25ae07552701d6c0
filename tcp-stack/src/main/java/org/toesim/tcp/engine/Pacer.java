package org.toesim.tcp.engine;

import org.toesim.core.units.Units;

/**
 * Sender pacing as Linux's internal TCP pacing / fq qdisc applies it ({@code tcp_pacing_check},
 * {@code tcp_update_skb_after_send}): a data segment of L bytes leaves no earlier than the
 * previous one's release time + L / pacing rate, the rate being the congestion control's
 * {@link org.toesim.tcp.cc.CongestionControl#pacingRateBytesPerSec}. With no rate (every
 * algorithm but BBR) nothing changes: the release time stays {@link Long#MIN_VALUE}.
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
        if (rate <= 0) {
            return;
        }
        long prior = t.paceAtPs;
        long start = Math.max(prior, nowPs);
        long lenPs = (payloadBytes + HEADER_BYTES) * Units.PS_PER_S / rate;
        long credit = prior == Long.MIN_VALUE ? 0 : start - prior;
        t.paceAtPs = start + lenPs - Math.min(lenPs / 2, credit);
    }
}
