package org.toesim.nic.toe;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.dma.DmaReadCallback;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.mac.QueueLimit;
import org.toesim.nic.plain.TsoSegmenter;
import org.toesim.nic.ring.DeviceQueues;

/**
 * The TOE's plain-NIC transmit: frames of connections the host stack runs (handshakes, host
 * ACKs, data before an offload and after a flush) go out through the card exactly as through a
 * {@code PlainNic}: the frame is DMA-read from the host's transmit buffer, cut by TSO when the
 * descriptor asks for it ({@link TsoSegmenter}, the plain NIC's segmenter), handed to the MAC,
 * and completed with a {@link DeviceCompletion.NicSendCompletion}. The card computes checksums
 * in hardware, so checksum offload is always honoured.
 *
 * <pre>
 *   SEND: NicSend(addr, len, csum, cookie, tsoMss) --descriptor work on core 0--&gt; take(desc, slot)
 *     len &gt; max read --&gt; NicSendCompletion(cookie, 0)           (malformed)
 *     DmaReadRequest(addr, len) --&gt; FrameImage? fits the MTU, or TSO-able with headers + mss &lt;= MTU?
 *        no  --&gt; NicSendCompletion(cookie, 0)                    (malformed)
 *        yes --&gt; job joins the MAC FIFO (DMA completion order)
 *   MAC FIFO: head job's next piece --&gt; MacPort.send if its queue admits it, else wait for TxDone;
 *             last piece handed over --&gt; COMPLETION.post(NicSendCompletion(cookie, pieces)), slot done
 * </pre>
 * Jobs are pooled; their index is the DMA cookie, so a steady stream allocates nothing but the
 * TSO pieces themselves.
 */
final class NicTransmit implements DmaReadCallback {
    /** One NicSend from fetch to completion. */
    private static final class Job {
        final int index;
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

    private final DmaEngine dma;
    private final DeviceQueues queues;
    private final MacPort mac;
    private final List<Job> jobs = new ArrayList<>();
    private final ArrayDeque<Job> freeJobs = new ArrayDeque<>();
    private final ArrayDeque<Job> macFifo = new ArrayDeque<>();
    private long framesSent;
    private long descriptors;
    private long malformed;

    NicTransmit(DmaEngine dma, DeviceQueues queues, MacPort mac) {
        this.dma = dma;
        this.queues = queues;
        this.mac = mac;
        mac.setTxDoneListener((f, t) -> drainToMac());
    }

    /** A fetched NicSend in SEND ring slot {@code slot}. */
    void take(TxDescriptor.NicSend send, int slot) {
        Job job = freeJobs.isEmpty() ? newJob() : freeJobs.pollFirst();
        job.slot = slot;
        job.send = send;
        if (send.lenBytes() > dma.maxReadBytes()) {
            malformed++;
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
        if (!(data instanceof DmaData.FrameImage image) || !acceptable(job.send, image.frame())) {
            malformed++;
            complete(job, 0);
            return;
        }
        job.frame = image.frame();
        job.mssBytes = job.send.tsoMssBytes() > 0 ? job.send.tsoMssBytes() : Integer.MAX_VALUE;
        job.pieces = TsoSegmenter.pieces(job.frame, job.mssBytes);
        job.sent = 0;
        macFifo.addLast(job);
        drainToMac();
    }

    private boolean acceptable(TxDescriptor.NicSend send, Frame frame) {
        int mtu = mac.config().mtuBytes();
        if (frame.ipTotalLenBytes() <= mtu) {
            return true;
        }
        int mss = send.tsoMssBytes();
        int headers = frame.ip().headerLenBytes() + frame.tcp().headerLenBytes();
        return mss > 0 && headers + mss <= mtu;
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
            framesSent++;
            if (job.sent == job.pieces) {
                macFifo.pollFirst();
                complete(job, job.pieces);
            }
        }
    }

    private void complete(Job job, int pieces) {
        queues.writeBackRing(RingId.COMPLETION).post(new DeviceCompletion.NicSendCompletion(job.send.cookie(),
                pieces));
        queues.fetchRing(RingId.SEND).complete(job.slot);
        descriptors++;
        job.send = null;
        job.frame = null;
        freeJobs.addLast(job);
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
