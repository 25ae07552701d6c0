package org.toesim.host.offload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.trace.TraceSink;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.OffloadState;
import org.toesim.nic.device.UploadReason;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.FourTuple;

/**
 * The host side of TCP offload (claims 5-20): consults the adapter record, asks the
 * {@link OffloadPolicy}, runs the handoff and the flush, and (through {@link OffloadDataPath})
 * posts receive buffers and send requests with the handle, gives window credit and polls
 * statistics.
 *
 * <pre>
 *  watch(t) --every checkIntervalPs while on host--&gt; policy.decide(stack.facts(t)) [traced]
 *  offload: capability ok? (claims 11, 19) --no--&gt; HandoffNotPossible, stay on host
 *    ON_HOST -&gt; QUIESCING: stack.quiesce(t); ccb = stack.snapshot(t)  (segments now held)
 *            -&gt; OFFLOADING: h = adapter.allocateHandle(); adapter.initiate(h, CcbImage(ccb))
 *    SUCCESS -&gt; OFFLOADED: stack.markOffloaded(t); held frames forwarded to the adapter
 *               (ForwardFrames, {@link SegmentForwarder}); a held SYN/FIN/RST/URG flushes after them
 *    refused -&gt; ON_HOST: stack.resumeOnHost(t) (held frames processed now), refusal counted
 *  flush(t, cause) | app close | UploadRequest(h) | card reset:
 *    OFFLOADED -&gt; FLUSHING: adapter.terminate(h) -&gt; buffers/sends FLUSHED, CCB image back
 *              -&gt; ON_HOST_AGAIN: stack.resumeFromCcb(t, ccb) then held frames -&gt; whenOnHost callbacks
 * </pre>
 * The stack is never given the handle (it cannot read it even if it had it: {@link OffloadHandle}
 * has no accessor). Connections are found by four-tuple (hash lookup) or handle (sorted map,
 * iterated in minting order for polls and resets); nothing on the data path scans connections.
 */
public final class OffloadManager {
    private final Simulator sim;
    private final AdapterPort adapter;
    private final StackPort stack;
    private final OffloadConfig config;
    private final TraceSink trace;
    private final String component;
    private final Map<FourTuple, OffloadRecord> byTuple = new HashMap<>();
    private final TreeMap<OffloadHandle, OffloadRecord> byHandle = new TreeMap<>();
    private final ArrayList<OffloadRecord> watched = new ArrayList<>();
    private final Event checkEvent;
    final OffloadDataPath data;
    final SegmentForwarder forwarder;
    private boolean adapterFailed;
    private HandoffListener listener = (t, from, to) -> { };
    long decisions;
    long notPossible;
    long initiated;
    long installed;
    long refused;
    long flushes;
    long flushFailures;
    long uploadRequests;
    long heldFrames;
    long slowPathFrames;

    public OffloadManager(Simulator sim, AdapterPort adapter, StackPort stack, OffloadConfig config, TraceSink trace,
                          String name) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.stack = Objects.requireNonNull(stack, "stack");
        this.config = Objects.requireNonNull(config, "config");
        this.trace = Objects.requireNonNull(trace, "trace");
        this.component = name + ".offload";
        this.checkEvent = sim.newEvent("offload.check", component, Priority.TIMER, this::checkWatched);
        this.data = new OffloadDataPath(this, sim, adapter, config);
        this.forwarder = new SegmentForwarder(this, adapter, stack);
    }

    /** Who is told about state changes (one listener; the socket bridge). */
    public void setHandoffListener(HandoffListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
    }

    // ------------------------------------------------------------------ policy

    /**
     * Starts watching an on-host connection: the policy is asked now and every
     * {@code checkIntervalPs} while the connection stays on the host.
     */
    public OffloadRecord watch(FourTuple tuple) {
        OffloadRecord r = byTuple.computeIfAbsent(tuple, OffloadRecord::new);
        if (!r.watched) {
            r.watched = true;
            watched.add(r);
        }
        consider(tuple);
        armCheck();
        return r;
    }

    /** Stops tracking a connection (it closed). */
    public void forget(FourTuple tuple) {
        OffloadRecord r = byTuple.get(tuple);
        if (r != null && r.state.onHost()) {
            byTuple.remove(tuple);
            r.watched = false;
        }
    }

    /** Asks the policy about {@code tuple} now; starts a handoff if it says so. Returns the state after. */
    public HandoffState consider(FourTuple tuple) {
        OffloadRecord r = byTuple.computeIfAbsent(tuple, OffloadRecord::new);
        if (!r.state.onHost() || sim.now() < r.refusedUntilPs) {
            return r.state;
        }
        ConnectionFacts facts = stack.facts(tuple);
        if (facts == null || !facts.established()) {
            return r.state;
        }
        PolicyDecision d = config.policy().decide(facts);
        decisions++;
        if (trace.enabled()) {
            trace.record(sim.now(), component, new OffloadTrace.PolicyDecided(tuple, config.policy().name(),
                    d.offload(), d.reason()));
        }
        if (d.offload()) {
            beginHandoff(r);
        }
        return r.state;
    }

    private void checkWatched() {
        int keep = 0;
        for (int i = 0; i < watched.size(); i++) {
            OffloadRecord r = watched.get(i);
            if (!r.watched || byTuple.get(r.tuple()) != r) {
                continue;
            }
            watched.set(keep++, r);
            if (r.state.onHost()) {
                consider(r.tuple());
            }
        }
        watched.subList(keep, watched.size()).clear();
        armCheck();
    }

    private void armCheck() {
        if (!watched.isEmpty() && !checkEvent.isPending()) {
            sim.scheduleIn(checkEvent, config.checkIntervalPs());
        }
    }

    // ------------------------------------------------------------------ handoff

    /** Why no handoff is possible now, or null (claims 11, 19: the adapter record decides). */
    private String handoffBlocker() {
        Capability cap = adapter.capability();
        if (adapterFailed) {
            return "adapter failed";
        }
        if (!cap.offloadSupported()) {
            return "adapter record: offload not supported";
        }
        if (byHandle.size() >= cap.maxConnections()) {
            return "adapter record: " + byHandle.size() + " of " + cap.maxConnections() + " connections in use";
        }
        return null;
    }

    private static String featureBlocker(Capability cap, ControlBlock.Constant k) {
        if (k.windowScaleOk() && !cap.supports(OffloadFeature.WINDOW_SCALE)) {
            return "adapter record: no window scale";
        }
        if (k.timestampsOk() && !cap.supports(OffloadFeature.TIMESTAMPS)) {
            return "adapter record: no timestamps";
        }
        if (k.sackPermitted() && !cap.supports(OffloadFeature.SACK)) {
            return "adapter record: no SACK";
        }
        return null;
    }

    private void beginHandoff(OffloadRecord r) {
        String blocker = handoffBlocker();
        if (blocker != null) {
            notPossible(r, blocker, Long.MAX_VALUE);
            return;
        }
        HandoffState home = r.state;
        move(r, HandoffState.QUIESCING);
        stack.quiesce(r.tuple());
        ControlBlock ccb = stack.snapshot(r.tuple());
        blocker = featureBlocker(adapter.capability(), ccb.constant());
        if (blocker != null) {
            stack.resumeOnHost(r.tuple());
            move(r, home);
            notPossible(r, blocker, Long.MAX_VALUE);
            return;
        }
        r.sndMssBytes = ccb.constant().sndMssBytes();
        r.sendEndAtHandoffBytes = sendStreamEndBytes(ccb);
        r.adapterSendBytes = 0;
        OffloadState image = new CcbImage(ccb);
        move(r, HandoffState.OFFLOADING);
        r.handle = adapter.allocateHandle();
        byHandle.put(r.handle, r);
        initiated++;
        if (trace.enabled()) {
            trace.record(sim.now(), component, new OffloadTrace.InitiateSubmitted(r.tuple(), r.handle.toString(),
                    image.imageSizeBytes()));
        }
        adapter.initiate(r.handle, image, status -> onInitiated(r, home, status));
    }

    private void notPossible(OffloadRecord r, String reason, long forPs) {
        notPossible++;
        r.refusedUntilPs = forPs == Long.MAX_VALUE ? Long.MAX_VALUE : sim.now() + forPs;
        if (trace.enabled()) {
            trace.record(sim.now(), component, new OffloadTrace.HandoffNotPossible(r.tuple(), reason));
        }
    }

    private void onInitiated(OffloadRecord r, HandoffState home, CommandStatus status) {
        if (status != CommandStatus.SUCCESS) {
            refused++;
            byHandle.remove(r.handle);
            r.handle = null;
            r.refusedUntilPs = sim.now() + config.refusalBackoffPs();
            if (trace.enabled()) {
                trace.record(sim.now(), component, new OffloadTrace.Refused(r.tuple(), status));
            }
            stack.resumeOnHost(r.tuple());
            move(r, home);
            r.pendingFlush = null;
            runWhenOnHost(r);
            return;
        }
        installed++;
        r.handoffs++;
        r.acceptedBytes = 0;
        r.creditedBytes = 0;
        move(r, HandoffState.OFFLOADED);
        int held = stack.markOffloaded(r.tuple());
        r.heldFrames += held;
        heldFrames += held;
        if (trace.enabled()) {
            trace.record(sim.now(), component, new OffloadTrace.Installed(r.tuple(), r.handle.toString(), held));
        }
        data.armPoll();
        forwarder.afterInstall(r);
        if (r.pendingFlush != null && r.state == HandoffState.OFFLOADED) {
            FlushCause cause = r.pendingFlush;
            r.pendingFlush = null;
            startFlush(r, cause);
        }
    }

    // ------------------------------------------------------------------ flush

    /**
     * Takes {@code tuple} back to the host (claim 8); {@code whenOnHost} (may be null) runs once
     * the host stack runs it again (at once if it already does).
     */
    public void flush(FourTuple tuple, FlushCause cause, Runnable whenOnHost) {
        OffloadRecord r = byTuple.get(tuple);
        if (r == null || r.state.onHost()) {
            if (whenOnHost != null) {
                whenOnHost.run();
            }
            return;
        }
        if (whenOnHost != null) {
            r.whenOnHost.add(whenOnHost);
        }
        switch (r.state) {
            case OFFLOADED -> startFlush(r, cause);
            case OFFLOADING -> r.pendingFlush = r.pendingFlush == null ? cause : r.pendingFlush;
            default -> {
            } // FLUSHING: the callback joins the flush in progress
        }
    }

    /**
     * The application closed the socket ({@link CloseMode#UPLOAD_FIRST}): the connection comes
     * back first, then {@code closeOnHost} closes it on the host stack.
     */
    public void applicationClose(FourTuple tuple, Runnable closeOnHost) {
        flush(tuple, FlushCause.APPLICATION_CLOSE, Objects.requireNonNull(closeOnHost, "closeOnHost"));
    }

    /** An unsolicited adapter event (from the driver's EVENT ring). */
    public void onDeviceEvent(DeviceEvent event) {
        OffloadRecord r = byHandle.get(event.handle());
        if (event instanceof DeviceEvent.UploadRequest u) {
            uploadRequests++;
            if (u.reason() == UploadReason.HARDWARE_FAILURE) {
                adapterFailed = true;
            }
            if (r == null) {
                return; // already flushed
            }
            if (trace.enabled()) {
                trace.record(sim.now(), component, new OffloadTrace.UploadRequested(r.tuple(), u.reason()));
            }
            // the adapter gave it back: a state it cannot run (FIN, RST, URG) never goes back, others back off
            r.refusedUntilPs = switch (u.reason()) {
                case INVALID_STATE, URGENT_DATA, HARDWARE_FAILURE -> Long.MAX_VALUE;
                default -> sim.now() + config.refusalBackoffPs();
            };
            flush(r.tuple(), u.reason() == UploadReason.HARDWARE_FAILURE ? FlushCause.CARD_RESET
                    : FlushCause.UPLOAD_REQUEST, null);
        } else if (event instanceof DeviceEvent.IndicateData) {
            // Indications need driver-owned indication buffers; this manager always posts
            // application buffers, so the adapter keeps the data until a buffer is posted.
        }
    }

    /**
     * A poll found {@code r}'s connection on the adapter past ESTABLISHED: it comes back for good
     * (the host finishes the close; claims 8, 14).
     */
    void closingOnAdapter(OffloadRecord r) {
        if (r.state == HandoffState.OFFLOADED) {
            r.refusedUntilPs = Long.MAX_VALUE;
            flush(r.tuple(), FlushCause.CLOSING_ON_ADAPTER, null);
        }
    }

    /** The card was reset by the host: no more handoffs; every connection on it comes back. */
    public void cardReset() {
        adapterFailed = true;
        for (OffloadRecord r : new ArrayList<>(byHandle.values())) {
            flush(r.tuple(), FlushCause.CARD_RESET, null);
        }
    }

    private void startFlush(OffloadRecord r, FlushCause cause) {
        move(r, HandoffState.FLUSHING);
        forwarder.reset(r);
        r.flushCause = cause;
        if (trace.enabled()) {
            trace.record(sim.now(), component, new OffloadTrace.FlushStarted(r.tuple(), cause));
        }
        adapter.terminate(r.handle, (status, state) -> onTerminated(r, status, state));
    }

    private void onTerminated(OffloadRecord r, CommandStatus status, OffloadState state) {
        byHandle.remove(r.handle);
        r.handle = null;
        long undelivered = 0;
        if (status == CommandStatus.SUCCESS && state instanceof CcbImage img) {
            flushes++;
            r.flushes++;
            undelivered = undeliveredBytes(img.ccb());
            r.adapterSendBytes = Math.max(0, sendStreamEndBytes(img.ccb()) - r.sendEndAtHandoffBytes);
            stack.resumeFromCcb(r.tuple(), img.ccb());
        } else {
            flushFailures++;
            r.adapterSendBytes = 0;
            stack.abort(r.tuple(), "flush failed: " + status);
        }
        move(r, HandoffState.ON_HOST_AGAIN);
        if (trace.enabled()) {
            trace.record(sim.now(), component, new OffloadTrace.FlushCompleted(r.tuple(), r.flushCause, status,
                    undelivered));
        }
        runWhenOnHost(r);
    }

    private static long undeliveredBytes(ControlBlock ccb) {
        long n = 0;
        for (var p : ccb.delegated().receive().undelivered()) {
            n += p.lenBytes();
        }
        return n;
    }

    /**
     * The stream offset just past the last byte the application has given the connection: the
     * first unacknowledged byte (SND.UNA, a position counted from the ISS, RFC 9293 section 3.3.1)
     * plus the bytes of the send buffer.
     */
    static long sendStreamEndBytes(ControlBlock ccb) {
        ControlBlock.SendState snd = ccb.delegated().send();
        long n = Math.max(0, snd.sndUnaPos() - 1);
        for (var p : snd.unacked()) {
            n += p.lenBytes();
        }
        return n;
    }

    private void runWhenOnHost(OffloadRecord r) {
        if (r.whenOnHost.isEmpty()) {
            return;
        }
        List<Runnable> todo = new ArrayList<>(r.whenOnHost);
        r.whenOnHost.clear();
        for (Runnable t : todo) {
            t.run();
        }
    }

    // ------------------------------------------------------------------ slow path, data path, queries

    /** A frame of an offloaded connection reached the host (slow path); the stack holds it until the host owns the connection again. */
    public void onSlowPathFrame(FourTuple tuple) {
        OffloadRecord r = byTuple.get(tuple);
        slowPathFrames++;
        if (r != null) {
            r.slowPathFrames++;
            if (trace.enabled()) {
                trace.record(sim.now(), component, new OffloadTrace.SlowPathFrame(tuple, (int) r.slowPathFrames));
            }
        }
    }

    /**
     * A slow-path frame of {@code tuple} reached the host: true if the manager forwards it to the
     * adapter (see {@link SegmentForwarder}); false if the stack must hold it until the next flush.
     */
    public boolean offerSlowPathFrame(FourTuple tuple, Frame frame) {
        OffloadRecord r = byTuple.get(tuple);
        return r != null && forwarder.offer(r, frame);
    }

    /** Frames forwarded to the adapter (held during handoffs or from the slow path). */
    public long framesForwarded() {
        return forwarder.framesForwarded;
    }

    /** ForwardFrames commands submitted. */
    public long forwardCommands() {
        return forwarder.forwardCommands;
    }

    /** Posts an application receive buffer on an offloaded connection (claims 15, 17, 18); see {@link OffloadDataPath#postReceive}. */
    public long postReceive(FourTuple tuple, long hostAddr, int lenBytes, AdapterPort.BufferCallback callback) {
        return data.postReceive(requireOffloaded(tuple), hostAddr, lenBytes, callback);
    }

    /** Sends application bytes on an offloaded connection (claim 9); see {@link OffloadDataPath#send}. */
    public long send(FourTuple tuple, long hostAddr, int lenBytes, AdapterPort.SendCallback callback) {
        return data.send(requireOffloaded(tuple), hostAddr, lenBytes, callback);
    }

    /** The unified statistics of {@code tuple} (claim 12), or null if unknown. */
    public UnifiedStats stats(FourTuple tuple) {
        OffloadRecord r = byTuple.get(tuple);
        if (r == null) {
            return null;
        }
        if (r.state.onHost() || r.state == HandoffState.QUIESCING) {
            var host = stack.hostStats(tuple);
            if (host != null) {
                r.lastTcp = host;
                r.sampledAtPs = sim.now();
            }
        }
        return new UnifiedStats(tuple, r.state, r.lastTcp, r.lastCard, r.sampledAtPs, r.handoffs, r.flushes);
    }

    /** The record of {@code tuple}, or null. */
    public OffloadRecord record(FourTuple tuple) {
        return byTuple.get(tuple);
    }

    /** Where {@code tuple} stands; ON_HOST for a connection never seen. */
    public HandoffState state(FourTuple tuple) {
        OffloadRecord r = byTuple.get(tuple);
        return r == null ? HandoffState.ON_HOST : r.state;
    }

    /** Connections the adapter holds or is being given. */
    public int offloadedConnections() {
        return byHandle.size();
    }

    /** Largest receive buffer the adapter takes (adapter record). */
    public int maxReceiveBufferBytes() {
        return adapter.capability().maxReceiveBufferBytes();
    }

    /** Largest send request the adapter takes (adapter record, claim 11). */
    public int maxSendBytes() {
        return adapter.capability().maxSendBytes();
    }

    /** Whether a handoff could start now (adapter record and capacity). */
    public boolean canOffload() {
        return handoffBlocker() == null;
    }

    public OffloadCounters counters() {
        return new OffloadCounters(decisions, notPossible, initiated, installed, refused, flushes, flushFailures,
                uploadRequests, heldFrames, slowPathFrames, data.buffersPosted, data.bytesPlaced, data.sendsPosted,
                data.bytesSentAcked, data.creditUpdates, data.statsPolls);
    }

    // ------------------------------------------------------------------ internals for the data path

    Iterable<OffloadRecord> offloadedInOrder() {
        return byHandle.values();
    }

    void traceRecord(OffloadTrace record) {
        trace.record(sim.now(), component, record);
    }

    boolean tracing() {
        return trace.enabled();
    }

    private OffloadRecord requireOffloaded(FourTuple tuple) {
        OffloadRecord r = byTuple.get(tuple);
        if (r == null || r.state != HandoffState.OFFLOADED) {
            throw new IllegalStateException(tuple + " is not offloaded (" + (r == null ? "unknown" : r.state) + ")");
        }
        return r;
    }

    private void move(OffloadRecord r, HandoffState next) {
        if (!r.state.canMoveTo(next)) {
            throw new IllegalStateException(r + ": no transition to " + next);
        }
        HandoffState from = r.state;
        r.state = next;
        if (trace.enabled()) {
            trace.record(sim.now(), component, new OffloadTrace.StateChanged(r.tuple(), from, next));
        }
        listener.stateChanged(r.tuple(), from, next);
    }
}
