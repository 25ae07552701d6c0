package org.toesim.nic.testing;

import org.toesim.core.event.Simulator;
import org.toesim.nic.device.DeviceBus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceEndpoint;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.HostToDevice;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.dma.DmaReadCallback;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.ring.DeviceQueues;
import org.toesim.nic.ring.FetchRing;

/**
 * A minimal device built from the real parts, for tests of the parts and as a template for
 * device models: every {@link TxDescriptor.NicSend} on the SEND ring has its buffer read by DMA
 * and is then completed with a {@link DeviceCompletion.NicSendCompletion} on the COMPLETION ring
 * (interrupt moderated by vector 0).
 */
public final class EchoTestDevice implements DeviceEndpoint, FetchRing.Listener, DmaReadCallback {
    private final Simulator sim;
    private final DeviceBus bus;
    private final DmaEngine dma;
    private final DeviceQueues queues;
    private final long[] cookieBySlot = new long[4096];

    public EchoTestDevice(Simulator sim, DeviceBus bus, PcieSpec spec, int maxReadTags, int fetchBatch) {
        this.sim = sim;
        this.bus = bus;
        this.dma = new DmaEngine(sim, bus, spec, maxReadTags);
        this.queues = new DeviceQueues(sim, dma, bus, "echo", fetchBatch, Math.max(fetchBatch, 16), this);
    }

    public DmaEngine dma() {
        return dma;
    }

    public DeviceQueues queues() {
        return queues;
    }

    @Override
    public void receive(HostToDevice message) {
        if (message instanceof HostToDevice.MmioWrite w) {
            if (!queues.onMmioWrite(w)) {
                throw new AssertionError("unhandled register write " + w);
            }
        } else if (message instanceof HostToDevice.MmioRead r) {
            bus.sendToHost(new DeviceToHost.MmioReadCompletion(r.requestId(), sim.now(),
                    queues.readRegister(r.offset()), r.lenBytes()));
        } else if (message instanceof HostToDevice.DmaReadCompletion c) {
            if (!dma.onCompletion(c)) {
                throw new AssertionError("completion for no read: " + c);
            }
        }
    }

    @Override
    public void onFetched(FetchRing ring) {
        while (ring.hasFetched()) {
            int slot = ring.nextIndex();
            RingEntry e = ring.take();
            if (e instanceof TxDescriptor.NicSend send) {
                cookieBySlot[slot] = send.cookie();
                dma.read(send.hostAddr(), send.lenBytes(), this, slot);
            } else {
                throw new AssertionError("echo device cannot handle " + e);
            }
        }
    }

    @Override
    public void onReadComplete(long cookie, DmaData data) {
        int slot = (int) cookie;
        queues.writeBackRing(RingId.COMPLETION).post(new DeviceCompletion.NicSendCompletion(cookieBySlot[slot]));
        queues.fetchRing(RingId.SEND).complete(slot);
    }
}
