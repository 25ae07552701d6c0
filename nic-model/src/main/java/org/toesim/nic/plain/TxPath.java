package org.toesim.nic.plain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.dma.DmaReadCallback;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.mac.QueueLimit;

/**
 * The transmit path of a {@link PlainNic}.
 *
 * <pre>
 *   SEND[q] fetched --&gt; take descriptors, queues round-robin, while the transmit packet buffer
 *                       has room --&gt; DmaReadRequest(addr, len) (one read per descriptor)
 *   read completion --&gt; FrameImage? checks (offloads on, fits the MTU or TSO-able)
 *       bad --&gt; NicSendCompletion(cookie, 0) (txMalformed)
 *       ok  --&gt; job joins the MAC FIFO (DMA completion order)
 *   MAC FIFO: head job's next piece (TSO cut) --&gt; MacPort.send if its queue admits it, else wait
 *             for TxDone (never dropped); last piece handed over --&gt;
 *             COMPLETION[q].post(NicSendCompletion(cookie, pieces)), slot done, buffer space freed
 * </pre>
 */
final class TxPath implements DmaReadCallback {
    private final DmaEngine dma;
    private final PlainNicConfig config;
    private final QueuePair[] queues;
    private final MacPort mac;
    private final List<Job> jobs = new ArrayList<>();
    private final ArrayDeque<Job> freeJobs = new ArrayDeque<>();
    private final ArrayDeque<Job> macFifo = new ArrayDeque<>();
    private long bufferedBytes;
    private int nextQueue;

    /** One descriptor from fetch to completion; pooled, its index is the DMA cookie. */
    private static final class Job {
        final int index;
        int queue;
        int slot;
        TxDescriptor.NicSend send;
        Frame frame;
        int mssBytes;
        int pieces;
        int sent;

        Job(int index) {
            this.index = index;
        }
    }

    TxPath(DmaEngine dma, PlainNicConfig config, QueuePair[] queues, MacPort mac) {
        this.dma = dma;
        this.config = config;
        this.queues = queues;
        this.mac = mac;
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
        Job job = freeJobs.isEmpty() ? newJob() : freeJobs.pollFirst();
        job.queue = qp.index;
        job.slot = slot;
        job.send = send;
        bufferedBytes += send.lenBytes();
        if (send.lenBytes() > dma.maxReadBytes()) {
            qp.stats.txMalformed.increment();
            complete(job, 0);
            return;
        }
        dma.read(send.hostAddr(), send.lenBytes(), this, job.index);
    }

    private Job newJob() {
        Job j = new Job(jobs.size());
        jobs.add(j);
        return j;
    }

    @Override
    public void onReadComplete(long cookie, DmaData data) {
        Job job = jobs.get((int) cookie);
        QueuePair qp = queues[job.queue];
        if (!(data instanceof DmaData.FrameImage image) || !acceptable(job.send, image.frame())) {
            qp.stats.txMalformed.increment();
            finish(job, 0);
            return;
        }
        job.frame = image.frame();
        job.mssBytes = job.send.tsoMssBytes() > 0 ? job.send.tsoMssBytes() : Integer.MAX_VALUE;
        job.pieces = TsoSegmenter.pieces(job.frame, job.mssBytes);
        job.sent = 0;
        if (job.pieces > 1) {
            qp.stats.tsoSegments.add(job.pieces);
        }
        macFifo.addLast(job);
        drainToMac();
    }

    private boolean acceptable(TxDescriptor.NicSend send, Frame frame) {
        if (send.checksumOffload() && !config.txChecksumOffload()) {
            return false;
        }
        int mtu = mac.config().mtuBytes();
        if (frame.ipTotalLenBytes() <= mtu) {
            return true;
        }
        int mss = send.tsoMssBytes();
        int headers = frame.ip().headerLenBytes() + frame.tcp().headerLenBytes();
        return config.tso() && mss > 0 && headers + mss <= mtu;
    }

    /** Hands frames to the MAC while its queue admits them (called again on TxDone). */
    void drainToMac() {
        QueueLimit limit = mac.config().txQueue();
        while (!macFifo.isEmpty()) {
            Job job = macFifo.peekFirst();
            Frame piece = TsoSegmenter.piece(job.frame, job.mssBytes, job.sent);
            if (mac.isTransmitting() && !limit.admits(mac.queuedFrames(), mac.queuedBytes(), piece.lenBytes())) {
                return;
            }
            mac.send(piece);
            job.sent++;
            QueueStats s = queues[job.queue].stats;
            s.txFrames.increment();
            s.txBytes.add(piece.lenBytes());
            if (job.sent == job.pieces) {
                macFifo.pollFirst();
                finish(job, job.pieces);
            }
        }
    }

    private void finish(Job job, int framesSent) {
        complete(job, framesSent);
        pump();
    }

    private void complete(Job job, int framesSent) {
        QueuePair qp = queues[job.queue];
        qp.completion.post(new DeviceCompletion.NicSendCompletion(job.send.cookie(), framesSent));
        qp.tx.complete(job.slot);
        qp.stats.txDescriptors.increment();
        bufferedBytes -= job.send.lenBytes();
        job.send = null;
        job.frame = null;
        freeJobs.addLast(job);
    }

    /** Bytes read (or being read) from the host and not yet handed to the MAC. */
    long bufferedBytes() {
        return bufferedBytes;
    }
}
