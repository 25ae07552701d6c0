package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.device.UploadReason;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.Segment;
import org.toesim.tcp.segment.TcpFlags;

/**
 * Out-of-order frames after the handoff: the park holds wire frames only for the handoff gap
 * (the frames the host held during the handoff and forwards back); a later gap is a loss on the
 * wire and its frames go up the slow path at once. A FIN behind a gap makes the card ask for an
 * upload, since the host never forwards a FIN back.
 */
class ToeOutOfOrderTest {
    private static final long FRAME_ADDR = 0x500000;

    private static List<Frame> captured(ToeBench b, ToeBench.Conn c, byte[] data, boolean close) {
        List<Segment> segs = new ArrayList<>();
        c.peer.send(data, 0, data.length, b.h.now());
        if (close) {
            c.peer.close(b.h.now());
        }
        c.peer.poll(b.h.now(), (t, s) -> segs.add(s));
        List<Frame> frames = new ArrayList<>();
        for (Segment s : segs) {
            frames.add(b.frameFromPeer(c, s));
        }
        return frames;
    }

    private static void forward(ToeBench b, ToeBench.Conn c, List<Frame> frames) {
        DmaData.FrameBatch batch = new DmaData.FrameBatch(frames);
        b.h.memory().put(FRAME_ADDR, batch);
        b.command(new ToeCommand.ForwardFrames(b.nextCommandId(), c.handle, FRAME_ADDR, batch.lenBytes()));
    }

    @Test
    void onceTheHandoffGapHasFilledALaterGapGoesUpTheSlowPathInsteadOfBeingParked() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5040);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 64 * 1024, 80));
        b.post(new RxDescriptor.NicBuffer(0x300000, 2048, 81));
        b.h.runFor(50_000_000L);
        List<Frame> first = captured(b, c, ToeBench.bytes(4 * 1460, 1), false);
        // the handoff gap: frames 0-1 are on the host, 2-3 arrive from the wire while it forwards
        forward(b, c, first.subList(0, 1));
        b.h.runFor(20_000_000L); // the forward command ran: the park window is open
        b.mac.receive(first.get(2), b.h.now());
        b.mac.receive(first.get(3), b.h.now());
        b.h.runFor(20_000_000L);
        forward(b, c, first.subList(1, 2));
        b.h.runFor(1_000_000_000L);
        assertEquals(4, b.toe.report(null).paths().get(PathReason.FAST_DATA), "the parked frames followed the gap");
        assertEquals(0, b.toe.report(null).framesToHost(), "parked, not sent up");

        List<Frame> second = captured(b, c, ToeBench.bytes(2 * 1460, 2), false);
        forward(b, c, List.of(first.get(0))); // a duplicate forward: would have reopened the window
        b.h.runFor(20_000_000L);
        b.mac.receive(second.get(1), b.h.now()); // its predecessor was lost on the wire
        b.h.runFor(50_000_000L); // 50 us: well inside a park window
        assertEquals(1, b.toe.report(null).framesToHost(), "the frame behind a wire loss went to the host at once");
    }

    @Test
    void aFinBehindAGapAsksForAnUpload() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5041);
        b.post(new RxDescriptor.NicBuffer(0x300000, 2048, 82));
        b.h.runFor(50_000_000L);
        List<Frame> frames = captured(b, c, ToeBench.bytes(2 * 1460, 3), true);
        Frame fin = frames.get(frames.size() - 1);
        assertTrue(fin.tcp().has(TcpFlags.FIN));
        b.mac.receive(fin, b.h.now()); // the segments before it were lost
        b.h.runFor(1_000_000_000L);
        assertEquals(1, b.toe.report(null).paths().get(PathReason.OUT_OF_ORDER));
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.INVALID_STATE)),
                b.events().stream().filter(e -> e instanceof DeviceEvent.UploadRequest).toList());
    }
}
