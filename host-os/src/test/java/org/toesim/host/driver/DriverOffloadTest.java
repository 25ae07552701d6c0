package org.toesim.host.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.host.cpu.CostCategory;
import org.toesim.nic.device.CachedState;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.DeviceEvent;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.ToeCommand;
import org.toesim.nic.device.UploadReason;

class DriverOffloadTest {

    @Test
    void completionsAreMatchedToCommandsByIdInAnyOrder() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        NicDriver d = b.driver;
        OffloadHandle h = d.allocateHandle();
        ToeCommand first = new ToeCommand.UpdateOffload(d.nextCommandId(), h, new CachedState(64, 0, 1460, 0));
        ToeCommand second = new ToeCommand.QueryOffload(d.nextCommandId(), h, 0x1000, 512);
        List<String> done = new ArrayList<>();
        d.submit(first, 0, (cmd, c, core) -> done.add("first:" + (cmd == first) + ":" + c.status() + "@" + core));
        d.submit(second, 0, (cmd, c, core) -> done.add("second:" + (cmd == second) + ":" + c.status() + "@" + core));
        b.sim.runUntil(b.sim.now() + 50 * Units.PS_PER_US); // well inside the 1 ms command timeout
        assertEquals(2, b.nic.commands.size());
        long completionCyclesBefore = b.cpu.cycles(CostCategory.COMPLETION);
        b.nic.completeCommand(b.nic.commands.get(1), CommandStatus.UNKNOWN_HANDLE);
        b.nic.completeCommand(b.nic.commands.get(0), CommandStatus.SUCCESS);
        b.sim.runUntil(b.sim.now() + 50 * Units.PS_PER_US);
        assertEquals(List.of("second:true:UNKNOWN_HANDLE@1", "first:true:SUCCESS@1"), done);
        assertEquals(2 * b.costs.completionCycles(), b.cpu.cycles(CostCategory.COMPLETION) - completionCyclesBefore);
        assertEquals(3 * b.costs.offloadCommandCycles(), b.cpu.cycles(CostCategory.OFFLOAD_COMMAND),
                "capability query + 2");
        assertEquals(0, b.driver.ring(org.toesim.nic.device.RingId.COMMAND).tail()
                - b.driver.ring(org.toesim.nic.device.RingId.COMMAND).head(), "all command slots reclaimed");
        b.sim.run(); // the timeout passes: nothing left to fail
        assertEquals(2, done.size());
        assertEquals(0, b.driver.stats().commandsTimedOut());
    }

    @Test
    void unansweredCommandFailsAtItsDeadline() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        long t0 = b.sim.now();
        List<Long> failedAt = new ArrayList<>();
        ToeCommand q = new ToeCommand.QueryOffload(b.driver.nextCommandId(), b.driver.allocateHandle(), 0x1000, 512);
        b.driver.submit(q, 0, (cmd, c, core) -> {
            assertEquals(CommandStatus.HARDWARE_FAILURE, c.status());
            failedAt.add(b.sim.now());
        });
        b.sim.run();
        assertEquals(List.of(t0 + Units.PS_PER_MS), failedAt);
        // a late answer only frees the slot
        b.nic.completeCommand(b.nic.commands.get(0), CommandStatus.SUCCESS);
        b.sim.run();
        assertEquals(1, failedAt.size());
        assertEquals(0, b.driver.ring(org.toesim.nic.device.RingId.COMMAND).tail()
                - b.driver.ring(org.toesim.nic.device.RingId.COMMAND).head());
    }

    @Test
    void duplicateCommandIdIsRejected() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        OffloadHandle h = b.driver.allocateHandle();
        ToeCommand c = new ToeCommand.QueryOffload(42, h, 0x1000, 512);
        b.driver.submit(c, 0, (cmd, cc, core) -> { });
        assertThrows(IllegalStateException.class, () -> b.driver.submit(c, 0, (cmd, cc, core) -> { }));
    }

    @Test
    void postedBuffersAndToeSendsCompleteToTheirCallbacks() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        NicDriver d = b.driver;
        OffloadHandle h = d.allocateHandle();
        List<String> done = new ArrayList<>();
        long c1 = d.postBuffer(h, 0x5000, 4096, 0, (buf, c, core) -> done.add("buf" + buf.cookie() + ":" + c.bytesPlaced()));
        long c2 = d.postBuffer(h, 0x6000, 4096, 0, (buf, c, core) -> done.add("buf" + buf.cookie() + ":" + c.bytesPlaced()));
        long s1 = d.toeSend(h, 0x7000, 10_000, 0, (snd, c, core) -> done.add("send" + snd.cookie() + ":" + c.bytesAcked()));
        b.sim.run();
        assertEquals(2, b.nic.postedBuffers.size());
        assertSame(h, b.nic.postedBuffers.get(0).entry().handle());
        assertEquals(0x5000, b.nic.postedBuffers.get(0).entry().hostAddr());
        b.nic.completeSend(b.nic.toeSends.get(0));
        b.nic.completeBuffer(b.nic.postedBuffers.get(1), 100);
        b.nic.completeBuffer(b.nic.postedBuffers.get(0), 4096);
        b.sim.run();
        assertEquals(List.of("send" + s1 + ":10000", "buf" + c2 + ":100", "buf" + c1 + ":4096"), done);
    }

    @Test
    void longOffloadedReceiveKeepsPostingOnASmallRingWhileNicBuffersAndAnIdleBufferWait() {
        // RECEIVE: 16 slots, 8 NIC buffers that no frame ever uses (all traffic offloaded)
        DriverBench b = new DriverBench(DriverBench.config().withReceive(16, 8, 2048)).attach();
        NicDriver d = b.driver;
        OffloadHandle idle = d.allocateHandle();
        OffloadHandle busy = d.allocateHandle();
        List<Long> placed = new ArrayList<>();
        d.postBuffer(idle, 0x4000, 4096, 0, (buf, c, core) -> placed.add(-1L)); // never filled
        for (int i = 0; i < 200; i++) {
            d.postBuffer(busy, 0x5000, 4096, 0, (buf, c, core) -> placed.add((long) c.bytesPlaced()));
            b.sim.run();
            b.nic.completeBuffer(b.nic.postedBuffers.get(b.nic.postedBuffers.size() - 1), 4096);
            b.sim.run();
        }
        assertEquals(200, placed.size(), "every buffer of the busy connection completed; the idle one waits");
        assertEquals(4096L * 200, placed.stream().mapToLong(Long::longValue).sum());
        org.toesim.host.pcie.HostRing post = d.ring(org.toesim.nic.device.RingId.POST);
        assertEquals(post.tail(), post.head(), "the adapter holds the idle buffer, not a POST slot");
        org.toesim.host.pcie.HostRing rx = d.ring(org.toesim.nic.device.RingId.RECEIVE);
        assertEquals(8, (rx.tail() - rx.head()) & (rx.sizeSlots() - 1), "RECEIVE holds only the NIC buffers");
    }

    @Test
    void deviceEventsReachTheListener() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        OffloadHandle h = b.driver.allocateHandle();
        List<DeviceEvent> events = new ArrayList<>();
        b.driver.setDeviceEventListener((e, core) -> events.add(e));
        DeviceEvent up = new DeviceEvent.UploadRequest(h, UploadReason.URGENT_DATA);
        b.nic.raiseEvent(up);
        b.sim.run();
        assertEquals(List.of(up), events);
        assertEquals(1, b.driver.stats().events());
    }
}
