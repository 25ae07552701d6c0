package org.toesim.host.driver;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.pcie.HostRing;
import org.toesim.host.pcie.RootComplex;
import org.toesim.host.pcie.TypedRegion;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.frame.Frame;

/**
 * The NIC driver of one adapter: rings and buffers in host memory, register programming,
 * interrupt + NAPI receive per queue pair, transmit with batched doorbells, and the TOE command,
 * buffer and send paths. Everything runs as events on the {@link Simulator} and work on the
 * {@link HostCpu}, at the costs of the {@link CostTable}.
 *
 * <h2>Attach</h2>
 * <pre>
 *  bindVector(vector -&gt; queueCore, NAPI)
 *  per ring COMMAND, SEND, RECEIVE, COMPLETION: MmioWrite BASE (8 B) [, VECTOR] , SIZE
 *  MmioWrite IRQ USECS, FRAMES of the vector; MmioWrite CONTROL = ENABLE
 *  RECEIVE: NicBuffer x rxBuffers, MmioWrite TAIL
 *  COMMAND: CapabilityQuery(result in a typed region) --[offloadCommandCycles]--&gt; MmioWrite TAIL
 *  completion --&gt; AdapterRecord(ANSWERED | REFUSED) ; none within commandTimeoutPs --&gt; TIMED_OUT
 *  offload supported: program the EVENT ring (BASE, VECTOR, SIZE) and the POST ring (BASE, SIZE;
 *                     receiveRingSlots slots), then tell the listener
 * </pre>
 * Buffers posted for offloaded connections go on the POST ring, never on RECEIVE: NIC buffers
 * there are reclaimed in order as frames land, and one left unused by offloaded traffic would
 * otherwise hold every later slot (see {@code RingId.POST}, {@code OffloadPath}).
 * How the driver learns the device kind: like a firmware-managed adapter's driver, it always
 * asks. A TOE answers with its {@code Capability}; a plain NIC answers {@code Capability.none}
 * or completes with NOT_SUPPORTED (REFUSED); a device that never processes its command ring is
 * recorded as not capable after the command timeout. Attach programs the rings and posts
 * receive buffers first, so plain-NIC traffic flows while the query is outstanding. Attach
 * itself is not charged to the CPU (boot time), except the query command.
 *
 * <h2>Queue pairs (receive-side scaling)</h2>
 * <pre>
 *  queue q = 0..queues-1: SEND[q], RECEIVE[q], COMPLETION[q] (Registers.ring(q, ..)), own buffers,
 *                         MSI-X vector + q --&gt; core (queueCore + q) mod cores: NapiPoll(q)
 *  receive: the adapter's RSS picks q per flow --&gt; frames of one flow arrive on one core, in order
 *  transmit: q = flowHash(4-tuple) mod queues (Linux skb_tx_hash without XPS): one flow's frames
 *            use one SEND ring whichever core sends them, so they leave in order
 *  COMMAND and EVENT rings, TOE buffers and sends: queue 0
 * </pre>
 * The adapter's default RSS indirection table (entry i -&gt; queue i mod queues) is kept.
 *
 * <h2>Interrupt masking</h2>
 * The NAPI-time MSI-X mask is modelled at the {@link RootComplex} ({@link RootComplex#maskVector},
 * the MSI-X table's per-vector mask and pending bits) rather than as a device register: masking
 * then takes effect at once instead of one posted MMIO write later, and the device model stays
 * free of host-side interrupt state. Real drivers write the mask in the MSI-X table on the
 * device (or an interrupt-mask register); the difference is a window of at most one PCIe
 * one-way latency in which an interrupt could still be raised, which the root complex would
 * then hold as pending anyway. A device-side mask can be added behind the same calls if a
 * device ever needs to observe it.
 *
 * <h2>Receive, transmit, offload</h2>
 * See {@link NapiPoll} (interrupt, poll budget, head doorbells), {@code RxPath} (delivery,
 * refill batches), {@code TxPath} (send, reclaim, backpressure) and {@code OffloadPath}
 * (commands, posted buffers, send requests by id).
 *
 * <h2>Logging</h2>
 * The capability query's outcome at INFO (once per run); {@code OffloadPath} logs a command
 * timeout at WARN, commands the adapter did not complete with SUCCESS and a full COMMAND, POST or
 * SEND ring at DEBUG; {@code TxPath} a stopped transmit queue at DEBUG, its wake at TRACE.
 */
public final class NicDriver {
    private static final Logger LOG = LoggerFactory.getLogger(NicDriver.class);
    private final Simulator sim;
    private final RootComplex rc;
    private final DriverConfig config;
    private final HostRing commandRing;
    private final HostRing eventRing;
    private final HostRing postRing;
    private final Doorbell commandDoorbell;
    private final TypedRegion results;
    private final DriverQueue[] queues;
    private final OffloadPath offload;
    private final OffloadHandle.Allocator handles;
    private AdapterRecord adapter;
    private boolean attached;

    /** A driver for the adapter behind {@code rc}, allocating its rings and buffers in the root complex's memory. */
    public NicDriver(Simulator sim, RootComplex rc, DriverConfig config, CostTable costs, FrameContent frameContent) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.rc = Objects.requireNonNull(rc, "rc");
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(costs, "costs");
        Objects.requireNonNull(frameContent, "frameContent");
        HostMemory mem = rc.memory();
        HostCpu cpu = rc.cpu();
        String n = config.name();
        commandRing = DriverQueue.ring(rc, n + ".cmd-ring", RingId.COMMAND, config.commandRingSlots());
        queues = new DriverQueue[config.queues()];
        for (int q = 0; q < queues.length; q++) {
            queues[q] = new DriverQueue(sim, q, config, rc, costs, frameContent);
        }
        eventRing = DriverQueue.ring(rc, n + ".event-ring", RingId.EVENT, config.eventRingSlots());
        postRing = DriverQueue.ring(rc, n + ".post-ring", RingId.POST, config.receiveRingSlots());
        results = new TypedRegion(mem, n + ".cmd-results", RegionKind.OTHER, 4096);
        rc.register(results);
        commandDoorbell = new Doorbell(rc, commandRing, 0);
        DriverQueue q0 = queues[0];
        offload = new OffloadPath(sim, config, cpu, costs, commandRing, commandDoorbell, postRing,
                new Doorbell(rc, postRing, 0), q0.sendRing, q0.sendDoorbell);
        for (DriverQueue q : queues) {
            q.createPoll(config, cpu, costs, rc, q.index == 0 ? eventRing : null, q.index == 0 ? offload : null);
        }
        handles = new OffloadHandle.Allocator(config.adapterId());
    }

    /** A driver whose frames travel as {@link org.toesim.nic.device.DmaData.FrameImage} ({@link FrameImageContent}). */
    public NicDriver(Simulator sim, RootComplex rc, DriverConfig config, CostTable costs) {
        this(sim, rc, config, costs, new FrameImageContent());
    }

    /** Programs the adapter, posts receive buffers and queries capability; {@code listener} gets the record. */
    public void attach(AttachListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (attached) {
            throw new IllegalStateException(config.name() + " is already attached");
        }
        attached = true;
        DriverQueue.programRing(rc, 0, commandRing, queues[0].vector);
        for (DriverQueue q : queues) {
            q.program(rc, config);
        }
        rc.mmioWrite(Registers.CONTROL, 4, Registers.CONTROL_ENABLE);
        for (DriverQueue q : queues) {
            q.rx.postAll();
        }
        long resultAddr = results.region().baseAddress();
        long id = offload.nextCommandId();
        offload.submit(new ToeCommand.CapabilityQuery(id, resultAddr), queues[0].core,
                (cmd, c, core) -> onCapability(id, resultAddr, c, listener));
    }

    private void onCapability(long id, long resultAddr, DeviceCompletion.CommandCompletion c,
            AttachListener listener) {
        DmaData image = results.remove(resultAddr);
        if (offload.timedOut(id)) {
            adapter = AdapterRecord.notCapable(config.name(), AdapterRecord.QueryOutcome.TIMED_OUT, sim.now());
        } else if (AdapterRecord.outcomeOf(c.status()) == AdapterRecord.QueryOutcome.ANSWERED) {
            if (!(image instanceof DmaData.CapabilityImage cap)) {
                throw new IllegalStateException(config.name() + ": capability query succeeded without an image: "
                        + image);
            }
            adapter = new AdapterRecord(config.name(), AdapterRecord.QueryOutcome.ANSWERED, cap.capability(),
                    sim.now());
        } else {
            adapter = AdapterRecord.notCapable(config.name(), AdapterRecord.QueryOutcome.REFUSED, sim.now());
        }
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {}: capability query {}: {}", Units.logTime(sim.now()), config.name(),
                    adapter.outcome().name().toLowerCase(java.util.Locale.ROOT), adapter.offloadSupported()
                            ? "offload supported, " + adapter.maxConnections() + " connections, features "
                                    + adapter.features()
                            : "no offload (plain NIC)");
        }
        if (adapter.outcome() == AdapterRecord.QueryOutcome.TIMED_OUT) {
            LOG.warn("{} {}: the adapter did not answer the capability query within {}: treated as a plain NIC",
                    Units.logTime(sim.now()), config.name(), Units.formatDuration(config.commandTimeoutPs()));
        }
        if (adapter.offloadSupported()) {
            DriverQueue.programRing(rc, 0, eventRing, queues[0].vector); // only an offload adapter has one
            DriverQueue.programRing(rc, 0, postRing, queues[0].vector);
        }
        listener.onAttached(adapter);
    }

    /** The adapter record, or null while the capability query is outstanding. */
    public AdapterRecord adapter() {
        return adapter;
    }

    /** Where received frames go (from every queue). */
    public void setFrameReceiver(FrameReceiver receiver) {
        for (DriverQueue q : queues) {
            q.rx.setReceiver(receiver);
        }
    }

    /** Who is told when a stopped transmit queue (any of them) has room again. */
    public void setTxQueueListener(TxQueueListener listener) {
        for (DriverQueue q : queues) {
            q.tx.setListener(listener);
        }
    }

    /** Who gets adapter events (upload requests, indications). */
    public void setDeviceEventListener(DeviceEventListener listener) {
        queues[0].napi().setEventListener(listener);
    }

    /** {@link #send(Frame, int, WorkClass, int)} in SOFTIRQ class (protocol output in the network stack), no TSO. */
    public boolean send(Frame frame, int core) {
        return send(frame, core, WorkClass.SOFTIRQ, 0);
    }

    /**
     * Queues {@code frame} for transmission on its flow's queue ({@link #txQueueOf}); the
     * descriptor cost runs on {@code core} in {@code workClass} and the batch's last item rings
     * the doorbell. With {@code tsoMssBytes > 0} the NIC cuts the frame's segment into frames
     * of that payload size.
     *
     * @return false (frame not taken, queue stopped) when that transmit queue is full; the
     *         {@link TxQueueListener} is told when it has room again
     */
    public boolean send(Frame frame, int core, WorkClass workClass, int tsoMssBytes) {
        Objects.requireNonNull(frame, "frame");
        return queues[txQueueOf(frame)].tx.send(frame, core, workClass, tsoMssBytes);
    }

    /**
     * The transmit queue of {@code frame}: a hash of its four-tuple modulo the queue count, so
     * every frame of one connection leaves through one SEND ring, in order.
     */
    public int txQueueOf(Frame frame) {
        if (queues.length == 1) {
            return 0;
        }
        int h = frame.ip().srcIp() * 0x9E3779B1 ^ frame.ip().dstIp();
        h = h * 0x9E3779B1 ^ (frame.tcp().srcPort() << 16 | frame.tcp().dstPort());
        h *= 0x9E3779B1;
        return ((h >>> 16) & 0x7FFF) % queues.length;
    }

    /** Whether any transmit queue is stopped (full). */
    public boolean txQueueStopped() {
        for (DriverQueue q : queues) {
            if (q.tx.stopped()) {
                return true;
            }
        }
        return false;
    }

    /** A command id never used before by this driver. */
    public long nextCommandId() {
        return offload.nextCommandId();
    }

    /** Mints a connection handle of this adapter's handle space. */
    public OffloadHandle allocateHandle() {
        return handles.allocate();
    }

    /**
     * Submits {@code command} (its id from {@link #nextCommandId()}); costs
     * {@code offloadCommandCycles} on {@code core} (KERNEL) before the doorbell. The callback
     * runs when the completion is processed, or with HARDWARE_FAILURE after the command timeout.
     */
    public void submit(ToeCommand command, int core, CommandCallback callback) {
        offload.submit(Objects.requireNonNull(command, "command"), core, callback);
    }

    /**
     * Submits the command {@code build} makes (taking its id from {@link #nextCommandId()}) when
     * it enters the COMMAND ring: at once if the ring has room, else after the commands waiting
     * for it (FIFO; a {@code background} command waits behind every other one). Whatever the
     * command refers to in host memory need only exist once it is built.
     */
    public void submit(java.util.function.Supplier<ToeCommand> build, boolean background, int core,
            CommandCallback callback) {
        offload.submit(build, background, core, callback);
    }

    /** TOE commands waiting for room on the COMMAND ring now. */
    public int commandsWaiting() {
        return offload.commandsWaiting();
    }

    /** Posted receive buffers waiting for room on the POST ring now. */
    public int postsWaiting() {
        return offload.postsWaiting();
    }

    /** Offloaded send requests waiting for room on the SEND ring now. */
    public int sendsWaiting() {
        return offload.sendsWaiting();
    }

    /** Posts a receive buffer for {@code handle}'s connection (claims 1, 17, 18); returns its cookie. */
    public long postBuffer(OffloadHandle handle, long hostAddr, int lenBytes, int core,
            OffloadReceiveCallback callback) {
        return offload.postBuffer(handle, hostAddr, lenBytes, false, core, callback);
    }

    /**
     * Posts a receive buffer; a {@code noPush} one completes only when full or flushed (see
     * {@link org.toesim.nic.device.RxDescriptor.PostBuffer}). Returns its cookie.
     */
    public long postBuffer(OffloadHandle handle, long hostAddr, int lenBytes, boolean noPush, int core,
            OffloadReceiveCallback callback) {
        return offload.postBuffer(handle, hostAddr, lenBytes, noPush, core, callback);
    }

    /**
     * Lends the adapter the indication buffer {@code [hostAddr, hostAddr + lenBytes)} (see
     * {@link org.toesim.nic.device.RxDescriptor.IndicationBuffer}); returns its cookie, which the
     * adapter's {@link org.toesim.nic.device.DeviceEvent.IndicateData} names when it fills it.
     */
    public long postIndicationBuffer(long hostAddr, int lenBytes, int core) {
        return offload.postIndication(hostAddr, lenBytes, core);
    }

    /** Asks the adapter to send {@code lenBytes} at {@code hostAddr} on {@code handle}'s connection (claim 9). */
    public long toeSend(OffloadHandle handle, long hostAddr, int lenBytes, int core, OffloadSendCallback callback) {
        return offload.toeSend(handle, hostAddr, lenBytes, false, core, callback);
    }

    /**
     * Posts the graceful close of an offloaded connection: a zero-length ToeSend with {@code fin}
     * behind the connection's earlier send requests (the card sends the FIN after their bytes);
     * it completes when the peer acknowledged the FIN. Needs an adapter offering CLOSE_ON_CARD.
     */
    public long toeDisconnect(OffloadHandle handle, int core, OffloadSendCallback callback) {
        return offload.toeSend(handle, 0, 0, true, core, callback);
    }

    /** The root complex this driver talks through (for regions the offload layer registers). */
    public RootComplex rootComplex() {
        return rc;
    }

    public DriverConfig config() {
        return config;
    }

    /** Queue pairs this driver runs. */
    public int queues() {
        return queues.length;
    }

    /** The core that takes queue {@code q}'s interrupt and runs its NAPI poll. */
    public int queueCore(int q) {
        return queues[Objects.checkIndex(q, queues.length)].core;
    }

    /** The host rings of queue 0 (for inspection by tests and reports). */
    public HostRing ring(RingId id) {
        return ring(0, id);
    }

    /** Ring {@code id} of queue pair {@code q} (COMMAND and EVENT exist on queue 0 only). */
    public HostRing ring(int q, RingId id) {
        DriverQueue dq = queues[Objects.checkIndex(q, queues.length)];
        return switch (id) {
            case COMMAND -> q == 0 ? commandRing : null;
            case SEND -> dq.sendRing;
            case RECEIVE -> dq.receiveRing;
            case COMPLETION -> dq.completionRing;
            case EVENT -> q == 0 ? eventRing : null;
            case POST -> q == 0 ? postRing : null;
        };
    }

    /** Counters of queue pair {@code q} since creation (command counters are in {@link #stats()}). */
    public DriverStats stats(int q) {
        return queues[Objects.checkIndex(q, queues.length)].stats();
    }

    /** Counters since creation, summed over the queue pairs. */
    public DriverStats stats() {
        long[] v = new long[21];
        for (DriverQueue q : queues) {
            DriverStats s = q.stats();
            long[] w = {s.rxFrames(), s.rxBytes(), s.rxRefillDoorbells(), s.txFrames(), s.txBytes(), s.txReclaimed(),
                s.txWireFrames(), s.txQueueFullRefusals(), s.txWakes(), s.txDoorbells(), s.interrupts(),
                s.interruptsWhilePolling(), s.pollRuns(), s.budgetExhaustedRuns(), s.entriesProcessed(),
                s.headDoorbells(), 0, 0, 0, 0, s.events()};
            for (int i = 0; i < v.length; i++) {
                v[i] += w[i];
            }
        }
        return new DriverStats(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], v[12],
                v[13], v[14], v[15], offload.commandsSubmitted, offload.commandsCompleted, offload.commandsTimedOut,
                commandDoorbell.doorbells(), v[20]);
    }
}
