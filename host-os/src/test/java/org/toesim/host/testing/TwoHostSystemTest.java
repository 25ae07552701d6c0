package org.toesim.host.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.host.app.RequestResponseClient;
import org.toesim.host.app.RequestResponseResult;
import org.toesim.host.app.ResponderServer;
import org.toesim.host.app.ShortConnections;
import org.toesim.host.app.ShortConnectionsResult;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.driver.AdapterRecord;
import org.toesim.host.driver.DriverStats;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.tcp.engine.TcpState;

/** The workloads over two real hosts: driver, root complex, PCIe link, plain NIC, MAC, link. */
class TwoHostSystemTest {
    private static final int PORT = 5001;

    /** Receives everything into {@code dst} with 64 KiB MSG_WAITALL calls, then closes. */
    static final class Reader {
        final MemoryRegion dst;
        long placed;
        boolean eof;

        Reader(MemoryRegion dst) {
            this.dst = dst;
        }

        void post(Socket s) {
            long left = dst.lenBytes() - placed;
            AppBuffer buf = left == 0 ? new AppBuffer(dst.address(0), 1)
                    : new AppBuffer(dst.address(placed), (int) Math.min(65536, left));
            s.receive(buf, true, (sock, b, n, end) -> {
                placed += n;
                eof |= end;
                if (end) {
                    sock.close(null);
                } else {
                    post(sock);
                }
            });
        }
    }

    static long[] bulkOfRealBytes(TwoHostSystem sys, int len, long seed, byte[][] out) {
        byte[] data = new byte[len];
        new Random(seed).nextBytes(data);
        MemoryRegion src = sys.a.memory.allocate("app.src", RegionKind.APPLICATION_BUFFER, len, true);
        sys.a.memory.write(src.baseAddress(), data, 0, len);
        MemoryRegion dst = sys.b.memory.allocate("app.dst", RegionKind.APPLICATION_BUFFER, len, true);
        Reader reader = new Reader(dst);
        Socket[] server = new Socket[1];
        sys.b.sockets().listen(PORT, 1, s -> {
            server[0] = s;
            reader.post(s);
        });
        boolean[] sent = new boolean[1];
        sys.a.sockets().connect(TwoHostSystem.IP_B, PORT, 1, new ConnectCallback() {
            @Override
            public void connected(Socket s) {
                s.send(new AppBuffer(src.baseAddress(), len), (sock, n) -> {
                    sent[0] = true;
                    sock.close(null);
                });
            }
        });
        sys.sim.run();
        assertTrue(sent[0], "sender's send completed");
        assertTrue(reader.eof, "receiver saw the end of the stream");
        assertEquals(TcpState.CLOSED, server[0].connection().state());
        out[0] = data;
        out[1] = sys.b.memory.read(dst.baseAddress(), len);
        return new long[] {reader.placed, server[0].acceptedBytes()};
    }

    @Test
    void attachFindsAPlainNicWithItsOffloads() {
        TwoHostSystem sys = new TwoHostSystem();
        AdapterRecord r = sys.b.adapter();
        assertEquals(AdapterRecord.QueryOutcome.ANSWERED, r.outcome());
        assertTrue(!r.offloadSupported(), "a plain NIC cannot offload connections");
        assertTrue(sys.b.device().features().tso(), "TSO reported by the NIC is used by the stack");
    }

    @Test
    void bulkTransferOfRealBytesIsByteExactThroughTheRealDriverAndNic() {
        TwoHostSystem sys = new TwoHostSystem();
        int len = 2_000_000;
        byte[][] bytes = new byte[2][];
        long[] counts = bulkOfRealBytes(sys, len, 7, bytes);
        assertEquals(len, counts[0]);
        assertEquals(len, counts[1], "accepted-bytes count");
        assertArrayEquals(bytes[0], bytes[1], "receiver's buffer holds exactly the sender's bytes");
        DriverStats rx = sys.b.driver.stats();
        assertTrue(rx.rxFrames() >= len / 1448, "every segment crossed B's driver: " + rx);
        DriverStats tx = sys.a.driver.stats();
        assertTrue(tx.txWireFrames() > tx.txReclaimed(), "TSO: the NIC cut large sends into frames: " + tx);
        assertEquals(0, sys.b.nic.stats().queue(0).rxMissed.value(), "no receive drops");
    }

    @Test
    void bulkOfRealBytesWithoutAnyNicOffloadIsByteExact() {
        TwoHostSystem sys = new TwoHostSystem(TwoHostSystem.Spec.defaults().withOffloads(false, false));
        int len = 500_000;
        byte[][] bytes = new byte[2][];
        long[] counts = bulkOfRealBytes(sys, len, 11, bytes);
        assertEquals(len, counts[0]);
        assertArrayEquals(bytes[0], bytes[1]);
        assertEquals(sys.a.driver.stats().txReclaimed(), sys.a.driver.stats().txWireFrames(), "no TSO");
    }

    @Test
    void requestResponseCompletesWithSaneLatency() {
        TwoHostSystem sys = new TwoHostSystem(TwoHostSystem.Spec.defaults().withSeed(3));
        new ResponderServer(sys.b.sockets(), 1, 80, 200, 4000, ApplicationWork.ofCyclesPerByte("srv", 2));
        RequestResponseClient c = new RequestResponseClient("rr", sys.a.sockets(), 1, 200, 200, 4000,
                20 * Units.PS_PER_US, ApplicationWork.NONE).start(TwoHostSystem.IP_B, 80);
        sys.sim.run();
        RequestResponseResult r = c.result();
        assertEquals(200, r.completed());
        // floor: two propagation delays + 4 KB at 1 Gbit/s (~33 us) + PCIe and CPU work
        long floorPs = 2 * 10 * Units.PS_PER_US + 33 * Units.PS_PER_US;
        System.out.printf("real rr: p50 %.1f us p99 %.1f us%n", r.latencyPs().p50() / 1e6,
                r.latencyPs().p99() / 1e6);
        assertTrue(r.latencyPs().p50() > floorPs && r.latencyPs().p50() < Units.PS_PER_MS, "p50 " + r.latencyPs());
        assertTrue(r.latencyPs().p99() < 2 * Units.PS_PER_MS, "p99 " + r.latencyPs());
    }

    @Test
    void shortConnectionsAllCompleteAndClose() {
        TwoHostSystem sys = new TwoHostSystem(TwoHostSystem.Spec.defaults().withSeed(5));
        ResponderServer srv = new ResponderServer(sys.b.sockets(), 1, 80, 100, 3000, ApplicationWork.NONE);
        ShortConnections sc = new ShortConnections("short", sys.a.sockets(), sys.streams, 1, 60, 100, 3000,
                100 * Units.PS_PER_US, true, ApplicationWork.NONE).start(TwoHostSystem.IP_B, 80);
        sys.sim.run();
        ShortConnectionsResult r = sc.result();
        System.out.printf("real short: %d done, %.0f conn/s%n", r.completed(), r.connectionsPerSec());
        assertEquals(60, r.completed());
        assertEquals(0, r.failed());
        assertEquals(60, srv.connectionsClosed());
        assertEquals(0, sys.a.stack().liveConnections(), "TIME_WAIT over, all CLOSED");
        assertEquals(0, sys.b.stack().liveConnections());
    }
}
