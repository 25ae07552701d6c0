package org.toesim.nic.toe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CcbImage;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceCompletion;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.testing.Recorded;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.segment.Segment;

/** A CCB image larger than one DMA read is fetched in several reads and reassembled (claim 20). */
class ToeLargeCcbTest {

    private static List<DeviceToHost.DmaReadRequest> readsAt(ToeBench b, long from, long to) {
        List<DeviceToHost.DmaReadRequest> out = new ArrayList<>();
        for (Recorded r : b.h.received()) {
            if (r.message() instanceof DeviceToHost.DmaReadRequest q && q.hostAddr() >= from && q.hostAddr() < to) {
                out.add(q);
            }
        }
        return out;
    }

    @Test
    void aCcbCarryingUnackedDataBeyondOneReadIsFetchedInPartsAndTheStreamContinues() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.establish(5000);
        byte[] data = ToeBench.bytes(40_000, 8);
        assertEquals(data.length, c.host.send(data, 0, data.length, b.h.now()));
        List<Segment> lost = new ArrayList<>();
        c.host.poll(b.h.now(), (t, s) -> lost.add(s)); // the first flight is lost on the wire
        assertTrue(!lost.isEmpty());
        ControlBlock ccb = c.host.snapshot(b.h.now());
        int imageBytes = new CcbImage(ccb).imageSizeBytes();
        int maxRead = b.toe.dma().maxReadBytes();
        assertTrue(imageBytes > 2 * maxRead, imageBytes + " B image, reads of at most " + maxRead + " B");

        b.offload(c, ccb);

        long stateAddr = ToeBench.STATE_ADDR + c.handleIndex * 0x4000L;
        List<DeviceToHost.DmaReadRequest> reads = readsAt(b, stateAddr, stateAddr + imageBytes);
        assertEquals(3, reads.size(), reads.toString());
        for (int i = 0; i < 3; i++) {
            assertEquals(stateAddr + (long) i * maxRead, reads.get(i).hostAddr());
            assertEquals(Math.min(maxRead, imageBytes - i * maxRead), reads.get(i).lenBytes());
        }
        assertEquals(new DeviceCompletion.CommandCompletion(1, CommandStatus.SUCCESS, 0), b.completions().get(0));

        // the card retransmits from the unacknowledged data that came inside the CCB: no re-read
        b.h.runFor(10_000 * Units.PS_PER_MS);
        assertArrayEquals(data, c.peerReads());
        assertEquals(0, b.toe.report(null).sendBytesReRead());
        assertEquals(c.peer.rcvNxt(), ((CcbImage) ((DmaData.QueryImage) queryImage(b, c)).state()).ccb().sndNxt());
    }

    @Test
    void anImageWhosePartsDoNotFormOneCcbIsRefused() {
        ToeBench b = new ToeBench();
        ToeBench.Conn c = b.establish(5000);
        int maxRead = b.toe.dma().maxReadBytes();
        // host memory holds opaque bytes where the command says the image is
        b.h.memory().put(0x600000, new DmaData.Opaque(maxRead + 100));
        b.command(new ToeCommand.InitiateOffload(5, c.handle, 0x600000, maxRead + 100));
        b.h.runFor(100 * Units.PS_PER_MS);
        assertEquals(new DeviceCompletion.CommandCompletion(5, CommandStatus.INVALID_REQUEST, 0), b.completions().get(0));
        assertEquals(0, b.toe.report(null).ccbOccupied());
        // the reserved slot was given back: a proper offload of the same handle succeeds
        b.offload(c, c.host.snapshot(b.h.now()));
        assertEquals(new DeviceCompletion.CommandCompletion(1, CommandStatus.SUCCESS, 0), b.completions().get(1));
    }

    private static DmaData queryImage(ToeBench b, ToeBench.Conn c) {
        b.command(new ToeCommand.QueryOffload(99, c.handle, 0x70000, 1 << 18));
        b.h.runFor(Units.PS_PER_MS);
        return b.h.memory().at(0x70000);
    }
}
