package org.toesim.tcp.cc;

/**
 * One delivery-rate sample, as the engine hands it to {@link CongestionControl#onRateSample} once
 * per ACK (draft-cheng-iccrg-delivery-rate-estimation-02 §3.3, Linux {@code struct rate_sample}
 * filled by {@code tcp_rate_gen}), with the connection's loss-recovery state (Linux
 * {@code icsk_ca_state}) that {@code tcp_bbr.c} reads beside it. Quantities in bytes (Linux
 * counts packets), times in picoseconds.
 *
 * <pre>
 *   send: segment stamped with (delivered, delivered time, first-send time, app-limited)
 *   ACK:  newest delivered segment P ─▶ deliveredBytes = delivered now - P.delivered
 *                                      intervalPs     = max(P.sent - P.firstSent, now - P.deliveredAt)
 * </pre>
 *
 * @param deliveredBytes      bytes delivered over the interval, -1 when the sample is invalid
 *                            (no segment sent after the connection's delivery clock started, or an
 *                            interval shorter than min RTT, §3.3)
 * @param intervalPs          the sample's interval, -1 when invalid
 * @param appLimited          the newest delivered segment was sent while the application was the
 *                            bottleneck (§3.4): the sample may under-estimate the path
 * @param priorDeliveredBytes the connection's delivered count when that segment was sent
 * @param rttPs               RTT of the newest delivered segment if never retransmitted, else -1
 *                            (Linux {@code rs->rtt_us} from {@code ca_rtt_us})
 * @param ackedSackedBytes    bytes newly delivered (cumulatively ACKed or SACKed) by this ACK
 * @param lostBytes           bytes newly marked lost by this ACK (one SMSS per ACK that marked any)
 * @param priorInFlightBytes  bytes in flight (RFC 6675 pipe, else FlightSize) before this ACK
 * @param inFlightBytes       bytes in flight after it
 * @param totalDeliveredBytes the connection's delivered count (Linux {@code tp->delivered})
 * @param inRecovery          fast recovery runs after this ACK (Linux {@code TCP_CA_Recovery})
 */
public record RateSample(long deliveredBytes, long intervalPs, boolean appLimited, long priorDeliveredBytes,
                         long rttPs, long ackedSackedBytes, long lostBytes, long priorInFlightBytes,
                         long inFlightBytes, long totalDeliveredBytes, boolean inRecovery) {
    /** Whether the sample carries a rate (Linux {@code rs->delivered >= 0 && rs->interval_us > 0}). */
    public boolean valid() {
        return deliveredBytes >= 0 && intervalPs > 0;
    }
}
