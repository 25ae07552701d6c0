package org.toesim.tcp.cc;

/**
 * A congestion-control algorithm as a strategy over a {@link CongestionState} (ns-3's
 * TcpCongestionOps idea). One instance per connection; algorithm-private state (e.g. CUBIC's
 * W_max and epoch) lives in the instance and is exported by {@link #snapshot()} so a
 * connection's CCB can move between host and adapter.
 *
 * <pre>
 *   engine: ACK of new data, not in recovery ─▶ onAck(s, ackedBytes, nowPs)     (grow cwnd)
 *           loss detected (3 dupACKs / SACK)  ─▶ ssthreshOnLoss(s, nowPs)        (engine sets ssthresh,
 *                                                 onEnterRecovery / onExitRecovery  cwnd per recovery rule)
 *           RTO expired                       ─▶ onRetransmissionTimeout(s, nowPs)
 *           RTT sample                        ─▶ onRttSample(s, rttPs, nowPs)
 *           reduction shown spurious          ─▶ onUndo(s, prior, nowPs)
 *           ACK advancing SND.UNA (ECN on)    ─▶ onEcnAck(s, ackedBytes, ece, nowPs)
 *           ECN-Echo, once per window         ─▶ ssthreshOnEcnEcho(s, nowPs)   (engine sets cwnd = ssthresh)
 *           every ACK, if ownsCwnd()          ─▶ onRateSample(s, sample, nowPs)   (model-based control)
 *   output: before each data segment          ─▶ pacingRateBytesPerSec(s)        (0: unpaced)
 * </pre>
 *
 * <p>An algorithm whose {@link #ownsCwnd()} is true (BBR) sets cwnd itself from the rate samples:
 * the engine then leaves cwnd alone in fast recovery, partial ACKs, PRR, undo and TLP recovery (the
 * Linux {@code cong_control} hook, which replaces {@code tcp_cwnd_reduction}'s result), and keeps
 * a delivery-rate sampler for the connection. Every default keeps today's behaviour.
 */
public interface CongestionControl {
    /**
     * The algorithm's name as used in scenario files ({@code "reno"}, {@code "newreno"},
     * {@code "cubic"}, {@code "dctcp"}, {@code "bbr"}).
     */
    String name();

    /** Cumulative ACK of {@code ackedBytes} new bytes outside loss recovery: grow cwnd. */
    void onAck(CongestionState s, long ackedBytes, long nowPs);

    /**
     * The ssthresh to use when a loss is detected by duplicate ACKs or SACK. Call it once per
     * congestion event (not per duplicate ACK): algorithms record state here (CUBIC's W_max,
     * cwnd_prior and the end of its epoch, RFC 9438 §4.6-§4.7). The engine then sets ssthresh
     * and cwnd per its recovery rule.
     */
    long ssthreshOnLoss(CongestionState s, long nowPs);

    /** Fast recovery was entered (after the engine set ssthresh and cwnd). */
    default void onEnterRecovery(CongestionState s, long nowPs) {
    }

    /** Fast recovery ended (the engine deflated cwnd to ssthresh, RFC 6582 §3.2 step 3). */
    default void onExitRecovery(CongestionState s, long nowPs) {
    }

    /**
     * The retransmission timer expired. Default per RFC 5681 §3.1 eq. (4) and §3.1 last
     * paragraph: ssthresh = max(FlightSize / 2, 2*SMSS), cwnd = 1 SMSS (loss window).
     */
    default void onRetransmissionTimeout(CongestionState s, long nowPs) {
        s.ssthreshBytes = Math.max(s.flightSizeBytes / 2, 2L * s.smssBytes);
        s.cwndBytes = s.smssBytes;
    }

    /**
     * The last reduction (loss recovery or RTO) proved spurious and the engine restored cwnd and
     * ssthresh (Linux {@code tcp_undo_cwnd_reduction}); {@code prior} is this algorithm's
     * {@link #snapshot()} from just before that reduction, or null.
     */
    default void onUndo(CongestionState s, CcSnapshot prior, long nowPs) {
    }

    /** A new RTT sample was taken (RFC 6298 rules decide when). */
    default void onRttSample(CongestionState s, long rttPs, long nowPs) {
    }

    /**
     * Whether the engine runs NewReno loss recovery (RFC 6582 §3.2: partial ACKs keep the
     * connection in fast recovery and retransmit the next hole) instead of plain Reno fast
     * recovery (RFC 5681 §3.2: the first ACK of new data ends recovery). The window-growth
     * rules are the algorithm's own either way.
     */
    default boolean usesNewRenoRecovery() {
        return false;
    }

    /**
     * The ssthresh to use when an ACK carries ECN-Echo and the sender reduces its window (once
     * per window of data, outside loss recovery). Default per RFC 3168 §6.1.2: the reaction to
     * a loss ({@link #ssthreshOnLoss}); DCTCP scales it by its marked fraction (RFC 8257 §3.3).
     */
    default long ssthreshOnEcnEcho(CongestionState s, long nowPs) {
        return ssthreshOnLoss(s, nowPs);
    }

    /**
     * Every ACK that advances SND.UNA on an ECN-capable connection, in recovery or not, with the
     * bytes it acknowledged and whether it carried ECN-Echo (DCTCP's marked-fraction estimator,
     * RFC 8257 §3.3; Linux {@code dctcp_update_alpha}). {@code s.sndUnaPos} and
     * {@code s.sndMaxPos} are set. Default: nothing.
     */
    default void onEcnAck(CongestionState s, long ackedBytes, boolean ece, long nowPs) {
    }

    /**
     * Whether this connection's receiver echoes CE the DCTCP way (RFC 8257 §3.2: ECE on every
     * ACK equals the CE codepoint of the last data segment, an immediate ACK whenever it
     * changes) rather than RFC 3168 §6.1.3's latch (ECE from the first CE until a CWR arrives).
     * Linux picks the receiver's behaviour by its own congestion control, as here.
     */
    default boolean echoesCeState() {
        return false;
    }

    /**
     * Whether this algorithm sets cwnd itself from {@link #onRateSample} (Linux
     * {@code tcp_congestion_ops.cong_control}, used by BBR): the engine then keeps a delivery-rate
     * sampler and no longer sets cwnd on entering or leaving fast recovery, on partial ACKs, by
     * PRR, on an undo or after a tail loss probe. {@link #ssthreshOnLoss} is still called once per
     * congestion event. Default false: the engine's RFC 5681/6582/6675/6937 rules apply.
     */
    default boolean ownsCwnd() {
        return false;
    }

    /**
     * The delivery-rate sample of one ACK (draft-cheng-iccrg-delivery-rate-estimation §3.3, Linux
     * {@code tcp_cong_control} calling {@code cong_control(sk, rs)}), after the engine's loss
     * recovery processed it. Called only when {@link #ownsCwnd()}; set cwnd (and ssthresh) here.
     */
    default void onRateSample(CongestionState s, RateSample sample, long nowPs) {
    }

    /**
     * The rate at which the engine releases data segments, in bytes per second (Linux
     * {@code sk_pacing_rate}); 0 (the default) for no pacing. A segment of L bytes leaves no
     * earlier than the previous one's release time + L / rate (Linux {@code tcp_update_skb_after_send}).
     */
    default long pacingRateBytesPerSec(CongestionState s) {
        return 0;
    }

    /**
     * Whether the engine should mark the connection application-limited after this ACK (Linux BBR
     * sets {@code tp->app_limited} in PROBE_RTT so its samples do not raise the bandwidth
     * estimate). Default false.
     */
    default boolean marksAppLimited() {
        return false;
    }

    /** The algorithm-private state, for a CCB snapshot. */
    CcSnapshot snapshot();
}
