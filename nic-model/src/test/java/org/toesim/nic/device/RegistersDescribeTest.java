package org.toesim.nic.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Register offsets and ring entries as the trace prints them. */
class RegistersDescribeTest {
    @Test
    void registersHaveTheirNames() {
        assertEquals("CONTROL", Registers.describe(Registers.CONTROL));
        assertEquals("q0.COMMAND.TAIL", Registers.describe(Registers.ring(RingId.COMMAND, Registers.RING_TAIL)));
        assertEquals("q2.RECEIVE.HEAD", Registers.describe(Registers.ring(2, RingId.RECEIVE, Registers.RING_HEAD)));
        assertEquals("irq3.USECS", Registers.describe(Registers.irq(3, Registers.IRQ_USECS)));
        assertEquals("RSS_TABLE[5]", Registers.describe(Registers.rssTable(5)));
        assertEquals("0x9000", Registers.describe(0x9000));
    }

    @Test
    void addressesInEntriesAreHex() {
        assertEquals("CapabilityQuery[commandId=1, resultAddr=0x101145000]",
                TraceStrings.of(new ToeCommand.CapabilityQuery(1, 0x101145000L)));
        assertEquals("no address here", TraceStrings.of("no address here"));
        assertEquals("UpdateNeighbour[commandId=3, neighbourIp=10.0.0.1, mac=02:00:00:00:00:99]",
                TraceStrings.of(new ToeCommand.UpdateNeighbour(3, 0x0A000001, 0x0200_0000_0099L)));
    }
}
