package org.toesim.host.stack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.ccb.ControlBlock;

/** The offload manager's hooks, exercised without an adapter, and TSO on the transmit path. */
class HostStackHandoffTest {
    private static final int PORT = 6000;
    private static final int LEN = 600_000;

    /** Sender A streams real bytes to B; B's reader posts 64 KiB buffers. */
    static final class Transfer {
        final HostPair p;
        final byte[] data = new byte[LEN];
        final MemoryRegion dst;
        Socket server;
        long placed;

        Transfer(HostPair.Spec spec) {
            p = new HostPair(spec);
            new Random(11).nextBytes(data);
            MemoryRegion src = p.a.memory.allocate("src", RegionKind.APPLICATION_BUFFER, LEN, true);
            p.a.memory.write(src.baseAddress(), data, 0, LEN);
            dst = p.b.memory.allocate("dst", RegionKind.APPLICATION_BUFFER, LEN, true);
            p.b.sockets.listen(PORT, 1, s -> {
                server = s;
                post();
            });
            p.a.sockets.connect(HostPair.IP_B, PORT, 1, new ConnectCallback() {
                @Override
                public void connected(Socket s) {
                    s.send(new AppBuffer(src.baseAddress(), LEN), (x, n) -> x.close(null));
                }
            });
        }

        void post() {
            if (placed == LEN) {
                return;
            }
            server.receive(new AppBuffer(dst.address(placed), (int) Math.min(65536, LEN - placed)), true,
                    (s, b, n, eof) -> {
                        placed += n;
                        if (!eof) {
                            post();
                        }
                    });
        }

        void check() {
            assertEquals(LEN, placed);
            assertArrayEquals(data, p.b.memory.read(dst.baseAddress(), LEN));
            assertEquals(LEN, server.acceptedBytes());
        }
    }

    /**
     * A flush that fails (the adapter never answered) loses the connection: it is closed on the
     * host with the reason, its port is free, and the peer's next segment gets a RST. It used to
     * stay "offloaded, but the card holds no such connection" until the run's limit.
     */
    @Test
    void aLostOffloadedConnectionIsClosedWithTheReasonAndThePeerIsReset() {
        Transfer t = new Transfer(HostPair.Spec.defaults());
        t.p.sim.runUntil(2 * Units.PS_PER_MS);
        HostConnection c = t.server.connection();
        HostStack stack = t.p.b.stack;
        stack.quiesce(c);
        stack.markOffloaded(c, (conn, f, core, info) -> { });
        stack.lose(c, "flush failed: HARDWARE_FAILURE");
        assertTrue(c.isClosed());
        assertEquals(Placement.HOST, c.placement());
        assertEquals(null, stack.connection(c.tuple()), "gone from the table");
        t.p.sim.run();
        HostConnection sender = t.p.a.stack.connection(c.tuple().reversed());
        assertTrue(sender == null || sender.isClosed(), "the peer was reset: " + sender);
        assertTrue(t.placed < LEN, "the stream did not complete");
    }

    @Test
    void quiesceHoldsSegmentsAndResumeFromSnapshotContinuesTheStream() {
        Transfer t = new Transfer(HostPair.Spec.defaults());
        t.p.sim.runUntil(2 * Units.PS_PER_MS);
        HostConnection c = t.server.connection();
        assertTrue(t.placed > 0 && t.placed < LEN, "mid-transfer");
        HostStack stack = t.p.b.stack;
        stack.quiesce(c);
        assertThrows(IllegalStateException.class, () -> c.send(10, 1));
        t.p.sim.runUntil(2 * Units.PS_PER_MS + 200 * Units.PS_PER_US);
        int held = c.heldCount();
        assertTrue(held > 0, "segments arriving while quiesced are held");
        ControlBlock ccb = stack.snapshot(c);
        stack.resume(c, ccb);
        assertEquals(Placement.HOST, c.placement());
        assertEquals(0, c.heldCount());
        t.p.sim.run();
        t.check();
    }

    @Test
    void offloadedConnectionFramesGoToTheSlowPathHandlerAndResumeTakesItBack() {
        Transfer t = new Transfer(HostPair.Spec.defaults());
        t.p.sim.runUntil(2 * Units.PS_PER_MS);
        HostConnection c = t.server.connection();
        HostStack stack = t.p.b.stack;
        stack.quiesce(c);
        t.p.sim.runUntil(2 * Units.PS_PER_MS + 50 * Units.PS_PER_US);
        ControlBlock ccb = stack.snapshot(c);
        List<Frame> slow = new ArrayList<>();
        List<Frame> held = stack.markOffloaded(c, (conn, f, core, info) -> slow.add(f));
        assertEquals(Placement.OFFLOADED, t.server.placement());
        long cpuBefore = t.p.b.cpu.totalCycles();
        t.p.sim.runUntil(2 * Units.PS_PER_MS + 100 * Units.PS_PER_US);
        assertTrue(!slow.isEmpty(), "frames of an offloaded connection are not processed by the stack");
        // "adapter" returns the connection: the CCB it would have returned is the one taken here
        // (nothing was processed meanwhile), and the frames it saw are re-injected in order.
        stack.resume(c, ccb);
        for (Frame f : held) {
            stack.onFrame(f, 0, RxInfo.VERIFIED);
        }
        for (Frame f : slow) {
            stack.onFrame(f, 0, RxInfo.VERIFIED);
        }
        t.p.sim.run();
        t.check();
        assertTrue(t.p.b.cpu.totalCycles() > cpuBefore);
    }

    @Test
    void tsoHandsLargeSegmentsToTheDeviceAndChargesFewerTransmitPackets() {
        HostPair.Spec plain = HostPair.Spec.defaults();
        Transfer noTso = new Transfer(plain);
        noTso.p.sim.run();
        noTso.check();
        Transfer tso = new Transfer(plain.withFeatures(new DeviceFeatures(true, 64_000), true));
        tso.p.sim.run();
        tso.check();
        StackStats s = tso.p.a.stack.stats();
        assertTrue(s.tsoFramesOut() > 0, "large segments went to the device");
        assertEquals(0, noTso.p.a.stack.stats().tsoFramesOut());
        long txCyclesPlain = noTso.p.a.cpu.cycles(org.toesim.host.cpu.CostCategory.PROTOCOL_TX);
        long txCyclesTso = tso.p.a.cpu.cycles(org.toesim.host.cpu.CostCategory.PROTOCOL_TX);
        assertTrue(txCyclesTso < txCyclesPlain / 2, "per-packet transmit cost paid per TSO segment: "
                + txCyclesTso + " vs " + txCyclesPlain);
        assertEquals(0, tso.p.a.cpu.cycles(org.toesim.host.cpu.CostCategory.CHECKSUM), "tx checksum offloaded");
    }
}
