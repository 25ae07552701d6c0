package org.toesim.nic.dma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.nic.device.DeviceToHost;
import org.toesim.nic.device.DmaData;
import org.toesim.nic.pcie.PcieSpec;
import org.toesim.nic.testing.DeviceHarness;
import org.toesim.nic.testing.EchoTestDevice;
import org.toesim.nic.testing.Recorded;

class DmaEngineTest {
    private final PcieSpec spec = PcieSpec.gen3x8(); // MRRS 512, MPS 256
    private final DeviceHarness h = new DeviceHarness(spec, (sim, bus) -> new EchoTestDevice(sim, bus, spec, 4, 4));
    private final DmaEngine dma = h.<EchoTestDevice>device().dma();
    private final List<Long> completedCookies = new ArrayList<>();
    private final List<Long> completedAtPs = new ArrayList<>();
    private final DmaReadCallback callback = (cookie, data) -> {
        completedCookies.add(cookie);
        completedAtPs.add(h.now());
    };

    private List<Recorded> readRequests() {
        return h.received().stream().filter(r -> r.message() instanceof DeviceToHost.DmaReadRequest).toList();
    }

    @Test
    void atMostMaxTagsReadRequestsAreOutstanding() {
        for (int i = 0; i < 6; i++) {
            dma.read(0x10_000 + 512L * i, 512, callback, i);
        }
        assertEquals(4, dma.tagsInUse());
        assertEquals(2, dma.readsWaiting());
        h.runUntilIdle();

        long ser24 = h.link().wireTimePs(24);
        long ser552 = h.link().wireTimePs(512 + 2 * 20);
        long oneWay = spec.oneWayLatencyPs();
        List<Recorded> requests = readRequests();
        assertEquals(6, requests.size());
        for (int i = 0; i < 4; i++) {
            assertEquals((i + 1) * ser24 + oneWay, requests.get(i).atPs(), "request " + i);
        }
        // completions queue on the downstream FIFO behind each other
        long firstCompletion = ser24 + 2 * oneWay + ser552;
        assertEquals(firstCompletion, completedAtPs.get(0));
        assertEquals(firstCompletion + ser552, completedAtPs.get(1));
        // the fifth read leaves only when the first completion has freed a tag
        assertEquals(firstCompletion + ser24 + oneWay, requests.get(4).atPs());
        assertEquals(firstCompletion + ser552 + ser24 + oneWay, requests.get(5).atPs());
        assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L), completedCookies);
        DmaStats stats = dma.stats();
        assertEquals(6 * 512, stats.readBytes());
        assertEquals(2, stats.readsDelayedForTags());
        assertEquals(4, stats.peakTagsInUse());
        assertEquals(0, dma.tagsInUse());
    }

    @Test
    void aReadTakesOneTagPerMrrsAndWaitsInOrder() {
        dma.read(0x1000, 1024, callback, 1); // 2 tags
        dma.read(0x2000, 1536, callback, 2); // 3 tags: must wait
        dma.read(0x3000, 64, callback, 3);   // 1 tag: fits, but may not overtake
        assertEquals(2, dma.tagsInUse());
        assertEquals(2, dma.readsWaiting());
        h.runUntilIdle();
        assertEquals(List.of(1L, 2L, 3L), completedCookies);
        assertThrows(IllegalArgumentException.class, () -> dma.read(0, 4 * 512 + 1, callback, 9));
    }

    @Test
    void writesArePostedAndCounted() {
        dma.write(0x8000, new DmaData.Opaque(1000));
        dma.write(0x9000, new DmaData.Opaque(24));
        h.runUntilIdle();
        assertEquals(2, h.received().size());
        assertEquals(1024, dma.stats().writeBytes());
        assertEquals(new DmaData.Opaque(1000), h.memory().at(0x8000));
        // 1000 B: 4 TLPs at MPS 256
        assertEquals(1000 + 4 * 24 + 24 + 24, h.link().upstreamStats().wireBytes());
    }
}
