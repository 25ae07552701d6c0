package org.toesim.host.offload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.toesim.nic.device.CachedState;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.OffloadState;
import org.toesim.nic.frame.Frame;
import org.toesim.nic.toe.ToeConfig;

/**
 * A TOE with one CCB slot and two connections: the second handoff is ruled out either by the
 * host's adapter record (maxConnections) or, when the record is stale, refused by the card itself
 * (NO_RESOURCES). Either way the second connection stays on the host stack and its bytes arrive.
 */
class OffloadTableFullTest {
    private static final ToeConfig ONE_SLOT = ToeConfig.defaults().withPushTimerPs(Units.PS_PER_MS)
            .withCcbCapacity(1);

    /** An adapter port whose record claims 1024 connections: only the card can say no. */
    private static AdapterPort staleRecord(AdapterPort real) {
        return new AdapterPort() {
            @Override
            public Capability capability() {
                Capability c = real.capability();
                return new Capability(c.offloadSupported(), 1024, 1024, c.maxSendBytes(), c.maxReceiveBufferBytes(),
                        c.maxPostedBuffersPerConnection(), c.features());
            }

            @Override
            public OffloadHandle allocateHandle() {
                return real.allocateHandle();
            }

            @Override
            public void initiate(OffloadHandle h, OffloadState image, StatusCallback cb) {
                real.initiate(h, image, cb);
            }

            @Override
            public void terminate(OffloadHandle h, TerminateCallback cb) {
                real.terminate(h, cb);
            }

            @Override
            public void update(OffloadHandle h, CachedState cached, StatusCallback cb) {
                real.update(h, cached, cb);
            }

            @Override
            public void query(OffloadHandle h, QueryCallback cb) {
                real.query(h, cb);
            }

            @Override
            public long postBuffer(OffloadHandle h, long addr, int len, BufferCallback cb) {
                return real.postBuffer(h, addr, len, cb);
            }

            @Override
            public long send(OffloadHandle h, long addr, int len, SendCallback cb) {
                return real.send(h, addr, len, cb);
            }

            @Override
            public void forward(OffloadHandle h, List<Frame> frames, StatusCallback cb) {
                real.forward(h, frames, cb);
            }
        };
    }

    /** Two connections from A to B, each sending {@code len} real bytes; returns B's receivers. */
    private static List<OffloadEndToEndTest.Receiver> twoTransfers(ToeSystem sys, int len) {
        List<OffloadEndToEndTest.Receiver> rxs = new ArrayList<>();
        List<byte[]> datas = new ArrayList<>();
        sys.socketsB.listen(ToeSystem.PORT, 1, s -> {
            OffloadEndToEndTest.Receiver rx = new OffloadEndToEndTest.Receiver(sys, len);
            rxs.add(rx);
            rx.start(s);
        });
        for (int i = 0; i < 2; i++) {
            byte[] data = new byte[len];
            new Random(10 + i).nextBytes(data);
            datas.add(data);
            MemoryRegion src = sys.memA.allocate("app.src" + i, RegionKind.APPLICATION_BUFFER, len, true);
            sys.memA.write(src.baseAddress(), data, 0, len);
            sys.socketsA.connect(ToeSystem.IP_B, ToeSystem.PORT, 1, new ConnectCallback() {
                @Override
                public void connected(Socket s) {
                    s.send(new AppBuffer(src.baseAddress(), len), (sock, n) -> sock.close(null));
                }
            });
        }
        sys.sim.runUntil(sys.sim.now() + 5 * Units.PS_PER_S);
        assertEquals(2, rxs.size());
        for (OffloadEndToEndTest.Receiver rx : rxs) {
            assertEquals(len, rx.placed, "bytes delivered; counters " + sys.manager.counters());
            assertTrue(rx.eof);
            byte[] got = sys.memB.read(rx.dst.baseAddress(), len);
            assertTrue(java.util.Arrays.equals(datas.get(0), got) || java.util.Arrays.equals(datas.get(1), got),
                    "byte integrity");
        }
        assertArrayEquals(new int[] {len, len}, rxs.stream().mapToInt(r -> (int) r.placed).toArray());
        return rxs;
    }

    @Test
    void cardRefusesTheSecondOffloadWithNoResourcesAndTheConnectionKeepsWorkingOnTheHost() {
        ToeSystem sys = new ToeSystem(5, OffloadConfig.of(new OffloadPolicy.Always()), ONE_SLOT,
                OffloadTableFullTest::staleRecord);
        twoTransfers(sys, 100_000);
        OffloadCounters n = sys.manager.counters();
        assertEquals(2, n.initiated(), "the host asked the card twice: " + n);
        assertEquals(1, n.installed());
        assertEquals(1, n.refused(), "the card said NO_RESOURCES once");
        assertEquals(0, n.notPossible(), "the (stale) record did not pre-empt the card");
        assertEquals(1, sys.toe.report(null).offloadsRefused(), "the refusal happened on the card");
        var refused = sys.of(OffloadTrace.Refused.class);
        assertEquals(1, refused.size());
        assertEquals(org.toesim.nic.device.CommandStatus.NO_RESOURCES,
                ((OffloadTrace.Refused) refused.get(0).record()).status());
    }

    @Test
    void hostRecordRulesOutTheSecondOffloadBeforeAskingTheCard() {
        ToeSystem sys = new ToeSystem(6, OffloadConfig.of(new OffloadPolicy.Always()), ONE_SLOT);
        assertEquals(1, sys.adapter.capability().maxConnections());
        twoTransfers(sys, 100_000);
        OffloadCounters n = sys.manager.counters();
        assertEquals(1, n.initiated(), n.toString());
        assertEquals(1, n.installed());
        assertEquals(0, n.refused());
        assertTrue(n.notPossible() >= 1, "the adapter record (1 connection) ruled it out: " + n);
        assertEquals(0, sys.toe.report(null).offloadsRefused());
    }
}
