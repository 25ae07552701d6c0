package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.OffloadFeature;
import org.toesim.nic.device.RxDescriptor;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.device.UploadReason;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.engine.TcpState;
import org.toesim.tcp.segment.Payload;
import org.toesim.tcp.segment.TcpFlags;

/**
 * The close on the card ({@link ToeConfig.FinAction#ON_CARD}): the peer's FIN announced once the
 * bytes before it are placed, the host's FIN as a send request behind its data, the connection
 * handed back when the card is done with it.
 */
class ToeCloseOnCardTest {
    private static final ToeConfig CLOSE_ON_CARD = ToeConfig.defaults().withFin(ToeConfig.FinAction.ON_CARD);

    private static List<DeviceEvent> events(ToeBench b, Class<?> kind) {
        return b.events().stream().filter(kind::isInstance).toList();
    }

    private static CcbImage terminate(ToeBench b, ToeBench.Conn c) {
        b.command(new ToeCommand.TerminateOffload(900, c.handle, 0x80000, 1 << 16, 0x90000, 1 << 16));
        b.h.runFor(100_000_000L);
        DeviceToHost.DmaWrite state = b.dataWrites().get(b.dataWrites().size() - 1);
        return (CcbImage) ((DmaData.StateImage) state.data()).state();
    }

    @Test
    void theCardOffersTheCloseOnlyWhenItRunsIt() {
        assertTrue(new ToeBench(CLOSE_ON_CARD).toe.capability().supports(OffloadFeature.CLOSE_ON_CARD));
        assertFalse(new ToeBench().toe.capability().supports(OffloadFeature.CLOSE_ON_CARD));
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5000);
        b.send(new TxDescriptor.ToeSend(c.handle, 0, 0, 7, true));
        b.h.runFor(100_000_000L);
        assertEquals(new DeviceCompletion.SendCompletion(c.handle, 7, 0, CommandStatus.INVALID_REQUEST),
                b.completions().get(b.completions().size() - 1), "a card that sends FINs to the host refuses it");
        assertEquals(TcpState.ESTABLISHED, c.peer.state());
    }

    /**
     * Passive close: the peer's data and FIN arrive with no buffer posted. The host hears of the
     * FIN only after the data is placed (the buffer completes with push, then PeerClosed counts
     * its bytes); the host's FIN request sends the card's FIN, LAST_ACK's ACK completes it, and
     * the connection comes back CLOSED.
     */
    @Test
    void passiveCloseAnnouncesTheFinAfterItsDataAndHandsTheConnectionBackClosed() {
        ToeBench b = new ToeBench(CLOSE_ON_CARD);
        ToeBench.Conn c = b.offload(5001);
        byte[] data = ToeBench.bytes(3000, 4);
        c.peerSends(data);
        c.peer.close(b.h.now());
        c.peer.poll(b.h.now(), c.peerSink);
        c.kick();
        b.h.runFor(1_000_000_000L);
        assertEquals(1L, b.toe.report(null).paths().get(PathReason.FAST_FIN));
        assertTrue(events(b, DeviceEvent.PeerClosed.class).isEmpty(), "3000 B still on the card: no end of stream yet");
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 8000, 41, true));
        b.h.runFor(1_000_000_000L);
        assertEquals(new DeviceCompletion.ReceiveCompletion(c.handle, 41, 3000, true, CommandStatus.SUCCESS),
                b.completions().get(b.completions().size() - 1),
                "the nonpush buffer completes short, with push: the stream ends there");
        assertEquals(List.of(new DeviceEvent.PeerClosed(c.handle, 3000)), events(b, DeviceEvent.PeerClosed.class));
        assertTrue(events(b, DeviceEvent.UploadRequest.class).isEmpty(), "CLOSE_WAIT stays on the card");

        b.send(new TxDescriptor.ToeSend(c.handle, 0, 0, 77, true));
        b.h.runFor(1_000_000_000L);
        assertTrue(b.wireOut.stream().anyMatch(f -> f.tcp().has(TcpFlags.FIN)), "the card sent the host's FIN");
        assertEquals(TcpState.TIME_WAIT, c.peer.state(), "the peer closed first: it ends in TIME_WAIT");
        assertEquals(new DeviceCompletion.SendCompletion(c.handle, 77, 0, CommandStatus.SUCCESS),
                b.completions().get(b.completions().size() - 1), "the FIN request completes when it is acknowledged");
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.CONNECTION_DONE)),
                events(b, DeviceEvent.UploadRequest.class));
        CcbImage ccb = terminate(b, c);
        assertEquals(TcpState.CLOSED, ccb.ccb().delegated().state());
        assertEquals(0, b.toe.report(null).ccbOccupied(), "the slot is free again");
    }

    /**
     * Active close: the FIN request follows a 5000 B send; the FIN leaves after the last byte
     * (its sequence number is one past it), the data request completes before the FIN request,
     * and TIME_WAIT hands the connection back.
     */
    @Test
    void activeCloseSendsTheFinBehindTheDataAndHandsTimeWaitToTheHost() {
        ToeBench b = new ToeBench(CLOSE_ON_CARD);
        ToeBench.Conn c = b.offload(5002);
        byte[] data = ToeBench.bytes(5000, 8);
        b.h.memory().put(0x200000, new DmaData.Bytes(Payload.real(0, data, 0, data.length)));
        int iss = c.host.sndNxt();
        b.send(new TxDescriptor.ToeSend(c.handle, 0x200000, 5000, 21));
        b.send(new TxDescriptor.ToeSend(c.handle, 0, 0, 22, true));
        b.h.runFor(100_000_000_000L);
        assertArrayEquals(data, c.peerReads());
        Frame fin = b.wireOut.stream().filter(f -> f.tcp().has(TcpFlags.FIN)).findFirst().orElseThrow();
        assertEquals(iss + 5000, fin.tcp().seq() + fin.tcp().payloadLenBytes(), "the FIN follows the last byte");
        assertEquals(TcpState.CLOSE_WAIT, c.peer.state());
        List<DeviceCompletion> sends = b.completions().stream()
                .filter(x -> x instanceof DeviceCompletion.SendCompletion).toList();
        assertEquals(List.of(new DeviceCompletion.SendCompletion(c.handle, 21, 5000, CommandStatus.SUCCESS),
                new DeviceCompletion.SendCompletion(c.handle, 22, 0, CommandStatus.SUCCESS)), sends);
        assertTrue(events(b, DeviceEvent.UploadRequest.class).isEmpty(), "FIN_WAIT_2 stays on the card");

        c.peer.close(b.h.now());
        c.peer.poll(b.h.now(), c.peerSink);
        c.kick();
        b.h.runFor(1_000_000_000L);
        assertEquals(List.of(new DeviceEvent.PeerClosed(c.handle, 0)), events(b, DeviceEvent.PeerClosed.class));
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.CONNECTION_DONE)),
                events(b, DeviceEvent.UploadRequest.class));
        assertEquals(TcpState.TIME_WAIT, terminate(b, c).ccb().delegated().state(), "the host keeps TIME_WAIT");
    }

    /** With TIME_WAIT kept on the card, the slot stays taken for 2 x MSL and the connection comes back CLOSED. */
    @Test
    void keptTimeWaitHoldsTheSlotForTwoMslThenReturnsTheConnectionClosed() {
        long mslPs = 5 * Units.PS_PER_MS;
        ToeBench b = new ToeBench(ToeConfig.defaults().withFin(ToeConfig.FinAction.ON_CARD_KEEP_TIME_WAIT)
                .withEngine(ToeConfig.defaults().engine().toBuilder().mslPs(mslPs).build()));
        ToeBench.Conn c = b.offload(5003);
        b.send(new TxDescriptor.ToeSend(c.handle, 0, 0, 31, true));
        b.h.runFor(1_000_000_000L);
        c.peer.close(b.h.now());
        c.peer.poll(b.h.now(), c.peerSink);
        c.kick();
        b.h.runFor(1_000_000_000L);
        assertEquals(TcpState.CLOSED, c.peer.state());
        assertTrue(events(b, DeviceEvent.UploadRequest.class).isEmpty(), "TIME_WAIT runs on the card");
        assertEquals(1, b.toe.report(null).ccbOccupied());
        b.h.runFor(2 * mslPs);
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.CONNECTION_DONE)),
                events(b, DeviceEvent.UploadRequest.class), "2 x MSL later the card is done with it");
        assertEquals(TcpState.CLOSED, terminate(b, c).ccb().delegated().state());
    }
}
