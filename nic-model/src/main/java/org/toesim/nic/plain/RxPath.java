package org.toesim.nic.plain;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.event.Simulator;
import org.toesim.core.units.Units;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RingEntry;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.frame.Frame;

/**
 * The receive path of a {@link PlainNic}.
 *
 * <pre>
 *   MacPort --frame--&gt; corrupted? drop (rxFcsDrops)
 *     --&gt; RSS: hash, queue q --&gt; [LRO of q, aggregates sized to q's buffers] --&gt; deliver(q, frame, hash, segments)
 *   deliver: a fetched NicBuffer on RECEIVE[q]?
 *       yes --&gt; too small? keep it for the next frame, drop (rxLengthErrors)
 *               DmaWrite(buffer, FrameImage) ; COMPLETION[q].post(NicReceiveCompletion) ; slot done
 *               (the write-back counts one event for q's moderator, which raises the MSI-X)
 *       no, but posted ones are being fetched --&gt; wait in the receive packet buffer (bounded)
 *       no buffer posted (or packet buffer full) --&gt; drop (rxMissed)
 *   RECEIVE[q] fetched --&gt; waiting frames of q are placed in arrival order
 * </pre>
 * Checksum-verified is reported when receive checksum offload is on: a frame that reaches this
 * point passed the FCS, and the model carries no other corruption.
 * Drops are logged per queue and episode at DEBUG (the first drop after a frame was placed, and
 * how many were dropped when frames are placed again) and per frame at TRACE.
 */
final class RxPath implements LroQueue.Delivery {
    private static final Logger LOG = LoggerFactory.getLogger(RxPath.class);
    private final Simulator sim;
    private final String owner;
    /** Frames dropped on each queue since a frame was last placed there (the drop episode). */
    private final long[] dropsInEpisode;
    private final DmaEngine dma;
    private final PlainNicConfig config;
    private final PlainNicStats stats;
    private final RssSteering rss;
    private final QueuePair[] queues;
    private final LroQueue[] lro;
    private final ArrayDeque<Waiting>[] waiting;
    private final RxDescriptor.NicBuffer[] heldBuffer;
    private final int[] heldSlot;
    /** Length of the last receive buffer seen on each queue (MAX_VALUE before the first). */
    private final int[] lastBufferBytes;
    private long waitingBytes;

    private record Waiting(Frame frame, int hash, int segments) {
    }

    @SuppressWarnings("unchecked")
    RxPath(Simulator sim, DmaEngine dma, PlainNicConfig config, PlainNicStats stats, RssSteering rss,
            QueuePair[] queues, String owner) {
        this.sim = sim;
        this.owner = owner;
        this.dropsInEpisode = new long[queues.length];
        this.dma = dma;
        this.config = config;
        this.stats = stats;
        this.rss = rss;
        this.queues = queues;
        this.lro = new LroQueue[queues.length];
        this.waiting = new ArrayDeque[queues.length];
        this.heldBuffer = new RxDescriptor.NicBuffer[queues.length];
        this.heldSlot = new int[queues.length];
        this.lastBufferBytes = new int[queues.length];
        Arrays.fill(lastBufferBytes, Integer.MAX_VALUE);
        for (int q = 0; q < queues.length; q++) {
            waiting[q] = new ArrayDeque<>();
            if (config.lro()) {
                lro[q] = new LroQueue(sim, q, config, this, stats.queue(q), owner);
            }
        }
    }

    /** A frame from the MAC. */
    void receive(Frame frame) {
        stats.rxFramesIn.increment();
        if (frame.corrupted()) {
            stats.rxFcsDrops.increment();
            return;
        }
        int hash = rss.hash(frame);
        int q = rss.queueOf(hash);
        if (lro[q] != null) {
            lro[q].receive(frame, hash);
        } else {
            deliver(q, frame, hash, 1);
        }
    }

    @Override
    public void deliver(int q, Frame frame, int hash, int segments) {
        if (!waiting[q].isEmpty()) {
            enqueueOrDrop(q, frame, hash, segments);
            return;
        }
        if (!place(q, frame, hash, segments)) {
            enqueueOrDrop(q, frame, hash, segments);
        }
    }

    @Override
    public int rxBufferBytes(int q) {
        if (heldBuffer[q] != null) {
            return heldBuffer[q].lenBytes();
        }
        if (queues[q].rx.peek() instanceof RxDescriptor.NicBuffer b) {
            lastBufferBytes[q] = b.lenBytes();
        }
        return lastBufferBytes[q];
    }

    /** RECEIVE[q] has new fetched buffers: place frames that waited for them. */
    void onBuffersFetched(int q) {
        ArrayDeque<Waiting> w = waiting[q];
        while (!w.isEmpty()) {
            Waiting head = w.peekFirst();
            if (!place(q, head.frame(), head.hash(), head.segments())) {
                if (!QueuePair.hasPostedBeyondTaken(queues[q].rx)) {
                    dropWaiting(q);
                }
                return;
            }
            w.pollFirst();
            waitingBytes -= head.frame().lenBytes();
        }
    }

    /** Places {@code frame} in the next buffer of queue {@code q}; false if none is on the card. */
    private boolean place(int q, Frame frame, int hash, int segments) {
        QueuePair qp = queues[q];
        RxDescriptor.NicBuffer buffer = heldBuffer[q];
        int slot = heldSlot[q];
        if (buffer == null) {
            if (!qp.rx.hasFetched()) {
                return false;
            }
            slot = qp.rx.nextIndex();
            RingEntry e = qp.rx.take();
            if (!(e instanceof RxDescriptor.NicBuffer b)) {
                throw new IllegalStateException(qp.rx.id() + "[" + q + "] slot " + slot + " holds " + e);
            }
            buffer = b;
        }
        if (buffer.lenBytes() < frame.lenBytes()) {
            heldBuffer[q] = buffer;
            heldSlot[q] = slot;
            qp.stats.rxLengthErrors.increment();
            dropped(q, frame, "next receive buffer smaller than the frame (rxLengthErrors)");
            return true;
        }
        heldBuffer[q] = null;
        if (dropsInEpisode[q] > 0) {
            placedAgain(q);
        }
        dma.write(buffer.hostAddr(), new DmaData.FrameImage(frame));
        qp.completion.post(new DeviceCompletion.NicReceiveCompletion(buffer.cookie(), frame.lenBytes(),
                config.rxChecksumOffload(), q, hash, segments));
        qp.rx.complete(slot);
        qp.stats.rxFrames.increment();
        qp.stats.rxBytes.add(frame.lenBytes());
        return true;
    }

    private void enqueueOrDrop(int q, Frame frame, int hash, int segments) {
        boolean fetching = QueuePair.hasPostedBeyondTaken(queues[q].rx);
        if (!fetching || waitingBytes + frame.lenBytes() > config.rxBufferBytes()) {
            queues[q].stats.rxMissed.increment();
            dropped(q, frame, !fetching ? "no receive buffer posted (rxMissed)" : "receive packet buffer full (rxMissed)");
            return;
        }
        waiting[q].addLast(new Waiting(frame, hash, segments));
        waitingBytes += frame.lenBytes();
    }

    private void dropWaiting(int q) {
        while (!waiting[q].isEmpty()) {
            Waiting w = waiting[q].pollFirst();
            waitingBytes -= w.frame().lenBytes();
            queues[q].stats.rxMissed.increment();
            dropped(q, w.frame(), "no receive buffer posted (rxMissed)");
        }
    }

    /**
     * A frame was dropped on queue {@code q}: DEBUG for the first of an episode, TRACE for each.
     */
    private void dropped(int q, Frame frame, String why) {
        if (dropsInEpisode[q]++ == 0 && LOG.isDebugEnabled()) {
            LOG.debug("{} {}: rx queue {} dropping frames: {}", Units.logTime(sim.now()), owner, q, why);
        }
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {}: rx queue {} dropped frame {} ({} B): {}", Units.logTime(sim.now()), owner, q,
                    frame.frameId(), frame.lenBytes(), why);
        }
    }

    private void placedAgain(int q) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: rx queue {} places frames again after {} dropped", Units.logTime(sim.now()), owner, q,
                    dropsInEpisode[q]);
        }
        dropsInEpisode[q] = 0;
    }

    /** Bytes in the receive packet buffer. */
    long waitingBytes() {
        return waitingBytes;
    }
}
