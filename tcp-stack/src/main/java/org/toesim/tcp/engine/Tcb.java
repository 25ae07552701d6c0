package org.toesim.tcp.engine;

import org.toesim.tcp.buffer.ReassemblyQueue;
import org.toesim.tcp.buffer.ReceiveBuffer;
import org.toesim.tcp.buffer.SendBuffer;
import org.toesim.tcp.cc.CongestionControl;
import org.toesim.tcp.cc.CongestionState;
import org.toesim.tcp.rtt.RttEstimator;
import org.toesim.tcp.sack.Rack;
import org.toesim.tcp.sack.SackBlockBuilder;
import org.toesim.tcp.sack.SackScoreboard;
import org.toesim.tcp.segment.FourTuple;

/**
 * The transmission control block (RFC 9293 §3.3.1): every variable of one connection, shared by
 * the input, output and timer code of this package. Send-side positions are kept as
 * {@code long} counts from ISS (position 0 is the SYN, data byte k is at position k+1, the FIN
 * follows the last byte) so they never wrap; the 32-bit header values are derived with
 * {@link #seqOfSnd(long)}. Receive side likewise from IRS.
 */
final class Tcb {
    TcpConfig config;
    FourTuple tuple;
    TcpState state = TcpState.CLOSED;

    // --- constant after the handshake
    int iss;
    int irs;
    /** MSS option we advertise. */
    int ourMssBytes;
    /** MSS option the peer advertised (536 when absent, RFC 9293 §3.7.1). */
    int peerMssBytes = 536;
    /** Largest payload we put in one segment (min of the two MSS, less the timestamp option). */
    int sndMssBytes;
    /** Shift applied to windows the peer sends us (its wscale option, RFC 7323 §2.3). */
    int sndShift;
    /** Shift applied to windows we send (our wscale option). */
    int rcvShift;
    boolean wsOk;
    boolean sackOk;
    boolean tsOk;
    /** Whether this side sent the first SYN (active open). */
    boolean activeOpen;

    // --- send sequence space
    long sndUnaPos;
    long sndNxtPos;
    long sndMaxPos;
    /** SND.SML (Linux snd_sml): end of the last short new-data segment sent, for Minshall's Nagle. */
    long sndSmlPos;
    long sndWndBytes;
    int sndWl1;
    int sndWl2;
    long maxSndWndBytes;
    /** The application called close(): a FIN follows the last queued byte. */
    boolean finQueued;

    // --- receive sequence space
    long rcvNxtPos;
    /** Right edge of the window we last advertised (never moved left, RFC 9293 §3.8.6.2.2). */
    long rcvAdvRightPos;
    /** Position of a FIN received beyond RCV.NXT (held with out-of-order data), -1 if none. */
    long peerFinPos = -1;
    /** The peer's FIN has been processed. */
    boolean finReceived;

    // --- timestamps (RFC 7323 §4.3, §5)
    int tsRecent;
    int lastAckSent;
    int tsOffset;

    // --- congestion control and loss recovery
    CongestionControl cc;
    CongestionState cs;
    int dupAcks;
    boolean inRecovery;
    long recoverPos;
    /** Sender SACK scoreboard (RFC 6675), null unless SACK is in use. */
    SackScoreboard scoreboard;
    /** Receiver SACK block choice (RFC 2018 §4). */
    SackBlockBuilder sackBuilder = new SackBlockBuilder();
    /** Undo of spurious recoveries and F-RTO (Linux undo_marker, prior_cwnd, ...). */
    UndoState undo = new UndoState();

    // --- PRR (RFC 6937, Linux tcp_cwnd_reduction): only with features().prr()
    /** prr_delivered: bytes delivered to the receiver since recovery began. */
    long prrDeliveredBytes;
    /** prr_out: bytes sent since recovery began. */
    long prrOutBytes;
    /** RecoverFS: Linux's prior_cwnd, cwnd when recovery began. */
    long prrRecoverFsBytes;
    /** Without SACK: bytes the duplicate ACKs of this recovery say arrived (Linux sacked_out for Reno). */
    long renoSackedBytes;

    // --- RACK and TLP (RFC 8985 §6-7): only with features().rack() / tlp() and SACK
    /** Transmit-time log and RACK variables, null unless RACK runs. */
    Rack rack;
    /** RACK reordering timer (RFC 8985 §6.3), beside the main timer like the delayed ACK. */
    long rackReoDeadlinePs = Long.MAX_VALUE;
    /** Probe timeout (RFC 8985 §7.2), beside the main timer; capped by the RTO when armed. */
    long tlpDeadlinePs = Long.MAX_VALUE;
    /** TLP.end_seq / Linux tlp_high_seq: SND.NXT when the probe went out, -1 when none is outstanding. */
    long tlpHighPos = -1;
    /** The outstanding probe was a retransmission (Linux tlp_retrans). */
    boolean tlpRetrans;
    /** New data was sent or an ACK arrived in this call: (re)schedule the probe timeout (transient). */
    boolean tlpReschedule;

    // --- ECN (RFC 3168 §6.1; RFC 8257 §3.2 for a DCTCP receiver)
    /** ECN was negotiated on the handshake: data goes out ECT(0), CE is echoed. */
    boolean ecnOk;
    /** Receiver: ACKs carry ECE (RFC 3168: from a CE until the peer's CWR; DCTCP: the CE state). */
    boolean ecnEceToSend;
    /** Receiver, DCTCP: the CE codepoint of the last data segment received (RFC 8257 §3.2 DCTCP.CE). */
    boolean ecnCeState;
    /** Sender: the window was reduced; CWR goes on the next new data segment (RFC 3168 §6.1.2). */
    boolean ecnCwrToSend;
    /** Sender: no further ECN reduction until SND.UNA reaches this (once per window), -1 when none. */
    long ecnCwrEndPos = -1;

    // --- delivery-rate sampling and pacing: only when the congestion control ownsCwnd() (BBR)
    /** Delivery-rate sampler (draft-cheng-iccrg-delivery-rate-estimation), null unless the cc owns cwnd. */
    RateSampler rate;
    /**
     * Earliest time the next data segment may leave (Linux {@code tcp_wstamp_ns}); Long.MIN_VALUE
     * while the congestion control sets no pacing rate.
     */
    long paceAtPs = Long.MIN_VALUE;

    // --- RTT (RFC 6298) and Karn's rule
    RttEstimator rtt;
    /** Position whose acknowledgment ends the timed segment, -1 when none is timed. */
    long rttSeqPos = -1;
    long rttStartPs;
    /** Per-segment send times on a µs clock ({@link TcpFeatures#microsecondRtt()}), null when off. */
    MicrosecondRtt usRtt;

    // --- timers
    TimerKind timer = TimerKind.IDLE;
    long timerDeadlinePs = Long.MAX_VALUE;
    /** Consecutive expiries of the main timer (retransmissions, probes) without progress. */
    int timerRetries;
    long delAckDeadlinePs = Long.MAX_VALUE;
    /** In-order bytes received since the last ACK we sent. */
    long unackedRcvBytes;
    /** An ACK must go out at the next output. */
    boolean ackNow;
    /** Last time anything arrived from the peer (keep-alive idle reference). */
    long lastRecvPs;

    // --- buffers
    SendBuffer sendBuf;
    ReceiveBuffer recvBuf;
    ReassemblyQueue ooo;
    /** Linux receive-side behaviours (autotuning, quick-ACK, ACK policy), each behind its flag. */
    LinuxReceiver rx;

    final TcpStats stats = new TcpStats();

    int seqOfSnd(long pos) {
        return iss + (int) pos;
    }

    int seqOfRcv(long pos) {
        return irs + (int) pos;
    }

    /** The send position of {@code seq}, interpreted near SND.UNA. */
    long sndPosOf(int seq) {
        return sndUnaPos + (seq - seqOfSnd(sndUnaPos));
    }

    /** The receive position of {@code seq}, interpreted near RCV.NXT. */
    long rcvPosOf(int seq) {
        return rcvNxtPos + (seq - seqOfRcv(rcvNxtPos));
    }

    /** Position of our FIN, or Long.MAX_VALUE when the application has not closed. */
    long finPos() {
        return finQueued ? 1 + sendBuf.endOffset() : Long.MAX_VALUE;
    }

    /** Our FIN has been sent at least once. */
    boolean finSent() {
        return finQueued && sndMaxPos > finPos();
    }

    /** Our FIN has been acknowledged. */
    boolean finAcked() {
        return finQueued && sndUnaPos == finPos() + 1;
    }

    /** Bytes sent and not cumulatively acknowledged (RFC 5681 FlightSize). */
    long flightBytes() {
        return sndNxtPos - sndUnaPos;
    }

    /** Receive window we offer now: right edge minus RCV.NXT. */
    long rcvWndBytes() {
        return Math.max(0, rcvAdvRightPos - rcvNxtPos);
    }

    /** Receive buffer space not taken by unread in-order data. */
    long rcvSpaceBytes() {
        if (config.features().receiveAutotuning()) {
            return rx.freeWindowBytes();
        }
        return Math.max(0, config.receiveBufferBytes() - recvBuf.readableBytes());
    }

    /**
     * RCV.BUFF (RFC 1122 §4.2.3.3): the payload the receive buffer holds now. With receive
     * autotuning the grown buffer's window share (tcp_win_from_space of sk_rcvbuf), not the
     * configured initial buffer; otherwise the configured buffer.
     */
    long rcvBuffBytes() {
        if (config.features().receiveAutotuning()) {
            return LinuxReceiver.winFromSpace(rx.rcvBufBytes);
        }
        return config.receiveBufferBytes();
    }

    /** Whether this side asks for / accepts ECN: configured, or its congestion control needs it (DCTCP). */
    boolean ecnWanted() {
        return config.ecn() || cc.echoesCeState(); // Linux TCP_CONG_NEEDS_ECN: DCTCP negotiates ECN itself
    }

    /** Effective receive MSS: what a full-sized segment from the peer carries. */
    int rcvMssBytes() {
        return Math.max(1, Math.min(ourMssBytes, peerMssBytes) - (tsOk ? 12 : 0));
    }
}
