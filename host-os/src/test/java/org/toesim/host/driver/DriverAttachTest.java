package org.toesim.host.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostCategory;
import org.toesim.nic.device.Registers;
import org.toesim.nic.device.RingId;

class DriverAttachTest {

    private static long reg(RingId ring, long field) {
        return Registers.ring(ring, field);
    }

    @Test
    void attachProgramsRingsInOrderThenPostsBuffersThenQueriesCapability() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        NicDriver d = b.driver;
        List<String> got = new ArrayList<>();
        for (ScriptedNic.Written w : b.nic.writes) {
            got.add(Long.toHexString(w.offset()) + "=" + Long.toHexString(w.value()));
        }
        List<String> want = new ArrayList<>();
        for (RingId id : new RingId[] {RingId.COMMAND, RingId.SEND, RingId.RECEIVE, RingId.COMPLETION}) {
            want.add(Long.toHexString(reg(id, Registers.RING_BASE)) + "=" + Long.toHexString(d.ring(id).baseAddress()));
            if (id == RingId.COMPLETION) {
                want.add(Long.toHexString(reg(id, Registers.RING_VECTOR)) + "=0");
            }
            want.add(Long.toHexString(reg(id, Registers.RING_SIZE)) + "=" + Long.toHexString(d.ring(id).sizeSlots()));
        }
        want.add(Long.toHexString(Registers.irq(0, Registers.IRQ_USECS)) + "=0");
        want.add(Long.toHexString(Registers.irq(0, Registers.IRQ_FRAMES)) + "=0");
        want.add(Long.toHexString(Registers.CONTROL) + "=1");
        want.add(Long.toHexString(reg(RingId.RECEIVE, Registers.RING_TAIL)) + "=" + Long.toHexString(200));
        want.add(Long.toHexString(reg(RingId.COMMAND, Registers.RING_TAIL)) + "=1");
        // TOE answered: the EVENT and POST rings are programmed, then the completion ring released
        want.add(Long.toHexString(reg(RingId.EVENT, Registers.RING_BASE)) + "="
                + Long.toHexString(d.ring(RingId.EVENT).baseAddress()));
        want.add(Long.toHexString(reg(RingId.EVENT, Registers.RING_VECTOR)) + "=0");
        want.add(Long.toHexString(reg(RingId.EVENT, Registers.RING_SIZE)) + "=20");
        // and the POST ring for buffers of offloaded connections (as many slots as RECEIVE)
        want.add(Long.toHexString(reg(RingId.POST, Registers.RING_BASE)) + "="
                + Long.toHexString(d.ring(RingId.POST).baseAddress()));
        want.add(Long.toHexString(reg(RingId.POST, Registers.RING_SIZE)) + "="
                + Long.toHexString(d.ring(RingId.RECEIVE).sizeSlots()));
        want.add(Long.toHexString(reg(RingId.COMPLETION, Registers.RING_HEAD)) + "=1");
        assertEquals(want, got);
    }

    @Test
    void commandDoorbellWaitsForTheCommandCostOnTheCpu() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        // the command doorbell is sent after offloadCommandCycles (1500 at 2.4 GHz = 625 ns)
        long commandTail = reg(RingId.COMMAND, Registers.RING_TAIL);
        ScriptedNic.Written w = b.nic.writes.stream().filter(x -> x.offset() == commandTail).findFirst().orElseThrow();
        ScriptedNic.Written control = b.nic.writes.stream().filter(x -> x.offset() == Registers.CONTROL)
                .findFirst().orElseThrow();
        assertEquals(0, control.sentPs(), "set-up is issued at attach");
        assertEquals(625 * Units.PS_PER_NS, w.sentPs());
        assertEquals(b.costs.offloadCommandCycles(), b.cpu.cycles(CostCategory.OFFLOAD_COMMAND));
        assertEquals(b.costs.completionCycles(), b.cpu.cycles(CostCategory.COMPLETION));
    }

    @Test
    void toeAnswerFillsTheAdapterRecord() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        assertEquals(1, b.attached.size());
        AdapterRecord a = b.attached.get(0);
        assertEquals(AdapterRecord.QueryOutcome.ANSWERED, a.outcome());
        assertTrue(a.offloadSupported());
        assertEquals(1024, a.ccbCapacity());
        assertEquals(1000, a.maxConnections());
        assertEquals(1 << 20, a.maxSendBytes());
        assertEquals(8, a.maxPostedBuffersPerConnection());
        assertEquals(ScriptedNic.TOE_CAPABILITY.features(), a.features());
        assertEquals(a, b.driver.adapter());
    }

    @Test
    void plainNicAnswerRecordsNotCapableAndLeavesTheEventRingAlone() {
        DriverBench b = new DriverBench(DriverBench.config());
        b.nic.answer = ScriptedNic.QueryAnswer.PLAIN;
        b.attach();
        AdapterRecord a = b.attached.get(0);
        assertEquals(AdapterRecord.QueryOutcome.ANSWERED, a.outcome());
        assertFalse(a.offloadSupported());
        assertEquals(0, a.ccbCapacity());
        assertTrue(b.nic.valuesWritten(reg(RingId.EVENT, Registers.RING_BASE)).isEmpty());
    }

    @Test
    void refusalRecordsNotCapable() {
        DriverBench b = new DriverBench(DriverBench.config());
        b.nic.answer = ScriptedNic.QueryAnswer.NOT_SUPPORTED;
        b.attach();
        assertEquals(AdapterRecord.QueryOutcome.REFUSED, b.attached.get(0).outcome());
        assertFalse(b.attached.get(0).offloadSupported());
    }

    @Test
    void silentDeviceTimesOutAfterTheCommandTimeout() {
        DriverBench b = new DriverBench(DriverBench.config());
        b.nic.answer = ScriptedNic.QueryAnswer.SILENT;
        b.attach();
        AdapterRecord a = b.attached.get(0);
        assertEquals(AdapterRecord.QueryOutcome.TIMED_OUT, a.outcome());
        assertEquals(Units.PS_PER_MS, a.answeredAtPs());
        assertFalse(a.offloadSupported());
        assertEquals(1, b.driver.stats().commandsTimedOut());
    }
}
