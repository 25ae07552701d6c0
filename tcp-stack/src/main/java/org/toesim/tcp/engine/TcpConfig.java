package org.toesim.tcp.engine;

import org.toesim.core.units.Units;

/**
 * Every knob of a TCP connection, with RFC defaults. Build with {@link #builder()} (or
 * {@link #toBuilder()} to change a few); {@link #defaults()} is the plain RFC configuration.
 *
 * @param mssBytes             MSS we advertise and the upper bound on what we send (RFC 9293 §3.7.1)
 * @param congestionControl    algorithm name: {@code "reno"}, {@code "newreno"}, {@code "cubic"}, {@code "dctcp"}
 * @param initialCwndBytes     initial window; {@code -1}: RFC 6928 §2 min(10*MSS, max(2*MSS, 14600))
 * @param initialRtoPs         RTO before the first RTT sample, also the first SYN retry (RFC 6298 (2.1): 1 s)
 * @param minRtoPs             lower bound on the RTO (RFC 6298 (2.4): 1 s)
 * @param maxRtoPs             upper bound on the RTO and on backed-off probe intervals (RFC 6298 (2.5): at least 60 s)
 * @param maxSynRetries        SYN / SYN-ACK retransmissions before giving up (RFC 1122 §4.2.3.5 R2 for SYN)
 * @param maxDataRetries       data retransmissions of one segment before giving up (R2)
 * @param delayedAck           delay ACKs (RFC 1122 §4.2.3.2)
 * @param delayedAckTimeoutPs  delayed-ACK timer, at most 500 ms (RFC 5681 §4.2); 40 ms by default
 * @param nagle                Nagle's algorithm (RFC 896, RFC 1122 §4.2.3.4)
 * @param mslPs                maximum segment lifetime; TIME_WAIT lasts 2*MSL (RFC 9293 §3.4.2)
 * @param sack                 offer/accept SACK (RFC 2018)
 * @param timestamps           offer/accept timestamps (RFC 7323 §3)
 * @param windowScale          offer/accept window scaling (RFC 7323 §2)
 * @param tsTickPs             timestamp clock tick (RFC 7323 §5.4: 1 ms to 1 s)
 * @param sendBufferBytes      send buffer capacity (bytes queued and not yet acknowledged)
 * @param receiveBufferBytes   receive buffer the host grants: bounds RCV.WND
 * @param reassemblyMaxRanges  out-of-order ranges kept at most (older ones beyond are dropped)
 * @param keepAlive            send keep-alives when idle (RFC 1122 §4.2.3.6, off by default)
 * @param keepAliveIdlePs      idle time before the first probe (RFC 1122: at least 2 hours)
 * @param keepAliveIntervalPs  interval between unanswered probes
 * @param keepAliveProbes      unanswered probes before the connection is reset
 * @param challengeAck         RFC 5961 §3/§4 challenge ACKs for in-window RST and SYN
 * @param ttl                  IP TTL the host asks for (carried in the CCB, not used by the engine)
 * @param tos                  IP TOS/DSCP the host asks for (carried in the CCB)
 * @param features             the Linux behaviours beyond the RFCs this connection runs ({@link TcpFeatures#rfc()} by default)
 * @param maxReceiveBufferBytes upper bound receive autotuning may grow the buffer to (Linux {@code tcp_rmem[2]});
 *                             also what the window scale is chosen for (Linux {@code tcp_select_initial_window});
 *                             equal to {@code receiveBufferBytes} when there is no autotuning
 * @param ecn                  request ECN on an active open and accept it on a passive one (RFC 3168
 *                             §6.1.1; Linux {@code tcp_ecn} = 1); off by default, as in Linux for
 *                             active opens
 * @param pacing               pace every data segment as Linux's fq qdisc does for a congestion control
 *                             that sets no rate of its own ({@code tcp_update_pacing_rate}: 200 % of
 *                             cwnd / SRTT while cwnd &lt; ssthresh / 2, else 120 %); off by default,
 *                             as with Linux's default pfifo_fast/fq_codel qdiscs. BBR paces anyway
 */
public record TcpConfig(int mssBytes, String congestionControl, long initialCwndBytes, long initialRtoPs,
                        long minRtoPs, long maxRtoPs, int maxSynRetries, int maxDataRetries, boolean delayedAck,
                        long delayedAckTimeoutPs, boolean nagle, long mslPs, boolean sack, boolean timestamps,
                        boolean windowScale, long tsTickPs, int sendBufferBytes, int receiveBufferBytes,
                        int reassemblyMaxRanges, boolean keepAlive, long keepAliveIdlePs, long keepAliveIntervalPs,
                        int keepAliveProbes, boolean challengeAck, int ttl, int tos,
                        TcpFeatures features, int maxReceiveBufferBytes, boolean ecn, boolean pacing) {
    /** RFC 1122 §4.2.3.2 / RFC 5681 §4.2: an ACK must not be delayed by more than 500 ms. */
    public static final long MAX_DELAYED_ACK_PS = 500 * Units.PS_PER_MS;

    public TcpConfig {
        if (mssBytes < 64 || mssBytes > 65495) {
            throw new IllegalArgumentException("mssBytes " + mssBytes + " outside 64..65495");
        }
        if (delayedAckTimeoutPs <= 0 || delayedAckTimeoutPs > MAX_DELAYED_ACK_PS) {
            throw new IllegalArgumentException("delayedAckTimeoutPs " + delayedAckTimeoutPs
                    + " outside (0, 500 ms] (RFC 5681 §4.2)");
        }
        if (minRtoPs <= 0 || maxRtoPs < minRtoPs || initialRtoPs < minRtoPs) {
            throw new IllegalArgumentException("need 0 < minRtoPs <= initialRtoPs and minRtoPs <= maxRtoPs");
        }
        if (sendBufferBytes < mssBytes || receiveBufferBytes < mssBytes) {
            throw new IllegalArgumentException("buffers must hold at least one MSS");
        }
        if (receiveBufferBytes > (0xFFFF << 14)) {
            throw new IllegalArgumentException("receiveBufferBytes above 2^30 (RFC 7323 §2.3)");
        }
        if (mslPs < 0 || tsTickPs <= 0 || reassemblyMaxRanges < 1 || keepAliveProbes < 1) {
            throw new IllegalArgumentException("bad MSL, timestamp tick, reassembly bound or probe count");
        }
        if (features == null) {
            throw new IllegalArgumentException("features missing");
        }
        if (maxReceiveBufferBytes < receiveBufferBytes || maxReceiveBufferBytes > (0xFFFF << 14)) {
            throw new IllegalArgumentException("maxReceiveBufferBytes " + maxReceiveBufferBytes
                    + " outside receiveBufferBytes.." + (0xFFFF << 14));
        }
        if (congestionControl == null || congestionControl.isBlank()) {
            throw new IllegalArgumentException("congestionControl name missing");
        }
    }

    /** RFC defaults: MSS 1460, NewReno, IW per RFC 6928, RTO 1 s..60 s, delayed ACK 40 ms, Nagle on. */
    public static TcpConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mssBytes = mssBytes;
        b.congestionControl = congestionControl;
        b.initialCwndBytes = initialCwndBytes;
        b.initialRtoPs = initialRtoPs;
        b.minRtoPs = minRtoPs;
        b.maxRtoPs = maxRtoPs;
        b.maxSynRetries = maxSynRetries;
        b.maxDataRetries = maxDataRetries;
        b.delayedAck = delayedAck;
        b.delayedAckTimeoutPs = delayedAckTimeoutPs;
        b.nagle = nagle;
        b.mslPs = mslPs;
        b.sack = sack;
        b.timestamps = timestamps;
        b.windowScale = windowScale;
        b.tsTickPs = tsTickPs;
        b.sendBufferBytes = sendBufferBytes;
        b.receiveBufferBytes = receiveBufferBytes;
        b.reassemblyMaxRanges = reassemblyMaxRanges;
        b.keepAlive = keepAlive;
        b.keepAliveIdlePs = keepAliveIdlePs;
        b.keepAliveIntervalPs = keepAliveIntervalPs;
        b.keepAliveProbes = keepAliveProbes;
        b.challengeAck = challengeAck;
        b.ttl = ttl;
        b.tos = tos;
        b.features = features;
        // a maximum equal to the buffer stays tied to it, so receiveBufferBytes(v) on the builder still builds
        b.maxReceiveBufferBytes = maxReceiveBufferBytes == receiveBufferBytes ? 0 : maxReceiveBufferBytes;
        b.ecn = ecn;
        b.pacing = pacing;
        return b;
    }

    /** The initial congestion window for a sender MSS of {@code smssBytes}. */
    public long initialCwndFor(int smssBytes) {
        if (initialCwndBytes >= 0) {
            return Math.max(initialCwndBytes, smssBytes);
        }
        return Math.min(10L * smssBytes, Math.max(2L * smssBytes, 14600L));
    }

    /** Mutable builder; fields start at the RFC defaults. */
    public static final class Builder {
        private int mssBytes = 1460;
        private String congestionControl = "newreno";
        private long initialCwndBytes = -1;
        private long initialRtoPs = Units.PS_PER_S;
        private long minRtoPs = Units.PS_PER_S;
        private long maxRtoPs = 60 * Units.PS_PER_S;
        private int maxSynRetries = 6;
        private int maxDataRetries = 15;
        private boolean delayedAck = true;
        private long delayedAckTimeoutPs = 40 * Units.PS_PER_MS;
        private boolean nagle = true;
        private long mslPs = 30 * Units.PS_PER_S;
        private boolean sack = true;
        private boolean timestamps = true;
        private boolean windowScale = true;
        private long tsTickPs = Units.PS_PER_MS;
        private int sendBufferBytes = 256 * 1024;
        private int receiveBufferBytes = 256 * 1024;
        private int reassemblyMaxRanges = 64;
        private boolean keepAlive = false;
        private long keepAliveIdlePs = 7200 * Units.PS_PER_S;
        private long keepAliveIntervalPs = 75 * Units.PS_PER_S;
        private int keepAliveProbes = 9;
        private boolean challengeAck = true;
        private int ttl = 64;
        private int tos = 0;
        private TcpFeatures features = TcpFeatures.rfc();
        /** 0: the same as receiveBufferBytes. */
        private int maxReceiveBufferBytes = 0;
        private boolean ecn = false;
        private boolean pacing = false;

        private Builder() {
        }

        public Builder mssBytes(int v) { mssBytes = v; return this; }
        public Builder congestionControl(String v) { congestionControl = v; return this; }
        public Builder initialCwndBytes(long v) { initialCwndBytes = v; return this; }
        public Builder initialRtoPs(long v) { initialRtoPs = v; return this; }
        public Builder minRtoPs(long v) { minRtoPs = v; return this; }
        public Builder maxRtoPs(long v) { maxRtoPs = v; return this; }
        public Builder maxSynRetries(int v) { maxSynRetries = v; return this; }
        public Builder maxDataRetries(int v) { maxDataRetries = v; return this; }
        public Builder delayedAck(boolean v) { delayedAck = v; return this; }
        public Builder delayedAckTimeoutPs(long v) { delayedAckTimeoutPs = v; return this; }
        public Builder nagle(boolean v) { nagle = v; return this; }
        public Builder mslPs(long v) { mslPs = v; return this; }
        public Builder sack(boolean v) { sack = v; return this; }
        public Builder timestamps(boolean v) { timestamps = v; return this; }
        public Builder windowScale(boolean v) { windowScale = v; return this; }
        public Builder tsTickPs(long v) { tsTickPs = v; return this; }
        public Builder sendBufferBytes(int v) { sendBufferBytes = v; return this; }
        public Builder receiveBufferBytes(int v) { receiveBufferBytes = v; return this; }
        public Builder reassemblyMaxRanges(int v) { reassemblyMaxRanges = v; return this; }
        public Builder keepAlive(boolean v) { keepAlive = v; return this; }
        public Builder keepAliveIdlePs(long v) { keepAliveIdlePs = v; return this; }
        public Builder keepAliveIntervalPs(long v) { keepAliveIntervalPs = v; return this; }
        public Builder keepAliveProbes(int v) { keepAliveProbes = v; return this; }
        public Builder challengeAck(boolean v) { challengeAck = v; return this; }
        public Builder ttl(int v) { ttl = v; return this; }
        public Builder tos(int v) { tos = v; return this; }
        public Builder features(TcpFeatures v) { features = v; return this; }
        /** 0 (the default) ties it to {@code receiveBufferBytes}. */
        public Builder maxReceiveBufferBytes(int v) { maxReceiveBufferBytes = v; return this; }
        public Builder ecn(boolean v) { ecn = v; return this; }
        public Builder pacing(boolean v) { pacing = v; return this; }

        public TcpConfig build() {
            return new TcpConfig(mssBytes, congestionControl, initialCwndBytes, initialRtoPs, minRtoPs, maxRtoPs,
                    maxSynRetries, maxDataRetries, delayedAck, delayedAckTimeoutPs, nagle, mslPs, sack, timestamps,
                    windowScale, tsTickPs, sendBufferBytes, receiveBufferBytes, reassemblyMaxRanges, keepAlive,
                    keepAliveIdlePs, keepAliveIntervalPs, keepAliveProbes, challengeAck, ttl, tos, features,
                    maxReceiveBufferBytes == 0 ? receiveBufferBytes : maxReceiveBufferBytes, ecn, pacing);
        }
    }
}
