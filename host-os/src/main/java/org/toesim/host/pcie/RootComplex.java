package org.toesim.host.pcie;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.event.Simulator;
import org.toesim.core.random.DelayJitter;
import org.toesim.core.stats.Resettable;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.cpu.WorkHandler;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostBus;
import org.toesim.nic.device.HostEndpoint;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.Registers;
import org.toesim.tcp.segment.Payload;

/**
 * The host end of one PCIe link: serves the adapter's DMA from {@link HostMemory}, turns MSI-X
 * messages into interrupt work on the host CPU, and sends the host's register accesses.
 *
 * <pre>
 *  device -&gt; link -&gt; receive(msg)
 *    DmaReadRequest  --FIFO, + memory.accessLatencyPs()--&gt; route(addr).read --&gt; DmaReadCompletion --&gt; link
 *    DmaWrite        --&gt; route(addr).write (applied on arrival: the posted write enters the coherent domain)
 *    MsixInterrupt   --&gt; masked? pending bit (dispatched on unmask)
 *                    --&gt; mask; cpu.submit(core(vector), INTERRUPT, interruptCycles, handler(vector))
 *    MmioReadCompletion --&gt; callback of the read with that requestId
 *  route(addr): memory.find(addr) (binary search, O(log n)) -&gt; owner map (region -&gt; DmaTarget)
 *               no owner: raw memory (Bytes into real/virtual bytes; other content length only)
 *  host: mmioWrite / mmioRead --&gt; link (downstream FIFO)
 * </pre>
 * Reads are served in arrival order, each {@code accessLatencyPs} after it arrived (one
 * reusable event; pending reads in a ring of arrays, no allocation once grown). Note that the
 * link's {@code readRoundTripPs} may already include memory time; set the memory's access
 * latency to 0 in a scenario whose PCIe round trip is end-to-end.
 *
 * <p><b>Interrupt latency jitter.</b> With a {@link DelayJitter} set ({@link #setInterruptJitter};
 * the scenario's {@code variation.interruptJitter}, stream {@code "<rc>.irq.jitter"}), an
 * interrupt's handler is submitted to the CPU one draw after the MSI-X message arrived: the
 * interrupt-delivery latency of a real host (APIC delivery, interrupts-disabled sections, exit
 * from a core's idle state), which costs no cycles. The vector is masked from arrival on, so
 * interrupts in that window are held as pending, as the APIC's IRR holds a second one. One
 * reusable event per vector; {@link DelayJitter#OFF} (the default) submits at arrival, as before.
 */
public final class RootComplex implements HostEndpoint, Resettable {
    private final Simulator sim;
    private final HostMemory memory;
    private final HostCpu cpu;
    private final CostTable costs;
    private final String name;
    private final Map<MemoryRegion, DmaTarget> owners = new IdentityHashMap<>();
    private final int[] vectorCore = new int[Registers.MAX_VECTORS];
    private final WorkHandler[] vectorHandler = new WorkHandler[Registers.MAX_VECTORS];
    private final boolean[] vectorMasked = new boolean[Registers.MAX_VECTORS];
    private final boolean[] vectorPending = new boolean[Registers.MAX_VECTORS];
    private final Map<Long, MmioReadCallback> mmioReadsPending = new HashMap<>();
    private final Event readEvent;
    private DelayJitter interruptJitter = DelayJitter.OFF;
    /** Per vector, the delayed delivery of its dispatched interrupt (created with the jitter). */
    private Event[] deliveries;
    private HostBus bus;
    private long nextRequestId = 1;
    // pending DMA reads: FIFO ring of arrays
    private DeviceToHost.DmaReadRequest[] readQueue = new DeviceToHost.DmaReadRequest[16];
    private long[] readDuePs = new long[16];
    private int readHead;
    private int readCount;
    // counters
    private long dmaReads;
    private long dmaReadBytes;
    private long dmaWrites;
    private long dmaWriteBytes;
    private long interrupts;
    private long interruptsHeldByMask;
    private long mmioReadReplies;
    private long mmioWrites;
    private long mmioReads;

    /** A root complex named {@code name} serving {@code memory}, interrupts charged on {@code cpu}. */
    public RootComplex(Simulator sim, String name, HostMemory memory, HostCpu cpu, CostTable costs) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.name = Objects.requireNonNull(name, "name");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.cpu = Objects.requireNonNull(cpu, "cpu");
        this.costs = Objects.requireNonNull(costs, "costs");
        this.readEvent = sim.newEvent("pcie.rc.read", name, Priority.NORMAL, this::serveReads);
    }

    /** The downstream direction (the link) used for register accesses and read completions. */
    public void connect(HostBus hostBus) {
        this.bus = Objects.requireNonNull(hostBus, "hostBus");
    }

    public HostMemory memory() {
        return memory;
    }

    public HostCpu cpu() {
        return cpu;
    }

    public String name() {
        return name;
    }

    /** Routes DMA into {@code region} to {@code target}. */
    public void register(MemoryRegion region, DmaTarget target) {
        Objects.requireNonNull(target, "target");
        if (!region.isLive()) {
            throw new IllegalArgumentException("region " + region + " is freed");
        }
        if (owners.putIfAbsent(region, target) != null) {
            throw new IllegalArgumentException("region " + region + " already has a DMA owner");
        }
    }

    /** Registers {@code ring} as the owner of its region. */
    public void register(HostRing ring) {
        register(ring.region(), ring);
    }

    /** Registers {@code pool} as the owner of its region. */
    public void register(BufferPool pool) {
        register(pool.region(), pool);
    }

    /** Registers {@code typed} as the owner of its region. */
    public void register(TypedRegion typed) {
        register(typed.region(), typed);
    }

    /** Removes the owner of {@code region}; DMA there is then raw memory access. */
    public void unregister(MemoryRegion region) {
        owners.remove(region);
    }

    /**
     * MSI-X {@code vector} runs {@code handler.onWorkDone(core, vector)} as INTERRUPT work on
     * {@code core}, costing {@link CostTable#interruptCycles()} (entry and exit). Dispatch
     * masks the vector (what a NAPI driver's handler does first); the handler's owner calls
     * {@link #unmaskVector} when it is ready for the next interrupt.
     */
    public void bindVector(int vector, int core, WorkHandler handler) {
        Registers.irq(vector, 0); // range check
        Objects.checkIndex(core, cpu.cores());
        vectorCore[vector] = core;
        vectorHandler[vector] = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Delays every interrupt dispatched from now on by a draw of {@code jitter} before its
     * handler is queued on the CPU; {@link DelayJitter#OFF} delivers at arrival.
     */
    public void setInterruptJitter(DelayJitter jitter) {
        this.interruptJitter = Objects.requireNonNull(jitter, "jitter");
        if (jitter.enabled() && deliveries == null) {
            deliveries = new Event[Registers.MAX_VECTORS];
            for (int v = 0; v < deliveries.length; v++) {
                int vector = v;
                deliveries[v] = sim.newEvent("pcie.rc.irqDelivery", name + ".msix" + v, Priority.DELIVERY,
                        () -> deliver(vector));
            }
        }
    }

    /**
     * Masks MSI-X {@code vector} (the MSI-X table's per-vector mask bit, PCIe 3.0 section
     * 6.8.2.9): an interrupt arriving while masked only sets the vector's pending bit and costs
     * no CPU. Modelled at the root complex, so masking takes effect at once instead of one MMIO
     * write later; the driver masks while its NAPI poll is scheduled.
     */
    public void maskVector(int vector) {
        vectorMasked[vector] = true;
    }

    /** Unmasks {@code vector}; a pending interrupt is dispatched now. */
    public void unmaskVector(int vector) {
        vectorMasked[vector] = false;
        if (vectorPending[vector]) {
            vectorPending[vector] = false;
            dispatch(vector);
        }
    }

    /** The core MSI-X {@code vector} interrupts. */
    public int vectorCore(int vector) {
        return vectorCore[vector];
    }

    /** Sends a register write to BAR 0 now (posted). */
    public HostToDevice.MmioWrite mmioWrite(long offset, int lenBytes, long value) {
        HostToDevice.MmioWrite w = new HostToDevice.MmioWrite(nextRequestId++, sim.now(), Registers.BAR, offset,
                lenBytes, value);
        mmioWrites++;
        requireBus().sendToDevice(w);
        return w;
    }

    /** Sends a register read to BAR 0 now; {@code callback} gets the value when the completion arrives. */
    public void mmioRead(long offset, int lenBytes, MmioReadCallback callback) {
        Objects.requireNonNull(callback, "callback");
        HostToDevice.MmioRead r = new HostToDevice.MmioRead(nextRequestId++, sim.now(), Registers.BAR, offset,
                lenBytes);
        mmioReads++;
        mmioReadsPending.put(r.requestId(), (off, value) -> callback.onMmioRead(offset, value));
        requireBus().sendToDevice(r);
    }

    @Override
    public void receive(DeviceToHost message) {
        if (message instanceof DeviceToHost.DmaWrite w) {
            dmaWrites++;
            dmaWriteBytes += w.data().lenBytes();
            DmaTarget t = ownerOf(w.hostAddr());
            if (t != null) {
                t.write(w.hostAddr(), w.data());
            } else {
                writeRaw(w.hostAddr(), w.data());
            }
        } else if (message instanceof DeviceToHost.DmaReadRequest r) {
            enqueueRead(r);
        } else if (message instanceof DeviceToHost.MsixInterrupt m) {
            interrupt(m.vector());
        } else if (message instanceof DeviceToHost.MmioReadCompletion c) {
            mmioReadReplies++;
            MmioReadCallback cb = mmioReadsPending.remove(c.requestId());
            if (cb == null) {
                throw new IllegalStateException(name + ": MMIO read completion for no read: " + c);
            }
            cb.onMmioRead(0, c.value());
        }
    }

    private void interrupt(int vector) {
        WorkHandler h = vector >= 0 && vector < vectorHandler.length ? vectorHandler[vector] : null;
        if (h == null) {
            throw new IllegalStateException(name + ": MSI-X vector " + vector + " has no handler");
        }
        if (vectorMasked[vector]) {
            vectorPending[vector] = true;
            interruptsHeldByMask++;
            return;
        }
        dispatch(vector);
    }

    private void dispatch(int vector) {
        if (interruptJitter.enabled() && deliveries[vector].isPending()) {
            vectorPending[vector] = true; // unmasked and raised again before the last one reached the CPU
            interruptsHeldByMask++;
            return;
        }
        vectorMasked[vector] = true; // the handler's first act (Linux NAPI drivers); it unmasks when done
        interrupts++;
        if (interruptJitter.enabled()) {
            sim.scheduleIn(deliveries[vector], interruptJitter.drawPs());
            return;
        }
        deliver(vector);
    }

    private void deliver(int vector) {
        WorkHandler h = vectorHandler[vector];
        cpu.submit(vectorCore[vector], WorkClass.INTERRUPT, CostCategory.INTERRUPT, costs.interruptCycles(), h,
                vector);
    }

    private void enqueueRead(DeviceToHost.DmaReadRequest r) {
        if (readCount == readQueue.length) {
            growReads();
        }
        int i = (readHead + readCount) & (readQueue.length - 1);
        readQueue[i] = r;
        readDuePs[i] = sim.now() + memory.accessLatencyPs();
        readCount++;
        if (readCount == 1) {
            sim.scheduleAt(readEvent, readDuePs[i]);
        }
    }

    private void serveReads() {
        long now = sim.now();
        while (readCount > 0 && readDuePs[readHead] <= now) {
            DeviceToHost.DmaReadRequest r = readQueue[readHead];
            readQueue[readHead] = null;
            readHead = (readHead + 1) & (readQueue.length - 1);
            readCount--;
            DmaTarget t = ownerOf(r.hostAddr());
            DmaData data = t != null ? t.read(r.hostAddr(), r.lenBytes()) : readRaw(r.hostAddr(), r.lenBytes());
            dmaReads++;
            dmaReadBytes += r.lenBytes();
            requireBus().sendToDevice(new HostToDevice.DmaReadCompletion(r.requestId(), now, r.hostAddr(), data));
        }
        if (readCount > 0) {
            sim.scheduleAt(readEvent, readDuePs[readHead]);
        }
    }

    private void growReads() {
        int n = readQueue.length;
        DeviceToHost.DmaReadRequest[] q = new DeviceToHost.DmaReadRequest[n * 2];
        long[] d = new long[n * 2];
        for (int k = 0; k < readCount; k++) {
            q[k] = readQueue[(readHead + k) & (n - 1)];
            d[k] = readDuePs[(readHead + k) & (n - 1)];
        }
        readQueue = q;
        readDuePs = d;
        readHead = 0;
    }

    private DmaTarget ownerOf(long hostAddr) {
        MemoryRegion r = memory.regionAt(hostAddr);
        return owners.get(r);
    }

    private void writeRaw(long hostAddr, DmaData data) {
        if (data instanceof DmaData.Bytes b) {
            memory.writePayload(hostAddr, b.payload());
        } else {
            memory.writeLength(hostAddr, data.lenBytes());
        }
    }

    private DmaData readRaw(long hostAddr, int lenBytes) {
        MemoryRegion r = memory.regionAt(hostAddr);
        if (r.holdsBytes()) {
            return new DmaData.Bytes(Payload.real(0, memory.read(hostAddr, lenBytes), 0, lenBytes));
        }
        memory.readLength(hostAddr, lenBytes);
        return new DmaData.Opaque(lenBytes);
    }

    private HostBus requireBus() {
        if (bus == null) {
            throw new IllegalStateException(name + " is not connected to a link");
        }
        return bus;
    }

    /** MSI-X messages that arrived while their vector was masked (held as pending). */
    public long interruptsHeldByMask() {
        return interruptsHeldByMask;
    }

    /** DMA reads waiting for memory. */
    public int pendingReads() {
        return readCount;
    }

    /** Traffic since the last reset. */
    public PcieCounters counters() {
        return new PcieCounters(dmaReads, dmaReadBytes, dmaWrites, dmaWriteBytes, interrupts, mmioReadReplies,
                mmioWrites, mmioReads);
    }

    @Override
    public void reset(long nowPs) {
        dmaReads = 0;
        dmaReadBytes = 0;
        dmaWrites = 0;
        dmaWriteBytes = 0;
        interrupts = 0;
        interruptsHeldByMask = 0;
        mmioReadReplies = 0;
        mmioWrites = 0;
        mmioReads = 0;
    }
}
