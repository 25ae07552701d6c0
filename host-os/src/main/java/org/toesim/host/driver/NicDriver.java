package org.toesim.host.driver;

import java.util.Objects;
import org.toesim.core.event.Simulator;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.pcie.BufferPool;
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
 * The NIC driver of one adapter (one queue set): rings and buffers in host memory, register
 * programming, interrupt + NAPI receive, transmit with batched doorbells, and the TOE command,
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
 *  offload supported: program the EVENT ring (BASE, VECTOR, SIZE), then tell the listener
 * </pre>
 * How the driver learns the device kind: like a firmware-managed adapter's driver, it always
 * asks. A TOE answers with its {@code Capability}; a plain NIC answers {@code Capability.none}
 * or completes with NOT_SUPPORTED (REFUSED); a device that never processes its command ring is
 * recorded as not capable after the command timeout. Attach programs the rings and posts
 * receive buffers first, so plain-NIC traffic flows while the query is outstanding. Attach
 * itself is not charged to the CPU (boot time), except the query command.
 *
 * <h2>Receive, transmit, offload</h2>
 * See {@link NapiPoll} (interrupt, poll budget, head doorbells), {@code RxPath} (delivery,
 * refill batches), {@code TxPath} (send, reclaim, backpressure) and {@code OffloadPath}
 * (commands, posted buffers, send requests by id).
 */
public final class NicDriver {
    private final Simulator sim;
    private final RootComplex rc;
    private final DriverConfig config;
    private final HostRing commandRing;
    private final HostRing sendRing;
    private final HostRing receiveRing;
    private final HostRing completionRing;
    private final HostRing eventRing;
    private final Doorbell commandDoorbell;
    private final Doorbell sendDoorbell;
    private final Doorbell receiveDoorbell;
    private final TypedRegion results;
    private final RxPath rx;
    private final TxPath tx;
    private final OffloadPath offload;
    private final NapiPoll napi;
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
        commandRing = ring(mem, n + ".cmd-ring", RingId.COMMAND, config.commandRingSlots());
        sendRing = ring(mem, n + ".tx-ring", RingId.SEND, config.sendRingSlots());
        receiveRing = ring(mem, n + ".rx-ring", RingId.RECEIVE, config.receiveRingSlots());
        completionRing = ring(mem, n + ".cq-ring", RingId.COMPLETION, config.completionRingSlots());
        eventRing = ring(mem, n + ".event-ring", RingId.EVENT, config.eventRingSlots());
        BufferPool rxPool = new BufferPool(mem, n + ".rx-buffers", RegionKind.SOCKET_BUFFER, config.rxBuffers(),
                config.rxBufferBytes());
        BufferPool txPool = new BufferPool(mem, n + ".tx-buffers", RegionKind.SOCKET_BUFFER,
                config.sendRingSlots() - 1, config.txBufferBytes());
        results = new TypedRegion(mem, n + ".cmd-results", RegionKind.OTHER, 4096);
        rc.register(rxPool);
        rc.register(txPool);
        rc.register(results);
        commandDoorbell = new Doorbell(rc, commandRing);
        sendDoorbell = new Doorbell(rc, sendRing);
        receiveDoorbell = new Doorbell(rc, receiveRing);
        rx = new RxPath(config, receiveRing, receiveDoorbell, rxPool, frameContent);
        tx = new TxPath(config, cpu, costs, sendRing, sendDoorbell, txPool, frameContent);
        offload = new OffloadPath(sim, config, cpu, costs, commandRing, commandDoorbell, receiveRing,
                receiveDoorbell, sendRing, sendDoorbell);
        napi = new NapiPoll(config, cpu, costs, rc, completionRing, eventRing, rx, tx, offload);
        handles = new OffloadHandle.Allocator(config.adapterId());
    }

    /** A driver whose frames travel as {@link org.toesim.nic.device.DmaData.FrameImage} ({@link FrameImageContent}). */
    public NicDriver(Simulator sim, RootComplex rc, DriverConfig config, CostTable costs) {
        this(sim, rc, config, costs, new FrameImageContent());
    }

    private HostRing ring(HostMemory mem, String name, RingId id, int slots) {
        HostRing r = new HostRing(mem, name, id, slots);
        rc.register(r);
        return r;
    }

    /** Programs the adapter, posts receive buffers and queries capability; {@code listener} gets the record. */
    public void attach(AttachListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (attached) {
            throw new IllegalStateException(config.name() + " is already attached");
        }
        attached = true;
        rc.bindVector(config.vector(), config.queueCore(), napi);
        for (HostRing r : new HostRing[] {commandRing, sendRing, receiveRing, completionRing}) {
            programRing(r);
        }
        rc.mmioWrite(Registers.irq(config.vector(), Registers.IRQ_USECS), 4, config.moderationUsecs());
        rc.mmioWrite(Registers.irq(config.vector(), Registers.IRQ_FRAMES), 4, config.moderationFrames());
        rc.mmioWrite(Registers.CONTROL, 4, Registers.CONTROL_ENABLE);
        rx.postAll();
        long resultAddr = results.region().baseAddress();
        long id = offload.nextCommandId();
        offload.submit(new ToeCommand.CapabilityQuery(id, resultAddr), config.queueCore(),
                (cmd, c, core) -> onCapability(id, resultAddr, c, listener));
    }

    private void programRing(HostRing r) {
        rc.mmioWrite(Registers.ring(r.id(), Registers.RING_BASE), 8, r.baseAddress());
        if (r.id().producer() == RingId.Producer.DEVICE) {
            rc.mmioWrite(Registers.ring(r.id(), Registers.RING_VECTOR), 4, config.vector());
        }
        rc.mmioWrite(Registers.ring(r.id(), Registers.RING_SIZE), 4, r.sizeSlots());
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
        if (adapter.offloadSupported()) {
            programRing(eventRing); // only an offload adapter has an EVENT ring
        }
        listener.onAttached(adapter);
    }

    /** The adapter record, or null while the capability query is outstanding. */
    public AdapterRecord adapter() {
        return adapter;
    }

    /** Where received frames go. */
    public void setFrameReceiver(FrameReceiver receiver) {
        rx.setReceiver(receiver);
    }

    /** Who is told when a stopped transmit queue has room again. */
    public void setTxQueueListener(TxQueueListener listener) {
        tx.setListener(listener);
    }

    /** Who gets adapter events (upload requests, indications). */
    public void setDeviceEventListener(DeviceEventListener listener) {
        napi.setEventListener(listener);
    }

    /** {@link #send(Frame, int, WorkClass, int)} in SOFTIRQ class (protocol output in the network stack), no TSO. */
    public boolean send(Frame frame, int core) {
        return send(frame, core, WorkClass.SOFTIRQ, 0);
    }

    /**
     * Queues {@code frame} for transmission; the descriptor cost runs on {@code core} in
     * {@code workClass} and the batch's last item rings the doorbell. With
     * {@code tsoMssBytes > 0} the NIC cuts the frame's segment into frames of that payload size.
     *
     * @return false (frame not taken, queue stopped) when the transmit queue is full; the
     *         {@link TxQueueListener} is told when it has room again
     */
    public boolean send(Frame frame, int core, WorkClass workClass, int tsoMssBytes) {
        return tx.send(Objects.requireNonNull(frame, "frame"), core, workClass, tsoMssBytes);
    }

    /** Whether the transmit queue is stopped (full). */
    public boolean txQueueStopped() {
        return tx.stopped();
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

    /** Posts a receive buffer for {@code handle}'s connection (claims 1, 17, 18); returns its cookie. */
    public long postBuffer(OffloadHandle handle, long hostAddr, int lenBytes, int core,
            OffloadReceiveCallback callback) {
        return offload.postBuffer(handle, hostAddr, lenBytes, core, callback);
    }

    /** Asks the adapter to send {@code lenBytes} at {@code hostAddr} on {@code handle}'s connection (claim 9). */
    public long toeSend(OffloadHandle handle, long hostAddr, int lenBytes, int core, OffloadSendCallback callback) {
        return offload.toeSend(handle, hostAddr, lenBytes, core, callback);
    }

    /** The root complex this driver talks through (for regions the offload layer registers). */
    public RootComplex rootComplex() {
        return rc;
    }

    public DriverConfig config() {
        return config;
    }

    /** The host rings (for inspection by tests and reports). */
    public HostRing ring(RingId id) {
        return switch (id) {
            case COMMAND -> commandRing;
            case SEND -> sendRing;
            case RECEIVE -> receiveRing;
            case COMPLETION -> completionRing;
            case EVENT -> eventRing;
        };
    }

    /** Counters since creation. */
    public DriverStats stats() {
        return new DriverStats(rx.framesIn, rx.bytesIn, receiveDoorbell.doorbells(), tx.framesOut, tx.bytesOut,
                tx.reclaimed, tx.wireFrames, tx.queueFullRefusals, tx.wakes, sendDoorbell.doorbells(), napi.interrupts,
                napi.interruptsWhilePolling, napi.runs, napi.budgetExhaustedRuns, napi.entriesProcessed,
                napi.headDoorbells, offload.commandsSubmitted, offload.commandsCompleted, offload.commandsTimedOut,
                commandDoorbell.doorbells(), napi.events);
    }
}
