package org.toesim.nic.toe;

import java.util.ArrayDeque;
import java.util.Iterator;
import org.toesim.core.event.Simulator;
import org.toesim.core.stats.TimeWeighted;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.ring.DeviceQueues;
import org.toesim.tcp.segment.Payload;

/**
 * Fast-path receive placement (claims 1, 2, 3, 15, 17): in-order payload, free of headers, goes
 * by DMA straight into the buffer the host posted for the connection's handle.
 *
 * <pre>
 *   fast-path segment -&gt; engine.input (ACK to the peer per the engine's delayed-ACK rules)
 *     -&gt; held += in-order slice
 *     -&gt; drain: DmaWrite(buf.addr + filled, Bytes(slice)) per run; engine.consume(n)
 *          buffer full                    -&gt; ReceiveCompletion(bytesPlaced, push=false)
 *          segment had PSH                -&gt; ReceiveCompletion(bytesPlaced, push=true)
 *          push timer (first byte + 500 ms) -&gt; ReceiveCompletion(bytesPlaced, push=false)
 *          (a noPush buffer completes only when full or at flush: no PSH, no push timer)
 *     -&gt; no buffer posted: data stays on the card (window closes as it fills; the post that
 *        drains it runs the engine's output: window update);
 *        an IndicationBuffer, if any, gets a copy: IndicateData(bytesPlaced, bytesPending);
 *        if none is there the connection waits (FIFO) and is served when the host posts one;
 *        UpdateOffload(appAcceptedBytes, indicationsAnswered) drops the bytes the host took.
 * </pre>
 * Indications, one outstanding per connection (Chimney's "indicate, then post"):
 * <pre>
 *   held [h, h+n), no buffer --&gt; IndicateData(n)            sent = answered + 1
 *     buffers posted meanwhile wait: the host may take [h, h+n) or part of it
 *   UpdateOffload(accepted k, answered) --&gt; drop [h, h+k); answered = sent
 *     k = n: the next held bytes may be indicated at once
 *     k &lt; n: [h+k, ..) stays held; no indication until a posted buffer takes bytes
 *   then drain: held bytes go to posted buffers, or the next indication
 * </pre>
 * The host's {@code appAcceptedBytes} counts from the install ({@code acceptBase}) and only
 * grows, so a stale update never drops bytes twice. An unanswered indication at a flush is
 * harmless: its bytes are still held and go back in the CCB.
 */
final class ReceivePath {
    private final Simulator sim;
    private final DmaEngine dma;
    private final DeviceQueues queues;
    private final long pushTimerPs;
    /** Refused indications double a connection's delay, at most this many times (x64). */
    static final int MAX_INDICATION_BACKOFF = 6;
    /** Held bytes wait this long with no posted buffer before they are indicated. */
    private final long indicationDelayPs;
    /** The host has lent an indication buffer at some point. */
    private boolean anyIndicationBuffer;
    private final ArrayDeque<RxDescriptor.IndicationBuffer> indicationBuffers = new ArrayDeque<>();
    private final ArrayDeque<Integer> indicationSlots = new ArrayDeque<>();
    private final ArrayDeque<CardConnection> awaitingIndication = new ArrayDeque<>();
    private final UploadMonitor monitor;
    private final CardTracer tracer;
    private long bytesPlaced;
    private long bytesIndicated;
    private long indications;
    private long bytesAcceptedFromIndications;
    private long completions;
    private long peerCloses;
    /** Connections now holding received bytes with no posted buffer and none indicated. */
    private final TimeWeighted starved;
    private long starvationEpisodes;

    ReceivePath(Simulator sim, DmaEngine dma, DeviceQueues queues, long pushTimerPs, long indicationDelayPs,
                UploadMonitor monitor, CardTracer tracer) {
        this.tracer = tracer;
        this.indicationDelayPs = indicationDelayPs;
        this.sim = sim;
        this.monitor = monitor;
        this.dma = dma;
        this.queues = queues;
        this.pushTimerPs = pushTimerPs;
        this.starved = new TimeWeighted("toe.bufferStarved", sim.now(), 0);
    }

    /**
     * A posted buffer for {@code c} arrived (fetched descriptor in ring slot {@code slot}). Held
     * bytes placed into it leave the card's receive buffer, so the engine runs its output: a
     * window that had closed is advertised again at once (RFC 9293 section 3.8.6.2.2) rather
     * than when the peer's zero-window probe comes.
     */
    void post(CardConnection c, RxDescriptor.PostBuffer desc, int slot) {
        c.posted.addLast(new CardConnection.Posted(desc, slot));
        long placedBefore = bytesPlaced;
        drain(c);
        if (bytesPlaced != placedBefore) {
            c.kick(sim.now());
        }
    }

    /**
     * A driver-owned indication buffer arrived: connections that found none when their data
     * arrived are served first, in the order they started waiting.
     */
    void addIndicationBuffer(RxDescriptor.IndicationBuffer desc, int slot) {
        anyIndicationBuffer = true;
        indicationBuffers.addLast(desc);
        indicationSlots.addLast(slot);
        while (!indicationBuffers.isEmpty() && !awaitingIndication.isEmpty()) {
            CardConnection c = awaitingIndication.pollFirst();
            c.awaitingIndication = false;
            if (c.active && c.posted.isEmpty()) {
                indicate(c);
                monitor.onReceiveState(c);
                trackStarvation(c);
            }
        }
    }

    /** {@code bytes} new in-order bytes of {@code slice} became readable on {@code c}. */
    void append(CardConnection c, Payload slice) {
        c.held.addLast(slice);
        c.heldBytes += slice.lenBytes();
    }

    /** Places held bytes into posted buffers, completes buffers, indicates the rest. */
    void drain(CardConnection c) {
        boolean answered = !indicationOutstanding(c);
        if (answered && c.heldBytes > 0 && !c.posted.isEmpty()) {
            c.indicationsPaused = false; // a posted buffer takes bytes: indications may resume
        }
        while (answered && c.heldBytes > 0 && !c.posted.isEmpty()) {
            CardConnection.Posted b = c.posted.peekFirst();
            int n = (int) Math.min(b.desc.lenBytes() - b.filledBytes, c.heldBytes);
            if (b.filledBytes == 0) {
                b.firstBytePs = sim.now();
            }
            placeFromHead(c, n, b.desc.hostAddr() + b.filledBytes);
            b.filledBytes += n;
            if (b.filledBytes == b.desc.lenBytes()) {
                complete(c, false, CommandStatus.SUCCESS);
            }
        }
        CardConnection.Posted first = c.posted.peekFirst();
        if (first != null && first.desc.noPush()) {
            c.pushPending = false; // a nonpush buffer completes when full: the PSH only ends a placement
        } else if (first != null && first.filledBytes > 0) {
            if (c.pushPending) {
                complete(c, true, CommandStatus.SUCCESS);
            } else if (!c.pushTimer.isPending()) {
                sim.scheduleAt(c.pushTimer, first.firstBytePs + pushTimerPs);
            }
        }
        if (c.heldBytes == 0) {
            c.pushPending = false;
        }
        if (c.heldBytes > 0 && c.posted.isEmpty()) {
            indicateSoon(c);
        }
        if (c.peerFinPending && c.heldBytes == 0 && c.active) {
            endOfStream(c);
        }
        monitor.onReceiveState(c);
        trackStarvation(c);
    }

    /**
     * Every byte before the peer's FIN is placed: a partly filled buffer completes (push: a
     * nonpush buffer too, as MSG_WAITALL returns short at the end of the stream) and the host
     * is told, with the byte count it must have seen completed first.
     */
    private void endOfStream(CardConnection c) {
        c.peerFinPending = false;
        CardConnection.Posted first = c.posted.peekFirst();
        if (first != null && first.filledBytes > 0) {
            complete(c, true, CommandStatus.SUCCESS);
        }
        queues.writeBackRing(RingId.EVENT).post(new DeviceEvent.PeerClosed(c.handle, c.bytesCompleted));
        peerCloses++;
    }

    /** PeerClosed events written. */
    long peerCloses() {
        return peerCloses;
    }

    /**
     * The push timer of {@code c} fired. With no buffer posted it is the indication delay
     * (the two never run at once: one needs a posted buffer, the other none).
     */
    void onPushTimer(CardConnection c) {
        CardConnection.Posted first = c.posted.peekFirst();
        if (c.active && first == null && c.heldBytes > 0) {
            indicate(c);
            monitor.onReceiveState(c);
            trackStarvation(c);
            return;
        }
        if (!c.active || first == null || first.filledBytes == 0 || first.desc.noPush()) {
            return;
        }
        if (sim.now() >= first.firstBytePs + pushTimerPs) {
            complete(c, false, CommandStatus.SUCCESS);
        } else {
            sim.scheduleAt(c.pushTimer, first.firstBytePs + pushTimerPs);
        }
    }

    /**
     * The host has accepted {@code acceptedCount} bytes since the install and answered
     * {@code answered} indications: held bytes it took from an indication leave the card
     * (counted as completed, as the host counts them), and an answered indication lets held
     * bytes go to posted buffers again.
     */
    void accept(CardConnection c, long acceptedCount, long answered) {
        long k = Math.min(c.acceptBase + acceptedCount - c.headOffset, c.heldBytes);
        if (k > 0) {
            takeFromHead(c, (int) k, -1);
            c.bytesCompleted += k;
            bytesAcceptedFromIndications += k;
        }
        boolean resolved = false;
        if (answered > c.indicationsAnswered && indicationOutstanding(c)) {
            c.indicationsAnswered = Math.min(answered, c.indicationsSent);
            if (!indicationOutstanding(c)) {
                resolved = true;
                if (c.indicatedUpTo > c.headOffset) { // the host took less than it was shown
                    c.indicationsPaused = true;
                    c.indicatedUpTo = c.headOffset;
                }
                // a refusal (a buffer of the host's was on its way) doubles the connection's delay
                c.indicationBackoff = k > 0 ? 0 : Math.min(c.indicationBackoff + 1, MAX_INDICATION_BACKOFF);
            }
        }
        if (k > 0 || resolved) {
            drain(c);
            c.kick(sim.now());
        }
    }

    private static boolean indicationOutstanding(CardConnection c) {
        return c.indicationsSent > c.indicationsAnswered;
    }

    /** Hands every posted buffer of {@code c} back with {@code status} (flush). */
    void returnAll(CardConnection c, CommandStatus status) {
        while (!c.posted.isEmpty()) {
            complete(c, false, status);
        }
        sim.cancel(c.pushTimer);
        trackStarvation(c);
    }

    /**
     * Posted-buffer starvation of {@code c}: received in-order bytes wait on the card with no
     * posted buffer to place them in and none indicated to the host. Counted per connection
     * (an inactive connection, flushed or on a failed card, is never starved).
     */
    void trackStarvation(CardConnection c) {
        boolean now = c.active && c.heldBytes > 0 && c.posted.isEmpty()
                && c.indicatedUpTo < c.headOffset + c.heldBytes;
        if (now != c.starvedForStats) {
            c.starvedForStats = now;
            starved.add(sim.now(), now ? 1 : -1);
            if (now) {
                starvationEpisodes++;
            }
        }
    }

    /** Connection-seconds of posted-buffer starvation so far, summed over connections. */
    double starvationConnectionSeconds() {
        TimeWeighted.Report r = starved.report(sim.now());
        return r.mean() * r.durationPs() / 1e12;
    }

    /** Times a connection started starving. */
    long starvationEpisodes() {
        return starvationEpisodes;
    }

    private void complete(CardConnection c, boolean push, CommandStatus status) {
        CardConnection.Posted b = c.posted.pollFirst();
        queues.writeBackRing(RingId.COMPLETION).post(new DeviceCompletion.ReceiveCompletion(c.handle,
                b.desc.cookie(), b.filledBytes, push, status));
        if (b.slot != Toe.NO_SLOT) { // a PostBuffer from the POST ring freed its slot when fetched
            queues.fetchRing(RingId.RECEIVE).complete(b.slot);
        }
        completions++;
        c.bytesCompleted += b.filledBytes;
        if (push) {
            c.pushPending = false;
        }
        sim.cancel(c.pushTimer);
    }

    private void placeFromHead(CardConnection c, int n, long hostAddr) {
        takeFromHead(c, n, hostAddr);
        bytesPlaced += n;
    }

    /** Removes {@code n} bytes from the head of the held data; DMA-writes them at {@code hostAddr} unless it is -1. */
    private void takeFromHead(CardConnection c, int n, long hostAddr) {
        int left = n;
        long addr = hostAddr;
        while (left > 0) {
            Payload p = c.held.pollFirst();
            Payload piece = p;
            if (p.lenBytes() > left) {
                piece = p.slice(0, left);
                c.held.addFirst(p.slice(left, p.lenBytes() - left));
            }
            if (hostAddr >= 0) {
                tracer.record(sim.now(), new CardTrace.Placed(c.tuple, addr, piece.lenBytes()));
                dma.write(addr, new DmaData.Bytes(piece));
                addr += piece.lenBytes();
            }
            left -= piece.lenBytes();
        }
        c.heldBytes -= n;
        c.headOffset += n;
        c.indicatedUpTo = Math.max(c.indicatedUpTo, c.headOffset);
        c.engine.consume(n, sim.now());
    }

    /**
     * {@code c} holds bytes and no posted buffer: indicate them once they have waited
     * {@code indicationDelayPs} (a buffer the host posted meanwhile takes them instead), doubled
     * for each indication in a row the host refused (its application keeps a buffer posted and
     * the re-post was on its way: the copy across the bus was wasted), reset when it takes some.
     */
    private void indicateSoon(CardConnection c) {
        if (indicationDelayPs == 0 || !anyIndicationBuffer) {
            indicate(c); // none lent yet: it only joins the queue of connections waiting for one
        } else if (!c.pushTimer.isPending() && !indicationOutstanding(c) && !c.indicationsPaused
                && (!indicationBuffers.isEmpty() || !c.awaitingIndication)) {
            sim.scheduleAt(c.pushTimer, sim.now() + (indicationDelayPs << c.indicationBackoff));
        }
    }

    private void indicate(CardConnection c) {
        if (indicationOutstanding(c) || c.indicationsPaused) {
            return;
        }
        long heldEnd = c.headOffset + c.heldBytes;
        long from = Math.max(c.indicatedUpTo, c.headOffset);
        if (from >= heldEnd) {
            return;
        }
        if (indicationBuffers.isEmpty()) {
            if (!c.awaitingIndication) { // retried when the host posts the next indication buffer
                c.awaitingIndication = true;
                awaitingIndication.addLast(c);
            }
            return;
        }
        RxDescriptor.IndicationBuffer buf = indicationBuffers.pollFirst();
        int slot = indicationSlots.pollFirst();
        int n = (int) Math.min(buf.lenBytes(), heldEnd - from);
        tracer.record(sim.now(), new CardTrace.Indicated(c.tuple, buf.hostAddr(), n));
        dma.write(buf.hostAddr(), new DmaData.Bytes(copyRange(c, from, n)));
        c.indicatedUpTo = from + n;
        c.indicationsSent++;
        bytesIndicated += n;
        indications++;
        queues.writeBackRing(RingId.EVENT).post(new DeviceEvent.IndicateData(c.handle, buf.cookie(), n,
                (int) Math.min(Integer.MAX_VALUE, heldEnd - c.indicatedUpTo)));
        if (slot != Toe.NO_SLOT) { // an IndicationBuffer from the POST ring freed its slot when fetched
            queues.fetchRing(RingId.RECEIVE).complete(slot);
        }
    }

    /** The held bytes [from, from + n) as one payload (shared when it lies in one run). */
    static Payload copyRange(CardConnection c, long from, int n) {
        return copyRange(c.held, from, n);
    }

    static Payload copyRange(Iterable<Payload> runs, long from, int n) {
        byte[] out = null;
        boolean anyReal = false;
        for (Payload p : runs) {
            if (p.streamOffset() <= from && p.endOffset() >= from + n) {
                return p.slice((int) (from - p.streamOffset()), n);
            }
            anyReal |= p.hasBytes();
        }
        if (!anyReal) {
            return Payload.virtual(from, n);
        }
        out = new byte[n];
        Iterator<Payload> it = runs.iterator();
        while (it.hasNext()) {
            Payload p = it.next();
            long lo = Math.max(from, p.streamOffset());
            long hi = Math.min(from + n, p.endOffset());
            for (long o = lo; o < hi; o++) {
                out[(int) (o - from)] = p.byteAt((int) (o - p.streamOffset()));
            }
        }
        return Payload.real(from, out, 0, n);
    }

    long bytesPlaced() {
        return bytesPlaced;
    }

    long bytesIndicated() {
        return bytesIndicated;
    }

    /** IndicateData events written. */
    long indications() {
        return indications;
    }

    /** Indicated bytes the host took (dropped from the card by its UpdateOffload). */
    long bytesAcceptedFromIndications() {
        return bytesAcceptedFromIndications;
    }

    long completions() {
        return completions;
    }
}
