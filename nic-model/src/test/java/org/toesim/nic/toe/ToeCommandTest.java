package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CachedState;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.ConnectionStats;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.Payload;

/** QueryOffload (claim 12) and UpdateOffload (TTL, TOS, accepted bytes, MSS refusal). */
class ToeCommandTest {
    private static final long MS = Units.PS_PER_MS;

    private static DeviceCompletion lastCompletion(ToeBench b) {
        return b.completions().get(b.completions().size() - 1);
    }

    private static int mss(ToeBench b, ToeBench.Conn c) {
        return c.host.snapshot(b.h.now()).constant().sndMssBytes();
    }

    private static DmaData.QueryImage query(ToeBench b, ToeBench.Conn c, long id, int capacityBytes) {
        int before = b.dataWrites().size();
        b.command(new ToeCommand.QueryOffload(id, c.handle, 0x70000, capacityBytes));
        b.h.runFor(MS);
        List<DeviceToHost.DmaWrite> w = b.dataWrites().subList(before, b.dataWrites().size());
        if (w.isEmpty()) {
            return null;
        }
        assertEquals(1, w.size(), w.toString());
        assertEquals(0x70000, w.get(0).hostAddr());
        return assertInstanceOf(DmaData.QueryImage.class, w.get(0).data());
    }

    @Test
    void queryWritesTheDelegatedStateAndStatisticsOfTheCardsEngine() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5000);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 1000, 11));
        b.h.runFor(MS);
        byte[] data = ToeBench.bytes(3000, 6);
        c.peerSends(data);
        b.h.runFor(100 * MS);

        DmaData.QueryImage image = query(b, c, 60, 1 << 16);
        ControlBlock ccb = assertInstanceOf(CcbImage.class, image.state()).ccb();
        assertEquals(new DeviceCompletion.CommandCompletion(60, CommandStatus.SUCCESS, image.lenBytes()),
                lastCompletion(b));
        assertEquals(c.peer.sndNxt(), ccb.rcvNxt(), "RCV.NXT of the card's engine");
        assertEquals(c.peer.rcvNxt(), ccb.sndNxt(), "SND.NXT of the card's engine");
        List<Payload> undelivered = ccb.delegated().receive().undelivered();
        assertEquals(1, undelivered.size());
        assertArrayEquals(java.util.Arrays.copyOfRange(data, 1000, 3000), undelivered.get(0).toByteArray(),
                "the 2000 B held on the card, not the 1000 B placed");
        assertEquals(CcbImage.FIXED_BYTES + CcbImage.RUN_DESCRIPTOR_BYTES + 2000 + DmaData.QueryImage.STATS_BYTES,
                image.lenBytes());
        ConnectionStats s = image.stats();
        assertEquals(3, s.segmentsIn(), "1460 + 1460 + 80");
        assertEquals(3000, s.payloadBytesIn());
        assertEquals(b.toe.connectionStats(c.handle), s);
        assertEquals(b.wireOut.size(), s.segmentsOut(), "every frame on the wire is one of the card's segments");

        // the query left the connection running: a posted buffer takes the held bytes
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x110000, 2000, 12));
        b.h.runFor(MS);
        assertEquals(new DeviceCompletion.ReceiveCompletion(c.handle, 12, 2000, false, CommandStatus.SUCCESS),
                lastCompletion(b));
    }

    @Test
    void queryIntoATooSmallBufferIsRefusedAndWritesNothing() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5000);
        assertEquals(null, query(b, c, 61, 100));
        assertEquals(new DeviceCompletion.CommandCompletion(61, CommandStatus.INVALID_REQUEST, 0), lastCompletion(b));
        b.command(new ToeCommand.QueryOffload(62, b.handles.allocate(), 0x70000, 4096));
        b.h.runFor(MS);
        assertEquals(new DeviceCompletion.CommandCompletion(62, CommandStatus.UNKNOWN_HANDLE, 0), lastCompletion(b));
    }

    @Test
    void updateChangesTtlAndTosOfTheCardsFramesAndTheReturnedCcb() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5000);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 8000, 11));
        c.peerSends(ToeBench.bytes(1000, 1));
        b.h.runFor(100 * MS);
        Frame before = b.wireOut.get(b.wireOut.size() - 1);
        assertEquals(64, before.ip().ttl());
        assertEquals(0, before.ip().tos());

        b.command(new ToeCommand.UpdateOffload(70, c.handle, new CachedState(17, 0x28, mss(b, c), 0)));
        b.h.runFor(MS);
        assertEquals(new DeviceCompletion.CommandCompletion(70, CommandStatus.SUCCESS, 0), lastCompletion(b));
        c.peerSends(ToeBench.bytes(1000, 2));
        b.h.runFor(100 * MS);
        Frame after = b.wireOut.get(b.wireOut.size() - 1);
        assertEquals(17, after.ip().ttl());
        assertEquals(0x28, after.ip().tos());
        ControlBlock.Cached cached = ((CcbImage) query(b, c, 71, 1 << 16).state()).ccb().cached();
        assertEquals(17, cached.ttl());
        assertEquals(0x28, cached.tos());
    }

    @Test
    void anUpdateThatChangesTheMssIsRefusedAndNothingOfItApplies() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5000);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 8000, 11));
        b.h.runFor(MS);
        b.command(new ToeCommand.UpdateOffload(80, c.handle, new CachedState(99, 0x10, mss(b, c) - 500, 0)));
        b.h.runFor(MS);
        assertEquals(new DeviceCompletion.CommandCompletion(80, CommandStatus.UNSUPPORTED_UPDATE, 0),
                lastCompletion(b));
        c.peerSends(ToeBench.bytes(1000, 1));
        b.h.runFor(100 * MS);
        Frame ack = b.wireOut.get(b.wireOut.size() - 1);
        assertEquals(64, ack.ip().ttl(), "the TTL of the refused update was not applied");
        assertEquals(0, ack.ip().tos());
        assertEquals(c.peer.sndNxt(), c.peer.sndUna(), "the connection runs on");
    }

    @Test
    void acceptedBytesFreeTheOnCardBufferAndReopenTheWindow() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5000);
        int total = 100_000; // more than the 64 KiB the card advertises
        c.peerSends(ToeBench.bytes(total, 3));
        b.h.runFor(500 * MS);
        ControlBlock ccb = ((CcbImage) query(b, c, 90, 1 << 18).state()).ccb();
        long onCard = ccb.delegated().receive().undelivered().stream().mapToLong(Payload::lenBytes).sum();
        assertTrue(onCard > 64 * 1024 - 1460 && onCard <= 64 * 1024,
                "the card holds a full on-card buffer and advertises no more: " + onCard);
        assertEquals(total - onCard, c.peer.unackedBytes(), "the peer waits for the window");

        b.command(new ToeCommand.UpdateOffload(91, c.handle, new CachedState(64, 0, mss(b, c), 40_000)));
        b.h.runFor(500 * MS);
        assertTrue(b.completions().contains(new DeviceCompletion.CommandCompletion(91, CommandStatus.SUCCESS, 0)));
        ccb = ((CcbImage) query(b, c, 92, 1 << 18).state()).ccb();
        List<Payload> runs = ccb.delegated().receive().undelivered();
        onCard = runs.stream().mapToLong(Payload::lenBytes).sum();
        assertEquals(total - 40_000, onCard, "the window reopened: the rest of the stream reached the card");
        assertEquals(40_000, runs.get(0).streamOffset(), "the accepted bytes left the card");
        assertEquals(c.peer.sndNxt(), c.peer.sndUna());
    }
}
