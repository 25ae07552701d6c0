package org.toesim.nic.toe;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.trace.TraceSink;
import org.toesim.core.units.Units;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.ConnectionStats;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.dma.DmaReadCallback;
import org.toesim.nic.ring.DeviceQueues;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.TcpConnection;
import org.toesim.tcp.segment.Payload;

/**
 * Control commands of the COMMAND ring, run on a card core after their cycle cost.
 *
 * <pre>
 *   CapabilityQuery  -&gt; DmaWrite(resultAddr, CapabilityImage) ; CommandCompletion(SUCCESS, 64)
 *   InitiateOffload  -&gt; reserve slot (full: NO_RESOURCES) -&gt; DmaReadRequest(stateAddr + k * maxReadBytes)
 *                       per chunk -&gt; Parts reassembled -&gt; CcbImage -&gt; restore engine, install
 *                       ; CommandCompletion(SUCCESS)
 *   UpdateOffload    -&gt; new sndMss? UNSUPPORTED_UPDATE (nothing applied)
 *                       else TTL/TOS for frames, appAcceptedBytes drops indicated bytes ; CommandCompletion
 *   QueryOffload     -&gt; DmaWrite(resultAddr, QueryImage(CCB, stats)) ; CommandCompletion(SUCCESS, size)
 *   TerminateOffload -&gt; stop; ReceiveCompletion(FLUSHED) per posted buffer; SendCompletion(FLUSHED)
 *                       per unfinished send; DmaWrite(dataAddr, undelivered bytes);
 *                       DmaWrite(stateAddr, CcbImage) ; CommandCompletion(SUCCESS, data bytes)
 * </pre>
 * The CCB returned at flush carries the engine's full delegated state (unacknowledged send data
 * included) with the host's own cached part; its undelivered receive data is what did not fit at
 * {@code dataAddr} (none when the capacity suffices), so every byte reaches the host exactly
 * once. Bytes of a FLUSHED send request beyond its {@code bytesAcked} lead the CCB's unacknowledged
 * data up to its length; the rest were never read by the card and are the host's to send.
 * Logged: an InitiateOffload refused because the CCB table is full (INFO), a CCB installed or
 * returned, any other refused command (DEBUG).
 */
final class CommandHandler implements DmaReadCallback {
    private static final Logger LOG = LoggerFactory.getLogger(CommandHandler.class);
    private final Toe toe;
    private final DmaEngine dma;
    private final DeviceQueues queues;
    private final CcbTable table;
    private final ToeConfig config;
    private final HashMap<Long, PendingOffload> pendingOffloads = new HashMap<>();
    private long nextReadId;

    CommandHandler(Toe toe, DmaEngine dma, DeviceQueues queues, CcbTable table, ToeConfig config) {
        this.toe = toe;
        this.dma = dma;
        this.queues = queues;
        this.table = table;
        this.config = config;
    }

    void execute(ToeCommand cmd, int slot) {
        if (cmd instanceof ToeCommand.CapabilityQuery q) {
            dma.write(q.resultAddr(), new DmaData.CapabilityImage(capability()));
            complete(q.commandId(), slot, CommandStatus.SUCCESS, DmaData.CapabilityImage.SIZE_BYTES);
        } else if (cmd instanceof ToeCommand.InitiateOffload o) {
            initiate(o, slot);
        } else if (cmd instanceof ToeCommand.UpdateOffload u) {
            update(u, slot);
        } else if (cmd instanceof ToeCommand.QueryOffload q) {
            query(q, slot);
        } else if (cmd instanceof ToeCommand.TerminateOffload t) {
            terminate(t, slot);
        } else if (cmd instanceof ToeCommand.UpdateNeighbour n) {
            toe.neighbours().setFromHost(n.neighbourIp(), n.mac());
            complete(n.commandId(), slot, CommandStatus.SUCCESS, 0);
        } else {
            throw new IllegalArgumentException("the command handler cannot execute " + cmd);
        }
    }

    Capability capability() {
        if (toe.failed()) {
            return Capability.none(EnumSet.noneOf(OffloadFeature.class));
        }
        EnumSet<OffloadFeature> features = EnumSet.of(OffloadFeature.IPV4, OffloadFeature.WINDOW_SCALE,
                OffloadFeature.TIMESTAMPS, OffloadFeature.SACK, OffloadFeature.INDICATE_DATA,
                OffloadFeature.CHECKSUM_OFFLOAD, OffloadFeature.SEGMENTATION_OFFLOAD, OffloadFeature.FORWARD_FRAMES,
                OffloadFeature.NEIGHBOUR_UPDATE);
        if (config.fin().closesOnCard()) {
            features.add(OffloadFeature.CLOSE_ON_CARD);
        }
        return new Capability(true, config.ccbCapacity(), config.ccbCapacity(), config.maxSendBytes(),
                config.maxReceiveBufferBytes(), config.maxPostedBuffersPerConnection(), features);
    }

    private void initiate(ToeCommand.InitiateOffload o, int slot) {
        if (toe.failed()) {
            complete(o.commandId(), slot, CommandStatus.HARDWARE_FAILURE, 0);
        } else if (table.byHandle(o.handle()) != null) {
            complete(o.commandId(), slot, CommandStatus.INVALID_REQUEST, 0);
        } else if (!table.reserve()) {
            if (LOG.isInfoEnabled()) {
                LOG.info("{} {}: CCB table full ({} installed, {} reserved of {}): InitiateOffload {} refused"
                        + " (NO_RESOURCES)", Units.logTime(toe.nowPs()), toe.name(), table.occupied(),
                        table.reserved(), table.capacity(), o.handle());
            }
            complete(o.commandId(), slot, CommandStatus.NO_RESOURCES, 0);
        } else {
            long id = nextReadId++;
            PendingOffload p = new PendingOffload(o, slot);
            pendingOffloads.put(id, p);
            // an image longer than one read comes as one Part per read, in issue order
            int len = o.stateLenBytes();
            for (int off = 0; off < len; off += dma.maxReadBytes()) {
                p.readsLeft++;
                dma.read(o.stateAddr() + off, Math.min(len - off, dma.maxReadBytes()), this, id);
            }
        }
    }

    /** An InitiateOffload whose CCB image is being fetched. */
    private static final class PendingOffload {
        final ToeCommand.InitiateOffload command;
        final int slot;
        int readsLeft;
        int nextOffsetBytes;
        DmaData whole;
        boolean malformed;

        PendingOffload(ToeCommand.InitiateOffload command, int slot) {
            this.command = command;
            this.slot = slot;
        }

        /** Adds the content of one read (issued in address order); false once the image cannot be assembled. */
        void add(DmaData data) {
            if (data instanceof DmaData.Part part && part.offsetBytes() == nextOffsetBytes
                    && (whole == null || part.whole() == whole)) {
                whole = part.whole();
            } else if (!(nextOffsetBytes == 0 && data.lenBytes() == command.stateLenBytes())) {
                malformed = true;
            } else {
                whole = data;
            }
            nextOffsetBytes += data.lenBytes();
            readsLeft--;
        }
    }

    @Override
    public void onReadComplete(long cookie, DmaData data) {
        PendingOffload p = pendingOffloads.get(cookie);
        p.add(data);
        if (p.readsLeft > 0) {
            return;
        }
        pendingOffloads.remove(cookie);
        ToeCommand.InitiateOffload o = p.command;
        int slot = p.slot;
        if (toe.failed() || p.malformed || !(p.whole instanceof DmaData.StateImage img)
                || img.lenBytes() != o.stateLenBytes() || !(img.state() instanceof CcbImage ccbImage)) {
            table.unreserve();
            complete(o.commandId(), slot, toe.failed() ? CommandStatus.HARDWARE_FAILURE : CommandStatus.INVALID_REQUEST,
                    0);
            return;
        }
        ControlBlock ccb = ccbImage.ccb();
        CardConnection c = new CardConnection(o.handle(), ccb.constant().tuple(), toe.coreOf(o.handle()), toe);
        if (!table.install(c, toe.sim().now())) {
            complete(o.commandId(), slot, CommandStatus.INVALID_REQUEST, 0);
            return;
        }
        long now = toe.sim().now();
        ControlBlock.Cached k = ccb.cached();
        ControlBlock.Cached onCard = new ControlBlock.Cached(k.ttl(), k.tos(), k.nagle(), k.delayedAck(),
                k.delayedAckTimeoutPs(), k.keepAlive(), k.keepAliveIdlePs(), k.keepAliveIntervalPs(),
                k.keepAliveProbes(), Math.min(k.receiveBufferBytes(), config.onCardBufferBytes()),
                k.sendBufferBytes());
        c.engine = TcpConnection.restoreMerged(new ControlBlock(ccb.constant(), onCard, advertisedEdge(ccb)),
                toe.engineConfigs().configFor(onCard), now, c, toe.tracer().sink(), toe.connectionOwner());
        c.engineCached = onCard;
        c.initFrom(ccb);
        toe.attachTimers(c);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: CCB of {} installed as {} on card core {} ({} of {} in use)", Units.logTime(now),
                    toe.name(), c.tuple.traceText(), o.handle(), c.core, table.occupied(), table.capacity());
        }
        complete(o.commandId(), slot, CommandStatus.SUCCESS, 0);
        c.kick(now);
    }

    /**
     * The delegated part with RCV.ADV's right edge no further than the 16-bit window field can
     * have told the peer (RCV.NXT + 0xFFFF &lt;&lt; shift, RFC 7323 §2.3). A host engine may track an
     * edge beyond it (a buffer larger than the unscaled field); the card, whose buffer is smaller,
     * must be able to close the window, and the edge never moves left of what the peer saw
     * (RFC 9293 §3.8.6.2.2), so the clamp is safe.
     */
    private static ControlBlock.Delegated advertisedEdge(ControlBlock ccb) {
        ControlBlock.Delegated d = ccb.delegated();
        ControlBlock.ReceiveState r = d.receive();
        long maxEdge = r.rcvNxtPos() + ((long) 0xFFFF << ccb.constant().rcvWindowShift());
        if (r.rcvAdvRightPos() <= maxEdge) {
            return d;
        }
        ControlBlock.ReceiveState r2 = new ControlBlock.ReceiveState(r.rcvNxtPos(), maxEdge, r.peerFinPos(),
                r.finReceived(), r.undelivered(), r.outOfOrder());
        return d.withReceive(r2);
    }

    private void update(ToeCommand.UpdateOffload u, int slot) {
        CardConnection c = table.byHandle(u.handle());
        if (c == null || !c.active) {
            complete(u.commandId(), slot, c == null ? CommandStatus.UNKNOWN_HANDLE : CommandStatus.FLUSHED, 0);
            return;
        }
        if (u.cached().sndMssBytes() != c.sndMssBytes) {
            // the engine fixes SND.MSS at restore (RFC 9293 §3.7.1 sizes segments from it); refuse, apply nothing
            complete(u.commandId(), slot, CommandStatus.UNSUPPORTED_UPDATE, 0);
            return;
        }
        c.ttl = u.cached().ipTtl();
        c.tos = u.cached().ipTos();
        ControlBlock.Cached k = c.hostCached;
        c.hostCached = new ControlBlock.Cached(c.ttl, c.tos, k.nagle(), k.delayedAck(), k.delayedAckTimeoutPs(),
                k.keepAlive(), k.keepAliveIdlePs(), k.keepAliveIntervalPs(), k.keepAliveProbes(),
                k.receiveBufferBytes(), k.sendBufferBytes());
        toe.receivePath().accept(c, u.cached().appAcceptedBytes(), u.cached().indicationsAnswered());
        complete(u.commandId(), slot, CommandStatus.SUCCESS, 0);
    }

    private void query(ToeCommand.QueryOffload q, int slot) {
        CardConnection c = table.byHandle(q.handle());
        if (c == null) {
            complete(q.commandId(), slot, CommandStatus.UNKNOWN_HANDLE, 0);
            return;
        }
        long now = toe.sim().now();
        DmaData.QueryImage image = new DmaData.QueryImage(new CcbImage(returnedCcb(c, now, 0)), stats(c, now));
        if (image.lenBytes() > q.resultCapacityBytes()) {
            complete(q.commandId(), slot, CommandStatus.INVALID_REQUEST, 0);
            return;
        }
        dma.write(q.resultAddr(), image);
        complete(q.commandId(), slot, CommandStatus.SUCCESS, image.lenBytes());
    }

    private void terminate(ToeCommand.TerminateOffload t, int slot) {
        CardConnection c = table.byHandle(t.handle());
        if (c == null) {
            complete(t.commandId(), slot, CommandStatus.UNKNOWN_HANDLE, 0);
            return;
        }
        long now = toe.sim().now();
        int dataBytes = (int) Math.min(c.heldBytes, t.dataCapacityBytes());
        CcbImage image = new CcbImage(returnedCcb(c, now, dataBytes));
        if (image.imageSizeBytes() > t.stateCapacityBytes()) {
            // the connection runs on untouched: the host asks again with room for resultBytes
            complete(t.commandId(), slot, CommandStatus.INVALID_REQUEST, image.imageSizeBytes());
            return;
        }
        c.active = false;
        toe.sim().cancel(c.wakeup);
        toe.monitor().detach(c);
        toe.receivePath().returnAll(c, CommandStatus.FLUSHED);
        toe.sendPath().returnAll(c, CommandStatus.FLUSHED);
        if (dataBytes > 0) {
            dma.write(t.dataAddr(), new DmaData.Bytes(ReceivePath.copyRange(c, c.headOffset, dataBytes)));
        }
        dma.write(t.stateAddr(), new DmaData.StateImage(image));
        table.remove(c, now);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: CCB of {} returned to the host ({} B image, {} B of data); {} of {} in use",
                    Units.logTime(now), toe.name(), c.tuple.traceText(), image.imageSizeBytes(), dataBytes,
                    table.occupied(), table.capacity());
        }
        complete(t.commandId(), slot, CommandStatus.SUCCESS, dataBytes);
    }

    /** The engine's CCB with the host's cached part; the first {@code deliveredBytes} undelivered bytes removed. */
    private static ControlBlock returnedCcb(CardConnection c, long nowPs, int deliveredBytes) {
        ControlBlock snap = c.engine.snapshot(nowPs);
        ControlBlock.Delegated d = snap.delegated();
        ControlBlock.ReceiveState r = d.receive();
        List<Payload> rest = List.of();
        long left = c.heldBytes - deliveredBytes;
        if (left > 0) {
            rest = List.of(ReceivePath.copyRange(c, c.headOffset + deliveredBytes, (int) left));
        }
        ControlBlock.ReceiveState r2 = new ControlBlock.ReceiveState(r.rcvNxtPos(), r.rcvAdvRightPos(), r.peerFinPos(),
                r.finReceived(), rest, r.outOfOrder());
        return new ControlBlock(snap.constant(), c.hostCached, d.withReceive(r2));
    }

    /** The per-connection statistics block of a query. */
    static ConnectionStats stats(CardConnection c, long nowPs) {
        org.toesim.tcp.engine.ConnectionStats e = c.engine.stats(nowPs);
        return new ConnectionStats(c.segmentsIn, c.segmentsOut, c.payloadBytesIn, c.payloadBytesOut,
                c.retransmittedSegments, e.dupAcksIn(), c.pathCounts[PathReason.OUT_OF_ORDER.ordinal()],
                c.droppedSegmentsIn, e.srttPs());
    }

    private void complete(long commandId, int slot, CommandStatus status, int resultBytes) {
        if (status != CommandStatus.SUCCESS && status != CommandStatus.NO_RESOURCES && LOG.isDebugEnabled()) {
            LOG.debug("{} {}: command {} completed with {}", Units.logTime(toe.nowPs()), toe.name(), commandId,
                    status);
        }
        queues.writeBackRing(RingId.COMPLETION).post(new DeviceCompletion.CommandCompletion(commandId, status,
                resultBytes));
        queues.fetchRing(RingId.COMMAND).complete(slot);
    }
}
