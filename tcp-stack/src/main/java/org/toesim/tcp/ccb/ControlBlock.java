package org.toesim.tcp.ccb;

import java.util.List;
import org.toesim.tcp.cc.CcSnapshot;
import org.toesim.tcp.engine.ConnectionStats;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.engine.TimerKind;
import org.toesim.tcp.engine.UndoSnapshot;
import org.toesim.tcp.rtt.RttSnapshot;
import org.toesim.tcp.rtt.SendTimeSnapshot;
import org.toesim.tcp.sack.RackSnapshot;
import org.toesim.tcp.sack.ScoreboardSnapshot;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.SackBlock;

/**
 * A connection's complete TCP state (the CCB of claim 20), taken by
 * {@code TcpConnection.snapshot(nowPs)} and turned back into a running connection by
 * {@code TcpConnection.restore(ccb, config, nowPs, ...)} on the host or on the adapter. Organised
 * as real offload interfaces do (Microsoft Chimney's const / cached / delegated split):
 *
 * <pre>
 *   host stack                            adapter (TOE)
 *   ──────────                            ─────────────
 *   snapshot(t) ── Constant  ───────────▶ never changes after set-up
 *               ── Cached    ───────────▶ host-owned, the host may update it later
 *               ── Delegated ───────────▶ owned by whoever runs the connection
 *   restore(t') ◀─────────────── flush: snapshot(t') on the adapter, Delegated comes back
 * </pre>
 *
 * It carries every variable that shapes what the connection sends next, because a handoff must
 * be invisible on the wire: a connection snapshotted and restored at any instant emits exactly
 * the segments the uninterrupted one would have. Beyond the RFC 9293 variables, buffers and
 * timers that means the state of each behaviour the connection runs: the RFC 6298 estimator
 * and per-segment send times ({@link SendTimeRtt}, Linux microsecond RTT), the SACK
 * scoreboard, PRR, RACK and TLP ({@link LossRecovery}), undo and F-RTO, congestion control with
 * HyStart++, and the Linux receive side ({@link ReceiverState}: window selection, receiver RTT,
 * autotuning, quick-ACK and ACK-policy state). Parts for behaviours not running are null.
 *
 * <p>Timers and send times are stored as time remaining or age at the snapshot instant, so a
 * connection restored at {@code t'} behaves as the original would have from {@code t}, shifted
 * by {@code t' - t}. Variable-length state is bounded by what is in flight or held (data runs,
 * SACK blocks, the RACK and send-time logs).
 * Sequence positions are 64-bit counts from ISS/IRS (position 0 is the SYN; data byte k is at
 * k+1) so long transfers never alias; {@link #sndUna()} and friends give the 32-bit RFC values.
 */
public record ControlBlock(Constant constant, Cached cached, Delegated delegated) {

    /** SND.UNA as the 32-bit header value. */
    public int sndUna() {
        return constant.iss() + (int) delegated.send().sndUnaPos();
    }

    /** SND.NXT as the 32-bit header value. */
    public int sndNxt() {
        return constant.iss() + (int) delegated.send().sndNxtPos();
    }

    /** Highest sequence number sent plus one (SND.MAX). */
    public int sndMax() {
        return constant.iss() + (int) delegated.send().sndMaxPos();
    }

    /** RCV.NXT as the 32-bit header value. */
    public int rcvNxt() {
        return constant.irs() + (int) delegated.receive().rcvNxtPos();
    }

    /** RCV.WND: the window last advertised, in bytes. */
    public long rcvWndBytes() {
        return Math.max(0, delegated.receive().rcvAdvRightPos() - delegated.receive().rcvNxtPos());
    }

    /**
     * Never changes after the handshake.
     *
     * @param tuple               local/remote addresses and ports
     * @param iss                 our initial sequence number
     * @param irs                 the peer's initial sequence number
     * @param activeOpen          this side sent the first SYN
     * @param ourMssBytes         MSS option we advertised
     * @param peerMssBytes        MSS option the peer advertised (536 if none)
     * @param sndMssBytes         largest payload we send in one segment
     * @param windowScaleOk       both sides sent wscale (RFC 7323 §2.2)
     * @param sndWindowShift      shift for windows the peer sends
     * @param rcvWindowShift      shift for windows we send
     * @param sackPermitted       both sides sent SACK-permitted (RFC 2018 §2)
     * @param timestampsOk        both sides sent timestamps (RFC 7323 §3.2)
     */
    public record Constant(FourTuple tuple, int iss, int irs, boolean activeOpen, int ourMssBytes, int peerMssBytes,
                           int sndMssBytes, boolean windowScaleOk, int sndWindowShift, int rcvWindowShift,
                           boolean sackPermitted, boolean timestampsOk) {
    }

    /**
     * Owned by the host; it may change them on a running (even offloaded) connection.
     *
     * @param ttl                  IP time to live
     * @param tos                  IP type of service
     * @param nagle                Nagle's algorithm on
     * @param delayedAck           delayed ACKs on
     * @param delayedAckTimeoutPs  delayed-ACK timer
     * @param keepAlive            keep-alives on
     * @param keepAliveIdlePs      idle time before the first probe
     * @param keepAliveIntervalPs  probe interval
     * @param keepAliveProbes      unanswered probes before reset
     * @param receiveBufferBytes   receive buffer the host grants (bounds RCV.WND)
     * @param sendBufferBytes      send buffer capacity
     */
    public record Cached(int ttl, int tos, boolean nagle, boolean delayedAck, long delayedAckTimeoutPs,
                         boolean keepAlive, long keepAliveIdlePs, long keepAliveIntervalPs, int keepAliveProbes,
                         int receiveBufferBytes, int sendBufferBytes) {
    }

    /**
     * ECN state of a connection that negotiated ECN (RFC 3168 §6.1.1).
     *
     * @param eceToSend receiver: ACKs carry ECN-Echo (RFC 3168 §6.1.3; RFC 8257 §3.2)
     * @param ceState   receiver, DCTCP: CE of the last data segment (RFC 8257 §3.2 DCTCP.CE)
     * @param cwrToSend sender: CWR goes on the next new data segment (RFC 3168 §6.1.2)
     * @param cwrEndPos sender: send position until which no further reduction happens, -1 for none
     */
    public record EcnState(boolean eceToSend, boolean ceState, boolean cwrToSend, long cwrEndPos) {
    }

    /**
     * Owned by whoever runs the connection.
     *
     * @param state       RFC 9293 state
     * @param send        send sequence variables and unacknowledged data
     * @param receive     receive sequence variables and undelivered data
     * @param timestamps  RFC 7323 timestamp state
     * @param congestion  cwnd/ssthresh, the algorithm's private state, loss-recovery state
     * @param rtt         RFC 6298 estimator state
     * @param timers      timers as time remaining, delayed-ACK and RTT-timing state
     * @param scoreboard  sender SACK scoreboard (RFC 6675), null when SACK is not in use
     * @param sackReported receiver: SACK blocks reported in the last ACK, newest first (RFC 2018 §4)
     * @param stats       statistics so far
     * @param undo        spurious-recovery undo and F-RTO state (Linux undo_marker, prior_cwnd, ...); null:
     *                    nothing to undo
     * @param receiver    Linux receive side (window selection, receiver RTT, autotuning, quick-ACK and
     *                    ACK-policy state); null when none of those behaviours runs
     * @param sendTimeRtt per-segment send times for microsecond RTT samples; null when
     *                    {@code microsecondRtt} is off
     * @param ecn         ECN state (RFC 3168 §6.1); null when ECN was not negotiated
     * @param rate        delivery-rate sampling and pacing state; null unless the congestion control
     *                    sets cwnd itself ({@code CongestionControl.ownsCwnd()}, BBR)
     */
    public record Delegated(TcpState state, SendState send, ReceiveState receive, TimestampState timestamps,
                            CongestionPart congestion, RttSnapshot rtt, TimerState timers,
                            ScoreboardSnapshot scoreboard, List<SackBlock> sackReported, ConnectionStats stats,
                            UndoSnapshot undo, ReceiverState receiver, SendTimeRtt sendTimeRtt, EcnState ecn,
                            RateSampling rate) {
        public Delegated {
            sackReported = List.copyOf(sackReported);
        }

        /** Without ECN and rate-sampling state (hand-built fixtures). */
        public Delegated(TcpState state, SendState send, ReceiveState receive, TimestampState timestamps,
                         CongestionPart congestion, RttSnapshot rtt, TimerState timers, ScoreboardSnapshot scoreboard,
                         List<SackBlock> sackReported, ConnectionStats stats, UndoSnapshot undo, ReceiverState receiver,
                         SendTimeRtt sendTimeRtt) {
            this(state, send, receive, timestamps, congestion, rtt, timers, scoreboard, sackReported, stats, undo,
                    receiver, sendTimeRtt, null, null);
        }

        /** The same with the RFC 9293 state {@code s} (everything else kept, whatever the CCB carries). */
        public Delegated withState(TcpState s) {
            return new Delegated(s, send, receive, timestamps, congestion, rtt, timers, scoreboard, sackReported,
                    stats, undo, receiver, sendTimeRtt, ecn, rate);
        }

        /** The same with the receive side {@code r}. */
        public Delegated withReceive(ReceiveState r) {
            return new Delegated(state, send, r, timestamps, congestion, rtt, timers, scoreboard, sackReported,
                    stats, undo, receiver, sendTimeRtt, ecn, rate);
        }

        /** The same with the statistics {@code s}. */
        public Delegated withStats(ConnectionStats s) {
            return new Delegated(state, send, receive, timestamps, congestion, rtt, timers, scoreboard, sackReported,
                    s, undo, receiver, sendTimeRtt, ecn, rate);
        }

        /**
         * Stream offset of the first unacknowledged data byte (the start of the send buffer). It is
         * SND.UNA - 1 (position 0 is the SYN), except once our FIN is acknowledged (FIN_WAIT_2,
         * TIME_WAIT, CLOSED after LAST_ACK): SND.UNA is then past the FIN's position too.
         */
        public long sendStartOffset() {
            if (!send.unacked().isEmpty()) {
                return send.unacked().get(0).streamOffset();
            }
            boolean finAcked = send.finQueued()
                    && (state == TcpState.FIN_WAIT_2 || state == TcpState.TIME_WAIT || state == TcpState.CLOSED);
            return Math.max(0, send.sndUnaPos() - 1 - (finAcked ? 1 : 0));
        }
    }

    /**
     * Send side (RFC 9293 §3.3.1 send sequence variables).
     *
     * @param sndUnaPos       SND.UNA as a position from ISS
     * @param sndNxtPos       SND.NXT as a position
     * @param sndMaxPos       highest position sent plus one
     * @param sndWndBytes     SND.WND, scaled to bytes
     * @param sndWl1          SND.WL1
     * @param sndWl2          SND.WL2
     * @param maxSndWndBytes  largest window the peer offered (RFC 1122 §4.2.3.4)
     * @param finQueued       the application closed; a FIN follows the last byte
     * @param unacked         queued data from SND.UNA on, sent or not, as runs (real bytes where present)
     * @param sndSmlPos       end of the last short new-data segment sent (Linux {@code snd_sml}, Minshall's Nagle)
     */
    public record SendState(long sndUnaPos, long sndNxtPos, long sndMaxPos, long sndWndBytes, int sndWl1, int sndWl2,
                            long maxSndWndBytes, boolean finQueued, List<Payload> unacked, long sndSmlPos) {
        public SendState {
            unacked = List.copyOf(unacked);
        }
    }

    /**
     * Receive side.
     *
     * @param rcvNxtPos        RCV.NXT as a position from IRS
     * @param rcvAdvRightPos   right edge of the last advertised window
     * @param peerFinPos       position of a FIN held beyond RCV.NXT, -1 if none
     * @param finReceived      the peer's FIN was processed
     * @param undelivered      in-order data not yet read by the application
     * @param outOfOrder       data held beyond RCV.NXT
     */
    public record ReceiveState(long rcvNxtPos, long rcvAdvRightPos, long peerFinPos, boolean finReceived,
                               List<Payload> undelivered, List<Payload> outOfOrder) {
        public ReceiveState {
            undelivered = List.copyOf(undelivered);
            outOfOrder = List.copyOf(outOfOrder);
        }
    }

    /** RFC 7323 §4.3 TS.Recent and Last.ACK.sent, and our TSval offset. */
    public record TimestampState(int tsRecent, int lastAckSent, int tsOffset) {
    }

    /**
     * Congestion control and loss recovery.
     *
     * @param cwndBytes      cwnd
     * @param ssthreshBytes  ssthresh
     * @param algorithm      the algorithm's private state (its name included)
     * @param dupAcks        consecutive duplicate ACKs
     * @param inRecovery     in fast recovery
     * @param recoverPos     RFC 6582 "recover" as a position
     * @param loss           PRR, RACK and TLP state ({@link LossRecovery#NONE} when none of them ran)
     */
    public record CongestionPart(long cwndBytes, long ssthreshBytes, CcSnapshot algorithm, int dupAcks,
                                 boolean inRecovery, long recoverPos, LossRecovery loss) {
        public CongestionPart {
            loss = loss == null ? LossRecovery.NONE : loss;
        }

        /** Without PRR, RACK or TLP state. */
        public CongestionPart(long cwndBytes, long ssthreshBytes, CcSnapshot algorithm, int dupAcks,
                              boolean inRecovery, long recoverPos) {
            this(cwndBytes, ssthreshBytes, algorithm, dupAcks, inRecovery, recoverPos, LossRecovery.NONE);
        }
    }

    /**
     * Loss-recovery state of the Linux behaviours (RFC 6937 PRR, RFC 8985 RACK-TLP).
     *
     * @param prrDeliveredBytes  prr_delivered
     * @param prrOutBytes        prr_out
     * @param prrRecoverFsBytes  RecoverFS (Linux prior_cwnd)
     * @param renoSackedBytes    without SACK: bytes the duplicate ACKs reported delivered
     * @param rack               RACK state and transmit-time log, null when RACK does not run
     * @param rackReoRemainingPs time until the RACK reordering timer fires, -1 if not armed
     * @param tlpRemainingPs     time until the probe timeout fires, -1 if not armed
     * @param tlpHighPos         TLP.end_seq as a position, -1 when no probe is outstanding
     * @param tlpRetrans         the outstanding probe was a retransmission
     */
    public record LossRecovery(long prrDeliveredBytes, long prrOutBytes, long prrRecoverFsBytes, long renoSackedBytes,
                               RackSnapshot rack, long rackReoRemainingPs, long tlpRemainingPs, long tlpHighPos,
                               boolean tlpRetrans) {
        /** Nothing recorded. */
        public static final LossRecovery NONE = new LossRecovery(0, 0, 0, 0, null, -1, -1, -1, false);
    }

    /**
     * Timers relative to the snapshot instant.
     *
     * @param kind                  which main timer runs
     * @param remainingPs           time until it fires (0 if {@code kind} is IDLE)
     * @param retries               consecutive expiries without progress
     * @param delayedAckRemainingPs time until the delayed ACK is due, -1 if none
     * @param unackedRcvBytes       in-order bytes received since the last ACK sent
     * @param ackNow                an ACK is owed immediately
     * @param rttSeqPos             position whose ACK ends the timed segment, -1 if none
     * @param rttElapsedPs          time since the timed segment was sent
     * @param sinceLastRecvPs       time since the peer was last heard from
     * @param paceRemainingPs       the pacing release time (Linux {@code tcp_wstamp_ns}) less the snapshot
     *                              instant, negative when past, {@link Long#MIN_VALUE} when never paced
     */
    public record TimerState(TimerKind kind, long remainingPs, int retries, long delayedAckRemainingPs,
                             long unackedRcvBytes, boolean ackNow, long rttSeqPos, long rttElapsedPs,
                             long sinceLastRecvPs, long paceRemainingPs) {
        /** Never paced. */
        public TimerState(TimerKind kind, long remainingPs, int retries, long delayedAckRemainingPs,
                          long unackedRcvBytes, boolean ackNow, long rttSeqPos, long rttElapsedPs,
                          long sinceLastRecvPs) {
            this(kind, remainingPs, retries, delayedAckRemainingPs, unackedRcvBytes, ackNow, rttSeqPos, rttElapsedPs,
                    sinceLastRecvPs, Long.MIN_VALUE);
        }
    }

    /**
     * The Linux receive side ({@code receiveAutotuning}, {@code quickAck}, {@code linuxAckPolicy};
     * Linux field names in brackets). Times are ages at the snapshot instant. The buffer itself
     * ([sk_rcvbuf], grown by autotuning) is {@link Cached#receiveBufferBytes()}.
     *
     * @param bufferLocked     the host fixed the buffer: no autotuning [SOCK_RCVBUF_LOCK]
     * @param rcvSsthreshBytes [rcv_ssthresh] the window's growth limit, -1 before the first window
     * @param lastAdvWndBytes  [rcv_wnd] the window of the last segment sent
     * @param quickAcks        [icsk_ack.quick] ACKs still to send at once
     * @param dataSeen         data has arrived (the first data enters quick-ACK mode)
     * @param sinceLastDataPs  time since data last arrived [icsk_ack.lrcvtime]
     * @param rcvRttX8Ps       [rcv_rtt_est.rtt_us] 8 * the receiver RTT, ps; 0 before the first sample
     * @param rcvRttLastTsecr  [rcv_rtt_last_tsecr] TSecr of the last segment timed by timestamp
     * @param rcvRttSeqPos     [rcv_rtt_est.seq] position ending the timed window, -1 before the first
     * @param sinceRcvRttPs    time since that window began [rcv_rtt_est.time]
     * @param rcvqSpaceBytes   [rcvq_space.space] bytes read in the last receiver RTT, -1 before ESTABLISHED
     * @param rcvqSeqOffset    [rcvq_space.seq] stream offset the measurement counts from
     * @param sinceRcvqPs      time since the measurement began [rcvq_space.time]
     */
    public record ReceiverState(boolean bufferLocked, long rcvSsthreshBytes, long lastAdvWndBytes, int quickAcks,
                                boolean dataSeen, long sinceLastDataPs, long rcvRttX8Ps, int rcvRttLastTsecr,
                                long rcvRttSeqPos, long sinceRcvRttPs, long rcvqSpaceBytes, long rcvqSeqOffset,
                                long sinceRcvqPs) {
    }

    /**
     * RTT sampling from per-segment send times ({@code microsecondRtt}; Linux {@code skb_mstamp}).
     *
     * @param minRttPs  smallest ca_rtt sample so far, -1 before the first
     * @param sendTimes send time of every segment in flight, compactly encoded
     */
    public record SendTimeRtt(long minRttPs, SendTimeSnapshot sendTimes) {
        public SendTimeRtt {
            sendTimes = sendTimes == null ? SendTimeSnapshot.EMPTY : sendTimes;
        }
    }

    /**
     * Delivery-rate sampling (draft-cheng-iccrg-delivery-rate-estimation §3, Linux
     * {@code tcp_rate.c}) and pacing state, times as ages at the snapshot instant.
     *
     * @param deliveredBytes      bytes delivered so far (Linux {@code tp->delivered})
     * @param deliveredAgePs      since the delivered count last grew ({@code delivered_mstamp})
     * @param firstTxAgePs        since the send time of the newest delivered segment ({@code first_tx_mstamp})
     * @param appLimitedBytes     delivered count that ends the app-limited phase, 0 when not app-limited
     * @param headStartPos        start of the oldest logged segment
     * @param sent                one entry per logged segment in flight, oldest first
     */
    public record RateSampling(long deliveredBytes, long deliveredAgePs, long firstTxAgePs, long appLimitedBytes,
                               long headStartPos, List<Sent> sent) {
        public RateSampling {
            sent = List.copyOf(sent);
        }

        /**
         * One segment's send-time state (Linux {@code TCP_SKB_CB(skb)->tx}).
         *
         * @param endPos         end of the segment
         * @param xmitAgePs      since its latest transmission
         * @param firstTxAgePs   since {@code first_tx_mstamp} when it was sent
         * @param deliveredAgePs since {@code delivered_mstamp} when it was sent
         * @param deliveredBytes the delivered count when it was sent
         * @param flags          bit 0 retransmitted, bit 1 sent app-limited, bit 2 SACKed
         */
        public record Sent(long endPos, long xmitAgePs, long firstTxAgePs, long deliveredAgePs, long deliveredBytes,
                           int flags) {
        }
    }
}
