package org.toesim.host.offload;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Simulator;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.Payload;

/**
 * The host side of TCP offload (claims 5-20): the connections' records and the public face of
 * the parts that do the work, each in its own class.
 *
 * <pre>
 *  watch / consider --------&gt; {@link PolicyWatch}      policy checks (claim 7)
 *                              {@link HandoffSequence}  ON_HOST -&gt; QUIESCING -&gt; OFFLOADING -&gt; OFFLOADED
 *  flush / close / events --&gt; {@link FlushSequence}    OFFLOADED -&gt; FLUSHING -&gt; ON_HOST_AGAIN (claim 8)
 *  postReceive / send ------&gt; {@link OffloadDataPath}  buffers, sends, window credit (claims 9, 13, 15-18)
 *                              {@link StatsPoller}      QueryOffload polls (claim 12)
 *  slow-path frames --------&gt; {@link SegmentForwarder} ForwardFrames of held / slow-path frames
 *  move(r, s): the only place a state changes: checked against {@link HandoffState#canMoveTo},
 *              traced, then the listener is told
 * </pre>
 * The stack is never given the handle (it cannot read it even if it had it: {@link OffloadHandle}
 * has no accessor). Connections are found by four-tuple (hash lookup) or handle (hash lookup
 * in a linked map iterated in minting order for polls and resets); nothing on the data path scans connections.
 * A record lives from {@link #watch} to {@link #forget} (the connection reached CLOSED and left
 * the host stack), so the maps hold the live connections, not every connection of the run.
 *
 * <p>Logging: each part logs under its own class ({@code org.toesim.host.offload.HandoffSequence},
 * {@code FlushSequence}, ...); this class logs state changes (DEBUG), card resets and neighbour
 * changes (INFO), and a neighbour update the adapter failed (WARN), each message starting with the
 * simulated time and the component ({@code b.offload}).
 */
public final class OffloadManager {
    private static final Logger LOG = LoggerFactory.getLogger(OffloadManager.class);
    private final Simulator sim;
    private final AdapterPort adapter;
    private final StackPort stack;
    private final TraceSink trace;
    private final String component;
    private final Map<FourTuple, OffloadRecord> byTuple = new HashMap<>();
    /** Insertion order is minting order (a handle is bound as soon as it is minted): O(1) lookup, ordered polls. */
    private final LinkedHashMap<OffloadHandle, OffloadRecord> byHandle = new LinkedHashMap<>();
    private final HandoffSequence handoff;
    private final FlushSequence flushes;
    private final PolicyWatch policy;
    private final StatsPoller poller;
    final OffloadDataPath data;
    final SegmentForwarder forwarder;
    private HandoffListener listener = (t, from, to) -> { };
    private final CloseMode closeMode;
    private long slowPathFrames;
    private final int indicationBuffers;
    private final int indicationBufferBytes;
    private boolean indicationBuffersPosted;
    private long indicationsAnswered;
    private long indicatedBytesTaken;
    private long neighbourUpdates;
    private long neighbourUpdatesFailed;

    public OffloadManager(Simulator sim, AdapterPort adapter, StackPort stack, OffloadConfig config, TraceSink trace,
                          String name) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.stack = Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(config, "config");
        this.closeMode = config.closeMode();
        this.indicationBuffers = config.indicationBuffers();
        this.indicationBufferBytes = config.indicationBufferBytes();
        this.trace = Objects.requireNonNull(trace, "trace");
        this.component = name + ".offload";
        this.handoff = new HandoffSequence(this, sim, adapter, stack, config);
        this.flushes = new FlushSequence(this, sim, adapter, stack, config, handoff);
        this.policy = new PolicyWatch(this, sim, stack, config, handoff, component);
        this.poller = new StatsPoller(this, sim, adapter, config);
        this.data = new OffloadDataPath(this, adapter, config);
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
        policy.watch(r);
        return r;
    }

    /**
     * Stops tracking a connection (it reached CLOSED on the host stack): its record goes and the
     * policy checks stop (O(1)). A connection not on the host is kept (its flush is not done).
     */
    public void forget(FourTuple tuple) {
        OffloadRecord r = byTuple.get(tuple);
        if (r != null && r.state.onHost()) {
            byTuple.remove(tuple);
            r.watched = false;
        }
    }

    /** Connections the manager keeps a record of (open or being flushed), for tests and diagnostics. */
    public int trackedConnections() {
        return byTuple.size();
    }

    /** On-host connections the policy is shown at each periodic check now. */
    public int policyCheckedConnections() {
        return policy.listedConnections();
    }

    /** Asks the policy about {@code tuple} now; starts a handoff if it says so. Returns the state after. */
    public HandoffState consider(FourTuple tuple) {
        OffloadRecord r = byTuple.computeIfAbsent(tuple, OffloadRecord::new);
        policy.consider(r);
        return r.state;
    }

    // ------------------------------------------------------------------ flush

    /**
     * Takes {@code tuple} back to the host (claim 8); {@code whenOnHost} (may be null) runs once
     * the host stack runs it again (at once if it already does).
     */
    public void flush(FourTuple tuple, FlushCause cause, Runnable whenOnHost) {
        flushes.request(byTuple.get(tuple), cause, whenOnHost);
    }

    /**
     * The application closed the socket ({@link CloseMode#UPLOAD_FIRST}): the connection comes
     * back first, then {@code closeOnHost} closes it on the host stack.
     */
    public void applicationClose(FourTuple tuple, Runnable closeOnHost) {
        flush(tuple, FlushCause.APPLICATION_CLOSE, Objects.requireNonNull(closeOnHost, "closeOnHost"));
    }

    /**
     * Whether the application's close of the OFFLOADED {@code tuple} runs on the adapter now
     * ({@link CloseMode#CLOSE_ON_CARD} and the adapter offers it); false means upload first.
     */
    public boolean closesOnAdapter(FourTuple tuple) {
        OffloadRecord r = byTuple.get(tuple);
        return r != null && r.state == HandoffState.OFFLOADED && !r.disconnectPosted && closeRunsOnAdapter();
    }

    /** Whether closes run on the adapter ({@link CloseMode#CLOSE_ON_CARD}, offered by the adapter). */
    public boolean closeRunsOnAdapter() {
        return closeMode == CloseMode.CLOSE_ON_CARD && adapter.capability().supports(OffloadFeature.CLOSE_ON_CARD);
    }

    /**
     * Posts the application's close of the OFFLOADED {@code tuple} to the adapter, behind every
     * send posted before it ({@link #closesOnAdapter}); {@code callback} runs when the peer
     * acknowledged the FIN, or FLUSHED if the connection came back first.
     */
    public void disconnect(FourTuple tuple, AdapterPort.SendCallback callback) {
        OffloadRecord r = requireOffloaded(tuple);
        if (r.disconnectPosted || !closeRunsOnAdapter()) {
            throw new IllegalStateException(tuple + ": close on the adapter not possible");
        }
        barReoffload(tuple);
        data.disconnect(r, callback);
    }

    /** The application is closing {@code tuple}: it never goes (back) to the adapter. */
    public void barReoffload(FourTuple tuple) {
        OffloadRecord r = byTuple.get(tuple);
        if (r != null) {
            r.refusedUntilPs = Long.MAX_VALUE;
        }
    }

    /** An unsolicited adapter event (from the driver's EVENT ring). */
    public void onDeviceEvent(DeviceEvent event) {
        if (event instanceof DeviceEvent.UploadRequest u) {
            flushes.uploadRequested(byHandle.get(event.handle()), u);
        } else if (event instanceof DeviceEvent.PeerClosed p) {
            OffloadRecord r = byHandle.get(p.handle());
            if (r == null || r.state != HandoffState.OFFLOADED) {
                return; // flushed meanwhile: the returned CCB carries the FIN
            }
            if (!closeRunsOnAdapter()) {
                flushes.closingOnAdapter(r); // this host closes on the host: take it back
                return;
            }
            r.peerClosedAtBytes = p.bytesCompleted();
            maybeEndOfStream(r);
        } else if (event instanceof DeviceEvent.IndicateData d) {
            indicated(d);
        }
    }

    /**
     * The adapter indicated data of a connection with no buffer posted (Chimney's "indicate, then
     * post"): the socket takes what it can hold, and the answer (the accepted count and the
     * indication counted as answered) goes to the adapter at once, since the adapter places
     * nothing more for that connection until it knows which bytes the host took.
     *
     * <pre>
     *  IndicateData(h, cookie, n) --&gt; payload = adapter.takeIndication(cookie)
     *    OFFLOADED: k = listener.indicated(tuple, payload, release = repost(cookie))
     *               acceptedBytes += k; answered++ --&gt; UpdateOffload(accepted, answered)
     *    otherwise (being flushed, or gone): k = 0, the bytes come back in the CCB; repost now
     *  k = 0 --&gt; repost(cookie) now; else when the socket has read the k bytes
     * </pre>
     */
    private void indicated(DeviceEvent.IndicateData d) {
        Payload p = adapter.takeIndication(d.cookie());
        OffloadRecord r = byHandle.get(d.handle());
        int taken = 0;
        if (r != null && r.state == HandoffState.OFFLOADED) {
            long cookie = d.cookie();
            taken = listener.indicated(r.tuple(), p, () -> adapter.repostIndication(cookie));
            if (taken < 0 || taken > p.lenBytes()) {
                throw new IllegalStateException(r + ": took " + taken + " of " + p.lenBytes() + " indicated bytes");
            }
            r.acceptedBytes += taken;
            r.indicationsAnswered++;
            indicationsAnswered++;
            indicatedBytesTaken += taken;
            if (trace.enabled()) {
                trace.record(sim.now(), component, new OffloadTrace.Indicated(r.tuple(), p.lenBytes(), taken,
                        r.acceptedBytes));
            }
            data.answerIndication(r);
            maybeEndOfStream(r);
        }
        if (taken == 0) {
            adapter.repostIndication(d.cookie());
        }
    }

    /** Lends the adapter its indication buffers once, if asked for and offered. */
    void postIndicationBuffersOnce() {
        if (!indicationBuffersPosted && indicationBuffers > 0
                && adapter.capability().supports(OffloadFeature.INDICATE_DATA)) {
            indicationBuffersPosted = true;
            adapter.postIndicationBuffers(indicationBuffers, indicationBufferBytes);
        }
    }

    /**
     * The host's neighbour table says next hop {@code ip} moved to {@code mac} (neighbour
     * invalidate): the adapter is told at once, so its connections through that neighbour send
     * there from their next frame on, behind every command submitted before. An adapter without
     * {@link OffloadFeature#NEIGHBOUR_UPDATE} cannot be told: its connections to {@code ip} come
     * back to the host stack, which uses the new entry (a scan of the offloaded connections, for
     * an event that is rare, never on the data path).
     */
    public void neighbourChanged(int ip, long mac) {
        if (adapter.capability().supports(OffloadFeature.NEIGHBOUR_UPDATE)) {
            neighbourUpdates++;
            if (LOG.isInfoEnabled()) {
                LOG.info("{} {}: neighbour {} moved to {}: the adapter is told (UpdateNeighbour)",
                        Units.logTime(sim.now()), component, FourTuple.ipToString(ip), Long.toHexString(mac));
            }
            adapter.updateNeighbour(ip, mac, status -> {
                if (status != org.toesim.nic.device.CommandStatus.SUCCESS) {
                    neighbourUpdatesFailed++;
                    LOG.warn("{} {}: UpdateNeighbour {} failed: {}; the adapter's connections to it still use the"
                            + " old address", Units.logTime(sim.now()), component, FourTuple.ipToString(ip), status);
                }
            });
            return;
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: neighbour {} moved to {}: the adapter cannot be told, its connections to it come back",
                    Units.logTime(sim.now()), component, FourTuple.ipToString(ip), Long.toHexString(mac));
        }
        for (OffloadRecord r : new ArrayList<>(byHandle.values())) {
            if (r.tuple().remoteIp() == ip) {
                flush(r.tuple(), FlushCause.POLICY, null);
            }
        }
    }

    /** UpdateNeighbour commands sent, and how many the adapter did not complete with SUCCESS. */
    public long neighbourUpdates() {
        return neighbourUpdates;
    }

    public long neighbourUpdatesFailed() {
        return neighbourUpdatesFailed;
    }

    /** The card was reset by the host: no more handoffs; every connection on it comes back. */
    public void cardReset() {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: card reset: no more handoffs, {} offloaded connection(s) come back",
                    Units.logTime(sim.now()), component, byHandle.size());
        }
        handoff.adapterFailed();
        for (OffloadRecord r : new ArrayList<>(byHandle.values())) {
            flush(r.tuple(), FlushCause.CARD_RESET, null);
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
        return data.postReceive(requireOffloaded(tuple), hostAddr, lenBytes, false, callback);
    }

    /**
     * Posts a receive buffer; a {@code noPush} one completes only when full or flushed (a piece
     * of a MSG_WAITALL receive, so pieces posted behind it fill strictly after it).
     */
    public long postReceive(FourTuple tuple, long hostAddr, int lenBytes, boolean noPush,
                            AdapterPort.BufferCallback callback) {
        return data.postReceive(requireOffloaded(tuple), hostAddr, lenBytes, noPush, callback);
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

    /** Posted receive buffers the adapter tracks per connection (adapter record, claim 11). */
    public int maxPostedBuffersPerConnection() {
        return adapter.capability().maxPostedBuffersPerConnection();
    }

    /** Largest send request the adapter takes (adapter record, claim 11). */
    public int maxSendBytes() {
        return adapter.capability().maxSendBytes();
    }

    /** Whether a handoff could start now (adapter record and capacity). */
    public boolean canOffload() {
        return handoff.blocker() == null;
    }

    public OffloadCounters counters() {
        return new OffloadCounters(policy.decisions, handoff.notPossible, handoff.initiated, handoff.installed,
                handoff.refused, flushes.flushes, flushes.flushFailures, flushes.uploadRequests, handoff.heldFrames,
                slowPathFrames, data.buffersPosted, data.bytesPlaced, data.sendsPosted, data.bytesSentAcked,
                data.creditUpdates, poller.statsPolls, indicationsAnswered, indicatedBytesTaken);
    }

    // ------------------------------------------------------------------ internals for the parts

    /** Records with a handle, in minting order (tests and diagnostics). */
    Iterable<OffloadRecord> offloadedInOrder() {
        return byHandle.values();
    }

    void bindHandle(OffloadRecord r, OffloadHandle h) {
        r.handle = h;
        byHandle.put(h, r);
        poller.bound(r, h);
    }

    void unbindHandle(OffloadRecord r) {
        byHandle.remove(r.handle);
        r.handle = null;
    }

    /** The adapter installed {@code r}: polls run, held frames go to the card, a waiting flush starts. */
    void afterInstall(OffloadRecord r) {
        poller.arm();
        forwarder.afterInstall(r);
        if (r.pendingFlush != null && r.state == HandoffState.OFFLOADED) {
            FlushCause cause = r.pendingFlush;
            r.pendingFlush = null;
            flushes.start(r, cause);
        }
    }

    /**
     * Runs {@code r} once the host stack runs {@code tuple} again after the handoff in progress (a
     * refusal or the later flush), after the stack resumed it; at once if it is on the host.
     */
    void whenOnHost(FourTuple tuple, Runnable r) {
        OffloadRecord rec = byTuple.get(tuple);
        if (rec == null || rec.state.onHost()) {
            r.run();
        } else {
            rec.whenOnHost.add(r);
        }
    }

    /** The peer's FIN was announced and every byte before it completed: the socket sees the end of the stream. */
    void maybeEndOfStream(OffloadRecord r) {
        if (r.peerClosedAtBytes < 0 || r.acceptedBytes < r.peerClosedAtBytes || r.state != HandoffState.OFFLOADED) {
            return;
        }
        r.peerClosedAtBytes = -1;
        if (trace.enabled()) {
            trace.record(sim.now(), component, new OffloadTrace.PeerClosed(r.tuple(), r.acceptedBytes));
        }
        listener.peerClosed(r.tuple());
    }

    void forwarderReset(OffloadRecord r) {
        forwarder.reset(r);
    }

    void closingOnAdapter(OffloadRecord r) {
        flushes.closingOnAdapter(r);
    }

    void traceRecord(OffloadTrace record) {
        trace.record(sim.now(), component, record);
    }

    boolean tracing() {
        return trace.enabled();
    }

    /** The simulated time now. */
    long nowPs() {
        return sim.now();
    }

    /** The component name of this host's offload layer ({@code <host>.offload}), for log messages. */
    String component() {
        return component;
    }

    private OffloadRecord requireOffloaded(FourTuple tuple) {
        OffloadRecord r = byTuple.get(tuple);
        if (r == null || r.state != HandoffState.OFFLOADED) {
            throw new IllegalStateException(tuple + " is not offloaded (" + (r == null ? "unknown" : r.state) + ")");
        }
        return r;
    }

    /** Moves {@code r} to {@code next}: checked, traced, then the listener is told. */
    void move(OffloadRecord r, HandoffState next) {
        if (!r.state.canMoveTo(next)) {
            throw new IllegalStateException(r + ": no transition to " + next);
        }
        HandoffState from = r.state;
        r.state = next;
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} {} -> {}", Units.logTime(sim.now()), component, r.tuple().traceText(), from, next);
        }
        if (trace.enabled()) {
            trace.record(sim.now(), component, new OffloadTrace.StateChanged(r.tuple(), from, next));
        }
        listener.stateChanged(r.tuple(), from, next);
        if (next.onHost()) {
            policy.backOnHost(r);
        }
    }
}
