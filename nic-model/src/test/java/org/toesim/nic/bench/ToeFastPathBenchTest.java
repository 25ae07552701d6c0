package org.toesim.nic.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.toesim.nic.toe.PathReason;
import org.toesim.nic.toe.ToeReport;

/** The benchmark measures what it says: every frame takes the fast path, is placed, and is acknowledged. */
class ToeFastPathBenchTest {
    @Test
    void everyFrameIsPlacedAndEverySecondOneAcknowledged() {
        ToeFastPathBench bench = new ToeFastPathBench();
        bench.setUp();
        int frames = 3000;
        long out = 0;
        for (int i = 0; i < frames; i++) {
            out = bench.frame();
        }
        ToeReport r = bench.toe().report(null);
        assertEquals(frames, r.paths().get(PathReason.FAST_DATA));
        assertEquals(0, r.framesRefusedBusy());
        assertEquals(0, r.framesToHost() + r.framesDroppedNoBuffer());
        assertTrue(r.bytesPlaced() >= (frames - 2) * 1460L, "placed " + r.bytesPlaced());
        // an ACK for every second segment (RFC 1122 4.2.3.2), some carrying a window update, never one per frame
        assertTrue(out >= frames / 2 - 2 && out < frames, "ACKs " + out);
    }
}
