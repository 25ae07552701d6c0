package org.toesim.nic.toe;

import java.util.ArrayList;
import java.util.List;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.dma.DmaEngine;
import org.toesim.nic.dma.DmaReadCallback;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.ring.DeviceQueues;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Segment;

/**
 * {@link ToeCommand.ForwardFrames}: frames of an offloaded connection that reached the host (held
 * during the handoff, or sent up the slow path) come back to the card, which processes them as
 * if they had just arrived from the wire.
 *
 * <pre>
 *   ForwardFrames(id, h, addr, len) --command work on h's core--&gt; execute
 *     DmaReadRequest(addr + k * maxReadBytes) per chunk (Parts reassembled into the FrameBatch)
 *     FrameBatch --&gt; status = CCB of h installed and active ? SUCCESS : UNKNOWN_HANDLE | FLUSHED
 *                --&gt; for each frame, in order: out-of-order data of an active CCB --&gt; the card's
 *                    engine queues it (CardReassembly; the host had it once already, so it does not
 *                    go up again); anything else --&gt; Toe.onFrame (classifier: fast path on the
 *                    card, or slow path to the host again)
 *                --&gt; CommandCompletion(id, status, 0)
 * </pre>
 * Because the frames enter the classifier before any later wire frame is classified (the read
 * completion is one event), a frame that was in order when the host forwarded it is still in
 * order unless newer frames overtook it on the wire.
 */
final class FrameForwarder implements DmaReadCallback {
    /** A forward command waiting for its frames. */
    private static final class Pending {
        final ToeCommand.ForwardFrames command;
        final int slot;
        int readsLeft;
        int nextOffsetBytes;
        DmaData whole;
        boolean malformed;

        Pending(ToeCommand.ForwardFrames command, int slot) {
            this.command = command;
            this.slot = slot;
        }
    }

    private final Toe toe;
    private final DmaEngine dma;
    private final DeviceQueues queues;
    private final CcbTable table;
    private final List<Pending> pending = new ArrayList<>();
    private final ArrayList<Integer> freeIds = new ArrayList<>();
    private final Classifier classifier;
    private long framesForwarded;
    private long framesQueuedOutOfOrder;
    private long commands;

    FrameForwarder(Toe toe, DmaEngine dma, DeviceQueues queues, CcbTable table) {
        this.toe = toe;
        this.dma = dma;
        this.queues = queues;
        this.table = table;
        this.classifier = new Classifier(toe.config());
    }

    /** Runs the fetched command in COMMAND ring slot {@code slot}. */
    void execute(ToeCommand.ForwardFrames f, int slot) {
        CardConnection target = table.byHandle(f.handle());
        if (target != null && target.active) {
            toe.reorder().expectForward(target);
        }
        Pending p = new Pending(f, slot);
        int id;
        if (freeIds.isEmpty()) {
            id = pending.size();
            pending.add(p);
        } else {
            id = freeIds.remove(freeIds.size() - 1);
            pending.set(id, p);
        }
        // a batch longer than one read comes as one Part per read, in issue order (as a CCB image)
        int len = f.framesLenBytes();
        for (int off = 0; off < len; off += dma.maxReadBytes()) {
            p.readsLeft++;
            dma.read(f.framesAddr() + off, Math.min(len - off, dma.maxReadBytes()), this, id);
        }
    }

    @Override
    public void onReadComplete(long cookie, DmaData data) {
        int id = (int) cookie;
        Pending p = pending.get(id);
        if (data instanceof DmaData.Part part && part.offsetBytes() == p.nextOffsetBytes
                && (p.whole == null || part.whole() == p.whole)) {
            p.whole = part.whole();
        } else if (p.nextOffsetBytes == 0 && data.lenBytes() == p.command.framesLenBytes()) {
            p.whole = data;
        } else {
            p.malformed = true;
        }
        p.nextOffsetBytes += data.lenBytes();
        if (--p.readsLeft > 0) {
            return;
        }
        pending.set(id, null);
        freeIds.add(id);
        if (p.malformed || !(p.whole instanceof DmaData.FrameBatch batch)) {
            complete(p, CommandStatus.INVALID_REQUEST);
            return;
        }
        CardConnection c = table.byHandle(p.command.handle());
        CommandStatus status = c == null ? CommandStatus.UNKNOWN_HANDLE
                : c.active ? CommandStatus.SUCCESS : CommandStatus.FLUSHED;
        long now = toe.sim().now();
        if (c != null && c.active) {
            toe.reorder().expectForward(c); // the window runs from the frames' arrival, not the fetch
        }
        for (Frame frame : batch.frames()) {
            framesForwarded++;
            feed(frame, now);
        }
        complete(p, status);
    }

    /**
     * Classifies {@code frame} as if just received; out-of-order data of an active CCB (the host
     * already had it once) is queued by the card's engine instead of going up again.
     */
    private void feed(Frame frame, long nowPs) {
        Segment seg = frame.tcp();
        if (classifier.frameCheck(frame) == null) {
            CardConnection c = table.byTuple(new FourTuple(frame.ip().dstIp(), seg.dstPort(), frame.ip().srcIp(),
                    seg.srcPort()));
            if (c != null && c.active && classifier.segmentCheck(seg, c.classifyRcvNxt) == PathReason.OUT_OF_ORDER
                    && CardReassembly.queueable(c, frame)) {
                framesQueuedOutOfOrder++;
                toe.reorder().close(c); // it went up the slow path after the install: a gap on the wire
                toe.submitOutOfOrder(c, frame);
                return;
            }
        }
        toe.onFrame(frame, nowPs, true);
    }

    private void complete(Pending p, CommandStatus status) {
        commands++;
        queues.writeBackRing(RingId.COMPLETION).post(new DeviceCompletion.CommandCompletion(p.command.commandId(),
                status, 0));
        queues.fetchRing(RingId.COMMAND).complete(p.slot);
    }

    /** Frames the host forwarded and the card fed to its classifier. */
    long framesForwarded() {
        return framesForwarded;
    }

    /** Forwarded frames that were out of order and went to the engine's reassembly queue. */
    long framesQueuedOutOfOrder() {
        return framesQueuedOutOfOrder;
    }

    /** Forward commands completed. */
    long commands() {
        return commands;
    }
}
