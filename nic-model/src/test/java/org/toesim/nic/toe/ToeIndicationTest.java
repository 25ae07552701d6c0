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

/**
 * Indications (Chimney's "indicate, then post"): one unanswered indication per connection, no
 * placement until the host answers, a partial answer pauses indications until a posted buffer
 * takes bytes, and the indication delay (doubled by refusals) keeps a buffer that is on its way
 * from racing a copy across the bus.
 */
class ToeIndicationTest {
    private static final long US = Units.PS_PER_US;
    private static final long MS = Units.PS_PER_MS;

    /** A bench whose peer sends at once (no Nagle: a second small send is not held for an ACK). */
    private static ToeBench bench(long indicationDelayPs) {
        ToeBench b = new ToeBench(ToeConfig.defaults().withIndicationDelayPs(indicationDelayPs));
        b.tcp = ToeBench.TCP.toBuilder().nagle(false).build();
        return b;
    }

    private static DeviceCompletion.ReceiveCompletion lastReceive(ToeBench b) {
        List<DeviceCompletion.ReceiveCompletion> r = b.completions().stream()
                .filter(x -> x instanceof DeviceCompletion.ReceiveCompletion)
                .map(x -> (DeviceCompletion.ReceiveCompletion) x).toList();
        return r.get(r.size() - 1);
    }

    private static List<DeviceEvent.IndicateData> indications(ToeBench b) {
        return b.events().stream().filter(e -> e instanceof DeviceEvent.IndicateData)
                .map(e -> (DeviceEvent.IndicateData) e).toList();
    }

    private static void answer(ToeBench b, ToeBench.Conn c, long id, long accepted, long answered) {
        int mss = c.host.snapshot(b.h.now()).constant().sndMssBytes();
        b.command(new ToeCommand.UpdateOffload(id, c.handle, new CachedState(64, 0, mss, accepted, answered)));
    }

    @Test
    void aBufferPostedWhileAnIndicationIsUnansweredWaitsForTheAnswer() {
        ToeBench b = bench(0);
        ToeBench.Conn c = b.offload(5000);
        b.post(new RxDescriptor.IndicationBuffer(0x400000, 4096, 77));
        b.h.runFor(MS);
        byte[] first = ToeBench.bytes(1000, 1);
        c.peerSends(first);
        b.h.runFor(MS);
        assertEquals(List.of(new DeviceEvent.IndicateData(c.handle, 77, 1000, 0)), indications(b));
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 4000, 11));
        b.h.runFor(10 * MS);
        assertTrue(b.completions().stream().noneMatch(x -> x instanceof DeviceCompletion.ReceiveCompletion),
                "nothing placed while the host may still take the indicated bytes: " + b.completions());
        // the host took all 1000: the posted buffer gets the next bytes, not the indicated ones again
        answer(b, c, 50, 1000, 1);
        byte[] second = ToeBench.bytes(700, 2);
        int writesBefore = b.dataWrites().size();
        c.peerSends(second);
        b.h.runFor(10 * MS);
        List<DeviceToHost.DmaWrite> w = b.dataWrites().subList(writesBefore, b.dataWrites().size());
        assertEquals(0x100000, w.get(0).hostAddr());
        assertArrayEquals(second, ((DmaData.Bytes) w.get(0).data()).payload().toByteArray());
        assertEquals(new DeviceCompletion.ReceiveCompletion(c.handle, 11, 700, true, CommandStatus.SUCCESS),
                lastReceive(b));
        assertEquals(1000, b.toe.report(null).bytesIndicationAccepted());
    }

    @Test
    void aPartialAnswerLeavesTheRestForAPostedBufferAndPausesIndications() {
        ToeBench b = bench(0);
        ToeBench.Conn c = b.offload(5000);
        b.post(new RxDescriptor.IndicationBuffer(0x400000, 4096, 77));
        b.post(new RxDescriptor.IndicationBuffer(0x401000, 4096, 78));
        b.h.runFor(MS);
        byte[] first = ToeBench.bytes(1000, 3);
        c.peerSends(first);
        b.h.runFor(MS);
        answer(b, c, 50, 400, 1); // the socket had room for 400
        b.h.runFor(MS);
        c.peerSends(ToeBench.bytes(500, 4));
        b.h.runFor(10 * MS);
        assertEquals(1, indications(b).size(), "no indication after a partial answer: " + indications(b));
        int writesBefore = b.dataWrites().size();
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 4000, 11));
        b.h.runFor(10 * MS);
        DmaData.Bytes placed = (DmaData.Bytes) b.dataWrites().get(writesBefore).data();
        assertArrayEquals(java.util.Arrays.copyOfRange(first, 400, 1000), placed.payload().toByteArray(),
                "the posted buffer starts with the 600 bytes the host did not take");
        assertEquals(new DeviceCompletion.ReceiveCompletion(c.handle, 11, 1100, true, CommandStatus.SUCCESS),
                lastReceive(b));
        // a buffer took bytes: indications resume for data with no buffer posted
        c.peerSends(ToeBench.bytes(300, 5));
        b.h.runFor(10 * MS);
        assertEquals(new DeviceEvent.IndicateData(c.handle, 78, 300, 0), indications(b).get(1));
    }

    @Test
    void theIndicationWaitsTheDelayAndABufferPostedMeanwhileTakesTheBytes() {
        ToeBench b = bench(50 * US);
        ToeBench.Conn c = b.offload(5000);
        b.post(new RxDescriptor.IndicationBuffer(0x400000, 4096, 77));
        b.h.runFor(MS);
        long t0 = b.h.now();
        c.peerSends(ToeBench.bytes(1000, 6));
        b.h.runFor(MS);
        DeviceEvent.IndicateData first = new DeviceEvent.IndicateData(c.handle, 77, 1000, 0);
        assertEquals(List.of(first), indications(b));
        long at = b.eventAtPs(first);
        assertTrue(at >= t0 + 50 * US && at < t0 + 60 * US, "indicated after the 50 us delay: " + (at - t0) + " ps");
        answer(b, c, 50, 1000, 1);
        b.h.runFor(MS);
        // next data, and a buffer posted 10 us later: it takes the bytes, nothing is indicated
        c.peerSends(ToeBench.bytes(800, 7));
        b.h.runFor(10 * US);
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 4000, 11));
        b.h.runFor(10 * MS);
        assertEquals(1, indications(b).size(), indications(b).toString());
        assertEquals(new DeviceCompletion.ReceiveCompletion(c.handle, 11, 800, true, CommandStatus.SUCCESS),
                lastReceive(b));
    }

    @Test
    void aRefusedIndicationDoublesTheDelay() {
        ToeBench b = bench(50 * US);
        ToeBench.Conn c = b.offload(5000);
        b.post(new RxDescriptor.IndicationBuffer(0x400000, 4096, 77));
        b.post(new RxDescriptor.IndicationBuffer(0x401000, 4096, 78));
        b.h.runFor(MS);
        c.peerSends(ToeBench.bytes(1000, 8));
        b.h.runFor(MS);
        answer(b, c, 50, 0, 1); // refused: a buffer was on its way
        b.post(new RxDescriptor.PostBuffer(c.handle, 0x100000, 1000, 11));
        b.h.runFor(MS);
        long t0 = b.h.now();
        c.peerSends(ToeBench.bytes(600, 9));
        b.h.runFor(MS);
        DeviceEvent.IndicateData second = new DeviceEvent.IndicateData(c.handle, 78, 600, 0);
        assertEquals(second, indications(b).get(1));
        long at = b.eventAtPs(second);
        assertTrue(at >= t0 + 100 * US && at < t0 + 110 * US, "indicated after 2 x 50 us: " + (at - t0) + " ps");
    }
}
