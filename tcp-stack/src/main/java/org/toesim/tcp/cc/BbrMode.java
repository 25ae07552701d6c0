package org.toesim.tcp.cc;

/**
 * BBR's state machine (draft-cardwell-iccrg-bbr-congestion-control-00 §4.3, Linux
 * {@code enum bbr_mode}).
 *
 * <pre>
 *   STARTUP ──full pipe (3 rounds &lt; 25 % growth)──▶ DRAIN ──inflight ≤ BDP──▶ PROBE_BW
 *      ▲                                                                       │  ▲
 *      └──── PROBE_RTT done, pipe not yet full ◀── PROBE_RTT ◀── min RTT 10 s old ─┘  │
 *                                 PROBE_RTT done, pipe full ───────────────────────┘
 * </pre>
 */
public enum BbrMode {
    /** Ramp up at pacing gain 2/ln2 (§4.3.2.1). */
    STARTUP,
    /** Drain the queue STARTUP built, pacing gain ln2/2 (§4.3.2.2). */
    DRAIN,
    /** Cycle the pacing gain 1.25, 0.75, 1 x6 around the estimated bandwidth (§4.3.3). */
    PROBE_BW,
    /** Hold cwnd at 4 packets for 200 ms and a round to re-measure min RTT (§4.3.4). */
    PROBE_RTT
}
