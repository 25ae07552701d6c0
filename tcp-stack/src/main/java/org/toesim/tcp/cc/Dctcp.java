package org.toesim.tcp.cc;

/**
 * DCTCP, RFC 8257 (Linux {@code net/ipv4/tcp_dctcp.c}): Reno's window growth and loss response
 * with an ECN response scaled by the fraction of bytes the network marked.
 *
 * <pre>
 *   every ACK advancing SND.UNA:  acked += N; if ECE: marked += N                (RFC 8257 §3.3)
 *   SND.UNA passes windowEnd:     alpha = alpha - alpha/16 + (marked/acked)/16     (g = 1/16, §3.3 eq.)
 *                                 acked = marked = 0; windowEnd = SND.MAX
 *   ECN-Echo (once per window):   ssthresh = max(cwnd - cwnd * alpha / 2, 2 SMSS) (§3.3; dctcp_ssthresh)
 *   loss (dupACKs / SACK):        ssthresh = max(FlightSize / 2, 2 SMSS)            (§3.4; dctcp_react_to_loss)
 *   receiver:                     ECE = CE of the last data segment, immediate ACK on a change (§3.2)
 * </pre>
 *
 * {@code alpha} is kept as Linux keeps it, an integer in units of 1/1024 (DCTCP_MAX_ALPHA = 1024),
 * starting at 1024 ({@code dctcp_alpha_on_init}): a new flow reacts to its first marks as hard as
 * Reno would. The fraction is counted in bytes (Linux counts delivered packets; with full-sized
 * segments the two agree).
 */
public final class Dctcp implements CongestionControl {
    /** Name in scenario files. */
    public static final String NAME = "dctcp";
    /** alpha's scale: 1024 is alpha = 1 (Linux DCTCP_MAX_ALPHA). */
    public static final int MAX_ALPHA = 1024;
    /** g = 1/2^4 (Linux dctcp_shift_g default 4; RFC 8257 §4.2 recommends 1/16). */
    static final int SHIFT_G = 4;

    private final RenoGrowth growth;
    private int alpha;
    private long windowEndPos;
    private long ackedBytes;
    private long markedBytes;

    /** A new DCTCP flow (alpha = 1) with segment-counting growth on or off. */
    public Dctcp(boolean segmentCountingCa) {
        this(new DctcpSnapshot(segmentCountingCa, 0, MAX_ALPHA, 0, 0, 0));
    }

    private Dctcp(DctcpSnapshot s) {
        this.growth = new RenoGrowth(s.segmentCountingCa(), s.caAckedBytes());
        this.alpha = s.alpha();
        this.windowEndPos = s.windowEndPos();
        this.ackedBytes = s.ackedBytes();
        this.markedBytes = s.markedBytes();
    }

    /** The algorithm with exactly the state in {@code s}. */
    static Dctcp restore(DctcpSnapshot s) {
        return new Dctcp(s);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** alpha in units of 1/1024. */
    public int alpha() {
        return alpha;
    }

    @Override
    public void onAck(CongestionState s, long acked, long nowPs) {
        growth.onAck(s, acked);
    }

    @Override
    public void onEcnAck(CongestionState s, long acked, boolean ece, long nowPs) {
        ackedBytes += acked;
        if (ece) {
            markedBytes += acked;
        }
        if (s.sndUnaPos >= windowEndPos) {
            // dctcp_update_alpha: alpha -= alpha >> g (at least 1 while alpha > 0), then += F << (10 - g)
            int next = alpha - Math.min(alpha, Math.max(alpha >> SHIFT_G, alpha > 0 ? 1 : 0));
            if (markedBytes > 0) {
                long f = (markedBytes << (10 - SHIFT_G)) / Math.max(1, ackedBytes);
                next = (int) Math.min(next + f, MAX_ALPHA);
            }
            alpha = next;
            ackedBytes = 0;
            markedBytes = 0;
            windowEndPos = s.sndMaxPos;
        }
    }

    @Override
    public long ssthreshOnEcnEcho(CongestionState s, long nowPs) {
        growth.onCongestion();
        return Math.max(s.cwndBytes - ((s.cwndBytes * alpha) >> 11), 2L * s.smssBytes);
    }

    @Override
    public long ssthreshOnLoss(CongestionState s, long nowPs) {
        growth.onCongestion();
        return RenoGrowth.halfFlight(s);
    }

    @Override
    public void onRetransmissionTimeout(CongestionState s, long nowPs) {
        growth.onCongestion();
        CongestionControl.super.onRetransmissionTimeout(s, nowPs);
    }

    @Override
    public boolean usesNewRenoRecovery() {
        return true;
    }

    @Override
    public boolean echoesCeState() {
        return true;
    }

    @Override
    public CcSnapshot snapshot() {
        return new DctcpSnapshot(growth.segmentCounting(), growth.caAckedBytes(), alpha, windowEndPos, ackedBytes,
                markedBytes);
    }
}
