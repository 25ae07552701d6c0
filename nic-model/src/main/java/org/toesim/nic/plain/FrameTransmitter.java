package org.toesim.nic.plain;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.dma.DmaReadCallback;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.mac.MacPort;
import org.toesim.nic.mac.QueueLimit;

/**
 * Sends host frames described by {@link TxDescriptor.NicSend}: the one transmit engine of the
 * plain NIC and of the TOE's host-stack path.
 *
 * <pre>
 *   take(send, tag, slot) --&gt; DmaReadRequest(addr + k * maxReadBytes) per chunk (a send longer
 *                             than one read, e.g. a 64 KiB TSO send on a card with 16 KiB reads,
 *                             comes as one Part per read, in issue order, reassembled)
 *   last read completion --&gt; FrameImage that fits the MTU, or TSO-able (headers + mss &lt;= MTU)?
 *       no  --&gt; owner.completed(.., 0)                                 (malformed)
 *       yes --&gt; owner.started(tag, pieces); job joins the MAC FIFO (DMA completion order)
 *   drainToMac(): head job's next TSO piece --&gt; MacPort.send if its queue admits it, else wait
 *                 for TxDone (never dropped) --&gt; owner.pieceSent; last piece --&gt; owner.completed
 *                 (a port with deviceWaits false: MacPort.send at once, dropped there when full)
 * </pre>
 * Jobs are pooled and their index is the DMA cookie, so a steady stream allocates nothing but
 * the TSO pieces themselves. The caller re-calls {@link #drainToMac} on the MAC's TxDone.
 */
public final class FrameTransmitter implements DmaReadCallback {
    /** What the owner (a NIC's transmit path) hears about each descriptor. */
    public interface Owner {
        /** The frame of the descriptor tagged {@code tag} was read and will go out in {@code pieces} pieces. */
        void started(int tag, int pieces);

        /** A piece went to the MAC. */
        void pieceSent(int tag, Frame piece);

        /** The descriptor is done: {@code framesSent} pieces handed to the MAC, 0 when refused. */
        void completed(int tag, int slot, TxDescriptor.NicSend send, int framesSent);
    }

    /** One descriptor from its read to its completion. */
    private static final class Job {
        final int index;
        int tag;
        int slot;
        TxDescriptor.NicSend send;
        Frame frame;
        int mssBytes;
        int pieces;
        int sent;
        /** Reads of the descriptor not yet completed, the offset the next part must start at, and the data. */
        int readsLeft;
        int nextOffsetBytes;
        DmaData whole;
        boolean malformed;

        Job(int index) {
            this.index = index;
        }
    }

    private final DmaEngine dma;
    private final MacPort mac;
    private final boolean checksumOffload;
    private final boolean tso;
    private final Owner owner;
    private final List<Job> jobs = new ArrayList<>();
    private final ArrayDeque<Job> freeJobs = new ArrayDeque<>();
    private final ArrayDeque<Job> macFifo = new ArrayDeque<>();

    /**
     * @param checksumOffload whether descriptors may ask the NIC to fill in checksums
     * @param tso             whether descriptors may ask for TCP segmentation
     */
    public FrameTransmitter(DmaEngine dma, MacPort mac, boolean checksumOffload, boolean tso, Owner owner) {
        this.dma = dma;
        this.mac = mac;
        this.checksumOffload = checksumOffload;
        this.tso = tso;
        this.owner = owner;
    }

    /** Reads the frame of {@code send} (taken from ring slot {@code slot}; {@code tag} is the owner's). */
    public void take(TxDescriptor.NicSend send, int tag, int slot) {
        Job job = freeJobs.isEmpty() ? newJob() : freeJobs.pollFirst();
        job.tag = tag;
        job.slot = slot;
        job.send = send;
        job.readsLeft = 0;
        job.nextOffsetBytes = 0;
        job.whole = null;
        job.malformed = false;
        int len = send.lenBytes();
        int max = dma.maxReadBytes();
        // count the reads before issuing any: a completion may arrive synchronously
        job.readsLeft = (len + max - 1) / max;
        for (int off = 0; off < len; off += max) {
            dma.read(send.hostAddr() + off, Math.min(len - off, max), this, job.index);
        }
    }

    private Job newJob() {
        Job j = new Job(jobs.size());
        jobs.add(j);
        return j;
    }

    @Override
    public void onReadComplete(long cookie, DmaData data) {
        Job job = jobs.get((int) cookie);
        if (data instanceof DmaData.Part part && part.offsetBytes() == job.nextOffsetBytes
                && (job.whole == null || part.whole() == job.whole)) {
            job.whole = part.whole();
        } else if (job.nextOffsetBytes == 0 && data.lenBytes() == job.send.lenBytes()) {
            job.whole = data;
        } else {
            job.malformed = true;
        }
        job.nextOffsetBytes += data.lenBytes();
        if (--job.readsLeft > 0) {
            return;
        }
        if (job.malformed || !(job.whole instanceof DmaData.FrameImage image)
                || !acceptable(job.send, image.frame())) {
            done(job, 0);
            return;
        }
        job.frame = image.frame();
        job.mssBytes = job.send.tsoMssBytes() > 0 ? job.send.tsoMssBytes() : Integer.MAX_VALUE;
        job.pieces = TsoSegmenter.pieces(job.frame, job.mssBytes);
        job.sent = 0;
        owner.started(job.tag, job.pieces);
        macFifo.addLast(job);
        drainToMac();
    }

    private boolean acceptable(TxDescriptor.NicSend send, Frame frame) {
        if (send.checksumOffload() && !checksumOffload) {
            return false;
        }
        int mtu = mac.config().mtuBytes();
        if (frame.ipTotalLenBytes() <= mtu) {
            return true;
        }
        int mss = send.tsoMssBytes();
        int headers = frame.ip().headerLenBytes() + frame.tcp().headerLenBytes();
        return tso && mss > 0 && headers + mss <= mtu;
    }

    /**
     * Hands pieces to the MAC while its queue admits them; call again on the MAC's TxDone. A
     * port that is a link's drop-tail buffer ({@link org.toesim.nic.mac.MacConfig#deviceWaits()}
     * false) takes every piece at once and drops what does not fit.
     */
    public void drainToMac() {
        QueueLimit limit = mac.config().txQueue();
        boolean waits = mac.config().deviceWaits();
        while (!macFifo.isEmpty()) {
            Job job = macFifo.peekFirst();
            Frame piece = TsoSegmenter.piece(job.frame, job.mssBytes, job.sent);
            if (waits && mac.isTransmitting() && !limit.admits(mac.queuedFrames(), mac.queuedBytes(), piece.lenBytes())) {
                return;
            }
            mac.send(piece);
            job.sent++;
            owner.pieceSent(job.tag, piece);
            if (job.sent == job.pieces) {
                macFifo.pollFirst();
                done(job, job.pieces);
            }
        }
    }

    private void done(Job job, int framesSent) {
        TxDescriptor.NicSend send = job.send;
        job.send = null;
        job.frame = null;
        job.whole = null;
        freeJobs.addLast(job);
        owner.completed(job.tag, job.slot, send, framesSent);
    }
}
