package org.toesim.nic.toe;

import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.ConnectionStats;
import org.toesim.nic.device.DeviceBus;
import org.toesim.nic.device.TraceStrings;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceEndpoint;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.device.UploadReason;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.frame.MacAddress;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.pcie.PcieLink;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.ring.DeviceQueues;
import org.toesim.nic.ring.FetchRing;
import org.toesim.tcp.segment.EcnCodepoint;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * A TCP offload engine adapter (claims 1, 2, 8, 9, 14, 16, 20). It sees only typed messages: MMIO
 * writes/reads and DMA read completions from the host, Ethernet frames from its {@link MacPort},
 * and its own timers; it answers with DMA writes, DMA read requests, MSI-X and frames.
 *
 * <pre>
 *   wire -&gt; MacPort -&gt; onFrame -&gt; Classifier
 *        fast (CCB hit, in order) -&gt; card core work (RX cycles) -&gt; engine.input on the card
 *             -&gt; ReceivePath: DmaWrite(payload, no headers) into the posted buffer, completions
 *             -&gt; ACK segments -&gt; TX work -&gt; MacPort
 *        slow -&gt; card core work -&gt; DmaWrite(FrameImage) into a NicBuffer -&gt; NicReceiveCompletion
 *   COMMAND ring -&gt; CommandHandler (capability, offload, update, query, flush)
 *   COMMAND ring -&gt; FrameForwarder (ForwardFrames: DMA read, each frame -&gt; onFrame as if just received)
 *   SEND ring    -&gt; SendPath (ToeSend: DMA read, segment, complete when acknowledged)
 *                -&gt; NicTransmit (NicSend of the host stack: DMA read, TSO, MAC, NicSendCompletion)
 *   RECEIVE ring -&gt; PostBuffer (ReceivePath), IndicationBuffer, NicBuffer (slow path)
 *   POST ring    -&gt; slot freed at fetch -&gt; PostBuffer (ReceivePath; the buffer travels with its CCB)
 *   COMPLETION / EVENT rings &lt;- completions, UploadRequest, IndicateData (moderated MSI-X)
 * </pre>
 *
 * <h2>Card reset</h2>
 * {@link #reset()} (also CONTROL = RESET) models a card processor fault: every offloaded
 * connection stops at once (its engine is frozen, its timers cancelled, its frames go to the
 * host as {@link PathReason#NOT_ACTIVE}), an {@link DeviceEvent.UploadRequest} with
 * {@link UploadReason#HARDWARE_FAILURE} is posted for each (in installation order), and the CCB
 * memory stays readable: the host's usual {@link ToeCommand.TerminateOffload} returns each CCB,
 * its undelivered bytes and its buffers exactly as a flush does. New offloads are refused with
 * {@link CommandStatus#HARDWARE_FAILURE} and the capability then says offload is not supported.
 *
 * <h2>Logging</h2>
 * A reset and every upload request at INFO (here), CCB installs and returns at DEBUG and a full
 * table at INFO ({@code CommandHandler}), slow-path frames dropped for want of a host buffer at
 * DEBUG once per episode and TRACE per frame; each message starts with the simulated time and
 * the card's name ({@code b.toe}).
 */
public final class Toe implements DeviceEndpoint, FetchRing.Listener, CardProcessor.Handler {
    /** The ring slot of a descriptor whose slot was freed at fetch ({@link RingId#POST}). */
    static final int NO_SLOT = -1;
    private static final Logger LOG = LoggerFactory.getLogger(Toe.class);
    private final Simulator sim;
    private final DeviceBus bus;
    private final ToeConfig config;
    private final MacPort mac;
    private final String connectionOwner;
    private final EngineConfigs engineConfigs;
    private final String name;
    private final DmaEngine dma;
    private final DeviceQueues queues;
    private final CardProcessor processor;
    private final Classifier classifier;
    private final CcbTable table;
    private final ReceivePath receivePath;
    private final SendPath sendPath;
    private final CommandHandler commands;
    private final NicTransmit nicTransmit;
    private final FrameForwarder forwarder;
    private final ReorderPark reorder;
    private final UploadMonitor monitor;
    private final Neighbours neighbours = new Neighbours();
    private final ArrayDeque<RxDescriptor.NicBuffer> nicBuffers = new ArrayDeque<>();
    private final ArrayDeque<Integer> nicBufferSlots = new ArrayDeque<>();
    private final long[] pathCounts = new long[PathReason.values().length];
    private long nextFrameId;
    private int lastNeighbourIp;
    private long lastNeighbourMac = -1;
    private int nextIpId;
    private boolean failed;
    private long framesToHost;
    private long framesDroppedNoBuffer;
    /** Slow-path frames dropped since the last one that found a host buffer (a drop episode). */
    private long noBufferDropsInEpisode;
    private long uploadRequests;
    private long framesSent;
    private final CardTracer tracer;

    public Toe(Simulator sim, DeviceBus bus, PcieSpec spec, ToeConfig config, MacPort mac, String name) {
        this(sim, bus, spec, config, mac, name, TraceSink.NONE, name);
    }

    /**
     * A card that writes {@link CardTrace} records (and its TCP engines' records) to
     * {@code trace} as {@code traceComponent}.
     */
    public Toe(Simulator sim, DeviceBus bus, PcieSpec spec, ToeConfig config, MacPort mac, String name,
               TraceSink trace, String traceComponent) {
        this.tracer = new CardTracer(trace, traceComponent);
        this.sim = Objects.requireNonNull(sim, "sim");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.config = Objects.requireNonNull(config, "config");
        this.mac = Objects.requireNonNull(mac, "mac");
        this.connectionOwner = name + ".tcp";
        this.name = Objects.requireNonNull(name, "name");
        this.dma = new DmaEngine(sim, bus, spec, config.maxReadTags());
        this.queues = new DeviceQueues(sim, dma, bus, name, config.fetchBatch(), Math.max(config.fetchBatch(), 16),
                this);
        this.processor = new CardProcessor(sim, config.cores(), config.clockHz(), config.maxQueuedFramesPerCore(),
                this, name);
        this.classifier = new Classifier(config);
        this.table = new CcbTable(config.ccbCapacity(), config.ccbEntryBytes(), sim.now(), name);
        this.monitor = new UploadMonitor(sim, this, config.uploadPolicy(), config.uploadAfterRetransmits());
        this.receivePath = new ReceivePath(sim, dma, queues, config.pushTimerPs(), config.indicationDelayPs(), monitor,
                tracer);
        this.engineConfigs = new EngineConfigs(config.engine());
        this.sendPath = new SendPath(sim, this, dma, queues);
        this.commands = new CommandHandler(this, dma, queues, table, config);
        this.nicTransmit = new NicTransmit(dma, queues, mac);
        this.forwarder = new FrameForwarder(this, dma, queues, table);
        this.reorder = new ReorderPark(this);
        this.nextFrameId = config.frameIdBase();
        mac.connectReceiver(this::onFrame);
    }

    // ------------------------------------------------------------------ bus side

    @Override
    public void receive(HostToDevice message) {
        if (message instanceof HostToDevice.MmioWrite w) {
            if (w.offset() == Registers.CONTROL && w.value() == Registers.CONTROL_RESET) {
                reset();
            } else if (w.offset() != Registers.CONTROL && !queues.onMmioWrite(w)) {
                throw new IllegalArgumentException(name + ": unhandled register write " + w);
            }
        } else if (message instanceof HostToDevice.MmioRead r) {
            long value = r.offset() == Registers.STATUS ? 1 : r.offset() == Registers.QUEUES ? 1
                    : queues.readRegister(r.offset());
            bus.sendToHost(new DeviceToHost.MmioReadCompletion(r.requestId(), sim.now(), value, r.lenBytes()));
        } else if (message instanceof HostToDevice.DmaReadCompletion c) {
            if (!dma.onCompletion(c)) {
                throw new IllegalStateException(name + ": completion for no read: " + c);
            }
        }
    }

    @Override
    public void onFetched(FetchRing ring) {
        while (ring.hasFetched()) {
            int slot = ring.nextIndex();
            RingEntry e = ring.take();
            if (ring.id() == RingId.POST || e instanceof TxDescriptor.ToeSend) {
                // the descriptor now lives on the card: a posted buffer until filled, a send until
                // acknowledged; its ring slot is free at once
                ring.complete(slot);
                slot = NO_SLOT;
            }
            int core = e instanceof ToeCommand cmd ? coreOf(commandHandle(cmd))
                    : e instanceof TxDescriptor.ToeSend s ? coreOf(s.handle())
                    : e instanceof RxDescriptor.PostBuffer p ? coreOf(p.handle()) : 0;
            CardProcessor.WorkKind kind = e instanceof ToeCommand ? CardProcessor.WorkKind.COMMAND
                    : CardProcessor.WorkKind.DESCRIPTOR;
            long cycles = kind == CardProcessor.WorkKind.COMMAND ? config.cyclesPerCommand()
                    : config.cyclesPerDmaDescriptor();
            processor.submit(core, kind, cycles, e, slot);
        }
    }

    private static OffloadHandle commandHandle(ToeCommand cmd) {
        if (cmd instanceof ToeCommand.InitiateOffload c) {
            return c.handle();
        } else if (cmd instanceof ToeCommand.UpdateOffload c) {
            return c.handle();
        } else if (cmd instanceof ToeCommand.QueryOffload c) {
            return c.handle();
        } else if (cmd instanceof ToeCommand.TerminateOffload c) {
            return c.handle();
        } else if (cmd instanceof ToeCommand.ForwardFrames c) {
            return c.handle();
        }
        return null;
    }

    int coreOf(OffloadHandle handle) {
        return handle == null ? 0 : processor.coreFor(handle.hashCode());
    }

    @Override
    public void onWorkDone(CardProcessor.WorkKind kind, Object subject, long arg) {
        switch (kind) {
            case RX_SEGMENT, RX_ACK -> processFast((Frame) subject);
            case RX_SLOW -> toHost((Frame) subject);
            case TX_SEGMENT -> {
                framesSent++;
                mac.send((Frame) subject);
            }
            case COMMAND -> {
                if (tracer.on()) {
                    ToeCommand cmd = (ToeCommand) subject;
                    OffloadHandle h = commandHandle(cmd);
                    CardConnection c = h == null ? null : table.byHandle(h);
                    tracer.record(sim.now(), new CardTrace.Command(c == null ? null : c.tuple, TraceStrings.of(cmd)));
                }
                if (subject instanceof ToeCommand.ForwardFrames f) {
                    forwarder.execute(f, (int) arg);
                } else {
                    commands.execute((ToeCommand) subject, (int) arg);
                }
            }
            case DESCRIPTOR -> descriptor((RingEntry) subject, (int) arg);
            case TIMER -> {
                CardConnection c = (CardConnection) subject;
                c.kick(sim.now());
            }
        }
    }

    private void descriptor(RingEntry e, int slot) {
        if (tracer.on()) {
            OffloadHandle h = e instanceof TxDescriptor.ToeSend s ? s.handle()
                    : e instanceof RxDescriptor.PostBuffer p ? p.handle() : null;
            CardConnection c = h == null ? null : table.byHandle(h);
            tracer.record(sim.now(), new CardTrace.Descriptor(c == null ? null : c.tuple, TraceStrings.of(e)));
        }
        if (e instanceof TxDescriptor.ToeSend s) {
            CardConnection c = table.byHandle(s.handle());
            CommandStatus refuse = c == null ? CommandStatus.UNKNOWN_HANDLE : !c.active ? CommandStatus.FLUSHED
                    : s.lenBytes() > config.maxSendBytes() || s.fin() && (!config.fin().closesOnCard()
                    || c.finAtStream >= 0) ? CommandStatus.INVALID_REQUEST : null;
            if (refuse != null) {
                queues.writeBackRing(RingId.COMPLETION).post(new DeviceCompletion.SendCompletion(s.handle(),
                        s.cookie(), 0, refuse));
            } else {
                sendPath.request(c, s, slot);
            }
        } else if (e instanceof TxDescriptor.NicSend s) {
            nicTransmit.take(s, slot);
        } else if (e instanceof RxDescriptor.PostBuffer p) {
            CardConnection c = table.byHandle(p.handle());
            CommandStatus refuse = c == null ? CommandStatus.UNKNOWN_HANDLE : !c.active ? CommandStatus.FLUSHED
                    : p.lenBytes() > config.maxReceiveBufferBytes()
                    || c.posted.size() >= config.maxPostedBuffersPerConnection() ? CommandStatus.INVALID_REQUEST : null;
            if (refuse != null) {
                queues.writeBackRing(RingId.COMPLETION).post(new DeviceCompletion.ReceiveCompletion(p.handle(),
                        p.cookie(), 0, false, refuse));
                if (slot != NO_SLOT) {
                    queues.fetchRing(RingId.RECEIVE).complete(slot);
                }
            } else {
                receivePath.post(c, p, slot);
            }
        } else if (e instanceof RxDescriptor.IndicationBuffer b) {
            receivePath.addIndicationBuffer(b, slot);
        } else if (e instanceof RxDescriptor.NicBuffer b) {
            nicBuffers.addLast(b);
            nicBufferSlots.addLast(slot);
        } else {
            throw new IllegalArgumentException(name + " cannot handle descriptor " + e);
        }
    }

    // ------------------------------------------------------------------ wire side

    /** A frame arrived from the MAC: classify, queue work on the right core. */
    void onFrame(Frame frame, long nowPs) {
        onFrame(frame, nowPs, false);
    }

    /**
     * Classifies {@code frame} and queues its work on the right core; {@code held}: the frame is
     * already in card memory (forwarded by the host, or parked), so the core's receive FIFO
     * limit does not refuse it ({@link CardProcessor#submitHeld}).
     */
    void onFrame(Frame frame, long nowPs, boolean held) {
        if (frame.ip().srcIp() != lastNeighbourIp || frame.srcMac() != lastNeighbourMac) { // no boxing per frame
            lastNeighbourIp = frame.ip().srcIp();
            lastNeighbourMac = frame.srcMac();
            neighbours.learn(lastNeighbourIp, lastNeighbourMac);
        }
        PathReason reason = classifier.frameCheck(frame);
        Segment seg = frame.tcp();
        CardConnection c = null;
        c = table.byFrame(frame.ip().dstIp(), seg.dstPort(), frame.ip().srcIp(), seg.srcPort());
        if (reason == null) {
            reason = c == null ? PathReason.NO_CCB : !c.active ? PathReason.NOT_ACTIVE
                    : classifier.segmentCheck(seg, c.classifyRcvNxt);
        }
        pathCounts[reason.ordinal()]++;
        tracer.classified(nowPs, c, frame, reason);
        if (c != null) {
            c.pathCounts[reason.ordinal()]++;
        }
        if (reason.isFastPath()) {
            CardProcessor.WorkKind kind = reason == PathReason.FAST_ACK ? CardProcessor.WorkKind.RX_ACK
                    : CardProcessor.WorkKind.RX_SEGMENT;
            long cycles = kind == CardProcessor.WorkKind.RX_ACK ? config.cyclesPerRxAck() : config.cyclesPerRxSegment();
            boolean accepted = true;
            if (held) {
                processor.submitHeld(c.core, kind, cycles, frame, 0);
            } else {
                accepted = processor.submit(c.core, kind, cycles, frame, 0);
            }
            if (accepted) {
                c.queuedFast++;
                c.classifyRcvNxt += (int) seg.seqLen();
                if (!c.parked.isEmpty()) {
                    reorder.release(c);
                }
            } else {
                c.droppedSegmentsIn++;
            }
            monitor.onSegmentIn(c, !accepted);
            return;
        }
        if (reason == PathReason.OUT_OF_ORDER && c.active && reorder.park(c, frame)) {
            return; // the host is forwarding the segments before it
        }
        if (c != null && c.active) {
            monitor.onSegmentIn(c, reason == PathReason.OUT_OF_ORDER);
        }
        if (c != null && c.active) {
            slowPathUpload(c, reason, seg.has(TcpFlags.FIN));
        }
        int core = c != null ? c.core : 0;
        if (held) {
            processor.submitHeld(core, CardProcessor.WorkKind.RX_SLOW, config.cyclesPerSlowFrame(), frame, 0);
        } else {
            processor.submit(core, CardProcessor.WorkKind.RX_SLOW, config.cyclesPerSlowFrame(), frame, 0);
        }
    }

    private void slowPathUpload(CardConnection c, PathReason reason, boolean fin) {
        switch (reason) {
            case URG -> requestUpload(c, UploadReason.URGENT_DATA);
            case SYN, RST, FIN -> requestUpload(c, UploadReason.INVALID_STATE);
            case OUT_OF_ORDER -> {
                if (config.outOfOrder() == ToeConfig.OutOfOrderAction.UPLOAD_REQUEST) {
                    requestUpload(c, UploadReason.HIGH_DROP_OR_REORDER);
                } else if (fin) {
                    // the peer is closing behind a gap: the host holds a FIN (it never forwards one),
                    // so without a request the connection would wait for the peer's RTO
                    requestUpload(c, UploadReason.INVALID_STATE);
                }
            }
            default -> {
            }
        }
    }

    private void processFast(Frame frame) {
        Segment seg = frame.tcp();
        CardConnection c = table.byFrame(frame.ip().dstIp(), seg.dstPort(), frame.ip().srcIp(), seg.srcPort());
        if (c == null || !c.active) {
            toHost(frame); // flushed while queued: the host now owns the connection
            return;
        }
        c.queuedFast--;
        long now = sim.now();
        int rcvNxtBefore = c.engine.rcvNxt();
        c.newReadableBytes = 0;
        c.segmentsIn++;
        c.payloadBytesIn += seg.payloadLenBytes();
        c.engine.input(seg, EcnCodepoint.ofTos(frame.ip().tos()), now, c);
        if (c.newReadableBytes > 0) {
            receivePath.append(c, CardReassembly.readable(c, seg.payload(), rcvNxtBefore - seg.seq(),
                    (int) c.newReadableBytes));
            if (seg.has(TcpFlags.PSH)) {
                c.pushPending = true;
            }
            receivePath.drain(c);
        } else if (c.peerFinPending) {
            receivePath.drain(c); // a FIN without data: the end of the stream may be due now
        }
        CardReassembly.afterInput(c, seg);
        if (c.queuedFast == 0) {
            c.classifyRcvNxt = c.engine.rcvNxt();
            if (!c.parked.isEmpty()) {
                reorder.release(c);
            }
        }
        c.kick(now);
    }

    private void toHost(Frame frame) {
        RxDescriptor.NicBuffer buf = nicBuffers.peekFirst();
        if (buf == null || buf.lenBytes() < frame.lenBytes()) {
            framesDroppedNoBuffer++;
            logNoBufferDrop(frame, buf);
            return;
        }
        if (noBufferDropsInEpisode > 0) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {}: host buffers again after {} slow-path frame(s) dropped", Units.logTime(sim.now()),
                        name, noBufferDropsInEpisode);
            }
            noBufferDropsInEpisode = 0;
        }
        nicBuffers.pollFirst();
        int slot = nicBufferSlots.pollFirst();
        dma.write(buf.hostAddr(), new DmaData.FrameImage(frame));
        queues.writeBackRing(RingId.COMPLETION).post(new DeviceCompletion.NicReceiveCompletion(buf.cookie(),
                frame.lenBytes(), !frame.corrupted()));
        queues.fetchRing(RingId.RECEIVE).complete(slot);
        framesToHost++;
    }

    private void logNoBufferDrop(Frame frame, RxDescriptor.NicBuffer buf) {
        if (noBufferDropsInEpisode++ == 0 && LOG.isDebugEnabled()) {
            LOG.debug("{} {}: slow-path frame dropped: {}; dropping until the host posts buffers",
                    Units.logTime(sim.now()), name, buf == null ? "no host buffer posted"
                            : "host buffer of " + buf.lenBytes() + " B < frame of " + frame.lenBytes() + " B");
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: slow-path frame {} ({} B) dropped, no host buffer", Units.logTime(sim.now()), name,
                    frame.frameId(), frame.lenBytes());
        }
    }

    // ------------------------------------------------------------------ services for the paths

    Simulator sim() {
        return sim;
    }

    /** What the card answers to a capability query now. */
    org.toesim.nic.device.Capability capability() {
        return commands.capability();
    }

    SendPath sendPath() {
        return sendPath;
    }

    ReceivePath receivePath() {
        return receivePath;
    }

    boolean failed() {
        return failed;
    }

    /** Frames {@code seg} for the wire on {@code c}, its IP ECN field {@code ecn} (RFC 3168 §5). */
    Frame frameFor(CardConnection c, Segment seg, int ecn) {
        Neighbours.Entry n = c.neighbour != null ? c.neighbour : (c.neighbour = neighbours.of(c.tuple.remoteIp()));
        long dst = n.mac != 0 ? n.mac : MacAddress.BROADCAST;
        Ipv4Header ip = new Ipv4Header(c.tuple.localIp(), c.tuple.remoteIp(), nextIpId, c.ttl,
                EcnCodepoint.withTos(c.tos, ecn), true, false, 0, 0);
        nextIpId = (nextIpId + 1) & 0xFFFF;
        return Frame.of(nextFrameId++, config.localMac(), dst, ip, seg);
    }

    /**
     * Queues {@code frame}, out of order for {@code c}, as fast-path receive work without moving
     * the classifier's RCV.NXT: the engine queues it until the gap fills ({@link CardReassembly}).
     */
    void submitOutOfOrder(CardConnection c, Frame frame) {
        processor.submitHeld(c.core, CardProcessor.WorkKind.RX_SEGMENT, config.cyclesPerRxSegment(), frame, 0);
        c.queuedFast++;
    }

    CcbTable table() {
        return table;
    }

    ReorderPark reorder() {
        return reorder;
    }

    /** Queues the transmit work of {@code frame} on {@code c}'s core. */
    void submitTx(CardConnection c, Frame frame) {
        processor.submit(c.core, CardProcessor.WorkKind.TX_SEGMENT, config.cyclesPerTxSegment(), frame, 0);
    }

    /** Posts an upload request unless one is outstanding or the state forbids it (HARDWARE_FAILURE always goes). */
    void requestUpload(CardConnection c, UploadReason reason) {
        if (reason != UploadReason.HARDWARE_FAILURE && !c.mayRequestUpload()) {
            return;
        }
        c.uploadRequested = true;
        uploadRequests++;
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: requests the upload of {} ({}): {}", Units.logTime(sim.now()), name,
                    c.tuple.traceText(), c.handle, reason);
        }
        tracer.record(sim.now(), new CardTrace.UploadRequest(c.tuple, reason.name()));
        queues.writeBackRing(RingId.EVENT).post(new DeviceEvent.UploadRequest(c.handle, reason));
    }

    long nowPs() {
        return sim.now();
    }

    /** The card's name ({@code <host>.toe}), for log messages. */
    String name() {
        return name;
    }

    CardTracer tracer() {
        return tracer;
    }

    UploadMonitor monitor() {
        return monitor;
    }

    /**
     * Creates the per-connection events of {@code c}; their owner is the card's connections as a
     * whole ({@link #connectionOwner}), as a host stack's timers are its TCP's, so no name is
     * built and kept per connection (two strings each at 100,000 connections were 13 MB).
     */
    void attachTimers(CardConnection c) {
        monitor.attach(c, connectionOwner);
        c.wakeup = sim.newEvent("toe.tcpTimer", connectionOwner, Priority.TIMER,
                () -> processor.submit(c.core, CardProcessor.WorkKind.TIMER, config.cyclesPerTimer(), c, 0));
        c.pushTimer = sim.newEvent("toe.pushTimer", connectionOwner, Priority.TIMER,
                () -> receivePath.onPushTimer(c));
    }

    /** The neighbour cache (next hops' link-layer addresses). */
    Neighbours neighbours() {
        return neighbours;
    }

    /** UpdateNeighbour commands applied so far. */
    public long neighbourUpdates() {
        return neighbours.hostUpdates();
    }

    /** The link-layer address the card's frames to next hop {@code ip} carry now (0: not known, broadcast). */
    public long neighbourMac(int ip) {
        return neighbours.of(ip).mac;
    }

    /** The engines' shared configurations. */
    EngineConfigs engineConfigs() {
        return engineConfigs;
    }

    /** Owner name of every per-connection event and engine of this card: {@code <name>.tcp}. */
    String connectionOwner() {
        return connectionOwner;
    }

    // ------------------------------------------------------------------ fault, statistics

    /**
     * Card processor fault: every offloaded connection stops and is offered back to the host with
     * an UploadRequest(HARDWARE_FAILURE); see the class comment for what the host gets.
     */
    public void reset() {
        if (failed) {
            return;
        }
        failed = true;
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: card reset (processor fault): {} offloaded connection(s) stop and are offered back;"
                    + " new offloads refused", Units.logTime(sim.now()), name, table.occupied());
        }
        for (CardConnection c : table.inOrder()) {
            if (c.active) {
                c.active = false;
                sim.cancel(c.wakeup);
                sim.cancel(c.pushTimer);
                monitor.detach(c);
                receivePath.trackStarvation(c);
                c.uploadRequested = false;
                requestUpload(c, UploadReason.HARDWARE_FAILURE);
            }
        }
    }

    /** Card-wide statistics now; {@code link} (may be null) adds PCIe utilisation. */
    public ToeReport report(PcieLink link) {
        EnumMap<PathReason, Long> paths = new EnumMap<>(PathReason.class);
        for (PathReason r : PathReason.values()) {
            paths.put(r, pathCounts[r.ordinal()]);
        }
        return new ToeReport(table.occupied(), table.capacity(), table.meanOccupancy(sim.now()),
                table.peakOccupancy(sim.now()), receivePath.starvationConnectionSeconds(),
                receivePath.starvationEpisodes(), table.memoryBytes(),
                table.installs(), table.refusals(), paths, framesToHost, framesDroppedNoBuffer,
                processor.refusedFrames(), framesSent, uploadRequests, receivePath.bytesPlaced(),
                receivePath.bytesIndicated(), sendPath.bytesRead(), sendPath.bytesReRead(), dma.stats(),
                processor.utilisation(), processor.meanQueueDepth(),
                link == null ? 0 : link.upstreamStats().utilisation(),
                link == null ? 0 : link.downstreamStats().utilisation(), sendPath.closes(), receivePath.peerCloses(),
                receivePath.indications(), receivePath.bytesAcceptedFromIndications());
    }

    /** Statistics of the offloaded connection {@code handle} (as a query returns them), or null. */
    public ConnectionStats connectionStats(OffloadHandle handle) {
        CardConnection c = table.byHandle(handle);
        return c == null ? null : CommandHandler.stats(c, sim.now());
    }

    /**
     * What the connection {@code tuple} (host's view) waits for on the card ("card: ..."), or null
     * if the card does not hold it: the diagnosis of a run that did not finish.
     */
    public String waitingFor(org.toesim.tcp.segment.FourTuple tuple) {
        CardConnection c = table.byTuple(tuple);
        return c == null || c.engine == null ? null : CardWait.describe(c, sim.now());
    }

    /** The card engine's pending retransmission or persist interval for {@code tuple}, or -1 (none, or not on the card). */
    public long retryIntervalPs(org.toesim.tcp.segment.FourTuple tuple) {
        CardConnection c = table.byTuple(tuple);
        return c == null || c.engine == null ? -1 : c.engine.retryIntervalPs();
    }

    /** Classifier verdicts for the offloaded connection {@code handle}, or null. */
    public Map<PathReason, Long> connectionPaths(OffloadHandle handle) {
        CardConnection c = table.byHandle(handle);
        if (c == null) {
            return null;
        }
        EnumMap<PathReason, Long> paths = new EnumMap<>(PathReason.class);
        for (PathReason r : PathReason.values()) {
            paths.put(r, c.pathCounts[r.ordinal()]);
        }
        return paths;
    }

    /** Wire frames sent for the host stack's {@link TxDescriptor.NicSend} descriptors (TSO pieces counted). */
    public long hostStackFramesSent() {
        return nicTransmit.framesSent();
    }

    /** Frames the host forwarded with {@link ToeCommand.ForwardFrames} and the card classified again. */
    public long framesForwarded() {
        return forwarder.framesForwarded();
    }

    /** The card's processor (utilisation, work counts). */
    public CardProcessor processor() {
        return processor;
    }

    /** The card's DMA engine. */
    public DmaEngine dma() {
        return dma;
    }

    public ToeConfig config() {
        return config;
    }

    // ------------------------------------------------------------------ read-only views for invariant checks

    /** Every ring's indices now, for bounds checks. */
    public java.util.List<org.toesim.nic.ring.RingIndices> ringIndices() {
        return queues.ringIndices();
    }

    /**
     * The card's TCP engine of {@code tuple} (local view), or null if the card does not run it:
     * for inspection (the stepper's {@code show}); callers must not feed it input.
     */
    public org.toesim.tcp.engine.TcpConnection engineOf(org.toesim.tcp.segment.FourTuple tuple) {
        CardConnection c = table.byTuple(tuple);
        return c == null || !c.active ? null : c.engine;
    }

    /** The CCB table's connections (local view) in install order, and the card core each runs on. */
    public java.util.List<String> ccbRows() {
        java.util.List<String> rows = new java.util.ArrayList<>();
        for (CardConnection c : table.inOrder()) {
            rows.add(c.tuple.traceText() + "  " + c.handle + "  core " + c.core + (c.active ? "" : "  (flushing)"));
        }
        return rows;
    }

    /** The CCB table (capacity, occupancy). */
    public CcbTable ccbTable() {
        return table;
    }

    /** Whether the CCB table holds {@code tuple} (local view), active or not. */
    public boolean holdsConnection(org.toesim.tcp.segment.FourTuple tuple) {
        return table.byTuple(tuple) != null;
    }

    /**
     * Where the card engine of {@code tuple} has its stream bytes, or null if the card does not
     * hold it. Bytes handed to the host count as read: placed in posted buffers, or indicated
     * and not answered yet (the host may already have taken them; the card drops them when the
     * answer comes).
     */
    public org.toesim.tcp.engine.StreamAccounting accounting(org.toesim.tcp.segment.FourTuple tuple) {
        CardConnection c = table.byTuple(tuple);
        if (c == null || c.engine == null) {
            return null;
        }
        org.toesim.tcp.engine.StreamAccounting a = c.engine.accounting();
        long shown = Math.max(0, c.indicatedUpTo - c.headOffset);
        return shown == 0 ? a : new org.toesim.tcp.engine.StreamAccounting(a.state(), a.writtenBytes(),
                a.sendBufferStart(), a.sndUnaPos(), a.sndNxtPos(), a.sndMaxPos(), a.finQueued(), a.rcvNxtPos(),
                a.finReceived(), a.receivedBytes(), a.readBytes() + shown, a.outOfOrderBytes());
    }

    /** CCBs installed, and reserved for offloads in progress (at most the capacity together). */
    public int ccbSlotsInUse() {
        return table.occupied() + table.reserved();
    }
}
