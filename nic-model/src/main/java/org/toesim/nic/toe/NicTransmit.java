package org.toesim.nic.toe;

import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.plain.FrameTransmitter;
import org.toesim.nic.ring.DeviceQueues;

/**
 * The TOE's plain-NIC transmit: frames of connections the host stack runs (handshakes, host
 * ACKs, data before an offload and after a flush) go out through the card exactly as through a
 * {@code PlainNic}, by the same {@link FrameTransmitter}: read from the host's transmit buffer,
 * cut by TSO when the descriptor asks, handed to the MAC, completed with a
 * {@link DeviceCompletion.NicSendCompletion}. The card computes checksums and segments in
 * hardware, so both are always honoured.
 *
 * <pre>
 *   SEND: NicSend(addr, len, csum, cookie, tsoMss) --descriptor work on core 0--&gt; take(desc, slot)
 *     FrameTransmitter (reads of at most maxReadBytes each) --&gt; COMPLETION.post(NicSendCompletion(cookie, pieces)), slot done
 * </pre>
 */
final class NicTransmit implements FrameTransmitter.Owner {
    private final DeviceQueues queues;
    private final FrameTransmitter transmitter;
    private long framesSent;
    private long descriptors;
    private long malformed;

    NicTransmit(DmaEngine dma, DeviceQueues queues, MacPort mac) {
        this.queues = queues;
        this.transmitter = new FrameTransmitter(dma, mac, true, true, this);
        mac.setTxDoneListener((f, t) -> drainToMac());
    }

    /** A fetched NicSend in SEND ring slot {@code slot}. */
    void take(TxDescriptor.NicSend send, int slot) {
        // a send longer than one DMA read (a 64 KiB TSO send, 16 KiB reads) is fetched in
        // several reads: refusing it dropped the host stack's data without a word
        transmitter.take(send, 0, slot);
    }

    /** Hands frames to the MAC while its queue admits them (called again on TxDone). */
    void drainToMac() {
        transmitter.drainToMac();
    }

    @Override
    public void started(int tag, int pieces) {
    }

    @Override
    public void pieceSent(int tag, Frame piece) {
        framesSent++;
    }

    @Override
    public void completed(int tag, int slot, TxDescriptor.NicSend send, int pieces) {
        if (pieces == 0) {
            malformed++;
        }
        queues.writeBackRing(RingId.COMPLETION).post(new DeviceCompletion.NicSendCompletion(send.cookie(), pieces));
        queues.fetchRing(RingId.SEND).complete(slot);
        descriptors++;
    }

    /** Wire frames sent for host-stack descriptors. */
    long framesSent() {
        return framesSent;
    }

    /** NicSend descriptors completed (malformed ones included). */
    long descriptors() {
        return descriptors;
    }

    /** NicSend descriptors refused as malformed. */
    long malformed() {
        return malformed;
    }
}
