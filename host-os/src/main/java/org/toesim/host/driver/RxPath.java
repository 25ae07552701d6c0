package org.toesim.host.driver;

import org.toesim.host.pcie.BufferPool;
import org.toesim.host.pcie.HostRing;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.frame.Frame;

/**
 * Plain-NIC receive: a pool of frame buffers kept posted on the RECEIVE ring. A completed
 * buffer's frame goes to the {@link FrameReceiver}; the buffer is re-posted in batches of
 * {@code rxRefillBatch} with one TAIL doorbell each, and the rest at the end of the poll run.
 *
 * <pre>
 *   NicReceiveCompletion(cookie = buffer i) -&gt; slot of i complete -&gt; frame = content(i) -&gt; onFrame
 *      -&gt; refill[i] ; refill full? -&gt; NicBuffer(i) x batch into ring, one doorbell
 * </pre>
 */
final class RxPath {
    private final DriverConfig config;
    private final HostRing ring;
    private final Doorbell doorbell;
    private final BufferPool pool;
    private final FrameContent frameContent;
    private final int[] slotOfBuffer;
    private final int[] refill;
    /** One descriptor per buffer, made once: a buffer's address, length and cookie never change. */
    private final RxDescriptor.NicBuffer[] descriptors;
    private int refillCount;
    private FrameReceiver receiver;
    long framesIn;
    long bytesIn;
    long refillBatches;

    RxPath(DriverConfig config, HostRing ring, Doorbell doorbell, BufferPool pool, FrameContent frameContent) {
        this.config = config;
        this.ring = ring;
        this.doorbell = doorbell;
        this.pool = pool;
        this.frameContent = frameContent;
        this.slotOfBuffer = new int[pool.count()];
        this.refill = new int[pool.count()];
        this.descriptors = new RxDescriptor.NicBuffer[pool.count()];
        for (int i = 0; i < descriptors.length; i++) {
            descriptors[i] = new RxDescriptor.NicBuffer(pool.address(i), pool.bufferBytes(), i);
        }
    }

    void setReceiver(FrameReceiver r) {
        this.receiver = r;
    }

    /** Posts every buffer (attach). */
    void postAll() {
        for (int i = 0; i < pool.count(); i++) {
            refill[refillCount++] = i;
        }
        flushRefill();
    }

    void onCompletion(DeviceCompletion.NicReceiveCompletion c, int core) {
        int i = (int) c.cookie();
        ring.complete(slotOfBuffer[i]);
        DmaData content = pool.take(i);
        if (content == null) {
            throw new IllegalStateException(config.name() + ": receive completion for empty buffer " + i);
        }
        Frame frame = frameContent.toFrame(content);
        framesIn++;
        bytesIn += c.lenBytes();
        refill[refillCount++] = i;
        if (refillCount >= config.rxRefillBatch()) {
            flushRefill();
        }
        if (receiver != null) {
            receiver.onFrame(frame, core, new RxInfo(c.queue(), c.lenBytes(), c.checksumVerified(), c.coalescedSegments()));
        }
    }

    /** Re-posts every buffer waiting for refill, one doorbell (end of a batch or of a poll run). */
    void flushRefill() {
        if (refillCount == 0) {
            return;
        }
        int n = Math.min(refillCount, ring.freeSlots());
        for (int k = 0; k < n; k++) {
            int i = refill[k];
            slotOfBuffer[i] = ring.produce(descriptors[i]);
        }
        System.arraycopy(refill, n, refill, 0, refillCount - n);
        refillCount -= n;
        refillBatches++;
        doorbell.ringIfIdle();
    }

    int buffersAwaitingRefill() {
        return refillCount;
    }
}
