package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.TxDescriptor;
import org.toesim.nic.device.UploadReason;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.Payload;

/**
 * The card asks for a TIMEOUT upload only when the connection is failing, in the sense of RFC
 * 9293 section 3.8.3 (R2): several retransmission timeouts in a row with no new data
 * acknowledged. Segments resent by fast retransmit / SACK loss recovery (RFC 6675) within one
 * episode are ordinary loss repair of a large response and never count.
 */
class ToeTimeoutUploadTest {
    private static List<DeviceEvent> uploads(ToeBench b) {
        return b.events().stream().filter(e -> e instanceof DeviceEvent.UploadRequest).toList();
    }

    @Test
    void aBurstLossRepairedBySackRecoveryDoesNotAskForATimeoutUpload() {
        ToeBench b = new ToeBench();
        b.tcp = ToeBench.TCP.toBuilder().sack(true).build(); // RFC 6675: every lost hole resent at once
        ToeBench.Conn c = b.offload(5030);
        int mss = 1460;
        byte[] data = ToeBench.bytes(10 * mss, 5); // the initial window (RFC 6928)
        b.h.memory().put(0x200000, new DmaData.Bytes(Payload.real(0, data, 0, data.length)));
        b.holdWire = true;
        b.send(new TxDescriptor.ToeSend(c.handle, 0x200000, data.length, 32));
        b.h.runFor(2_000_000_000L);
        List<Frame> flight = b.held.stream().filter(f -> f.tcp().payloadLenBytes() > 0).toList();
        assertEquals(10, flight.size());
        for (int i = 1; i < 7; i++) { // a burst of six lost segments (a full queue on the path)
            b.held.remove(flight.get(i));
        }
        b.releaseWire();
        b.h.runFor(100_000_000_000L);
        assertTrue(b.toe.table().byHandle(c.handle).retransmittedSegments >= 4,
                "several segments resent before the cumulative ACK moved");
        assertArrayEquals(data, c.peerReads(), "SACK recovery on the card repaired the burst");
        assertEquals(List.of(), uploads(b), "no TIMEOUT upload for loss repair");
    }

    @Test
    void retransmissionTimeoutsInARowWithoutProgressAskForATimeoutUpload() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.offload(5031);
        byte[] data = ToeBench.bytes(4000, 6);
        b.h.memory().put(0x200000, new DmaData.Bytes(Payload.real(0, data, 0, data.length)));
        b.holdWire = true; // the peer never hears anything again: every RTO fires without progress
        b.send(new TxDescriptor.ToeSend(c.handle, 0x200000, data.length, 33));
        b.h.runFor(60_000_000_000_000L); // 60 s of backed-off RTOs
        List<DeviceEvent> ups = uploads(b);
        assertEquals(List.of(new DeviceEvent.UploadRequest(c.handle, UploadReason.TIMEOUT)), ups);
    }
}
