package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.nic.testing.Recorded;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * The TOE's two host-facing additions: plain-NIC transmit of the host stack's frames
 * ({@link TxDescriptor.NicSend}, with TSO) and {@link ToeCommand.ForwardFrames}.
 */
class ToeHostPathTest {
    private static final long FRAME_ADDR = 0x500000;

    /** A host-stack frame (host:7000 -> peer:8080, not an offloaded connection) with {@code payloadBytes}. */
    private static Frame hostFrame(ToeBench b, int payloadBytes, int flags) {
        byte[] data = ToeBench.bytes(payloadBytes, 4);
        Segment seg = new Segment(7000, 8080, 0x7FFF_FF00, 1, TcpFlags.ACK | flags, 65535, 0,
                org.toesim.tcp.segment.TcpOptions.NONE, Payload.real(0, data, 0, payloadBytes));
        return Frame.of(77, b.toe.config().localMac(), ToeBench.PEER_MAC, Ipv4Header.of(ToeBench.HOST_IP,
                ToeBench.PEER_IP, 100), seg);
    }

    private static List<Frame> hostStackFrames(ToeBench b) {
        List<Frame> out = new ArrayList<>();
        for (Frame f : b.wireOut) {
            if (f.tcp().srcPort() == 7000) {
                out.add(f);
            }
        }
        return out;
    }

    @Test
    void capabilityAdvertisesHostTransmitOffloadsAndForwarding() {
        ToeBench b = new ToeBench();
        var cap = new CommandHandler(b.toe, b.toe.dma(), null, null, b.toe.config()).capability();
        assertTrue(cap.supports(OffloadFeature.SEGMENTATION_OFFLOAD));
        assertTrue(cap.supports(OffloadFeature.CHECKSUM_OFFLOAD));
        assertTrue(cap.supports(OffloadFeature.FORWARD_FRAMES));
    }

    @Test
    void nicSendReadsTheFrameByDmaSendsItAndCompletes() {
        ToeBench b = new ToeBench();
        Frame f = hostFrame(b, 1000, TcpFlags.PSH);
        b.h.memory().put(FRAME_ADDR, new DmaData.FrameImage(f));
        int before = b.h.received().size();
        b.send(new TxDescriptor.NicSend(FRAME_ADDR, f.lenBytes(), true, 41));
        b.h.runUntilIdle();
        List<Recorded> msgs = b.h.received().subList(before, b.h.received().size());
        // descriptor fetch, then the frame read at its address and length
        DeviceToHost.DmaReadRequest read = assertInstanceOf(DeviceToHost.DmaReadRequest.class, msgs.get(1).message());
        assertEquals(FRAME_ADDR, read.hostAddr());
        assertEquals(f.lenBytes(), read.lenBytes());
        assertEquals(List.of(f), hostStackFrames(b), "the very frame left through the card's MAC");
        assertEquals(List.of(new DeviceCompletion.NicSendCompletion(41, 1)), b.completions());
        assertEquals(1, b.toe.hostStackFramesSent());
    }

    @Test
    void nicSendWithTsoCutsTheSegmentAtTheMssLikeThePlainNic() {
        ToeBench b = new ToeBench();
        Frame f = hostFrame(b, 4000, TcpFlags.PSH);
        b.h.memory().put(FRAME_ADDR, new DmaData.FrameImage(f));
        b.send(new TxDescriptor.NicSend(FRAME_ADDR, f.lenBytes(), true, 42, 1448));
        b.h.runUntilIdle();
        List<Frame> out = hostStackFrames(b);
        assertEquals(3, out.size());
        assertEquals(List.of(1448, 1448, 1104), out.stream().map(x -> x.tcp().payloadLenBytes()).toList());
        assertEquals(0x7FFF_FF00 + 1448, out.get(1).tcp().seq());
        assertTrue(out.get(2).tcp().has(TcpFlags.PSH) && !out.get(0).tcp().has(TcpFlags.PSH), "PSH on the last piece");
        byte[] joined = new byte[4000];
        int off = 0;
        for (Frame x : out) {
            x.tcp().payload().copyTo(joined, off);
            off += x.tcp().payloadLenBytes();
        }
        assertArrayEquals(ToeBench.bytes(4000, 4), joined);
        assertEquals(List.of(new DeviceCompletion.NicSendCompletion(42, 3)), b.completions());
    }

    @Test
    void oversizeFrameWithoutTsoIsCompletedAsMalformed() {
        ToeBench b = new ToeBench();
        Frame f = hostFrame(b, 4000, 0);
        b.h.memory().put(FRAME_ADDR, new DmaData.FrameImage(f));
        b.send(new TxDescriptor.NicSend(FRAME_ADDR, f.lenBytes(), true, 43));
        b.h.runUntilIdle();
        assertTrue(hostStackFrames(b).isEmpty());
        assertEquals(List.of(new DeviceCompletion.NicSendCompletion(43, 0)), b.completions());
    }

    @Test
    void hostStackSendsAndToeSendsShareTheSendRing() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5010);
        byte[] data = ToeBench.bytes(2000, 2);
        b.h.memory().put(0x200000, new DmaData.Bytes(Payload.real(0, data, 0, data.length)));
        Frame f = hostFrame(b, 500, 0);
        b.h.memory().put(FRAME_ADDR, new DmaData.FrameImage(f));
        b.send(new TxDescriptor.ToeSend(c.handle, 0x200000, 2000, 51));
        b.send(new TxDescriptor.NicSend(FRAME_ADDR, f.lenBytes(), true, 52));
        b.h.runFor(100_000_000_000L);
        assertArrayEquals(data, c.peerReads());
        assertEquals(List.of(f), hostStackFrames(b));
        List<DeviceCompletion> sends = b.completions().stream()
                .filter(x -> !(x instanceof DeviceCompletion.CommandCompletion)).toList();
        // the plain send completes at once; the offloaded one only after the peer's ACK (out of ring order)
        assertEquals(List.of(new DeviceCompletion.NicSendCompletion(52, 1),
                new DeviceCompletion.SendCompletion(c.handle, 51, 2000, CommandStatus.SUCCESS)), sends);
    }

    /** The peer's next frames carrying {@code data}, captured instead of reaching the card. */
    private static List<Frame> peerFrames(ToeBench b, ToeBench.Conn c, byte[] data) {
        List<Segment> segs = new ArrayList<>();
        c.peer.send(data, 0, data.length, b.h.now());
        c.peer.poll(b.h.now(), (t, s) -> segs.add(s));
        List<Frame> frames = new ArrayList<>();
        for (Segment s : segs) {
            frames.add(b.frameFromPeer(c, s));
        }
        return frames;
    }

    @Test
    void forwardedFramesArePlacedAndAcknowledgedByTheCardAsIfJustReceived() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5011);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 8000, 61));
        b.h.runFor(50_000_000L);
        byte[] data = ToeBench.bytes(2920, 6);
        List<Frame> frames = peerFrames(b, c, data);
        assertEquals(2, frames.size());
        int una = c.peer.sndUna();
        b.h.memory().put(FRAME_ADDR, new DmaData.FrameBatch(frames));
        b.command(new ToeCommand.ForwardFrames(b.nextCommandId(), c.handle, FRAME_ADDR,
                new DmaData.FrameBatch(frames).lenBytes()));
        b.h.runFor(100_000_000_000L);
        assertEquals(2, b.toe.framesForwarded());
        assertEquals(2, b.toe.report(null).paths().get(PathReason.FAST_DATA), "both in order on the fast path");
        byte[] placed = new byte[2920];
        int off = 0;
        for (DeviceToHost.DmaWrite w : b.dataWrites()) {
            if (w.hostAddr() >= 0x100000 && w.hostAddr() < 0x100000 + 8000) {
                Payload p = ((DmaData.Bytes) w.data()).payload();
                p.copyTo(placed, (int) (w.hostAddr() - 0x100000));
                off += p.lenBytes();
            }
        }
        assertEquals(2920, off);
        assertArrayEquals(data, placed, "payload without headers in the posted buffer");
        assertEquals(una + 2920, c.peer.sndUna(), "the card acknowledged the forwarded data");
        assertTrue(b.completions().contains(new DeviceCompletion.CommandCompletion(2, CommandStatus.SUCCESS, 0)));
    }

    /**
     * A batch longer than one DMA read (here 4 KiB reads: 8 tags of 512 B) comes back as
     * {@link DmaData.Part}s of the one {@link DmaData.FrameBatch} the host stored; the card
     * reassembles it and processes every frame in order.
     */
    @Test
    void aForwardedBatchLongerThanOneReadIsReassembledAndEveryFrameTakesTheFastPath() {
        ToeBench b = new ToeBench(ToeConfig.defaults().withMaxReadTags(8));
        ToeBench.Conn c = b.offload(5013);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 64 * 1024, 62));
        b.h.runFor(50_000_000L);
        byte[] data = ToeBench.bytes(10 * 1460, 7);
        List<Frame> frames = peerFrames(b, c, data);
        assertEquals(10, frames.size());
        int una = c.peer.sndUna();
        DmaData.FrameBatch batch = new DmaData.FrameBatch(frames);
        assertEquals(4096, b.toe.dma().maxReadBytes());
        assertTrue(batch.lenBytes() > 3 * 4096, "needs four reads");
        b.h.memory().put(FRAME_ADDR, batch);
        b.command(new ToeCommand.ForwardFrames(b.nextCommandId(), c.handle, FRAME_ADDR, batch.lenBytes()));
        b.h.runFor(100_000_000_000L);
        assertTrue(b.completions().contains(new DeviceCompletion.CommandCompletion(2, CommandStatus.SUCCESS, 0)));
        assertEquals(10, b.toe.framesForwarded());
        assertEquals(10, b.toe.report(null).paths().get(PathReason.FAST_DATA), "all in order on the fast path");
        byte[] placed = new byte[data.length];
        int placedBytes = 0;
        for (DeviceToHost.DmaWrite w : b.dataWrites()) {
            if (w.hostAddr() >= 0x100000 && w.hostAddr() < 0x100000 + 64 * 1024) {
                Payload p = ((DmaData.Bytes) w.data()).payload();
                p.copyTo(placed, (int) (w.hostAddr() - 0x100000));
                placedBytes += p.lenBytes();
            }
        }
        assertEquals(data.length, placedBytes);
        assertArrayEquals(data, placed, "every frame's payload, in order, without headers");
        assertEquals(una + data.length, c.peer.sndUna(), "the card acknowledged every forwarded byte");
    }

    /**
     * Forwarded frames are already in card memory: a batch longer than a core's receive FIFO
     * (here 4 frames) is processed whole instead of being refused like a wire burst would be.
     */
    @Test
    void aForwardedBatchIsNotRefusedByTheCoresReceiveFifoLimit() {
        ToeBench b = new ToeBench(ToeConfig.defaults().withMaxQueuedFramesPerCore(4));
        ToeBench.Conn c = b.offload(5014);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 64 * 1024, 63));
        b.h.runFor(50_000_000L);
        byte[] data = ToeBench.bytes(10 * 1460, 8);
        List<Frame> frames = peerFrames(b, c, data);
        int una = c.peer.sndUna();
        DmaData.FrameBatch batch = new DmaData.FrameBatch(frames);
        b.h.memory().put(FRAME_ADDR, batch);
        b.command(new ToeCommand.ForwardFrames(b.nextCommandId(), c.handle, FRAME_ADDR, batch.lenBytes()));
        b.h.runFor(100_000_000_000L);
        assertEquals(0, b.toe.report(null).framesRefusedBusy());
        assertEquals(una + data.length, c.peer.sndUna(), "the card acknowledged every forwarded byte");
    }

    @Test
    void framesForwardedForAnUnknownHandleGoUpTheSlowPathAndTheCommandSaysSo() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5012);
        b.post(new RxDescriptor.NicBuffer(0x300000, 2048, 100));
        b.h.runFor(50_000_000L);
        List<Frame> frames = peerFrames(b, c, ToeBench.bytes(100, 1));
        b.h.memory().put(FRAME_ADDR, new DmaData.FrameBatch(frames));
        var unknown = b.handles.allocate();
        b.command(new ToeCommand.ForwardFrames(b.nextCommandId(), unknown, FRAME_ADDR,
                new DmaData.FrameBatch(frames).lenBytes()));
        b.h.runFor(1_000_000_000L);
        // the frame belongs to c (installed), so it is still classified normally: fast path
        assertEquals(1, b.toe.report(null).paths().get(PathReason.FAST_DATA));
        assertTrue(b.completions().contains(new DeviceCompletion.CommandCompletion(2, CommandStatus.UNKNOWN_HANDLE,
                0)));
        // now flush c and forward the same frame again: no CCB, so it goes to the host's NicBuffer
        b.command(new ToeCommand.TerminateOffload(b.nextCommandId(), c.handle, 0x600000, 1 << 20, 0x700000, 0));
        b.h.runFor(1_000_000_000L);
        b.command(new ToeCommand.ForwardFrames(b.nextCommandId(), c.handle, FRAME_ADDR,
                new DmaData.FrameBatch(frames).lenBytes()));
        b.h.runFor(1_000_000_000L);
        assertTrue(b.completions().contains(new DeviceCompletion.CommandCompletion(4, CommandStatus.UNKNOWN_HANDLE,
                0)));
        assertTrue(b.completions().stream().anyMatch(x -> x instanceof DeviceCompletion.NicReceiveCompletion r
                && r.cookie() == 100), "the frame reached the host's receive buffer");
        assertEquals(1, b.toe.report(null).paths().get(PathReason.NO_CCB));
    }
}
