package org.toesim.host.stack;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.stats.Counter;
import org.toesim.core.trace.TraceSink;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.cpu.WorkHandler;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.TcpConnection;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.engine.TcpListener;
import org.toesim.tcp.engine.TcpResets;
import org.toesim.tcp.segment.EcnCodepoint;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * The host's IPv4 + TCP stack: one tcp-stack {@link TcpConnection} engine per connection,
 * demultiplexed by four-tuple, driven by received frames, application calls and one timer
 * event per connection, with every piece of protocol work charged on the {@link HostCpu}
 * before its effect happens.
 *
 * <pre>
 *  device --onFrame(f, core, info)--&gt; [per-core rx FIFO]
 *     cpu.submit(core, SOFTIRQ, CHECKSUM  tcp bytes x cycles/B)   unless info.checksumVerified
 *     cpu.submit(core, SOFTIRQ, PROTOCOL_RX per data/control segment | ACK per pure ACK)
 *  work done --&gt; demux: conns.get(local port, remote ip, remote port) | listeners.get(port) | RST
 *     HOST      --&gt; engine.input(seg) --&gt; TxPath.flush (frames, tx cost, device.send)
 *     QUIESCED  --&gt; held in order (processed on resume, or handed over by markOffloaded)
 *     OFFLOADED --&gt; SlowPathHandler (no TCP processing here)
 *  timer event at engine.nextWakeupPs() --&gt; engine.poll --&gt; TxPath.flush (SOFTIRQ)
 *  app call (socket layer, KERNEL work done) --&gt; engine.send/read/close --&gt; poll --&gt; flush (KERNEL)
 * </pre>
 *
 * <p><b>Timers.</b> Each connection has one reusable {@link Event}. After every engine call the
 * event is moved earlier if the engine's next wake-up is earlier than the armed time; a later
 * wake-up (the RTO restarted by an ACK) leaves it alone, and when it fires early it re-arms
 * itself (DEVELOPERS.md timer rule).
 *
 * <p><b>Handoff hooks</b> for the offload manager: {@link #quiesce}, {@link #snapshot},
 * {@link #markOffloaded}, {@link #resume(HostConnection, ControlBlock)}. The stack never sees an
 * offload handle.
 */
public final class HostStack {
    private final Simulator sim;
    private final HostCpu cpu;
    private final CostTable costs;
    private final NetDevice device;
    private final StackConfig config;
    private final TraceSink trace;
    private final RandomGenerator isnStream;
    private final TxPath tx;
    private final PortAllocator ports;
    /** Demultiplexing table: lookups only, never iterated. */
    private final ConnectionTable<HostConnection> conns = new ConnectionTable<>();
    /** Listeners by local port: lookups only. */
    private final Map<Integer, TcpListener> listeners = new HashMap<>();
    private final Map<Integer, AcceptHandler> acceptHandlers = new HashMap<>();
    /** Connections by id (ids are never reused); null once closed and drained. */
    private final ArrayList<HostConnection> byId = new ArrayList<>();
    private final ArrayDeque<Frame>[] rxFrames;
    private final ArrayDeque<RxInfo>[] rxInfos;
    private final WorkHandler rxDone = this::rxWorkDone;
    private final String tcpComponent;
    private int liveConnections;
    long framesIn;
    long framesNotForUs;
    long segmentsWithoutConnection;

    @SuppressWarnings("unchecked")
    public HostStack(Simulator sim, RandomStreams streams, HostCpu cpu, CostTable costs, NetDevice device,
                     NeighbourTable neighbours, StackConfig config, TraceSink trace) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.cpu = Objects.requireNonNull(cpu, "cpu");
        this.costs = Objects.requireNonNull(costs, "costs");
        this.device = Objects.requireNonNull(device, "device");
        this.config = Objects.requireNonNull(config, "config");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.isnStream = streams.get(config.name() + ".tcp.isn");
        this.tx = new TxPath(this, cpu, costs, device, Objects.requireNonNull(neighbours, "neighbours"), config, trace);
        this.ports = new PortAllocator(config.ephemeralLowPort(), config.ephemeralHighPort());
        this.tcpComponent = config.name() + ".tcp";
        this.rxFrames = new ArrayDeque[cpu.cores()];
        this.rxInfos = new ArrayDeque[cpu.cores()];
        for (int i = 0; i < cpu.cores(); i++) {
            rxFrames[i] = new ArrayDeque<>();
            rxInfos[i] = new ArrayDeque<>();
        }
        device.setReceiver(this::onFrame);
        device.setTxReadyListener(tx::txReady);
    }

    // ------------------------------------------------------------------ opening connections

    /**
     * Listens on {@code port}; each connection whose handshake completes goes to {@code handler}.
     */
    public void listen(int port, AcceptHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (listeners.containsKey(port)) {
            throw new IllegalStateException(config.name() + ": port " + port + " already has a listener");
        }
        ports.listen(port);
        listeners.put(port, new TcpListener(config.localIp(), port, isnStream::nextInt, this::newPassive));
        acceptHandlers.put(port, handler);
    }

    /** Stops listening on {@code port} (accepted connections are unaffected). */
    public void unlisten(int port) {
        if (listeners.remove(port) != null) {
            acceptHandlers.remove(port);
            ports.unlisten(port);
        }
    }

    /**
     * Active open from an ephemeral port (call at the completion of the connect system call on
     * {@code appCore}); the SYN's cost is charged there.
     */
    public HostConnection connect(int remoteIp, int remotePort, int appCore, ConnectionListener listener) {
        // the same local port serves several destinations (Linux's four-tuple check)
        int port = ports.allocateEphemeral(p -> !conns.containsKey(ConnectionTable.key(p, remoteIp, remotePort)));
        if (port < 0) {
            // Linux's connect() fails with EADDRNOTAVAIL here; a simulated application has no way
            // round it, so the run fails and says why (and what to change)
            throw new IllegalStateException(String.format(java.util.Locale.ROOT,
                    "%s: every ephemeral port %d..%d is in use towards %s:%d (%d connections in the table, TIME_WAIT"
                            + " included: it lasts 2 x MSL = %.0f s after an active close), so connect() fails as Linux's"
                            + " does (EADDRNOTAVAIL); open fewer connections per destination address and port within"
                            + " 2 x MSL (a bulk workload's serverPorts spreads them over more listening ports)",
                    config.name(), config.ephemeralLowPort(), config.ephemeralHighPort(), FourTuple.ipToString(remoteIp), remotePort,
                    liveConnections,
                    2.0 * config.tcp().mslPs() / 1e12));
        }
        FourTuple tuple = new FourTuple(config.localIp(), port, remoteIp, remotePort);
        if (conns.containsKey(ConnectionTable.key(tuple))) {
            ports.release(port);
            throw new IllegalStateException("four-tuple in use: " + tuple);
        }
        HostConnection c = register(tuple, true, appCore);
        c.setListener(listener);
        c.engine.connect(isnStream.nextInt(), sim.now());
        afterEngineCall(c, appCore, WorkClass.KERNEL);
        return c;
    }

    private TcpConnection newPassive(FourTuple tuple) {
        HostConnection c = register(tuple, false, currentRxCore);
        ports.acquire(tuple.localPort());
        c.acceptHandler = acceptHandlers.get(tuple.localPort());
        return c.engine;
    }

    private HostConnection register(FourTuple tuple, boolean active, int core) {
        HostConnection c = new HostConnection(this, byId.size(), tuple, active, core, sim.now());
        c.engine = new TcpConnection(tuple, config.tcp(), c, trace, tcpComponent);
        byId.add(c);
        conns.put(ConnectionTable.key(tuple), c);
        liveConnections++;
        return c;
    }

    // ------------------------------------------------------------------ receive

    private int currentRxCore;

    /** A frame from the device on {@code core}: charge its protocol work, process it when done. */
    void onFrame(Frame f, int core, RxInfo info) {
        framesIn++;
        if (f.ip().dstIp() != config.localIp() || f.corrupted()) {
            framesNotForUs++;
            return;
        }
        Segment seg = f.tcp();
        HostConnection c = conns.get(ConnectionTable.key(seg.dstPort(), f.ip().srcIp(), seg.srcPort()));
        if (c != null && c.placement == Placement.OFFLOADED) {
            c.slowPath.onSlowPathFrame(c, f, core, info);
            return;
        }
        int len = seg.payloadLenBytes();
        if (!info.checksumVerified()) {
            cpu.charge(core, WorkClass.SOFTIRQ, CostCategory.CHECKSUM, costs.checksumCycles(seg.headerLenBytes() + len));
        }
        boolean pureAck = len == 0 && (seg.flags() & (TcpFlags.SYN | TcpFlags.FIN | TcpFlags.RST)) == 0;
        rxFrames[core].add(f);
        rxInfos[core].add(info);
        cpu.submit(core, WorkClass.SOFTIRQ, pureAck ? CostCategory.ACK : CostCategory.PROTOCOL_RX,
                pureAck ? costs.ackCycles() : costs.rxPacketCycles(), rxDone, 0);
    }

    private void rxWorkDone(int core, int unused) {
        Frame f = rxFrames[core].poll();
        RxInfo info = rxInfos[core].poll();
        Segment seg = f.tcp();
        int remoteIp = f.ip().srcIp();
        HostConnection c = conns.get(ConnectionTable.key(seg.dstPort(), remoteIp, seg.srcPort()));
        if (c == null) {
            noConnection(remoteIp, seg, core);
            return;
        }
        switch (c.placement) {
            case QUIESCED -> c.hold(f); // its RxInfo is not needed again: the engine takes only the segment
            case OFFLOADED -> c.slowPath.onSlowPathFrame(c, f, core, info);
            case HOST -> {
                c.core = core;
                c.engine.input(seg, EcnCodepoint.ofTos(f.ip().tos()), sim.now(), tx);
                afterEngineCall(c, core, WorkClass.SOFTIRQ);
            }
        }
    }

    private void noConnection(int remoteIp, Segment seg, int core) {
        TcpListener l = listeners.get(seg.dstPort());
        if (l != null) {
            currentRxCore = core;
            TcpConnection created = l.input(remoteIp, seg, sim.now(), tx);
            if (created != null) {
                HostConnection c = conns.get(ConnectionTable.key(created.tuple()));
                afterEngineCall(c, core, WorkClass.SOFTIRQ);
            } else {
                tx.flush(null, core, WorkClass.SOFTIRQ);
            }
            return;
        }
        segmentsWithoutConnection++;
        // RFC 9293 §3.10.7.1: a segment for a CLOSED port draws a RST (unless it is one)
        if (!seg.has(TcpFlags.RST)) {
            tx.send(new FourTuple(config.localIp(), seg.dstPort(), remoteIp, seg.srcPort()), TcpResets.replyTo(seg));
            tx.flush(null, core, WorkClass.SOFTIRQ);
        }
    }

    // ------------------------------------------------------------------ output and timers

    void afterAppCall(HostConnection c, int appCore) {
        afterEngineCall(c, appCore, WorkClass.KERNEL);
    }

    void abort(HostConnection c, int appCore) {
        c.engine.abort(sim.now(), tx);
        tx.flush(c, appCore, WorkClass.KERNEL);
    }

    /** Emits what the engine call produced, polls while output is due now, re-arms the timer. */
    private void afterEngineCall(HostConnection c, int core, WorkClass workClass) {
        tx.flush(c, core, workClass);
        long now = sim.now();
        for (int guard = 0; guard < 4 && !c.closed && c.placement == Placement.HOST
                && c.engine.nextWakeupPs() <= now; guard++) {
            c.engine.poll(now, tx);
            tx.flush(c, core, workClass);
        }
        if (!c.closed && c.placement == Placement.HOST) {
            arm(c, c.engine.nextWakeupPs());
        }
    }

    private void arm(HostConnection c, long wakeupPs) {
        if (wakeupPs == Long.MAX_VALUE) {
            return; // a pending event fires, finds nothing due and stays idle
        }
        long at = Math.max(wakeupPs, sim.now());
        if (!c.timer.isPending() || c.timer.timePs() > at) {
            sim.scheduleAt(c.timer, at);
        }
    }

    Event newTimerEvent(HostConnection c) {
        return sim.newEvent("tcp.timer", tcpComponent, Priority.TIMER, () -> timerFired(c));
    }

    private void timerFired(HostConnection c) {
        if (c.closed || c.placement != Placement.HOST) {
            return;
        }
        long w = c.engine.nextWakeupPs();
        if (w > sim.now()) {
            arm(c, w);
            return;
        }
        c.engine.poll(sim.now(), tx);
        afterEngineCall(c, c.core, WorkClass.SOFTIRQ);
    }

    void connectionClosed(HostConnection c) {
        if (c.closed) {
            return;
        }
        c.closed = true;
        conns.remove(ConnectionTable.key(c.tuple()));
        ports.release(c.tuple().localPort());
        sim.cancel(c.timer);
        liveConnections--;
        c.listener.closed(c);
        txDrained(c);
    }

    HostConnection connectionById(int id) {
        return byId.get(id);
    }

    /** Forgets a closed connection once its last frame has left. */
    void txDrained(HostConnection c) {
        if ((c.closed || c.placement == Placement.OFFLOADED) && c.txFrames.isEmpty()) {
            byId.set(c.id(), null);
        }
    }

    long nowPs() {
        return sim.now();
    }

    // ------------------------------------------------------------------ handoff hooks

    /**
     * Freezes {@code c} for a handoff: no more output or timers; segments that arrive are held
     * in arrival order, neither lost nor processed.
     */
    public void quiesce(HostConnection c) {
        requirePlacement(c, Placement.HOST, "quiesce");
        c.placement = Placement.QUIESCED;
        sim.cancel(c.timer);
    }

    /** The CCB of a quiesced connection (claim 20), taken now. */
    public ControlBlock snapshot(HostConnection c) {
        requirePlacement(c, Placement.QUIESCED, "snapshot");
        return c.engine.snapshot(sim.now());
    }

    /**
     * The adapter now runs {@code c}: the host engine is dropped, and frames of this connection
     * that still reach the host go to {@code handler}. Returns the frames held while quiesced
     * (in arrival order, their receive cost already paid) for the caller to hand over.
     */
    public List<Frame> markOffloaded(HostConnection c, SlowPathHandler handler) {
        requirePlacement(c, Placement.QUIESCED, "markOffloaded");
        c.slowPath = Objects.requireNonNull(handler, "handler");
        c.placement = Placement.OFFLOADED;
        c.engine = null;
        List<Frame> held = c.takeHeld();
        txDrained(c);
        return held;
    }

    /**
     * The adapter could not hand {@code c} back (its flush failed): the connection's state is
     * lost. The host gets a CLOSED engine (its own copy went stale at the handoff), the
     * application hears a reset with {@code reason}, and the connection leaves the table, so the
     * peer's next segment is answered with a RST (RFC 9293 §3.10.7.1) instead of the connection
     * hanging as "offloaded" with nothing behind it.
     */
    public void lose(HostConnection c, String reason) {
        if (c.closed || c.placement == Placement.HOST) {
            throw new IllegalStateException("lose " + c + ": the host runs it or it is closed");
        }
        c.engine = new TcpConnection(c.tuple(), config.tcp(), c, trace, tcpComponent);
        c.placement = Placement.HOST;
        c.dropHeld();
        c.listener.reset(c, reason);
        connectionClosed(c);
    }

    /** Resumes a quiesced connection on the host (handoff abandoned): held segments are processed now. */
    public void resume(HostConnection c) {
        requirePlacement(c, Placement.QUIESCED, "resume");
        c.placement = Placement.HOST;
        drainHeld(c);
    }

    /**
     * Takes back an offloaded (or quiesced) connection from the CCB the adapter returned; the
     * CCB carries the data the adapter received but did not place, so the application reads
     * one uninterrupted stream. Frames held meanwhile are processed after the restore.
     */
    public void resume(HostConnection c, ControlBlock ccb) {
        if (c.placement == Placement.HOST) {
            throw new IllegalStateException("resume of " + c + ": already on the host");
        }
        if (!ccb.constant().tuple().equals(c.tuple())) {
            throw new IllegalArgumentException("CCB of " + ccb.constant().tuple() + " does not belong to " + c);
        }
        c.engine = TcpConnection.restore(ccb, config.tcp(), sim.now(), c, trace, tcpComponent);
        c.slowPath = null;
        c.placement = Placement.HOST;
        if (byId.get(c.id()) == null) {
            byId.set(c.id(), c);
        }
        if (c.engine.state() == TcpState.CLOSED) {
            // the adapter ran the whole close (RFC 9293 section 3.10.7.4, LAST_ACK acknowledged,
            // or TIME_WAIT over): the connection is gone; frames held meanwhile go with it
            c.dropHeld();
            connectionClosed(c);
            return;
        }
        drainHeld(c);
    }

    private void drainHeld(HostConnection c) {
        long now = sim.now();
        Frame f;
        while (!c.closed && (f = c.pollHeld()) != null) {
            c.engine.input(f.tcp(), EcnCodepoint.ofTos(f.ip().tos()), now, tx);
            tx.flush(c, c.core, WorkClass.SOFTIRQ);
        }
        if (!c.closed) {
            afterEngineCall(c, c.core, WorkClass.SOFTIRQ);
        }
    }

    private static void requirePlacement(HostConnection c, Placement expected, String call) {
        if (c.placement != expected) {
            throw new IllegalStateException(call + " of " + c + " needs " + expected);
        }
        if (c.closed) {
            throw new IllegalStateException(call + " of closed " + c);
        }
    }

    // ------------------------------------------------------------------ queries

    /** The connection for {@code tuple} (local view), or null. */
    public HostConnection connection(FourTuple tuple) {
        return tuple.localIp() == config.localIp() ? conns.get(ConnectionTable.key(tuple)) : null;
    }

    public StackConfig config() {
        return config;
    }

    public HostCpu cpu() {
        return cpu;
    }

    public CostTable costs() {
        return costs;
    }

    public Simulator simulator() {
        return sim;
    }

    public int localIp() {
        return config.localIp();
    }

    /** Connections in the table (any state up to TIME_WAIT, offloaded included). */
    public int liveConnections() {
        return liveConnections;
    }

    /** Stack-wide counters. */
    /**
     * Frames the interface's qdisc dropped because {@code txqueuelen} frames already waited for
     * the device (a counter the caller may register for its warm-up reset).
     */
    public Counter qdiscDrops() {
        return tx.qdiscDrops;
    }

    /** The current simulated time. */
    long now() {
        return sim.now();
    }

    public StackStats stats() {
        return new StackStats(framesIn, framesNotForUs, segmentsWithoutConnection, tx.framesSent, tx.tsoFramesSent,
                tx.bytesSent, tx.deviceRefusals, liveConnections);
    }

    /** The trace sink the stack and its sockets write to. */
    public TraceSink trace() {
        return trace;
    }

    /** The host's name (the prefix of its trace components). */
    public String hostName() {
        return config.name();
    }
}
