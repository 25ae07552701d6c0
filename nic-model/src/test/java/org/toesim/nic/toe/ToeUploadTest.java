package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.device.UploadReason;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;
import org.toesim.tcp.segment.TcpOptions;

/** Upload requests while closing, on TIME_WAIT, and at a card reset. */
class ToeUploadTest {
    private static final ToeConfig FIN_ON_CARD = ToeConfig.defaults().withFin(ToeConfig.FinAction.ON_CARD);

    private static List<DeviceEvent> uploads(ToeBench b) {
        return b.events().stream().filter(e -> e instanceof DeviceEvent.UploadRequest).toList();
    }

    private static void urgentFromPeer(ToeBench b, ToeBench.Conn c) {
        Segment urg = new Segment(80, c.hostPort, c.peer.sndNxt(), c.peer.rcvNxt(), TcpFlags.ACK | TcpFlags.URG,
                65535, 1, TcpOptions.NONE, Payload.virtual(0, 10));
        b.mac.receive(b.frameFromPeer(c, urg), b.h.now());
        b.h.runFor(100_000_000L);
    }

    @Test
    void noUploadInFinWait1OrFinWait2ThenOneOnTimeWait() {
        ToeBench b = new ToeBench(FIN_ON_CARD);
        ToeBench.Conn c = b.establish(5000);
        c.host.close(b.h.now()); // FIN queued, not yet sent: the card sends it
        b.holdWire = true;
        b.offload(c, c.host.snapshot(b.h.now()));
        b.h.runFor(1_000_000_000L);
        assertTrue(b.held.stream().anyMatch(f -> f.tcp().has(TcpFlags.FIN)), "the card sent our FIN");
        urgentFromPeer(b, c); // FIN_WAIT_1 on the card
        assertEquals(1L, b.toe.report(null).paths().get(PathReason.URG));
        b.releaseWire();
        b.h.runFor(100_000_000_000L); // the peer ACKs our FIN: FIN_WAIT_2
        assertEquals(TcpState.CLOSE_WAIT, c.peer.state());
        urgentFromPeer(b, c);
        assertEquals(2L, b.toe.report(null).paths().get(PathReason.URG));
        assertTrue(uploads(b).isEmpty(), "no upload request in FIN_WAIT_1 / FIN_WAIT_2: " + uploads(b));
        c.peer.close(b.h.now());
        c.peer.poll(b.h.now(), c.peerSink);
        c.kick();
        b.h.runFor(1_000_000_000L);
        assertEquals(1L, b.toe.report(null).paths().get(PathReason.FAST_FIN));
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.CONNECTION_DONE)), uploads(b),
                "one upload request on reaching TIME_WAIT: the close ran on the card and is done there");
    }

    @Test
    void noUploadInCloseWait() {
        ToeBench b = new ToeBench(FIN_ON_CARD);
        ToeBench.Conn c = b.offload(5001);
        c.peer.close(b.h.now());
        c.peer.poll(b.h.now(), c.peerSink);
        c.kick();
        b.h.runFor(1_000_000_000L);
        assertEquals(1L, b.toe.report(null).paths().get(PathReason.FAST_FIN));
        urgentFromPeer(b, c);
        assertEquals(1L, b.toe.report(null).paths().get(PathReason.URG));
        assertTrue(uploads(b).isEmpty(), "no upload request in CLOSE_WAIT: " + uploads(b));
    }

    @Test
    void cardResetReturnsEveryConnection() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c1 = b.offload(5002);
        ToeBench.Conn c2 = b.offload(5003);
        b.post(new RxDescriptor.PostBuffer(c1.handle, 0x100000, 4000, 41));
        for (int i = 0; i < 2; i++) {
            b.post(new RxDescriptor.NicBuffer(0x300000 + 0x1000L * i, 2048, 100 + i));
        }
        b.h.runFor(50_000_000L);
        byte[] data = ToeBench.bytes(300, 2);
        b.toe.reset();
        b.h.runFor(50_000_000L);
        assertEquals(List.of(new DeviceEvent.UploadRequest(c1.handle, UploadReason.HARDWARE_FAILURE),
                new DeviceEvent.UploadRequest(c2.handle, UploadReason.HARDWARE_FAILURE)), uploads(b));
        // the card no longer processes the connections: their frames go to the host
        c2.peerSends(data);
        b.h.runFor(1_000_000_000L);
        assertEquals(1L, b.toe.report(null).paths().get(PathReason.NOT_ACTIVE));
        assertEquals(1, b.toe.report(null).framesToHost());
        // the CCBs stay readable: the host flushes each as usual
        for (ToeBench.Conn c : List.of(c1, c2)) {
            b.command(new ToeCommand.TerminateOffload(200 + c.hostPort, c.handle, 0x80000, 1 << 16, 0x90000, 4096));
            b.h.runFor(100_000_000L);
            DeviceToHost.DmaWrite state = b.dataWrites().get(b.dataWrites().size() - 1);
            CcbImage ccb = (CcbImage) ((DmaData.StateImage) state.data()).state();
            assertEquals(c.host.rcvNxt(), ccb.ccb().rcvNxt());
            assertEquals(c.host.sndNxt(), ccb.ccb().sndNxt());
            assertEquals(new DeviceCompletion.CommandCompletion(200 + c.hostPort, CommandStatus.SUCCESS, 0),
                    b.completions().get(b.completions().size() - 1));
        }
        assertTrue(b.completions().contains(new DeviceCompletion.ReceiveCompletion(c1.handle, 41, 0, false,
                CommandStatus.FLUSHED)), "posted buffer handed back at flush");
        assertEquals(0, b.toe.report(null).ccbOccupied());
        // new offloads are refused
        ToeBench.Conn c3 = b.establish(5004);
        b.offload(c3, c3.host.snapshot(b.h.now()));
        assertEquals(CommandStatus.HARDWARE_FAILURE,
                ((DeviceCompletion.CommandCompletion) b.completions().get(b.completions().size() - 1)).status());
    }
}
