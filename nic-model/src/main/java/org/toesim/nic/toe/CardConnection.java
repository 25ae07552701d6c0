package org.toesim.nic.toe;

import java.util.ArrayDeque;
import org.toesim.core.event.Event;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.SegmentSink;
import org.toesim.tcp.engine.TcpConnection;
import org.toesim.tcp.engine.TcpEvents;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.EcnCodepoint;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;

/**
 * One offloaded connection on the card: the shared TCP engine restored from the host's CCB,
 * its posted receive buffers, its on-card receive data, its send requests and counters. The
 * paths ({@link ReceivePath}, {@link SendPath}) and the {@link Toe} operate on it; it forwards the
 * engine's callbacks to them.
 *
 * <p>On-card receive data ("held") mirrors the engine's readable bytes exactly: the fast path
 * appends the in-order slice of each segment the engine accepted, and the card consumes the same
 * count from the engine when it places bytes in a posted buffer or the host accepts indicated
 * bytes. The engine's receive window therefore closes as the on-card buffer fills.
 */
final class CardConnection implements TcpEvents, SegmentSink {
    /** A posted receive buffer being filled. */
    static final class Posted {
        final RxDescriptor.PostBuffer desc;
        final int slot;
        int filledBytes;
        long firstBytePs;

        Posted(RxDescriptor.PostBuffer desc, int slot) {
            this.desc = desc;
            this.slot = slot;
        }
    }

    /** A send request: its bytes occupy stream offsets [streamStart, streamStart + len). */
    static final class SendRequest {
        final TxDescriptor.ToeSend desc;
        final int slot;
        final long streamStart;
        int readIssuedBytes;

        SendRequest(TxDescriptor.ToeSend desc, int slot, long streamStart) {
            this.desc = desc;
            this.slot = slot;
            this.streamStart = streamStart;
        }

        long streamEnd() {
            return streamStart + desc.lenBytes();
        }
    }

    final OffloadHandle handle;
    final FourTuple tuple;
    final int core;
    final Toe toe;
    TcpConnection engine;
    ControlBlock.Cached hostCached;
    int ttl;
    int tos;
    /** The next hop's neighbour entry (shared with every connection through it); set at the first frame out. */
    Neighbours.Entry neighbour;
    boolean active = true;
    boolean uploadRequested;
    Event wakeup;
    Event pushTimer;
    /** The send MSS the engine was restored with (the engine cannot change it while running). */
    int sndMssBytes;

    // optional upload rules (UploadMonitor)
    Event policyTimer;
    long lastActivityPs;
    long starvedSincePs = -1;
    int dropWindowSegments;
    int dropWindowBad;

    // classification: RCV.NXT once the queued fast-path segments are processed
    int classifyRcvNxt;
    int queuedFast;

    // receive side
    final ArrayDeque<Payload> held = new ArrayDeque<>(1);
    long heldBytes;
    long headOffset;
    long indicatedUpTo;
    long newReadableBytes;
    final ArrayDeque<Posted> posted = new ArrayDeque<>(1);
    /**
     * Out-of-order data the CCB brought (the host engine had queued it): the engine reassembles
     * it when the gap fills, and the card takes those bytes from here (their stream offsets).
     */
    java.util.List<Payload> ccbOutOfOrder = java.util.List.of();
    /** Payloads of segments the engine queued beyond RCV.NXT ({@link CardReassembly}). */
    final java.util.ArrayList<Payload> reassembly = new java.util.ArrayList<>(0);
    /** Out-of-order wire frames waiting for the host's forward ({@link ReorderPark}). */
    final ArrayDeque<org.toesim.nic.frame.Frame> parked = new ArrayDeque<>(1);
    /** Frame bytes in {@link #parked}. */
    int parkedBytes;
    /** Something was parked since the install. */
    boolean parkedEver;
    /** The handoff gap is closed: out-of-order frames are real losses, never parked again. */
    boolean parkingClosed;
    /** The engine's retransmission-timer expiries already counted by the {@link UploadMonitor}. */
    long rtoFiringsSeen;
    long parkUntilPs;
    Event parkTimer;
    boolean pushPending;
    /** Queued in the receive path's list of connections waiting for an indication buffer. */
    boolean awaitingIndication;
    /** The stream offset the host's {@code appAcceptedBytes} counts from (it restarts at each install). */
    long acceptBase;
    /** IndicateData events sent for this connection, and how many the host has answered. */
    long indicationsSent;
    long indicationsAnswered;
    /** The host took less than the last indication: none again until a posted buffer takes bytes. */
    boolean indicationsPaused;
    /** Indications in a row the host refused (taking nothing), capped: the delay is shifted by it. */
    int indicationBackoff;
    /** Counted as posted-buffer starved ({@link ReceivePath#trackStarvation}). */
    boolean starvedForStats;
    /** Bytes of posted buffers completed since the install (what the host has been told). */
    long bytesCompleted;
    /** The peer's FIN was processed; the host is told once the bytes before it are placed. */
    boolean peerFinPending;

    // close on the card (ToeSend with fin)
    /** Stream offset after which the host's FIN goes out; -1 while the host has not closed. */
    long finAtStream = -1;
    /** The engine was told to close (the FIN is queued behind the data). */
    boolean finIssued;
    /** The peer acknowledged the FIN. */
    boolean finAcked;

    // send side
    final ArrayDeque<SendRequest> sends = new ArrayDeque<>(1);
    long sendBase;
    long appendedEnd;
    long nextRequestStream;
    long readsInFlightBytes;
    long highestSentEnd;
    int retransmitsWithoutProgress;
    /** The cached settings the engine was restored with (Nagle as the host asked). */
    ControlBlock.Cached engineCached;
    /** The same settings with Nagle off, made on the first tail push. */
    ControlBlock.Cached engineCachedPush;
    /** The engine runs with Nagle off because its send buffer ends at a request boundary ({@link SendPath}). */
    boolean pushingTail;
    /** End (stream offset) of the last new segment sent shorter than SND.MSS; 0 when none. */
    long shortSentEnd;

    // statistics
    final long[] pathCounts = new long[PathReason.values().length];
    long segmentsIn;
    long segmentsOut;
    long payloadBytesIn;
    long payloadBytesOut;
    long retransmittedSegments;
    long reReadBytes;
    long droppedSegmentsIn;
    long dupAcksIn;

    CardConnection(OffloadHandle handle, FourTuple tuple, int core, Toe toe) {
        this.handle = handle;
        this.tuple = tuple;
        this.core = core;
        this.toe = toe;
    }

    /** Sets the on-card state from the CCB the engine was restored from. */
    void initFrom(ControlBlock ccb) {
        hostCached = ccb.cached();
        sndMssBytes = ccb.constant().sndMssBytes();
        ttl = hostCached.ttl();
        tos = hostCached.tos();
        classifyRcvNxt = engine.rcvNxt();
        long readable = 0;
        for (Payload p : ccb.delegated().receive().undelivered()) {
            held.addLast(p);
            readable += p.lenBytes();
        }
        heldBytes = readable;
        ccbOutOfOrder = ccb.delegated().receive().outOfOrder();
        headOffset = Math.max(0, ccb.delegated().receive().rcvNxtPos() - 1) - readable;
        indicatedUpTo = headOffset;
        acceptBase = headOffset;
        long sendStart = ccb.delegated().sendStartOffset();
        long queued = 0;
        for (Payload p : ccb.delegated().send().unacked()) {
            queued += p.lenBytes();
        }
        appendedEnd = sendStart + queued;
        sendBase = appendedEnd;
        nextRequestStream = appendedEnd;
        highestSentEnd = Math.min(appendedEnd, Math.max(0, ccb.delegated().send().sndMaxPos() - 1));
    }

    /** Runs the engine's due work and re-arms the wake-up event. */
    void kick(long nowPs) {
        if (!active) {
            return;
        }
        engine.poll(nowPs, this);
        rearm(nowPs);
    }

    void rearm(long nowPs) {
        long w = engine.nextWakeupPs();
        if (w == Long.MAX_VALUE || !active) {
            toe.sim().cancel(wakeup);
        } else {
            toe.sim().scheduleAt(wakeup, Math.max(nowPs, w));
        }
    }

    /** Bytes of the stream the peer has acknowledged (stream offset). */
    long ackedEnd() {
        return appendedEnd - engine.unackedBytes();
    }

    boolean mayRequestUpload() {
        TcpState s = engine.state();
        return !uploadRequested && s != TcpState.FIN_WAIT_1 && s != TcpState.FIN_WAIT_2 && s != TcpState.CLOSE_WAIT;
    }

    // ------------------------------------------------------------------ engine callbacks

    @Override
    public void send(FourTuple from, Segment segment) {
        send(from, segment, EcnCodepoint.NOT_ECT);
    }

    @Override
    public void send(FourTuple from, Segment segment, int ecnCodepoint) {
        if (toe.tracer().on()) {
            toe.tracer().segmentOut(toe.nowPs(), this, segment);
        }
        toe.sendPath().transmit(this, segment, ecnCodepoint);
    }

    @Override
    public void readable(TcpConnection c, long newBytes, long nowPs) {
        newReadableBytes += newBytes;
    }

    @Override
    public void acked(TcpConnection c, long ackedBytes, long nowPs) {
        retransmitsWithoutProgress = 0;
        toe.sendPath().onAcked(this);
    }

    /**
     * FIN_WAIT_2, TIME_WAIT and CLOSED after LAST_ACK mean the peer acknowledged the FIN
     * (RFC 9293 section 3.10.7.4): the disconnect request completes. With the close on the
     * card, the connection is handed back ({@code CONNECTION_DONE}) at CLOSED, and at TIME_WAIT
     * unless the card keeps TIME_WAIT itself; otherwise (the FIN went to the host, or a reset)
     * TIME_WAIT and CLOSED are states the card does not run.
     */
    @Override
    public void stateChanged(TcpConnection c, TcpState from, TcpState to, long nowPs) {
        if (finIssued && !finAcked && (to == TcpState.FIN_WAIT_2 || to == TcpState.TIME_WAIT
                || to == TcpState.CLOSED && from == TcpState.LAST_ACK)) {
            finAcked = true;
            toe.sendPath().onAcked(this);
        }
        ToeConfig.FinAction fin = toe.config().fin();
        boolean done = fin.closesOnCard() && (to == TcpState.CLOSED && (from == TcpState.LAST_ACK
                || from == TcpState.TIME_WAIT)
                || to == TcpState.TIME_WAIT && fin != ToeConfig.FinAction.ON_CARD_KEEP_TIME_WAIT);
        if (done) {
            toe.requestUpload(this, org.toesim.nic.device.UploadReason.CONNECTION_DONE);
        } else if (to == TcpState.CLOSED || to == TcpState.TIME_WAIT && !fin.closesOnCard()) {
            toe.requestUpload(this, org.toesim.nic.device.UploadReason.INVALID_STATE);
        }
    }

    @Override
    public void peerClosed(TcpConnection c, long nowPs) {
        peerFinPending = true; // ReceivePath.drain tells the host once the bytes before it are placed
    }

    @Override
    public void reset(TcpConnection c, String reason, long nowPs) {
        toe.requestUpload(this, org.toesim.nic.device.UploadReason.TIMEOUT);
    }
}
