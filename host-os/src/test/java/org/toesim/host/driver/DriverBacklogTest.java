package org.toesim.host.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.nic.device.CachedState;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.RingId;
import org.toesim.nic.device.ToeCommand;

/**
 * A full COMMAND or POST ring no longer fails the run: what does not fit waits in the driver's
 * FIFO and enters the ring as completions free slots, in order, statistics queries last; a
 * command is built only when it enters the ring.
 */
class DriverBacklogTest {
    private static final long STEP_PS = 50 * Units.PS_PER_US; // well inside the 1 ms command timeout

    @Test
    void commandsBeyondTheRingWaitAndEnterInOrderQueriesLast() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        NicDriver d = b.driver;
        int ringRoom = d.ring(RingId.COMMAND).sizeSlots() - 1; // 15 with the bench's 16-slot ring
        int total = 3 * ringRoom;
        OffloadHandle h = d.allocateHandle();
        List<Long> completedIds = new ArrayList<>();
        int[] built = new int[1];
        List<Long> queryIds = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            boolean query = i % 3 == 0;
            d.submit(() -> {
                built[0]++;
                long id = d.nextCommandId();
                if (query) {
                    queryIds.add(id);
                    return new ToeCommand.QueryOffload(id, h, 0x1000, 512);
                }
                return new ToeCommand.UpdateOffload(id, h, new CachedState(64, 0, 1460, 0));
            }, query, 0, (cmd, c, core) -> completedIds.add(cmd.commandId()));
        }
        assertEquals(ringRoom, built[0], "only commands entering the ring are built");
        assertEquals(total - ringRoom, d.commandsWaiting());
        for (int round = 0; round < 10 && completedIds.size() < total; round++) {
            b.sim.runUntil(b.sim.now() + STEP_PS);
            for (var c : new ArrayList<>(b.nic.commands)) {
                b.nic.completeCommand(c, CommandStatus.SUCCESS);
            }
            b.nic.commands.clear();
            b.sim.runUntil(b.sim.now() + STEP_PS);
        }
        assertEquals(total, completedIds.size(), "every command completed");
        assertEquals(0, d.commandsWaiting());
        assertEquals(0, d.stats().commandsTimedOut());
        // the first ring's worth went in submission order; of the rest, updates before queries
        int firstQueryAfterRing = -1;
        for (int i = ringRoom; i < total; i++) {
            if (queryIds.contains(completedIds.get(i))) {
                firstQueryAfterRing = i;
                break;
            }
        }
        for (int i = firstQueryAfterRing; i < total; i++) {
            assertTrue(queryIds.contains(completedIds.get(i)), "background queries wait behind every update: "
                    + completedIds);
        }
        for (int i = 1; i < total; i++) {
            boolean q0 = queryIds.contains(completedIds.get(i - 1));
            boolean q1 = queryIds.contains(completedIds.get(i));
            if (q0 == q1) {
                assertTrue(completedIds.get(i - 1) < completedIds.get(i), "FIFO within a class: " + completedIds);
            }
        }
    }

    @Test
    void buffersBeyondThePostRingWaitAndArriveInOrder() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        NicDriver d = b.driver;
        int room = d.ring(RingId.POST).sizeSlots() - 1;
        int total = room + 40;
        OffloadHandle h = d.allocateHandle();
        List<Long> cookies = new ArrayList<>();
        List<Long> completed = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            cookies.add(d.postBuffer(h, 0x10_0000L + 4096L * i, 4096, 0,
                    (buf, c, core) -> completed.add(buf.cookie())));
        }
        assertEquals(40, d.postsWaiting());
        for (int round = 0; round < 10 && completed.size() < total; round++) {
            b.sim.runUntil(b.sim.now() + STEP_PS);
            for (var p : new ArrayList<>(b.nic.postedBuffers)) {
                b.nic.completeBuffer(p, 4096);
            }
            b.nic.postedBuffers.clear();
            b.sim.runUntil(b.sim.now() + STEP_PS);
        }
        assertEquals(cookies, completed, "every buffer reached the adapter and completed, in posting order");
        assertEquals(0, d.postsWaiting());
    }
}
