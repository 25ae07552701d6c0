package org.toesim.nic.plain;

import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.mac.MacPort;

/**
 * The transmit path of a {@link PlainNic}: which descriptor goes next and the per-queue
 * bookkeeping; the frames themselves go through the shared {@link FrameTransmitter}.
 *
 * <pre>
 *   SEND[q] fetched --&gt; take descriptors, queues round-robin, while the transmit packet buffer
 *                       has room --&gt; FrameTransmitter.take (one DMA read per descriptor)
 *   too large for one read --&gt; NicSendCompletion(cookie, 0) (txMalformed)
 *   FrameTransmitter: read, check, TSO-cut, hand to the MAC --&gt;
 *       COMPLETION[q].post(NicSendCompletion(cookie, pieces)), slot done, buffer space freed
 * </pre>
 */
final class TxPath implements FrameTransmitter.Owner {
    private final DmaEngine dma;
    private final PlainNicConfig config;
    private final QueuePair[] queues;
    private final FrameTransmitter transmitter;
    private long bufferedBytes;
    private int nextQueue;

    TxPath(DmaEngine dma, PlainNicConfig config, QueuePair[] queues, MacPort mac) {
        this.dma = dma;
        this.config = config;
        this.queues = queues;
        this.transmitter = new FrameTransmitter(dma, mac, config.txChecksumOffload(), config.tso(), this);
    }

    /** Takes fetched descriptors of all queues, round-robin, while the packet buffer has room. */
    void pump() {
        int idle = 0;
        while (idle < queues.length && (bufferedBytes == 0 || bufferedBytes < config.txBufferBytes())) {
            QueuePair qp = queues[nextQueue];
            nextQueue = (nextQueue + 1) % queues.length;
            if (qp.tx.hasFetched()) {
                take(qp);
                idle = 0;
            } else {
                idle++;
            }
        }
    }

    /** Takes the next descriptor of {@code qp} and reads its frame. */
    private void take(QueuePair qp) {
        int slot = qp.tx.nextIndex();
        RingEntry e = qp.tx.take();
        if (!(e instanceof TxDescriptor.NicSend send)) {
            throw new IllegalStateException("SEND[" + qp.index + "] slot " + slot + " holds " + e);
        }
        bufferedBytes += send.lenBytes();
        if (send.lenBytes() > dma.maxReadBytes()) {
            complete(qp, slot, send, 0); // no pump: we are inside it
            return;
        }
        transmitter.take(send, qp.index, slot);
    }

    /** Hands frames to the MAC while its queue admits them (called again on TxDone). */
    void drainToMac() {
        transmitter.drainToMac();
    }

    @Override
    public void started(int queue, int pieces) {
        if (pieces > 1) {
            queues[queue].stats.tsoSegments.add(pieces);
        }
    }

    @Override
    public void pieceSent(int queue, Frame piece) {
        QueueStats s = queues[queue].stats;
        s.txFrames.increment();
        s.txBytes.add(piece.lenBytes());
    }

    @Override
    public void completed(int queue, int slot, TxDescriptor.NicSend send, int framesSent) {
        complete(queues[queue], slot, send, framesSent);
        pump();
    }

    private void complete(QueuePair qp, int slot, TxDescriptor.NicSend send, int framesSent) {
        if (framesSent == 0) {
            qp.stats.txMalformed.increment();
        }
        qp.completion.post(new DeviceCompletion.NicSendCompletion(send.cookie(), framesSent));
        qp.tx.complete(slot);
        qp.stats.txDescriptors.increment();
        bufferedBytes -= send.lenBytes();
    }

    /** Bytes read (or being read) from the host and not yet handed to the MAC. */
    long bufferedBytes() {
        return bufferedBytes;
    }
}
