package org.toesim.tcp.engine;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.tcp.buffer.ReassemblyQueue;
import org.toesim.tcp.buffer.ReceiveBuffer;
import org.toesim.tcp.buffer.SendBuffer;
import org.toesim.tcp.cc.CongestionControls;
import org.toesim.tcp.cc.CongestionState;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.rtt.RttConfig;
import org.toesim.tcp.rtt.RttEstimator;
import org.toesim.tcp.segment.EcnCodepoint;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.seq.SeqNum;
import org.toesim.tcp.trace.TcpTrace;

/**
 * One TCP connection as a pure engine (smoltcp style): no I/O, no scheduler, the current time
 * passed in. The same class runs in the host's software stack and on the TOE; its whole state
 * moves between them as a {@link ControlBlock} ({@link #snapshot}, {@link #restore}).
 *
 * <pre>
 *   caller                                   TcpConnection
 *   ──────                                   ─────────────
 *   connect(iss, t) / listen(iss)      ───▶  SYN_SENT / LISTEN
 *   input(seg, t, out)                 ───▶  InputProcessor ─▶ out.send(reply...)
 *   send(n, t) / send(bytes, t)        ───▶  queues; output happens at the next poll
 *   close(t)                           ───▶  FIN queued (state change stamped t)
 *   poll(t, out)                       ───▶  Timers (RTO, delayed ACK, persist, keep-alive,
 *                                             TIME_WAIT) then OutputProcessor ─▶ out.send(...)
 *   t' = nextWakeupPs()                ◀───  the caller calls poll(max(t', now), out) then
 *   read(n, t) / consume(n, t)         ───▶  frees receive window (window update at next poll)
 * </pre>
 *
 * <p>Every call that changes state takes the caller's current time; the engine keeps no "last
 * time seen", so each trace record and state-time statistic carries the time of the call that
 * caused it.
 *
 * Not thread-safe; one caller drives it. Events go to the {@link TcpEvents} given at
 * construction, trace records to the {@link TraceSink} (only when enabled).
 *
 * <p>Logging (SLF4J, package {@code org.toesim.tcp.engine}, each message starting with the
 * caller's time and the component): state changes and resets at DEBUG here, RTO firings
 * ({@code Timers}) and fast recovery entered and left ({@code AckProcessor}) at DEBUG, every
 * segment in and out at TRACE, here around the engine ({@link #input}, {@link #poll},
 * {@link #abort} wrap the caller's sink in a logging one), so the output path has no log call.
 * Each call is behind an {@code isXxxEnabled()} check, the per-segment ones first behind a flag
 * read when the connection is made: with TRACE off a call costs one field read (levels are set
 * before a run).
 */
public final class TcpConnection {
    private static final Logger LOG = LoggerFactory.getLogger(TcpConnection.class);
    private final Tcb t = new Tcb();

    /** The control block itself, for this package's tests of its parts (Pacer). */
    Tcb tcbForTest() {
        return t;
    }
    private final TcpEvents events;
    private final TraceSink trace;
    private final String component;
    /**
     * Whether every segment in and out is logged (TRACE), read once when the connection is made:
     * levels are set before a run, so the per-segment check is a field read, as for the trace sink.
     */
    private final boolean logSegments;
    private final OutputProcessor output;
    private final InputProcessor input;
    private final Timers timers;

    /** {@link #nextWakeupPs()} when output is due at once: before any time, so callers poll now. */
    public static final long DUE_NOW = Long.MIN_VALUE;

    /**
     * A closed connection for {@code tuple}.
     *
     * @param component trace component name (e.g. "host0.tcp")
     */
    public TcpConnection(FourTuple tuple, TcpConfig config, TcpEvents events, TraceSink trace, String component) {
        t.tuple = Objects.requireNonNull(tuple, "tuple");
        t.config = Objects.requireNonNull(config, "config");
        this.events = Objects.requireNonNull(events, "events");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.component = component;
        this.logSegments = LOG.isTraceEnabled();
        t.ourMssBytes = config.mssBytes();
        t.rcvShift = config.windowScale() ? shiftFor(windowScaleBufferBytes(config)) : 0;
        t.sndMssBytes = Math.min(config.mssBytes(), t.peerMssBytes);
        t.cc = CongestionControls.create(config.congestionControl(), config.features().ccFeatures());
        t.cs = new CongestionState(t.sndMssBytes, config.initialCwndFor(t.sndMssBytes));
        t.rtt = new RttEstimator(rttConfig(config));
        t.usRtt = config.features().microsecondRtt() ? new MicrosecondRtt(t) : null;
        t.sendBuf = new SendBuffer(config.sendBufferBytes());
        t.recvBuf = new ReceiveBuffer(0);
        t.ooo = new ReassemblyQueue(config.reassemblyMaxRanges());
        t.rx = new LinuxReceiver(t);
        this.output = new OutputProcessor(t, this);
        this.timers = new Timers(t, this, output);
        this.input = new InputProcessor(t, this, output, timers);
    }

    /** Smallest window shift that lets the 16-bit field express the whole buffer (RFC 7323 §2.3). */
    static int shiftFor(long bufferBytes) {
        int shift = 0;
        while (shift < 14 && (bufferBytes >> shift) > 0xFFFF) {
            shift++;
        }
        return shift;
    }

    /**
     * The buffer the window scale is chosen for: with autotuning (or a maximum above the initial
     * buffer) the maximum, as Linux tcp_select_initial_window uses tcp_rmem[2]
     * (rcv_wscale = ilog2(space) - 15, the same shift as {@link #shiftFor}); otherwise the buffer.
     */
    static long windowScaleBufferBytes(TcpConfig c) {
        if (c.features().receiveAutotuning() || c.maxReceiveBufferBytes() > c.receiveBufferBytes()) {
            return c.maxReceiveBufferBytes();
        }
        return c.receiveBufferBytes();
    }

    static RttConfig rttConfig(TcpConfig c) {
        return new RttConfig(c.initialRtoPs(), c.minRtoPs(), c.maxRtoPs(), Units.PS_PER_US);
    }

    /**
     * A connection continuing from {@code ccb} at {@code nowPs}. Settings not in the CCB (RTO
     * bounds, MSL, retry limits, reassembly bound, enable flags for new connections) come from
     * {@code config}; the cached part of the CCB overrides the host-owned ones.
     */
    public static TcpConnection restore(ControlBlock ccb, TcpConfig config, long nowPs, TcpEvents events,
                                        TraceSink trace, String component) {
        return restoreMerged(ccb, configFor(config, ccb.cached()), nowPs, events, trace, component);
    }

    /** {@code config} with the host-owned (cached) settings of {@code cached}, as {@link #restore} uses it. */
    public static TcpConfig configFor(TcpConfig config, ControlBlock.Cached cached) {
        return CcbCodec.withCached(config, cached);
    }

    /**
     * As {@link #restore}, with {@code merged} already {@link #configFor}{@code (config,
     * ccb.cached())}: an engine that restores many connections with the same cached settings
     * (a TOE) shares one configuration among them.
     */
    public static TcpConnection restoreMerged(ControlBlock ccb, TcpConfig merged, long nowPs, TcpEvents events,
                                              TraceSink trace, String component) {
        TcpConnection c = new TcpConnection(ccb.constant().tuple(), merged, events, trace, component);
        CcbCodec.restore(c.t, ccb, nowPs);
        return c;
    }

    /** The whole connection state at {@code nowPs}, for handing it to another engine. */
    public ControlBlock snapshot(long nowPs) {
        return CcbCodec.snapshot(t, nowPs);
    }

    // ------------------------------------------------------------------ opening and closing

    /** Active open (RFC 9293 §3.10.1): the SYN with initial sequence number {@code iss} goes out at the next poll. */
    public void connect(int iss, long nowPs) {
        requireState(TcpState.CLOSED, "connect");
        t.iss = iss;
        t.activeOpen = true;
        t.sndUnaPos = 0;
        t.sndNxtPos = 0;
        t.sndMaxPos = 0;
        t.tsOffset = iss * 31 + 7;
        setState(TcpState.SYN_SENT, nowPs);
    }

    /**
     * Passive open (RFC 9293 §3.10.1): wait for a SYN from {@code tuple}'s remote end. A
     * {@link TcpListener} does this for each SYN it accepts.
     */
    public void listen(int iss, long nowPs) {
        requireState(TcpState.CLOSED, "listen");
        t.iss = iss;
        t.activeOpen = false;
        t.tsOffset = iss * 31 + 7;
        setState(TcpState.LISTEN, nowPs);
    }

    /**
     * Close (RFC 9293 §3.10.4): no more data will be sent; a FIN follows the queued data. In
     * LISTEN or SYN_SENT the connection just goes away. The state change is stamped {@code nowPs}.
     */
    public void close(long nowPs) {
        switch (t.state) {
            case LISTEN, SYN_SENT -> setState(TcpState.CLOSED, nowPs);
            case SYN_RECEIVED, ESTABLISHED -> {
                t.finQueued = true;
                setState(TcpState.FIN_WAIT_1, nowPs);
            }
            case CLOSE_WAIT -> {
                t.finQueued = true;
                setState(TcpState.LAST_ACK, nowPs);
            }
            default -> {
                // already closing (RFC 9293 §3.10.4: "error: connection closing"): nothing to do
            }
        }
    }

    /** Abort (RFC 9293 §3.10.5): send RST in a synchronized state, drop everything, CLOSED. */
    public void abort(long nowPs, SegmentSink out) {
        if (t.state.isSynchronized() || t.state == TcpState.SYN_RECEIVED) {
            output.sendRst(t.seqOfSnd(t.sndNxtPos), nowPs, logSegments ? loggingSink(out, nowPs) : out);
        }
        dropAll();
        setState(TcpState.CLOSED, nowPs);
    }

    // ------------------------------------------------------------------ the engine

    /** Processes one arriving segment at {@code nowPs} (its IP header Not-ECT); replies and due output go to {@code out}. */
    public void input(Segment seg, long nowPs, SegmentSink out) {
        input(seg, EcnCodepoint.NOT_ECT, nowPs, out);
    }

    /**
     * Processes one arriving segment whose IP header's ECN field is {@code ecnCodepoint}
     * ({@link EcnCodepoint}) at {@code nowPs}; replies and due output go to {@code out}.
     */
    public void input(Segment seg, int ecnCodepoint, long nowPs, SegmentSink out) {
        if (logSegments) {
            logIn(seg, nowPs);
            out = loggingSink(out, nowPs);
        }
        input.process(seg, ecnCodepoint, nowPs, out);
    }

    private void logIn(Segment seg, long nowPs) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: {} in  {}", Units.logTime(nowPs), component, t.tuple.traceText(), seg);
        }
    }

    /**
     * {@code out}, logging each segment sent through it at TRACE: the segments out are logged
     * here, around the engine, so its output path has no log call of its own.
     */
    private SegmentSink loggingSink(SegmentSink out, long nowPs) {
        return new SegmentSink() {
            @Override
            public void send(FourTuple tuple, Segment seg) {
                send(tuple, seg, EcnCodepoint.NOT_ECT);
            }

            @Override
            public void send(FourTuple tuple, Segment seg, int ecnCodepoint) {
                if (LOG.isTraceEnabled()) {
                    LOG.trace("{} {}: {} out {}{}", Units.logTime(nowPs), component, tuple.traceText(), seg,
                            ecnCodepoint == EcnCodepoint.NOT_ECT ? "" : " ecn " + ecnCodepoint);
                }
                out.send(tuple, seg, ecnCodepoint);
            }
        };
    }

    /** Runs due timers and emits everything that may be sent at {@code nowPs}. */
    public void poll(long nowPs, SegmentSink out) {
        if (logSegments) {
            out = loggingSink(out, nowPs);
        }
        timers.fireDue(nowPs, out);
        output.dispatch(nowPs, out);
        timers.rearm(nowPs);
    }

    /**
     * When to call {@link #poll} next: {@link #DUE_NOW} when output is pending (poll at the
     * caller's current time), {@link Long#MAX_VALUE} for never (until input or an application
     * call), else the earliest timer deadline. Right after {@code poll(t)} it is always later
     * than {@code t}: poll emits everything due, so a caller polling at the wake-up time never
     * spins at one instant.
     */
    public long nextWakeupPs() {
        if (output.hasPendingOutput()) {
            return DUE_NOW;
        }
        long wakeupPs = Math.min(Math.min(t.timerDeadlinePs, t.delAckDeadlinePs),
                Math.min(t.rackReoDeadlinePs, t.tlpDeadlinePs));
        return Math.min(wakeupPs, output.pacingWakeupPs()); // MAX_VALUE unless paced data waits
    }

    // ------------------------------------------------------------------ application data

    /**
     * Queues {@code lenBytes} virtual bytes at {@code nowPs}; returns how many fit in the send
     * buffer. They go out at the next poll.
     */
    public long send(long lenBytes, long nowPs) {
        requireCanSend();
        return t.sendBuf.appendVirtual(lenBytes);
    }

    /** Copies up to {@code len} real bytes of {@code data[off..]} at {@code nowPs}; returns how many fit. */
    public int send(byte[] data, int off, int len, long nowPs) {
        requireCanSend();
        return t.sendBuf.appendReal(data, off, len);
    }

    /** Bytes that {@link #send} would accept now. */
    public long sendSpaceBytes() {
        return t.sendBuf.freeBytes();
    }

    /** Queued bytes not yet acknowledged by the peer. */
    public long unackedBytes() {
        return t.sendBuf.queuedBytes();
    }

    /** In-order received bytes not yet read. */
    public long readableBytes() {
        return t.recvBuf.readableBytes();
    }

    /** Removes up to {@code maxBytes} received bytes at {@code nowPs}, as runs in stream order. */
    public List<Payload> read(long maxBytes, long nowPs) {
        List<Payload> out = t.recvBuf.read(maxBytes);
        long copied = 0;
        for (Payload p : out) {
            copied += p.lenBytes();
        }
        t.rx.onRead(nowPs);
        output.onApplicationRead(copied);
        return out;
    }

    /**
     * Discards up to {@code maxBytes} received bytes at {@code nowPs} (e.g. once the TOE placed
     * them); returns how many.
     */
    public long consume(long maxBytes, long nowPs) {
        long n = t.recvBuf.consume(maxBytes);
        t.rx.onRead(nowPs);
        output.onApplicationRead(n);
        return n;
    }

    /** True once the peer's FIN arrived and all data before it has been read. */
    public boolean isReadEof() {
        return t.finReceived && t.recvBuf.readableBytes() == 0;
    }

    /** Changes the receive buffer the host grants (cached CCB part) at {@code nowPs}; the window never shrinks. */
    public void setReceiveBufferBytes(int bytes, long nowPs) {
        t.config = t.config.toBuilder().receiveBufferBytes(bytes).build();
        t.rx.lock(bytes);
        output.onApplicationRead();
    }

    /** Replaces the host-owned (cached) settings of a running connection at {@code nowPs}. */
    public void updateCached(ControlBlock.Cached cached, long nowPs) {
        updateCached(cached, CcbCodec.withCached(t.config, cached), nowPs);
    }

    /**
     * As {@link #updateCached(ControlBlock.Cached, long)}, with {@code merged} the configuration
     * already made with {@code cached} ({@link #configFor} of this connection's base settings),
     * so connections with the same settings share one.
     */
    public void updateCached(ControlBlock.Cached cached, TcpConfig merged, long nowPs) {
        t.config = Objects.requireNonNull(merged, "merged");
        t.sendBuf.setCapacityBytes(cached.sendBufferBytes());
    }

    // ------------------------------------------------------------------ queries

    public TcpState state() {
        return t.state;
    }

    public FourTuple tuple() {
        return t.tuple;
    }

    public TcpConfig config() {
        return t.config;
    }

    /** SND.UNA, SND.NXT, RCV.NXT as 32-bit header values. */
    public int sndUna() {
        return t.seqOfSnd(t.sndUnaPos);
    }

    public int sndNxt() {
        return t.seqOfSnd(t.sndNxtPos);
    }

    public int rcvNxt() {
        return t.seqOfRcv(t.rcvNxtPos);
    }

    public long cwndBytes() {
        return t.cs.cwndBytes;
    }

    /** The peer's window as last advertised (SND.WND, RFC 9293 section 3.3.1), scaled. */
    public long sndWndBytes() {
        return t.sndWndBytes;
    }

    /** The receive window last offered: its right edge minus RCV.NXT (RCV.WND). */
    public long rcvWndBytes() {
        return t.rcvWndBytes();
    }

    public long ssthreshBytes() {
        return t.cs.ssthreshBytes;
    }

    /** Current retransmission timeout (backed off). */
    public long rtoPs() {
        return t.rtt.rtoPs();
    }

    /** The last RTT sample fed to the RTO estimator (RFC 6298), 0 before the first. */
    public long latestRttPs() {
        return t.rtt.latestRttPs();
    }

    /** The smallest RTT sample so far (with {@link TcpFeatures#microsecondRtt()} Linux's ca_rtt minimum), 0 before the first. */
    public long minRttPs() {
        return t.cs.minRttPs;
    }

    /** The receive buffer now: grown by autotuning ({@link TcpFeatures#receiveAutotuning()}) or as configured. */
    public long receiveBufferBytes() {
        return t.config.features().receiveAutotuning() ? t.rx.rcvBufBytes : t.config.receiveBufferBytes();
    }

    /** Which main timer runs. */
    public TimerKind timerKind() {
        return t.timer;
    }

    /**
     * What the connection is waiting for at {@code nowPs}, in a few words (state, main timer with
     * its backed-off RTO and backoffs, zero windows, unread or unsent bytes): the diagnosis of a
     * run that did not finish.
     */
    public String waitingFor(long nowPs) {
        return WaitDescription.of(t, nowPs);
    }

    /**
     * The interval of the pending retransmission or persist timer (backed off), or -1 when
     * neither runs: a connection backing off retransmissions is waiting, not necessarily stuck.
     */
    public long retryIntervalPs() {
        return WaitDescription.retryIntervalPs(t);
    }

    /** Where this engine's stream bytes are, for invariant checks (read-only). */
    public StreamAccounting accounting() {
        return new StreamAccounting(t.state, t.sendBuf.endOffset(), t.sendBuf.startOffset(), t.sndUnaPos, t.sndNxtPos,
                t.sndMaxPos, t.finQueued, t.rcvNxtPos, t.finReceived, t.recvBuf.endOffset(), t.recvBuf.readOffset(),
                t.ooo.heldBytes());
    }

    /**
     * Payload bytes received and sent so far ({@link ConnectionStats#bytesIn()} +
     * {@link ConnectionStats#bytesOut()}) without building a statistics snapshot: an offload
     * policy asks for it at every check of every on-host connection.
     */
    public long payloadBytesInOut() {
        return t.stats.bytesIn + t.stats.bytesOut;
    }

    /** Smoothed RTT (RFC 6298 SRTT) now, 0 before the first sample ({@link ConnectionStats#srttPs()}). */
    public long srttPs() {
        return t.rtt.srttPs();
    }

    /** Statistics at {@code nowPs}. */
    public ConnectionStats stats(long nowPs) {
        return t.stats.snapshot(nowPs, t.rtt.srttPs(), t.cs.cwndBytes, t.cs.ssthreshBytes);
    }

    @Override
    public String toString() {
        return "TcpConnection[" + t.tuple + " " + t.state + " una " + SeqNum.toString(sndUna()) + " nxt "
                + SeqNum.toString(sndNxt()) + " rcv " + SeqNum.toString(rcvNxt()) + "]";
    }

    // ------------------------------------------------------------------ package internals

    void setState(TcpState next, long nowPs) {
        TcpState from = t.state;
        if (from == next) {
            return;
        }
        t.state = next;
        t.stats.enterState(next, nowPs);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} {} -> {}", Units.logTime(nowPs), component, t.tuple.traceText(), from, next);
        }
        if (trace.enabled()) {
            trace.record(nowPs, component, new TcpTrace.StateChange(tuple(), from, next));
        }
        if (next == TcpState.TIME_WAIT) {
            timers.enterTimeWait(nowPs);
        }
        if (next == TcpState.ESTABLISHED && from != TcpState.CLOSED) {
            t.rx.onEstablished(nowPs);
        }
        if (next == TcpState.CLOSED) {
            t.timer = TimerKind.IDLE;
            t.timerDeadlinePs = Long.MAX_VALUE;
            t.delAckDeadlinePs = Long.MAX_VALUE;
            t.rackReoDeadlinePs = Long.MAX_VALUE;
            t.tlpDeadlinePs = Long.MAX_VALUE;
            t.ackNow = false;
        }
        events.stateChanged(this, from, next, nowPs);
    }

    /** Connection reset by the peer or given up: drop everything, report, CLOSED. */
    void resetConnection(String reason, long nowPs) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} reset in {}: {}", Units.logTime(nowPs), component, t.tuple.traceText(), t.state,
                    reason);
        }
        dropAll();
        events.reset(this, reason, nowPs);
        setState(TcpState.CLOSED, nowPs);
    }

    private void dropAll() {
        t.sendBuf.releaseTo(t.sendBuf.endOffset());
        t.ooo.clear();
        t.finQueued = false;
    }

    void traceCwnd(String reason, long nowPs) {
        if (trace.enabled()) {
            trace.record(nowPs, component, new TcpTrace.CwndChange(tuple(), t.cs.cwndBytes, t.cs.ssthreshBytes, reason));
        }
    }

    void traceRecord(long nowPs, TcpTrace record) {
        trace.record(nowPs, component, record);
    }

    boolean traceEnabled() {
        return trace.enabled();
    }

    /** The component name this connection's records and log messages carry (e.g. {@code b.tcp}). */
    String component() {
        return component;
    }

    TcpEvents events() {
        return events;
    }

    private void requireState(TcpState expected, String call) {
        if (t.state != expected) {
            throw new IllegalStateException(call + " in state " + t.state + ", needs " + expected);
        }
    }

    private void requireCanSend() {
        if (!t.state.canSend() || t.finQueued) {
            throw new IllegalStateException("send in state " + t.state + (t.finQueued ? " after close" : ""));
        }
    }
}
