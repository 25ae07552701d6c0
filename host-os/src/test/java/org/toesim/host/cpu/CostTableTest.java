package org.toesim.host.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CostTableTest {
    @Test
    void defaultsMatchTheDocumentedBreakdown() {
        CostTable t = CostTable.defaults();
        assertEquals(4706, t.copyCycles(1448));
        assertEquals(2172, t.checksumCycles(1448));
        assertEquals(11385.6, t.bulkReceiveCyclesPerSegment(BulkReceiveProfile.FOONG_2003), 0.1);
        assertEquals(0.983, t.bulkReceiveCyclesPerSegment(BulkReceiveProfile.FOONG_2003) / (1448 * 8), 0.001);
    }

    @Test
    void withersChangeOnlyTheirField() {
        CostTable t = CostTable.defaults().withChecksumCyclesPerByte(0).withCopyCyclesPerByte(1).withInterruptCycles(8);
        assertEquals(0, t.checksumCycles(1448));
        assertEquals(1448, t.copyCycles(1448));
        assertEquals(8, t.interruptCycles());
        assertEquals(CostTable.defaults().rxPacketCycles(), t.rxPacketCycles());
    }

    @Test
    void negativeCostsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> CostTable.defaults().withInterruptCycles(-1));
        assertThrows(IllegalArgumentException.class, () -> CostTable.defaults().withCopyCyclesPerByte(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new BulkReceiveProfile(1448, 0, 2, 65536, false));
    }

    @Test
    void applicationWorkFromTheLawsRatioScalesTheHostCost() {
        double hostPerByte = CostTable.defaults().bulkReceiveCyclesPerSegment(BulkReceiveProfile.FOONG_2003) / 1448;
        ApplicationWork app = ApplicationWork.fromLawsRatio("web", 2.0, hostPerByte);
        assertEquals(2 * hostPerByte, app.cyclesPerByte(), 1e-12);
        assertEquals(Math.round(65536 * 2 * hostPerByte), app.cyclesFor(65536));
        assertEquals(0, ApplicationWork.NONE.cyclesFor(1 << 20));
        assertThrows(IllegalArgumentException.class, () -> ApplicationWork.ofCyclesPerByte("bad", -1));
    }
}
