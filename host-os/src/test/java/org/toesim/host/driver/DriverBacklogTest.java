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

    /**
     * Buffers complete out of order across connections. A buffer that completes after a later
     * one released its slot (and the slot was refilled with a buffer the card may not have
     * fetched) must not release that slot again: 10,000 offloaded connections with 8 reads
     * posted each failed with "device read empty slot" of the POST ring.
     */
    @Test
    void aLateCompletionDoesNotReleaseASlotReusedByALaterBuffer() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        NicDriver d = b.driver;
        var ring = d.ring(RingId.POST);
        int room = ring.sizeSlots() - 1;
        OffloadHandle slow = d.allocateHandle();
        OffloadHandle fast = d.allocateHandle();
        List<Long> completed = new ArrayList<>();
        d.postBuffer(slow, 0x10_0000L, 4096, 0, (buf, c, core) -> completed.add(buf.cookie()));
        for (int i = 1; i < room; i++) {
            d.postBuffer(fast, 0x10_0000L + 4096L * i, 4096, 0, (buf, c, core) -> completed.add(buf.cookie()));
        }
        for (int round = 0; round < 20 && b.nic.postedBuffers.size() < room; round++) {
            b.sim.runUntil(b.sim.now() + STEP_PS);
        }
        assertEquals(room, b.nic.postedBuffers.size(), "the card fetched every entry");
        var slowBuffer = b.nic.postedBuffers.get(0);
        var lastFast = b.nic.postedBuffers.get(room - 1);
        b.nic.completeBuffer(lastFast, 4096); // shows every entry up to it was fetched
        b.sim.runUntil(b.sim.now() + STEP_PS);
        assertEquals(room, ring.freeSlots(), "every fetched slot is free again");
        // refill: the slow buffer's old slot now holds a new entry
        for (int i = 0; i < room; i++) {
            d.postBuffer(fast, 0x20_0000L + 4096L * i, 4096, 0, (buf, c, core) -> completed.add(buf.cookie()));
        }
        assertEquals(0, ring.freeSlots());
        b.nic.completeBuffer(slowBuffer, 4096);
        for (int round = 0; round < 20 && completed.size() < 2; round++) {
            b.sim.runUntil(b.sim.now() + STEP_PS);
        }
        assertEquals(2, completed.size(), "both completions reached their callbacks");
        assertEquals(0, ring.freeSlots(), "the late completion frees no slot: no completion shows the card"
                + " fetched the refill, whose first entry sits in the late buffer's old slot");
    }

    /**
     * An offloaded send stays on the card until acknowledged, but its SEND ring slot goes back
     * once a later completion shows the card fetched it: 30 connections x 16 sends used to fill
     * the ring behind sends waiting for delayed ACKs (4.1 Gbit/s at 100 Gbit/s; 25.3 after).
     */
    @Test
    void offloadedSendsGiveTheirSlotsBackOnceTheCardIsShownToHaveFetchedThem() {
        DriverBench b = new DriverBench(DriverBench.config()).attach();
        NicDriver d = b.driver;
        int room = d.ring(RingId.SEND).sizeSlots() - 1;
        OffloadHandle h = d.allocateHandle();
        List<Long> completed = new ArrayList<>();
        for (int i = 0; i < room + 10; i++) {
            d.toeSend(h, 0x10_0000L + 4096L * i, 4096, 0, (req, c, core) -> completed.add(req.cookie()));
        }
        assertEquals(10, d.sendsWaiting());
        for (int round = 0; round < 20 && b.nic.toeSends.size() < room; round++) {
            b.sim.runUntil(b.sim.now() + STEP_PS);
        }
        assertEquals(room, b.nic.toeSends.size(), "the card fetched the ring's worth");
        // the last one is acknowledged first: every send before it was fetched too
        b.nic.completeSend(b.nic.toeSends.get(room - 1));
        for (int round = 0; round < 20 && b.nic.toeSends.size() < room + 10; round++) {
            b.sim.runUntil(b.sim.now() + STEP_PS);
        }
        assertEquals(List.of(b.nic.toeSends.get(room - 1).entry().cookie()), completed);
        assertEquals(0, d.sendsWaiting(), "the waiting sends took the fetched sends' slots");
        assertEquals(room + 10, b.nic.toeSends.size(), "and reached the card, while 30 sends wait for ACKs");
        // an early-released send completing late frees nothing of the newer entries in its old slot
        b.nic.completeSend(b.nic.toeSends.get(0));
        b.sim.runUntil(b.sim.now() + STEP_PS);
        assertEquals(2, completed.size());
        int inUse = room - d.ring(RingId.SEND).freeSlots();
        assertEquals(10, inUse, "only the ten newest sends hold slots (none shown fetched yet)");
    }
}
