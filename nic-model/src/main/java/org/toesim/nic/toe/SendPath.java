package org.toesim.nic.toe;

import java.util.HashMap;
import org.toesim.core.event.Simulator;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.dma.DmaReadCallback;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.ring.DeviceQueues;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;

/**
 * Fast-path transmit (claim 9): the host names (handle, address, length); the card reads the
 * bytes by DMA, the engine segments them, frames leave through the MAC, and the request
 * completes only when the peer has acknowledged all of it.
 *
 * <pre>
 *   ToeSend(handle, addr, len) -&gt; request [streamStart, streamStart+len)
 *   pump: while the engine's send buffer has room: DmaReadRequest(addr+k, min(left, maxReadBytes, room))
 *   read completion -&gt; engine.send(bytes) -&gt; poll -&gt; segments -&gt; TX work -&gt; MAC
 *   ACK from the peer -&gt; engine acked -&gt; requests with streamEnd &lt;= acked end: SendCompletion(len, SUCCESS)
 *   retransmission of card-read bytes -&gt; DMA re-read of that range (the card keeps no copy), then TX
 *   ToeSend(fin) -&gt; once appended end == its end: engine.close (FIN after the data);
 *                   completes when the FIN is acknowledged (FIN_WAIT_2, TIME_WAIT, CLOSED from LAST_ACK)
 * </pre>
 * A request is a message boundary (a socket write with PSH): when the engine's send buffer ends
 * at the end of the last fetched request and no read is on its way, nothing more can come before
 * the host sees the request complete, and that needs the peer's ACK of its last byte. Nagle
 * (RFC 896, RFC 1122 §4.2.3.4) would hold the short tail until all data in flight is
 * acknowledged, and a receiver that delays ACKs (RFC 1122 §4.2.3.2) waits for a second segment
 * that never comes: every request would stall for one delayed-ACK timeout. So at a boundary the
 * card applies Minshall's refinement of Nagle (draft-minshall-nagle-01, what Linux does): the
 * tail goes at once unless an earlier short segment is still unacknowledged; small requests
 * posted back to back still coalesce behind an unacknowledged short one, and inside a request
 * (more bytes on their way) the host's Nagle setting applies unchanged.
 * <pre>
 *   append / ACK / new request -&gt; boundary &amp;&amp; no short segment unacked &amp;&amp; host Nagle on?
 *     yes -&gt; engine without Nagle (tail leaves with PSH)     no -&gt; engine with the host's setting
 * </pre>
 * The engine's send buffer keeps only references to the host's bytes (stream offsets and, for
 * real payloads, the host's array); the card's memory holds no send data. Bytes that came inside
 * the CCB image at offload (below {@code sendBase}) are on the card and need no re-read.
 * Completions from the DMA engine arrive in issue order (tags are granted FIFO and the link is
 * FIFO), so appends follow the stream order.
 */
final class SendPath implements DmaReadCallback {
    /** One outstanding DMA read (send data or a retransmission re-read). */
    private static final class Read {
        final CardConnection conn;
        final int lenBytes;
        final PendingFrame retransmit;

        Read(CardConnection conn, int lenBytes, PendingFrame retransmit) {
            this.conn = conn;
            this.lenBytes = lenBytes;
            this.retransmit = retransmit;
        }
    }

    /** A retransmitted frame waiting for its re-reads. */
    private static final class PendingFrame {
        final CardConnection conn;
        final Frame frame;
        int readsLeft;

        PendingFrame(CardConnection conn, Frame frame) {
            this.conn = conn;
            this.frame = frame;
        }
    }

    private final Simulator sim;
    private final Toe toe;
    private final DmaEngine dma;
    private final DeviceQueues queues;
    private final HashMap<Long, Read> reads = new HashMap<>();
    private long nextReadId;
    private long bytesRead;
    private long bytesReRead;
    private long sendCompletions;
    private long closes;

    SendPath(Simulator sim, Toe toe, DmaEngine dma, DeviceQueues queues) {
        this.sim = sim;
        this.toe = toe;
        this.dma = dma;
        this.queues = queues;
    }

    /** A fetched send request for {@code c}. */
    void request(CardConnection c, TxDescriptor.ToeSend desc, int slot) {
        CardConnection.SendRequest r = new CardConnection.SendRequest(desc, slot, c.nextRequestStream);
        c.nextRequestStream += desc.lenBytes();
        c.sends.addLast(r);
        if (desc.fin()) {
            c.finAtStream = c.nextRequestStream;
        }
        pump(c);
        updatePush(c);
        maybeClose(c);
    }

    /**
     * The host closed the connection (a ToeSend with fin): once every byte before the FIN is in
     * the engine's send buffer, the engine closes; the FIN follows the queued data (RFC 9293
     * section 3.10.4) and the request completes when it is acknowledged.
     */
    private void maybeClose(CardConnection c) {
        if (c.finAtStream < 0 || c.finIssued || !c.active || c.appendedEnd != c.finAtStream
                || c.readsInFlightBytes != 0) {
            return;
        }
        c.finIssued = true;
        closes++;
        c.engine.close(sim.now());
        c.kick(sim.now());
    }

    /** Host closes (ToeSend with fin) the card has carried out. */
    long closes() {
        return closes;
    }

    /** Issues DMA reads of queued send data while the engine's send buffer has room. */
    void pump(CardConnection c) {
        if (!c.active || !c.engine.state().canSend()) {
            return;
        }
        long room = c.engine.sendSpaceBytes() - c.readsInFlightBytes;
        for (CardConnection.SendRequest r : c.sends) {
            if (room <= 0) {
                return;
            }
            while (r.readIssuedBytes < r.desc.lenBytes() && room > 0) {
                int n = (int) Math.min(Math.min(r.desc.lenBytes() - r.readIssuedBytes, dma.maxReadBytes()), room);
                issue(new Read(c, n, null), r.desc.hostAddr() + r.readIssuedBytes);
                r.readIssuedBytes += n;
                c.readsInFlightBytes += n;
                room -= n;
            }
        }
    }

    @Override
    public void onReadComplete(long cookie, DmaData data) {
        Read read = reads.remove(cookie);
        if (read.retransmit != null) {
            bytesReRead += read.lenBytes;
            PendingFrame f = read.retransmit;
            if (--f.readsLeft == 0) {
                toe.submitTx(f.conn, f.frame);
            }
            return;
        }
        CardConnection c = read.conn;
        c.readsInFlightBytes -= read.lenBytes;
        bytesRead += read.lenBytes;
        if (!c.active || !c.engine.state().canSend()) {
            return; // flushed meanwhile: the host re-sends bytes of FLUSHED requests not in the CCB
        }
        long accepted;
        if (data instanceof DmaData.Bytes b && b.payload().hasBytes()) {
            byte[] bytes = b.payload().toByteArray();
            accepted = c.engine.send(bytes, 0, bytes.length, sim.now());
        } else {
            accepted = c.engine.send(read.lenBytes, sim.now());
        }
        if (accepted != read.lenBytes) {
            throw new IllegalStateException("send buffer refused " + (read.lenBytes - accepted) + " B read for it");
        }
        c.appendedEnd += read.lenBytes;
        updatePush(c);
        c.kick(sim.now());
        maybeClose(c);
    }

    /** The peer acknowledged new data of {@code c}: complete fully acknowledged requests. */
    void onAcked(CardConnection c) {
        long acked = c.ackedEnd();
        while (!c.sends.isEmpty() && c.sends.peekFirst().streamEnd() <= acked
                && (!c.sends.peekFirst().desc.fin() || c.finAcked)) {
            CardConnection.SendRequest r = c.sends.pollFirst();
            complete(c, r, r.desc.lenBytes(), CommandStatus.SUCCESS);
        }
        pump(c);
        updatePush(c);
    }

    /**
     * Runs the engine with Nagle off exactly while its send buffer ends at a request boundary
     * with nothing more on its way and no short segment unacknowledged (class comment). Called
     * from the engine's ACK callback too: the engine's output pass that follows sees the change.
     */
    private void updatePush(CardConnection c) {
        ControlBlock.Cached k = c.engineCached;
        if (k == null || !k.nagle()) {
            return;
        }
        boolean push = c.readsInFlightBytes == 0 && c.appendedEnd == c.nextRequestStream
                && c.shortSentEnd <= c.ackedEnd();
        if (push == c.pushingTail) {
            return;
        }
        if (push && c.engineCachedPush == null) {
            c.engineCachedPush = toe.engineConfigs().withoutNagle(k);
        }
        c.pushingTail = push;
        ControlBlock.Cached settings = push ? c.engineCachedPush : k;
        c.engine.updateCached(settings, toe.engineConfigs().configFor(settings), sim.now());
    }

    /** Flush: every unfinished request completes with the bytes acknowledged so far. */
    void returnAll(CardConnection c, CommandStatus status) {
        long acked = c.ackedEnd();
        while (!c.sends.isEmpty()) {
            CardConnection.SendRequest r = c.sends.pollFirst();
            int done = (int) Math.max(0, Math.min(r.desc.lenBytes(), acked - r.streamStart));
            complete(c, r, done, status);
        }
    }

    private void complete(CardConnection c, CardConnection.SendRequest r, int bytesAcked, CommandStatus status) {
        queues.writeBackRing(RingId.COMPLETION).post(new DeviceCompletion.SendCompletion(c.handle, r.desc.cookie(),
                bytesAcked, status));
        sendCompletions++; // the ring slot was freed when the request was fetched
    }

    /**
     * The engine emitted {@code seg} with IP ECN field {@code ecn} on {@code c}: frame it; re-read
     * card-read bytes of a retransmission first.
     */
    void transmit(CardConnection c, Segment seg, int ecn) {
        Frame frame = toe.frameFor(c, seg, ecn);
        Payload p = seg.payload();
        c.segmentsOut++;
        toe.monitor().onSegmentOut(c);
        c.payloadBytesOut += p.lenBytes();
        if (p.isEmpty() || p.streamOffset() >= c.highestSentEnd) {
            c.highestSentEnd = Math.max(c.highestSentEnd, p.endOffset());
            toe.submitTx(c, frame);
            if (!p.isEmpty() && p.lenBytes() < c.sndMssBytes) {
                c.shortSentEnd = p.endOffset();
                updatePush(c);
            }
            return;
        }
        c.retransmittedSegments++;
        toe.monitor().onRetransmission(c);
        c.highestSentEnd = Math.max(c.highestSentEnd, p.endOffset());
        long lo = Math.max(p.streamOffset(), c.sendBase);
        long hi = p.endOffset();
        if (lo >= hi) {
            toe.submitTx(c, frame);
            return;
        }
        PendingFrame pending = new PendingFrame(c, frame);
        for (CardConnection.SendRequest r : c.sends) {
            long a = Math.max(lo, r.streamStart);
            long b = Math.min(hi, r.streamEnd());
            while (a < b) {
                int n = (int) Math.min(b - a, dma.maxReadBytes());
                pending.readsLeft++;
                c.reReadBytes += n;
                issue(new Read(c, n, pending), r.desc.hostAddr() + (a - r.streamStart));
                a += n;
            }
        }
        if (pending.readsLeft == 0) {
            toe.submitTx(c, frame);
        }
    }

    private void issue(Read read, long hostAddr) {
        long id = nextReadId++;
        reads.put(id, read);
        dma.read(hostAddr, read.lenBytes, this, id);
    }

    long bytesRead() {
        return bytesRead;
    }

    long bytesReRead() {
        return bytesReRead;
    }

    long sendCompletions() {
        return sendCompletions;
    }
}
