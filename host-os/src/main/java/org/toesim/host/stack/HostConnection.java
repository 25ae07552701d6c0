package org.toesim.host.stack;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import org.toesim.core.event.Event;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.engine.ConnectionStats;
import org.toesim.tcp.engine.TcpConnection;
import org.toesim.tcp.engine.TcpEvents;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;

/**
 * One connection of a {@link HostStack}: the tcp-stack engine, the core its protocol work runs
 * on, its one timer event, its transmit FIFO (frames whose CPU cost is still being paid) and,
 * during a handoff, the segments held while it is quiesced.
 *
 * <p>The data methods ({@link #send(long, int)}, {@link #read(long, int)}, {@link #close(int)})
 * are what the socket layer calls when its system-call work completes on the application's
 * core; each runs the engine and then emits due output, charged on that core in the KERNEL
 * class. They require {@link Placement#HOST}.
 */
public final class HostConnection implements TcpEvents {
    private final HostStack stack;
    private final int id;
    private final FourTuple tuple;
    private final boolean activeOpen;
    final Event timer;
    final ArrayDeque<Frame> txFrames = new ArrayDeque<>(2);
    /** Frames held while quiesced for a handoff; made at the first one (most connections never hold any). */
    private ArrayDeque<Frame> heldFrames;
    TcpConnection engine;
    AcceptHandler acceptHandler;
    ConnectionListener listener = ConnectionListener.NONE;
    Placement placement = Placement.HOST;
    SlowPathHandler slowPath;
    int core;
    int tsoSegmentBytes;
    boolean closed;
    boolean accepted;
    private final long createdPs;

    HostConnection(HostStack stack, int id, FourTuple tuple, boolean activeOpen, int core, long nowPs) {
        this.stack = stack;
        this.id = id;
        this.tuple = tuple;
        this.activeOpen = activeOpen;
        this.core = core;
        this.createdPs = nowPs;
        this.timer = stack.newTimerEvent(this);
    }

    /** Stack-local connection number (never reused within a run). */
    public int id() {
        return id;
    }

    public FourTuple tuple() {
        return tuple;
    }

    /** True for a connection this host opened with {@code connect}. */
    public boolean activeOpen() {
        return activeOpen;
    }

    public Placement placement() {
        return placement;
    }

    /** The core that runs this connection's softirq work (the receive queue's core). */
    public int core() {
        return core;
    }

    public long createdPs() {
        return createdPs;
    }

    /** True once the connection reached CLOSED and left the demultiplexing table. */
    public boolean isClosed() {
        return closed;
    }

    /** Who hears about this connection (its socket), read-only. */
    public ConnectionListener listener() {
        return listener;
    }

    /** Sets who hears about this connection (the socket layer). */
    public void setListener(ConnectionListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** The RFC 9293 state, or CLOSED once offloaded (the host no longer runs it). */
    /**
     * The host stack's TCP engine while the host holds the connection (null while the adapter runs
     * it or after the close): for inspection (the stepper's {@code show}); callers must not feed
     * it input.
     */
    public TcpConnection engineView() {
        return placement() != Placement.OFFLOADED && !isClosed() ? engine : null;
    }

    public TcpState state() {
        return placement == Placement.OFFLOADED ? TcpState.CLOSED : engine.state();
    }

    /** In-order received bytes not yet read by the application (socket receive buffer). */
    public long readableBytes() {
        return engine.readableBytes();
    }

    /** Bytes {@link #send} would accept now. */
    public long sendSpaceBytes() {
        return engine.sendSpaceBytes();
    }

    /** Sent bytes not yet acknowledged plus queued bytes not yet sent. */
    public long unackedBytes() {
        return engine.unackedBytes();
    }

    /** True once the peer's FIN arrived and everything before it was read. */
    public boolean isReadEof() {
        return engine.isReadEof();
    }

    /** Engine statistics now (host-run connections only). */
    public ConnectionStats stats() {
        return engine.stats(stack.nowPs());
    }

    /** Payload bytes received and sent so far, without a statistics snapshot (host-run connections only). */
    public long payloadBytesInOut() {
        return engine.payloadBytesInOut();
    }

    /** Smoothed RTT now, 0 before the first sample (host-run connections only). */
    public long srttPs() {
        return engine.srttPs();
    }

    /**
     * What the host-run connection waits for now (see {@link TcpConnection#waitingFor}); while
     * quiesced for a handoff or offloaded, that instead (the adapter then knows the rest).
     */
    public String waitingFor() {
        if (placement == Placement.OFFLOADED) {
            return "offloaded to the adapter";
        }
        String engineWait = engine.waitingFor(stack.nowPs());
        return placement == Placement.QUIESCED
                ? "quiesced for a handoff (" + heldCount() + " segments held), " + engineWait : engineWait;
    }

    /** The pending retransmission or persist interval of the host-run engine, or -1 (none, or not on the host). */
    public long retryIntervalPs() {
        return placement == Placement.HOST && !closed ? engine.retryIntervalPs() : -1;
    }

    /**
     * Where the host engine has this connection's stream bytes, or null when the host holds no
     * engine (offloaded: the adapter's engine runs it). Read-only, for invariant checks.
     */
    public org.toesim.tcp.engine.StreamAccounting accounting() {
        return engine == null ? null : engine.accounting();
    }

    /** Current congestion window. */
    public long cwndBytes() {
        return engine.cwndBytes();
    }

    /** Queues {@code lenBytes} virtual bytes for sending; returns how many fit. */
    public long send(long lenBytes, int appCore) {
        requireHost("send");
        long n = engine.send(lenBytes, stack.simulator().now());
        stack.afterAppCall(this, appCore);
        return n;
    }

    /** Queues real bytes for sending; returns how many fit. */
    public int send(byte[] data, int off, int len, int appCore) {
        requireHost("send");
        int n = engine.send(data, off, len, stack.simulator().now());
        stack.afterAppCall(this, appCore);
        return n;
    }

    /** Takes up to {@code maxBytes} received bytes out of the socket buffer (opens the window). */
    public List<Payload> read(long maxBytes, int appCore) {
        requireHost("read");
        List<Payload> out = engine.read(maxBytes, stack.simulator().now());
        stack.afterAppCall(this, appCore);
        return out;
    }

    /** Application close: a FIN follows the queued data (RFC 9293 §3.10.4). */
    public void close(int appCore) {
        requireHost("close");
        engine.close(stack.simulator().now());
        stack.afterAppCall(this, appCore);
    }

    /** Application abort: RST, everything dropped (RFC 9293 §3.10.5). */
    public void abort(int appCore) {
        requireHost("abort");
        stack.abort(this, appCore);
    }

    private void requireHost(String call) {
        if (placement != Placement.HOST) {
            throw new IllegalStateException(call + " on " + tuple + " while " + placement
                    + ": the host stack does not run it");
        }
        if (closed) {
            throw new IllegalStateException(call + " on closed connection " + tuple);
        }
    }

    // ------------------------------------------------------------------ engine events

    @Override
    public void stateChanged(TcpConnection c, TcpState from, TcpState to, long nowPs) {
        if (to == TcpState.ESTABLISHED && from != TcpState.ESTABLISHED) {
            if (!activeOpen && !accepted) {
                accepted = true;
                acceptHandler.accepted(this);
            }
            listener.established(this);
        } else if (to == TcpState.CLOSED) {
            stack.connectionClosed(this);
        }
    }

    @Override
    public void readable(TcpConnection c, long newBytes, long nowPs) {
        listener.readable(this, newBytes);
    }

    @Override
    public void peerClosed(TcpConnection c, long nowPs) {
        listener.peerClosed(this);
    }

    @Override
    public void acked(TcpConnection c, long ackedBytes, long nowPs) {
        listener.sendSpace(this, ackedBytes);
    }

    @Override
    public void reset(TcpConnection c, String reason, long nowPs) {
        listener.reset(this, reason);
    }

    /** Holds {@code f} (arrived while quiesced) until the connection's next owner runs it. */
    void hold(Frame f) {
        if (heldFrames == null) {
            heldFrames = new ArrayDeque<>(2);
        }
        heldFrames.addLast(f);
    }

    int heldCount() {
        return heldFrames == null ? 0 : heldFrames.size();
    }

    /** The held frames, oldest first; none are held after. */
    java.util.List<Frame> takeHeld() {
        java.util.List<Frame> out = heldFrames == null ? new java.util.ArrayList<>(0) : new java.util.ArrayList<>(heldFrames);
        heldFrames = null;
        return out;
    }

    /** The oldest held frame, removed, or null. */
    Frame pollHeld() {
        return heldFrames == null ? null : heldFrames.poll();
    }

    void dropHeld() {
        heldFrames = null;
    }

    @Override
    public String toString() {
        return "conn#" + id + "[" + tuple + " " + placement + (engine == null ? "" : " " + engine.state()) + "]";
    }
}
