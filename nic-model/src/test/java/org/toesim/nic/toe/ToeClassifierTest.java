package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.UploadReason;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.frame.Ipv4Header;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/** One test per classification criterion (claim 14): the verdict, where the frame went, upload requests. */
class ToeClassifierTest {
    private ToeBench b;
    private ToeBench.Conn c;

    private void setUp(ToeConfig config) {
        b = new ToeBench(config);
        c = b.offload(5000);
        for (int i = 0; i < 4; i++) {
            b.post(new RxDescriptor.NicBuffer(0x300000 + 0x1000L * i, 2048, 100 + i));
        }
        b.h.runFor(50_000_000L);
    }

    private Segment seg(int flags, int seqDelta, int port) {
        return new Segment(80, port, c.peer.sndNxt() + seqDelta, c.peer.rcvNxt(), flags, 65535, 0, TcpOptions.NONE,
                Payload.virtual(0, 100));
    }

    private Frame frame(Segment s) {
        return b.frameFromPeer(c, s);
    }

    /** Feeds {@code f} to the card and checks it reached the host as a whole frame with verdict {@code reason}. */
    private void assertSlowPath(Frame f, PathReason reason, boolean throughMac) {
        if (throughMac) {
            b.mac.receive(f, b.h.now());
        } else {
            b.toe.onFrame(f, b.h.now()); // TCP checksum failure with a good FCS: the MAC passes it
        }
        b.h.runFor(100_000_000L);
        assertEquals(1L, b.toe.report(null).paths().get(reason));
        assertEquals(1, b.toe.report(null).framesToHost());
        List<DeviceToHost.DmaWrite> w = b.dataWrites();
        DeviceToHost.DmaWrite last = w.get(w.size() - 1);
        assertEquals(0x300000, last.hostAddr());
        assertEquals(f, ((DmaData.FrameImage) last.data()).frame());
        DeviceCompletion cpl = b.completions().get(b.completions().size() - 1);
        assertEquals(new DeviceCompletion.NicReceiveCompletion(100, f.lenBytes(), reason != PathReason.BAD_CHECKSUM),
                cpl);
        assertEquals(0, b.toe.report(null).bytesPlaced(), "nothing placed by the fast path");
    }

    private List<DeviceEvent> uploads() {
        return b.events().stream().filter(e -> e instanceof DeviceEvent.UploadRequest).toList();
    }

    @Test
    void noCcbMatch() {
        setUp(ToeConfig.defaults());
        assertSlowPath(frame(seg(TcpFlags.ACK, 0, 5999)), PathReason.NO_CCB, true);
        assertTrue(uploads().isEmpty());
    }

    @Test
    void synGoesToHostWithInvalidStateUpload() {
        setUp(ToeConfig.defaults());
        assertSlowPath(frame(seg(TcpFlags.SYN | TcpFlags.ACK, 0, 5000)), PathReason.SYN, true);
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.INVALID_STATE)), uploads());
    }

    @Test
    void finGoesToHostWithInvalidStateUpload() {
        setUp(ToeConfig.defaults());
        assertSlowPath(frame(seg(TcpFlags.FIN | TcpFlags.ACK, 0, 5000)), PathReason.FIN, true);
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.INVALID_STATE)), uploads());
    }

    @Test
    void rstGoesToHost() {
        setUp(ToeConfig.defaults());
        assertSlowPath(frame(seg(TcpFlags.RST | TcpFlags.ACK, 0, 5000)), PathReason.RST, true);
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.INVALID_STATE)), uploads());
    }

    @Test
    void urgentDataGoesToHostWithUrgentUpload() {
        setUp(ToeConfig.defaults());
        assertSlowPath(frame(seg(TcpFlags.URG | TcpFlags.ACK, 0, 5000)), PathReason.URG, true);
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.URGENT_DATA)), uploads());
    }

    @Test
    void ipFragmentGoesToHost() {
        setUp(ToeConfig.defaults());
        Frame f = frame(seg(TcpFlags.ACK, 0, 5000));
        Ipv4Header ip = new Ipv4Header(f.ip().srcIp(), f.ip().dstIp(), 1, 64, 0, false, true, 0, 0);
        assertSlowPath(new Frame(f.frameId(), f.srcMac(), f.dstMac(), ip, f.tcp(), false), PathReason.IP_FRAGMENT,
                true);
    }

    @Test
    void ipOptionsGoToHost() {
        setUp(ToeConfig.defaults());
        Frame f = frame(seg(TcpFlags.ACK, 0, 5000));
        Ipv4Header ip = new Ipv4Header(f.ip().srcIp(), f.ip().dstIp(), 1, 64, 0, true, false, 0, 8);
        assertSlowPath(new Frame(f.frameId(), f.srcMac(), f.dstMac(), ip, f.tcp(), false), PathReason.IP_OPTIONS,
                true);
    }

    @Test
    void badChecksumGoesToHostUnverified() {
        setUp(ToeConfig.defaults());
        assertSlowPath(frame(seg(TcpFlags.ACK, 0, 5000)).asCorrupted(), PathReason.BAD_CHECKSUM, false);
    }

    @Test
    void outOfOrderToHostWithoutUpload() {
        setUp(ToeConfig.defaults());
        assertSlowPath(frame(seg(TcpFlags.ACK, 1000, 5000)), PathReason.OUT_OF_ORDER, true);
        assertTrue(uploads().isEmpty());
    }

    @Test
    void outOfOrderWithUploadRequestMode() {
        setUp(ToeConfig.defaults().withOutOfOrder(ToeConfig.OutOfOrderAction.UPLOAD_REQUEST));
        assertSlowPath(frame(seg(TcpFlags.ACK, 1000, 5000)), PathReason.OUT_OF_ORDER, true);
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.HIGH_DROP_OR_REORDER)), uploads());
    }

    @Test
    void inOrderDataAndPureAcksStayOnTheCard() {
        setUp(ToeConfig.defaults());
        b.mac.receive(frame(seg(TcpFlags.ACK, 0, 5000)), b.h.now());
        Segment ack = new Segment(80, 5000, c.peer.sndNxt() + 100, c.peer.rcvNxt(), TcpFlags.ACK, 65535, 0,
                TcpOptions.NONE, Payload.EMPTY);
        b.mac.receive(frame(ack), b.h.now());
        b.h.runFor(100_000_000L);
        ToeReport r = b.toe.report(null);
        assertEquals(1L, r.paths().get(PathReason.FAST_DATA));
        assertEquals(1L, r.paths().get(PathReason.FAST_ACK));
        assertEquals(0, r.framesToHost());
        assertEquals(2, r.fastPathFrames());
        assertEquals(1L, b.toe.connectionPaths(c.handle).get(PathReason.FAST_ACK));
    }
}
