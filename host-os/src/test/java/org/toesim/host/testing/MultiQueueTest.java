package org.toesim.host.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.driver.DriverStats;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.nic.device.RingId;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.device.OffloadFeature;

/** Receive-side scaling through the real driver: queue pairs, vectors, cores, per-flow order. */
class MultiQueueTest {
    private static final int QUEUES = 4;
    private static final int CONNECTIONS = 8;
    private static final int BYTES = 200_000;

    /** Per receiving flow (source port): the cores its frames were delivered on and its data sequence. */
    private static final class FlowTrace {
        final TreeSet<Integer> cores = new TreeSet<>();
        final List<Long> seqs = new ArrayList<>();
    }

    @Test
    void connectionsSpreadOverQueuesAndCoresAndEachKeepsItsOrder() {
        TwoHostSystem.Spec spec = TwoHostSystem.Spec.defaults().withQueues(QUEUES)
                .withCoresA(QUEUES, 2_400_000_000L).withCoresB(QUEUES, 2_400_000_000L);
        TwoHostSystem sys = new TwoHostSystem(spec);
        assertEquals(QUEUES, sys.b.driver.queues());
        assertTrue(sys.b.adapter().features().contains(OffloadFeature.RECEIVE_SIDE_SCALING));
        Map<Integer, FlowTrace> flows = new LinkedHashMap<>();
        sys.b.setRxTap((f, core, info) -> {
            if (f.tcp().payloadLenBytes() > 0) {
                FlowTrace t = flows.computeIfAbsent(f.tcp().srcPort(), k -> new FlowTrace());
                t.cores.add(core);
                t.seqs.add(f.tcp().seq() & 0xFFFF_FFFFL);
            }
        });
        byte[][] sent = new byte[CONNECTIONS][];
        MemoryRegion[] dst = new MemoryRegion[CONNECTIONS];
        long[] placed = new long[CONNECTIONS];
        for (int i = 0; i < CONNECTIONS; i++) {
            sent[i] = new byte[BYTES];
            new Random(100 + i).nextBytes(sent[i]);
            MemoryRegion src = sys.a.memory.allocate("src" + i, RegionKind.APPLICATION_BUFFER, BYTES, true);
            sys.a.memory.write(src.baseAddress(), sent[i], 0, BYTES);
            dst[i] = sys.b.memory.allocate("dst" + i, RegionKind.APPLICATION_BUFFER, BYTES, true);
            int k = i;
            sys.b.sockets().listen(6000 + i, i % QUEUES, s -> read(s, dst[k], placed, k));
            sys.a.sockets().connect(TwoHostSystem.IP_B, 6000 + i, i % QUEUES, new ConnectCallback() {
                @Override
                public void connected(Socket s) {
                    s.send(new AppBuffer(src.baseAddress(), BYTES), (sock, n) -> sock.close(null));
                }
            });
        }
        sys.sim.run();

        for (int i = 0; i < CONNECTIONS; i++) {
            assertEquals(BYTES, placed[i], "connection " + i);
            assertArrayEquals(sent[i], sys.b.memory.read(dst[i].baseAddress(), BYTES), "connection " + i + " bytes");
        }
        assertEquals(CONNECTIONS, flows.size());
        TreeSet<Integer> coresUsed = new TreeSet<>();
        for (Map.Entry<Integer, FlowTrace> e : flows.entrySet()) {
            FlowTrace t = e.getValue();
            assertEquals(1, t.cores.size(), "flow " + e.getKey() + " stays on one core: " + t.cores);
            coresUsed.addAll(t.cores);
            for (int j = 1; j < t.seqs.size(); j++) {
                assertTrue(t.seqs.get(j) > t.seqs.get(j - 1), "flow " + e.getKey() + " in order at " + j);
            }
        }
        assertTrue(coresUsed.size() >= 3, "flows spread over cores " + coresUsed);
        int queuesUsed = 0;
        for (int q = 0; q < QUEUES; q++) {
            DriverStats s = sys.b.driver.stats(q);
            if (s.rxFrames() > 0) {
                queuesUsed++;
                int core = sys.b.driver.queueCore(q);
                assertEquals(q, core, "queue q -> core q");
                assertTrue(s.interrupts() > 0 && sys.b.cpu.cycles(core, CostCategory.INTERRUPT) > 0,
                        "queue " + q + " interrupts its own core");
                assertTrue(sys.b.driver.ring(q, RingId.RECEIVE).tail() > 0);
            }
        }
        assertEquals(coresUsed.size(), queuesUsed, "one core per queue used");
        assertEquals(sys.b.driver.stats().rxFrames(), sumRx(sys), "summed stats");
        for (int q = 0; q < QUEUES; q++) {
            assertEquals(0, sys.b.nic.stats().queue(q).rxMissed.value());
        }
        System.out.printf("multi-queue: cores %s, rx frames per queue %d %d %d %d%n", coresUsed,
                sys.b.driver.stats(0).rxFrames(), sys.b.driver.stats(1).rxFrames(), sys.b.driver.stats(2).rxFrames(),
                sys.b.driver.stats(3).rxFrames());
    }

    private static long sumRx(TwoHostSystem sys) {
        long n = 0;
        for (int q = 0; q < sys.b.driver.queues(); q++) {
            n += sys.b.driver.stats(q).rxFrames();
        }
        return n;
    }

    private static void read(Socket s, MemoryRegion dst, long[] placed, int k) {
        long left = dst.lenBytes() - placed[k];
        AppBuffer buf = left == 0 ? new AppBuffer(dst.address(0), 1)
                : new AppBuffer(dst.address(placed[k]), (int) Math.min(65536, left));
        s.receive(buf, true, (sock, b, n, end) -> {
            placed[k] += n;
            if (end) {
                sock.close(null);
            } else {
                read(sock, dst, placed, k);
            }
        });
    }

    @Test
    void theSameFlowAlwaysLeavesThroughOneTransmitQueue() {
        TwoHostSystem sys = new TwoHostSystem(TwoHostSystem.Spec.defaults().withQueues(QUEUES)
                .withCoresA(QUEUES, 2_400_000_000L));
        TreeSet<Integer> used = new TreeSet<>();
        for (int port = 49152; port < 49152 + 64; port++) {
            Frame f = org.toesim.nic.frame.TestFrames.fullSize(port);
            Frame g = Frame.of(f.frameId(), f.srcMac(), f.dstMac(), f.ip(), new org.toesim.tcp.segment.Segment(port,
                    80, f.tcp().seq(), f.tcp().ack(), f.tcp().flags(), f.tcp().window(), 0, f.tcp().options(),
                    f.tcp().payload()));
            int q = sys.a.driver.txQueueOf(g);
            assertEquals(q, sys.a.driver.txQueueOf(g), "deterministic");
            used.add(q);
        }
        assertEquals(QUEUES, used.size(), "64 flows use every transmit queue: " + used);
    }
}
