package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.trace.TraceSink;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.testing.Recorded;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.SegmentSink;
import org.toesim.tcp.engine.TcpConnection;
import org.toesim.tcp.engine.TcpEvents;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/** Capability query, offload, fast-path placement with card ACKs, transmit offload, flush. */
class ToeFastPathTest {

    @Test
    void capabilityQueryWritesImageThenCompletionThenInterrupt() {
        ToeBench b = new ToeBench();
        int before = b.h.received().size();
        b.command(new ToeCommand.CapabilityQuery(7, 0x70000));
        b.h.runUntilIdle();
        List<Recorded> msgs = b.h.received().subList(before, b.h.received().size());
        assertEquals(4, msgs.size(), msgs.toString());
        DeviceToHost.DmaReadRequest fetch = assertInstanceOf(DeviceToHost.DmaReadRequest.class, msgs.get(0).message());
        assertEquals(ToeBench.CMD_BASE, fetch.hostAddr());
        assertEquals(64, fetch.lenBytes());
        DeviceToHost.DmaWrite image = assertInstanceOf(DeviceToHost.DmaWrite.class, msgs.get(1).message());
        assertEquals(0x70000, image.hostAddr());
        DmaData.CapabilityImage cap = assertInstanceOf(DmaData.CapabilityImage.class, image.data());
        assertTrue(cap.capability().offloadSupported());
        assertEquals(1024, cap.capability().ccbCapacity());
        DeviceToHost.DmaWrite cpl = assertInstanceOf(DeviceToHost.DmaWrite.class, msgs.get(2).message());
        assertEquals(ToeBench.CPL_BASE, cpl.hostAddr());
        assertEquals(List.of(new DeviceCompletion.CommandCompletion(7, CommandStatus.SUCCESS, 64)),
                ((DmaData.Entries) cpl.data()).entries());
        assertInstanceOf(DeviceToHost.MsixInterrupt.class, msgs.get(3).message());
        // the command cost 4000 cycles at 800 MHz = 5 us on the card between fetch and write
        assertTrue(msgs.get(1).atPs() - msgs.get(0).atPs() >= 5_000_000L);
    }

    @Test
    void aNonpushBufferCompletesOnlyWhenFullSoTheNextBufferContinuesTheStream() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5007);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 1500, 11, true));
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x200000, 1500, 12, true));
        b.h.runFor(50_000_000L);
        byte[] data = ToeBench.bytes(1000, 7);
        c.peerSends(data); // PSH on its last segment
        b.h.runFor(1_000_000_000_000L); // past the push timer
        assertTrue(b.completions().stream().noneMatch(d -> d instanceof DeviceCompletion.ReceiveCompletion),
                "neither PSH nor the push timer completes a nonpush buffer: " + b.completions());
        c.peerSends(ToeBench.bytes(1000, 8));
        b.h.runFor(1_000_000_000L);
        assertTrue(b.completions().contains(new DeviceCompletion.ReceiveCompletion(c.handle, 11, 1500, false,
                CommandStatus.SUCCESS)), b.completions().toString());
        assertTrue(b.completions().stream().noneMatch(d -> d instanceof DeviceCompletion.ReceiveCompletion r
                && r.cookie() == 12), "the second buffer (500 B placed) waits until full");
        List<DeviceToHost.DmaWrite> writes = b.dataWrites();
        assertEquals(0x200000, writes.get(writes.size() - 1).hostAddr(), "the stream continues at the next buffer");
    }

    @Test
    void inOrderDataLandsWithoutHeadersAtTheBufferAddressAndTheCardAcks() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5000);
        assertEquals(List.of(new DeviceCompletion.CommandCompletion(1, CommandStatus.SUCCESS, 0)), b.completions());
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 4000, 11));
        b.h.runFor(50_000_000L);
        int peerUnaBefore = c.peer.sndUna();
        byte[] data = ToeBench.bytes(1000, 3);
        int writesBefore = b.dataWrites().size();
        c.peerSends(data);
        b.h.runFor(100_000_000_000L); // the card's delayed ACK (40 ms, RFC 1122 4.2.3.2) has fired

        List<DeviceToHost.DmaWrite> writes = b.dataWrites().subList(writesBefore, b.dataWrites().size());
        assertEquals(1, writes.size(), writes.toString());
        assertEquals(0x100000, writes.get(0).hostAddr());
        DmaData.Bytes placed = assertInstanceOf(DmaData.Bytes.class, writes.get(0).data());
        assertArrayEquals(data, placed.payload().toByteArray(), "payload only, no headers");
        assertEquals(peerUnaBefore + 1000, c.peer.sndUna(), "the card acknowledged the data to the peer");
        assertEquals(1, b.toe.report(null).paths().get(PathReason.FAST_DATA));
        DeviceCompletion last = b.completions().get(b.completions().size() - 1);
        assertEquals(new DeviceCompletion.ReceiveCompletion(c.handle, 11, 1000, true, CommandStatus.SUCCESS), last);
        // the interrupt follows the completion write
        List<Recorded> all = b.h.received();
        int cplIndex = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).message() instanceof DeviceToHost.DmaWrite w && w.data() instanceof DmaData.Entries e
                    && e.entries().contains(last)) {
                cplIndex = i;
            }
        }
        assertTrue(cplIndex > 0 && all.get(cplIndex + 1).message() instanceof DeviceToHost.MsixInterrupt);
        // the ACK frame left the card's MAC
        Frame ack = b.wireOut.get(b.wireOut.size() - 1);
        assertEquals(0, ack.tcp().payloadLenBytes());
        assertEquals(c.peer.sndNxt(), ack.tcp().ack());
    }

    @Test
    void noPushDataWaitsForThePushTimerWhenTheBufferIsNotFull() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5001);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 8000, 12));
        b.h.runFor(50_000_000L);
        // a segment without PSH, built by hand from the peer's state
        Segment seg = new Segment(80, 5001, c.peer.sndNxt(), c.peer.rcvNxt(), org.toesim.tcp.segment.TcpFlags.ACK,
                65535, 0, org.toesim.tcp.segment.TcpOptions.NONE, Payload.virtual(0, 500));
        long t0 = b.h.now();
        b.mac.receive(b.frameFromPeer(c, seg), t0);
        b.h.runFor(400_000_000_000L);
        assertTrue(b.completions().stream().noneMatch(x -> x instanceof DeviceCompletion.ReceiveCompletion));
        b.h.runFor(200_000_000_000L);
        assertEquals(new DeviceCompletion.ReceiveCompletion(c.handle, 12, 500, false, CommandStatus.SUCCESS),
                b.completions().get(b.completions().size() - 1));
    }

    @Test
    void toeSendSegmentsAndCompletesOnlyAfterThePeerAcknowledges() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5002);
        byte[] data = ToeBench.bytes(3000, 9);
        b.h.memory().put(0x200000, new DmaData.Bytes(Payload.real(0, data, 0, data.length)));
        b.holdWire = true;
        b.send(new TxDescriptor.ToeSend(c.handle, 0x200000, 3000, 21));
        b.h.runFor(1_000_000_000L);
        List<Frame> data1 = b.held.stream().filter(f -> f.tcp().payloadLenBytes() > 0).toList();
        assertEquals(List.of(1460, 1460, 80), data1.stream().map(f -> f.tcp().payloadLenBytes()).toList(),
                "the request ends there: the card pushes its 80 B tail at once instead of holding it for an ACK");
        assertTrue(data1.get(2).tcp().has(TcpFlags.PSH), "the tail carries PSH");
        assertTrue(b.completions().stream().noneMatch(x -> x instanceof DeviceCompletion.SendCompletion),
                "no completion before the peer's ACK");
        b.releaseWire();
        b.h.runFor(100_000_000_000L);
        assertArrayEquals(data, c.peerReads());
        assertEquals(new DeviceCompletion.SendCompletion(c.handle, 21, 3000, CommandStatus.SUCCESS),
                b.completions().get(b.completions().size() - 1));
        assertEquals(3000, b.toe.report(null).sendBytesRead());
    }

    @Test
    void smallRequestsBackToBackCoalesceBehindAnUnacknowledgedShortSegment() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5012);
        byte[] data = ToeBench.bytes(300, 4);
        b.h.memory().put(0x200000, new DmaData.Bytes(Payload.real(0, data, 0, 100)));
        b.h.memory().put(0x201000, new DmaData.Bytes(Payload.real(0, data, 100, 100)));
        b.h.memory().put(0x202000, new DmaData.Bytes(Payload.real(0, data, 200, 100)));
        b.holdWire = true;
        b.send(new TxDescriptor.ToeSend(c.handle, 0x200000, 100, 31));
        b.h.runFor(1_000_000_000L);
        b.send(new TxDescriptor.ToeSend(c.handle, 0x201000, 100, 32));
        b.send(new TxDescriptor.ToeSend(c.handle, 0x202000, 100, 33));
        b.h.runFor(1_000_000_000L);
        assertEquals(List.of(100), b.held.stream().map(f -> f.tcp().payloadLenBytes()).filter(n -> n > 0).toList(),
                "the first small request leaves at once; the next two wait behind it (Nagle, Minshall's variant)");
        b.releaseWire();
        b.h.runFor(100_000_000_000L);
        List<Integer> sizes = c.fromCard.stream().map(Segment::payloadLenBytes).filter(n -> n > 0).toList();
        assertEquals(List.of(100, 200), sizes, "the held requests leave as one segment once the first is acknowledged");
        assertArrayEquals(data, c.peerReads());
        assertEquals(3, b.completions().stream().filter(x -> x instanceof DeviceCompletion.SendCompletion).count());
    }

    @Test
    void retransmissionReReadsFromHostMemory() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5003);
        byte[] data = ToeBench.bytes(1000, 1);
        b.h.memory().put(0x200000, new DmaData.Bytes(Payload.real(0, data, 0, data.length)));
        b.holdWire = true;
        b.send(new TxDescriptor.ToeSend(c.handle, 0x200000, 1000, 22));
        b.h.runFor(1_000_000_000L);
        b.held.clear(); // the first transmission is lost
        b.holdWire = false;
        b.h.runFor(3_000_000_000_000L); // RTO (1 s) fires on the card
        assertEquals(1000, b.toe.report(null).sendBytesReRead());
        assertArrayEquals(data, c.peerReads());
        assertEquals(new DeviceCompletion.SendCompletion(c.handle, 22, 1000, CommandStatus.SUCCESS),
                b.completions().get(b.completions().size() - 1));
    }

    /**
     * The undelivered data a CCB image carries is bounded by the window the host advertised
     * before the handoff, not by any fixed area: a TerminateOffload whose state area is too
     * small must say how much it needs and leave the connection running (it used to remove the
     * connection and lose its data, so the host aborted it and the transfer stalled), and the
     * flush asked again with room succeeds with every byte.
     */
    @Test
    void aTerminateIntoATooSmallAreaSaysTheSizeAndLeavesTheConnectionOffloaded() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5015);
        byte[] data = ToeBench.bytes(3000, 9);
        c.peerSends(data);
        b.h.runFor(1_000_000_000L); // no buffer posted: all 3000 B held on the card
        b.command(new ToeCommand.TerminateOffload(91, c.handle, 0x80000, 2048, 0x90000, 0));
        b.h.runFor(100_000_000L);
        DeviceCompletion last = b.completions().get(b.completions().size() - 1);
        assertTrue(last instanceof DeviceCompletion.CommandCompletion cc && cc.commandId() == 91
                && cc.status() == CommandStatus.INVALID_REQUEST && cc.resultBytes() > 2048, last.toString());
        int needed = ((DeviceCompletion.CommandCompletion) last).resultBytes();

        // still offloaded: a posted buffer receives the held bytes
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 1000, 34));
        b.h.runFor(50_000_000L);
        assertTrue(b.completions().contains(new DeviceCompletion.ReceiveCompletion(c.handle, 34, 1000, false,
                CommandStatus.SUCCESS)), b.completions().toString());

        int writesBefore = b.dataWrites().size();
        b.command(new ToeCommand.TerminateOffload(92, c.handle, 0x80000, needed, 0x90000, 0));
        b.h.runFor(100_000_000L);
        assertEquals(new DeviceCompletion.CommandCompletion(92, CommandStatus.SUCCESS, 0),
                b.completions().get(b.completions().size() - 1));
        List<DeviceToHost.DmaWrite> writes = b.dataWrites().subList(writesBefore, b.dataWrites().size());
        CcbImage image = (CcbImage) ((DmaData.StateImage) writes.get(writes.size() - 1).data()).state();
        long undelivered = 0;
        for (Payload p : image.ccb().delegated().receive().undelivered()) {
            undelivered += p.lenBytes();
        }
        assertEquals(2000, undelivered, "the bytes not placed come back in the CCB");
    }

    @Test
    void flushMidReceiveReturnsExactlyTheUndeliveredBytesAndARestorableCcb() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5004);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 1000, 31));
        b.h.runFor(50_000_000L);
        byte[] data = ToeBench.bytes(3000, 5);
        c.peerSends(data);
        b.h.runFor(1_000_000_000L);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x110000, 500, 32));
        b.h.runFor(50_000_000L);
        // 1000 B in buffer 31, 500 B in buffer 32, 1500 B held on the card
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x120000, 100, 33));
        b.h.runFor(50_000_000L);
        int writesBefore = b.dataWrites().size();
        b.command(new ToeCommand.TerminateOffload(90, c.handle, 0x80000, 1 << 16, 0x90000, 1 << 16));
        b.h.runFor(100_000_000L);
        List<DeviceToHost.DmaWrite> writes = b.dataWrites().subList(writesBefore, b.dataWrites().size());
        assertEquals(2, writes.size(), writes.toString());
        assertEquals(0x90000, writes.get(0).hostAddr());
        byte[] undelivered = ((DmaData.Bytes) writes.get(0).data()).payload().toByteArray();
        byte[] expected = java.util.Arrays.copyOfRange(data, 1600, 3000);
        assertArrayEquals(expected, undelivered);
        CcbImage image = (CcbImage) ((DmaData.StateImage) writes.get(1).data()).state();
        assertEquals(new DeviceCompletion.CommandCompletion(90, CommandStatus.SUCCESS, 1400),
                b.completions().get(b.completions().size() - 1));
        assertTrue(image.ccb().delegated().receive().undelivered().isEmpty());
        assertEquals(ToeBench.TCP.receiveBufferBytes(), image.ccb().cached().receiveBufferBytes());

        // the host resumes the connection and the byte stream continues where the card stopped
        ControlBlock ccb = image.ccb();
        TcpConnection host = TcpConnection.restore(ccb, ToeBench.TCP, b.h.now(), TcpEvents.NONE, TraceSink.NONE, "h");
        java.util.List<Segment> toPeer = new java.util.ArrayList<>();
        SegmentSink sink = (t, s) -> toPeer.add(s);
        byte[] more = ToeBench.bytes(200, 77);
        java.util.List<Segment> fromPeer = new java.util.ArrayList<>();
        SegmentSink peerOut = (t, s) -> fromPeer.add(s);
        c.peer.send(more, 0, more.length, b.h.now());
        c.peer.poll(b.h.now(), peerOut); // Nagle: the 80 B tail the card received is still unacked
        long later = b.h.now() + 100_000_000_000L;
        host.poll(later, sink); // the delayed ACK restored from the card's CCB fires on the host
        assertEquals(1, toPeer.size(), toPeer.toString());
        c.peer.input(toPeer.get(0), later, peerOut);
        c.peer.poll(later, peerOut);
        assertFalse(fromPeer.isEmpty(), c.peer + " unacked " + c.peer.unackedBytes());
        for (Segment s : fromPeer) {
            host.input(s, later, sink);
        }
        List<Payload> got = host.read(Long.MAX_VALUE, later);
        assertEquals(1, got.size());
        assertEquals(3000, got.get(0).streamOffset());
        assertArrayEquals(more, got.get(0).toByteArray());
    }

    @Test
    void ccbTableFullRefusesTheOffload() {
        ToeBench b = new ToeBench(ToeConfig.defaults().withCcbCapacity(1));
        b.offload(6000);
        b.offload(6001);
        List<DeviceCompletion> cpl = b.completions();
        assertEquals(new DeviceCompletion.CommandCompletion(1, CommandStatus.SUCCESS, 0), cpl.get(0));
        assertEquals(new DeviceCompletion.CommandCompletion(2, CommandStatus.NO_RESOURCES, 0), cpl.get(1));
        ToeReport r = b.toe.report(b.h.link());
        assertEquals(1, r.ccbOccupied());
        assertEquals(1, r.offloadsRefused());
    }
}
