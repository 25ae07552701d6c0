package org.toesim.tcp.engine;

import org.toesim.tcp.cc.CcFeatures;

/**
 * Which of Linux's TCP behaviours beyond RFC 5681 a connection runs, each switchable on its own.
 * {@link #rfc()} is the strict RFC 5681/6582/6675 engine (textbook experiments); {@link #linux()}
 * is Linux 6.x as shipped (net/ipv4/tcp_input.c, tcp_output.c, tcp_cubic.c, tcp_recovery.c).
 *
 * @param segmentCountingCa congestion avoidance counts segments acknowledged, {@code cwnd += 1}
 *                          per cwnd segments ACKed (Linux {@code tcp_cong_avoid_ai}, RFC 3465
 *                          byte counting), instead of {@code SMSS*SMSS/cwnd} once per ACK
 *                          (RFC 5681 §3.1 eq. 3); slow start grows by every segment ACKed
 * @param hystart           HyStart++ slow-start exit for CUBIC (RFC 9406); not what Linux runs
 * @param linuxHystart      Linux's classic HyStart for CUBIC ({@code tcp_cubic.c} {@code hystart_update}:
 *                          ACK-train and delay detection, ssthresh = cwnd at once); excludes {@code hystart}
 * @param linuxCubic        CUBIC window growth as {@code tcp_cubic.c} {@code bictcp_update} computes it
 *                          (segments, 1 ms jiffies, Reno-friendly rate fixed at beta_scale, 5 % per RTT
 *                          before the first loss) instead of RFC 9438's formulas in bytes
 * @param prr               Proportional Rate Reduction during loss recovery (RFC 6937; Linux {@code tcp_cwnd_reduction})
 * @param rack              RACK time-based loss detection (RFC 8985 §6; Linux {@code tcp_recovery.c})
 * @param tlp               Tail Loss Probe (RFC 8985 §7; Linux {@code tcp_schedule_loss_probe})
 * @param limitedTransmit   send new data on the first two duplicate ACKs (RFC 3042)
 * @param dsack             report duplicate segments in a D-SACK block (RFC 2883; Linux {@code tcp_dsack})
 * @param undo              undo a spurious recovery or RTO on DSACK / timestamp evidence
 *                          (RFC 3522 Eifel detection, RFC 2883 §5; Linux {@code tcp_try_undo_*})
 * @param frto              F-RTO spurious-RTO detection (RFC 5682; Linux {@code tcp_frto} = 2)
 * @param receiveAutotuning grow the receive buffer with the measured rate (Linux
 *                          {@code tcp_rcv_space_adjust}, dynamic right-sizing) from the initial
 *                          {@code receiveBufferBytes} up to {@code maxReceiveBufferBytes}
 * @param quickAck          ACK every segment at connection start and after out-of-order data
 *                          (Linux {@code tcp_enter_quickack_mode}, {@code icsk_ack.quick})
 * @param microsecondRtt    RTT sampled from each segment's send time on a microsecond clock
 *                          (Linux {@code tcp_clean_rtx_queue} with {@code skb_mstamp}), not from
 *                          timestamp echoes in {@code tsTickPs} ticks
 * @param linuxAckPolicy    ACK when more than one full segment is unacknowledged and the window
 *                          would not shrink, per receive batch (Linux {@code __tcp_ack_snd_check});
 *                          window updates only when the window grows by half or more
 *                          ({@code tcp_cleanup_rbuf}) instead of on every application read
 * @param minshallNagle     Nagle's algorithm in Minshall's variant (Linux {@code tcp_nagle_check},
 *                          {@code tcp_minshall_check}): a short segment waits only while an earlier
 *                          short segment is unacknowledged, not while any data is (RFC 1122
 *                          §4.2.3.4); so the short tail of a response goes out behind its full segments
 */
public record TcpFeatures(boolean segmentCountingCa, boolean hystart, boolean linuxHystart, boolean linuxCubic,
        boolean prr, boolean rack, boolean tlp, boolean limitedTransmit, boolean dsack, boolean undo, boolean frto, boolean
        receiveAutotuning, boolean quickAck, boolean microsecondRtt, boolean linuxAckPolicy, boolean minshallNagle) {

    public TcpFeatures {
        if (hystart && linuxHystart) {
            throw new IllegalArgumentException(
                    "tcp features: 'hystart' (HyStart++, RFC 9406) and 'linuxHystart' (Linux tcp_cubic HyStart)"
                            + " are two slow-start exits; switch on at most one");
        }
    }

    /** The strict RFC engine: none of the Linux behaviours. */
    public static TcpFeatures rfc() {
        return new TcpFeatures(false, false, false, false, false, false, false, false, false, false, false, false,
                false, false, false, false);
    }

    /**
     * Linux 6.x defaults: every Linux behaviour on; the slow-start exit is Linux's own HyStart
     * ({@code hystart_detect} = 3 in {@code tcp_cubic.c}), not RFC 9406 HyStart++.
     */
    public static TcpFeatures linux() {
        return new TcpFeatures(true, false, true, true, true, true, true, true, true, true, true, true, true, true,
                true, true);
    }

    /** The window-growth options the congestion-control algorithm takes from these features. */
    public CcFeatures ccFeatures() {
        return new CcFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic);
    }

    public TcpFeatures withSegmentCountingCa(boolean v) {
        return new TcpFeatures(v, hystart, linuxHystart, linuxCubic, prr, rack, tlp, limitedTransmit, dsack, undo,
                frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    /** HyStart++ on or off; switching it on switches {@code linuxHystart} off (one slow-start exit). */
    public TcpFeatures withHystart(boolean v) {
        return new TcpFeatures(segmentCountingCa, v, linuxHystart && !v, linuxCubic, prr, rack, tlp, limitedTransmit,
                dsack, undo, frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    /** Linux HyStart on or off; switching it on switches {@code hystart} off (one slow-start exit). */
    public TcpFeatures withLinuxHystart(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart && !v, v, linuxCubic, prr, rack, tlp, limitedTransmit, dsack,
                undo, frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withLinuxCubic(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, v, prr, rack, tlp, limitedTransmit, dsack,
                undo, frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withPrr(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, v, rack, tlp, limitedTransmit,
                dsack, undo, frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withRack(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, v, tlp, limitedTransmit,
                dsack, undo, frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withTlp(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, v, limitedTransmit,
                dsack, undo, frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withLimitedTransmit(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, tlp, v, dsack,
                undo, frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withDsack(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, tlp,
                limitedTransmit, v, undo, frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withUndo(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, tlp,
                limitedTransmit, dsack, v, frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withFrto(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, tlp,
                limitedTransmit, dsack, undo, v, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withReceiveAutotuning(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, tlp,
                limitedTransmit, dsack, undo, frto, v, quickAck, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withQuickAck(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, tlp,
                limitedTransmit, dsack, undo, frto, receiveAutotuning, v, microsecondRtt, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withMicrosecondRtt(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, tlp,
                limitedTransmit, dsack, undo, frto, receiveAutotuning, quickAck, v, linuxAckPolicy, minshallNagle);
    }

    public TcpFeatures withLinuxAckPolicy(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, tlp,
                limitedTransmit, dsack, undo, frto, receiveAutotuning, quickAck, microsecondRtt, v, minshallNagle);
    }

    public TcpFeatures withMinshallNagle(boolean v) {
        return new TcpFeatures(segmentCountingCa, hystart, linuxHystart, linuxCubic, prr, rack, tlp,
                limitedTransmit, dsack, undo, frto, receiveAutotuning, quickAck, microsecondRtt, linuxAckPolicy, v);
    }
}
