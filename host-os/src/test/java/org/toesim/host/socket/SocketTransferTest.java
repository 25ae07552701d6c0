package org.toesim.host.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.stack.HostPair;
import org.toesim.host.stack.Placement;
import org.toesim.tcp.engine.TcpState;

class SocketTransferTest {
    private static final int PORT = 5001;

    /** Receives everything into {@code dst} with 64 KiB MSG_WAITALL calls. */
    static final class Reader {
        final MemoryRegion dst;
        long placed;
        boolean eof;
        int calls;

        Reader(MemoryRegion dst) {
            this.dst = dst;
        }

        void start(Socket s) {
            post(s);
        }

        private void post(Socket s) {
            long left = dst.lenBytes() - placed;
            // when full, post one more (scratch) buffer to see the end of stream
            AppBuffer buf = left == 0 ? new AppBuffer(dst.address(0), 1)
                    : new AppBuffer(dst.address(placed), (int) Math.min(65536, left));
            s.receive(buf, true, (sock, b, n, end) -> {
                calls++;
                placed += n;
                eof |= end;
                if (!end) {
                    post(sock);
                } else {
                    sock.close(null);
                }
            });
        }
    }

    @Test
    void bulkTransferOfRealBytesDeliversExactlyTheSendersBytes() {
        HostPair p = new HostPair(HostPair.Spec.defaults());
        int len = 1_000_000;
        byte[] data = new byte[len];
        new Random(7).nextBytes(data);
        MemoryRegion src = p.a.memory.allocate("app.src", RegionKind.APPLICATION_BUFFER, len, true);
        p.a.memory.write(src.baseAddress(), data, 0, len);
        MemoryRegion dst = p.b.memory.allocate("app.dst", RegionKind.APPLICATION_BUFFER, len, true);
        Reader reader = new Reader(dst);
        Socket[] server = new Socket[1];
        p.b.sockets.listen(PORT, 1, s -> {
            server[0] = s;
            reader.start(s);
        });
        boolean[] sent = new boolean[1];
        p.a.sockets.connect(HostPair.IP_B, PORT, 1, new ConnectCallback() {
            @Override
            public void connected(Socket s) {
                s.send(new AppBuffer(src.baseAddress(), len), (sock, n) -> {
                    sent[0] = true;
                    sock.close(null);
                });
            }
        });
        p.sim.run();

        assertTrue(sent[0]);
        assertEquals(len, reader.placed);
        assertArrayEquals(data, p.b.memory.read(dst.baseAddress(), len));
        assertEquals(len, server[0].acceptedBytes(), "accepted-bytes count = bytes the app consumed");
        SocketStats st = server[0].stats();
        assertEquals(Placement.HOST, st.placement());
        assertEquals(len, st.appBytesAccepted());
        assertTrue(st.bytesIn() >= len);
        assertEquals(TcpState.CLOSED, server[0].connection().state());
    }
}
