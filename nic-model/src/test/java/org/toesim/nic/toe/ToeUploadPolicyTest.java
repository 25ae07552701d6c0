package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CachedState;
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

/** Optional upload requests (NO_POSTED_BUFFERS, LOW_ACTIVITY, HIGH_DROP_OR_REORDER) and the indication retry. */
class ToeUploadPolicyTest {
    private static final long MS = Units.PS_PER_MS;

    private static ToeConfig policy(UploadPolicy p) {
        return ToeConfig.defaults().withUploadPolicy(p);
    }

    private static List<DeviceEvent> uploads(ToeBench b) {
        return b.events().stream().filter(e -> e instanceof DeviceEvent.UploadRequest).toList();
    }

    @Test
    void noPostedBuffersUploadAfterTheConfiguredStarvationTime() {
        ToeBench b = new ToeBench(policy(UploadPolicy.OFF.withNoPostedBuffersPs(10 * MS)));
        ToeBench.Conn c = b.offload(5000);
        long t0 = b.h.now();
        c.peerSends(ToeBench.bytes(1000, 1)); // no posted buffer, no indication buffer
        b.h.runFor(9 * MS);
        assertTrue(uploads(b).isEmpty(), "not before 10 ms: " + uploads(b));
        b.h.runFor(2 * MS);
        DeviceEvent up = new DeviceEvent.UploadRequest(c.handle, UploadReason.NO_POSTED_BUFFERS);
        assertEquals(List.of(up), uploads(b));
        long at = b.eventAtPs(up);
        assertTrue(at >= t0 + 10 * MS && at < t0 + 10 * MS + 100 * Units.PS_PER_US, "at " + at);
        b.h.runFor(1000 * MS);
        assertEquals(1, uploads(b).size(), "one outstanding request, not one per period");
    }

    @Test
    void aBufferPostedInTimeEndsTheStarvation() {
        ToeBench b = new ToeBench(policy(UploadPolicy.OFF.withNoPostedBuffersPs(10 * MS)));
        ToeBench.Conn c = b.offload(5000);
        c.peerSends(ToeBench.bytes(1000, 1));
        b.h.runFor(5 * MS);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 4000, 11));
        b.h.runFor(100 * MS);
        assertTrue(uploads(b).isEmpty(), uploads(b).toString());
        assertEquals(new DeviceCompletion.ReceiveCompletion(c.handle, 11, 1000, true, CommandStatus.SUCCESS),
                b.completions().get(b.completions().size() - 1));
    }

    @Test
    void indicatedDataIsNotStarvation() {
        ToeBench b = new ToeBench(policy(UploadPolicy.OFF.withNoPostedBuffersPs(10 * MS)));
        ToeBench.Conn c = b.offload(5000);
        b.post(new RxDescriptor.IndicationBuffer(0x400000, 4096, 77));
        b.h.runFor(MS);
        c.peerSends(ToeBench.bytes(1000, 1));
        b.h.runFor(100 * MS);
        assertEquals(List.of(new DeviceEvent.IndicateData(c.handle, 77, 1000, 0)), b.events());
    }

    @Test
    void lowActivityUploadAfterTheIdleTimeSinceTheLastSegment() {
        ToeBench b = new ToeBench(policy(UploadPolicy.OFF.withLowActivityPs(200 * MS)));
        ToeBench.Conn c = b.offload(5000);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 4000, 11));
        b.h.runFor(150 * MS);
        c.peerSends(ToeBench.bytes(1000, 1)); // activity at 150 ms; the card's delayed ACK follows
        b.h.runFor(150 * MS);
        assertTrue(uploads(b).isEmpty(), "the data restarted the idle time: " + uploads(b));
        b.h.runFor(300 * MS);
        DeviceEvent up = new DeviceEvent.UploadRequest(c.handle, UploadReason.LOW_ACTIVITY);
        assertEquals(List.of(up), uploads(b));
        long lastSegmentPs = b.wireOutPs.get(b.wireOutPs.size() - 1);
        long at = b.eventAtPs(up);
        assertTrue(Math.abs(at - (lastSegmentPs + 200 * MS)) < 100 * Units.PS_PER_US,
                "last segment " + lastSegmentPs + ", upload " + at);
    }

    @Test
    void noOptionalUploadInCloseWait() {
        ToeBench b = new ToeBench(policy(UploadPolicy.OFF.withLowActivityPs(200 * MS).withNoPostedBuffersPs(10 * MS))
                .withFin(ToeConfig.FinAction.ON_CARD));
        ToeBench.Conn c = b.offload(5000);
        c.peerSends(ToeBench.bytes(500, 1)); // starved data
        c.peer.close(b.h.now());
        c.peer.poll(b.h.now(), c.peerSink);
        c.kick();
        b.h.runFor(5 * MS);
        assertEquals(TcpState.FIN_WAIT_2, c.peer.state());
        b.h.runFor(2000 * MS);
        assertTrue(uploads(b).isEmpty(), "none in CLOSE_WAIT: " + uploads(b));
    }

    private static Segment seg(ToeBench.Conn c, int seqDelta, int payloadBytes) {
        return new Segment(80, c.hostPort, c.peer.sndNxt() + seqDelta, c.peer.rcvNxt(), TcpFlags.ACK, 65535, 0,
                TcpOptions.NONE, Payload.virtual(0, payloadBytes));
    }

    @Test
    void highReorderRateAsksForUploadOnceTheWindowIsFull() {
        ToeBench b = new ToeBench(policy(UploadPolicy.OFF.withHighDrop(50, 4)));
        ToeBench.Conn c = b.offload(5000);
        b.mac.receive(b.frameFromPeer(c, seg(c, 0, 0)), b.h.now());
        b.mac.receive(b.frameFromPeer(c, seg(c, 3000, 100)), b.h.now()); // out of order
        b.mac.receive(b.frameFromPeer(c, seg(c, 0, 0)), b.h.now());
        b.h.runFor(MS);
        assertTrue(uploads(b).isEmpty(), "window not full yet");
        b.mac.receive(b.frameFromPeer(c, seg(c, 0, 0)), b.h.now()); // 1 of 4: 25 % < 50 %
        b.h.runFor(MS);
        assertTrue(uploads(b).isEmpty(), "below the threshold: " + uploads(b));
        b.mac.receive(b.frameFromPeer(c, seg(c, 3000, 100)), b.h.now());
        b.mac.receive(b.frameFromPeer(c, seg(c, 0, 0)), b.h.now());
        b.mac.receive(b.frameFromPeer(c, seg(c, 4000, 100)), b.h.now());
        b.h.runFor(MS);
        assertTrue(uploads(b).isEmpty(), "window not full yet");
        b.mac.receive(b.frameFromPeer(c, seg(c, 0, 0)), b.h.now()); // 2 of 4: 50 %
        b.h.runFor(MS);
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.HIGH_DROP_OR_REORDER)), uploads(b));
        assertEquals(3L, b.toe.report(null).paths().get(PathReason.OUT_OF_ORDER));
    }

    @Test
    void policyOffByDefault() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5000);
        c.peerSends(ToeBench.bytes(1000, 1));
        b.h.runFor(5000 * MS);
        assertTrue(uploads(b).isEmpty(), uploads(b).toString());
    }

    @Test
    void aConnectionWaitingForAnIndicationBufferIsServedWhenOneArrives() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5000);
        byte[] first = ToeBench.bytes(1000, 4);
        c.peerSends(first);
        b.h.runFor(100 * MS);
        assertTrue(b.events().isEmpty(), "no indication buffer yet: " + b.events());
        int writesBefore = b.dataWrites().size();
        b.post(new RxDescriptor.IndicationBuffer(0x400000, 4096, 77));
        b.h.runFor(MS);
        assertEquals(List.of(new DeviceEvent.IndicateData(c.handle, 77, 1000, 0)), b.events());
        List<DeviceToHost.DmaWrite> w = b.dataWrites().subList(writesBefore, b.dataWrites().size());
        assertEquals(1, w.size(), w.toString());
        assertEquals(0x400000, w.get(0).hostAddr());
        assertArrayEquals(first, ((DmaData.Bytes) w.get(0).data()).payload().toByteArray());
        // the host takes the indicated bytes (claim 13) and posts a buffer: the stream continues on the card
        int mss = c.host.snapshot(b.h.now()).constant().sndMssBytes();
        b.command(new ToeCommand.UpdateOffload(50, c.handle, new CachedState(64, 0, mss, 1000, 1)));
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 4000, 12));
        b.h.runFor(MS);
        byte[] second = ToeBench.bytes(700, 5);
        writesBefore = b.dataWrites().size();
        c.peerSends(second);
        b.h.runFor(100 * MS);
        assertTrue(b.completions().contains(new DeviceCompletion.CommandCompletion(50, CommandStatus.SUCCESS, 0)));
        w = b.dataWrites().subList(writesBefore, b.dataWrites().size());
        assertEquals(0x100000, w.get(0).hostAddr(), "the second run lands at the start of the posted buffer");
        assertArrayEquals(second, ((DmaData.Bytes) w.get(0).data()).payload().toByteArray());
        assertEquals(new DeviceCompletion.ReceiveCompletion(c.handle, 12, 700, true, CommandStatus.SUCCESS),
                b.completions().get(b.completions().size() - 1));
        assertEquals(c.peer.sndNxt(), c.peer.sndUna(), "the card acknowledged all 1700 B");
    }
}
