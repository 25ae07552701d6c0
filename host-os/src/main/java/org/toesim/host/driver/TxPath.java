package org.toesim.host.driver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.pcie.BufferPool;
import org.toesim.host.pcie.HostRing;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.frame.Frame;

/**
 * Plain-NIC transmit: frame -&gt; free transmit buffer -&gt; {@link TxDescriptor.NicSend} in the SEND
 * ring -&gt; driver work item (descriptor cost) -&gt; TAIL doorbell when the batch's last item is
 * done. {@link DeviceCompletion.NicSendCompletion} frees the buffer; a full queue stops until
 * {@code txWakeSlots} are free again.
 *
 * <pre>
 *   send(f) --full?--&gt; false, stopped
 *           --&gt; buffer b (free stack), put(b, content(f)), slot = produce(NicSend(addr(b), len, csum, b))
 *           --&gt; cpu: descriptorCycles (DRIVER) --&gt; Doorbell (one per batch)
 *   NicSendCompletion(b) --&gt; complete(slot), take(b), push free ; end of poll: wake if stopped and room
 * </pre>
 * Logged: the queue stopping (DEBUG: the SEND ring or the transmit buffers are full, the stack
 * queues in its qdisc), and waking (TRACE).
 */
final class TxPath {
    private static final Logger LOG = LoggerFactory.getLogger(TxPath.class);
    private final Simulator sim;
    private final int queue;
    private final DriverConfig config;
    private final HostCpu cpu;
    private final CostTable costs;
    private final HostRing ring;
    private final Doorbell doorbell;
    private final BufferPool pool;
    private final FrameContent frameContent;
    private final int[] freeBuffers;
    private final int[] slotOfBuffer;
    private int freeCount;
    private boolean stopped;
    private TxQueueListener listener;
    long framesOut;
    long bytesOut;
    long reclaimed;
    long wireFrames;
    long queueFullRefusals;
    long wakes;

    TxPath(Simulator sim, int queue, DriverConfig config, HostCpu cpu, CostTable costs, HostRing ring,
           Doorbell doorbell, BufferPool pool, FrameContent frameContent) {
        this.sim = sim;
        this.queue = queue;
        this.config = config;
        this.cpu = cpu;
        this.costs = costs;
        this.ring = ring;
        this.doorbell = doorbell;
        this.pool = pool;
        this.frameContent = frameContent;
        this.freeBuffers = new int[pool.count()];
        this.slotOfBuffer = new int[pool.count()];
        for (int i = pool.count() - 1; i >= 0; i--) {
            freeBuffers[freeCount++] = i;
        }
    }

    void setListener(TxQueueListener l) {
        this.listener = l;
    }

    boolean send(Frame frame, int core, WorkClass workClass, int tsoMssBytes) {
        if (freeCount == 0 || ring.freeSlots() == 0) {
            if (!stopped) {
                logStopped();
            }
            stopped = true;
            queueFullRefusals++;
            return false;
        }
        DmaData content = frameContent.toDma(frame);
        int b = freeBuffers[--freeCount];
        pool.put(b, content);
        slotOfBuffer[b] = ring.produce(new TxDescriptor.NicSend(pool.address(b), content.lenBytes(),
                config.txChecksumOffload(), b, tsoMssBytes));
        framesOut++;
        bytesOut += content.lenBytes();
        doorbell.begin();
        cpu.submit(core, workClass, CostCategory.DRIVER, costs.descriptorCycles(), doorbell, b);
        if (freeCount == 0 || ring.freeSlots() == 0) {
            if (!stopped) {
                logStopped();
            }
            stopped = true;
        }
        return true;
    }

    private void logStopped() {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: transmit queue {} stopped: {} full", Units.logTime(sim.now()), config.name(), queue,
                    freeCount == 0 ? "transmit buffers" : "SEND ring (" + ring.sizeSlots() + " slots)");
        }
    }

    /** A frame was sent: its buffer and slot are free; returns the slot. */
    int onCompletion(DeviceCompletion.NicSendCompletion c) {
        int b = (int) c.cookie();
        int slot = slotOfBuffer[b];
        ring.complete(slot);
        if (pool.take(b) == null) {
            throw new IllegalStateException(config.name() + ": send completion for free buffer " + b);
        }
        freeBuffers[freeCount++] = b;
        reclaimed++;
        wireFrames += c.framesSent();
        return slot;
    }

    /** End of a poll run: wakes a stopped queue once enough slots are free. */
    void maybeWake() {
        int free = Math.min(freeCount, ring.freeSlots());
        if (stopped && free >= config.txWakeSlots()) {
            stopped = false;
            wakes++;
            if (LOG.isTraceEnabled()) {
                LOG.trace("{} {}: transmit queue {} woken: {} slots free", Units.logTime(sim.now()), config.name(),
                        queue, free);
            }
            if (listener != null) {
                listener.onTxWake(free);
            }
        }
    }

    boolean stopped() {
        return stopped;
    }

    int freeBuffers() {
        return freeCount;
    }
}
