package org.toesim.host.offload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.core.units.Units;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.nic.toe.ToeConfig;
import org.toesim.nic.toe.ToeReport;

/**
 * Receive indications, the whole system: A sends real bytes to B (TOE, offloaded at once), whose
 * application posts its next 16 KiB buffer only some time after the last one returned, so data
 * arrives with no buffer posted. With indication buffers the card indicates it, the socket takes
 * it and the next receive copies it out; the stream must arrive exactly, whatever mix of
 * indications and placements carried it, and through a flush in the middle.
 */
class IndicationEndToEndTest {
    private static final ToeConfig TOE = ToeConfig.defaults().withPushTimerPs(Units.PS_PER_MS);
    private static final int LEN = 600_000;

    /** A sends LEN bytes; B reads them in 16 KiB receives, each posted {@code thinkPs} after the last returned. */
    private static final class SlowReader {
        final ToeSystem sys;
        final byte[] data = new byte[LEN];
        final MemoryRegion src;
        final MemoryRegion dst;
        final long thinkPs;
        Socket b;
        long placed;
        boolean eof;
        int receives;

        SlowReader(ToeSystem sys, long thinkPs) {
            this.sys = sys;
            this.thinkPs = thinkPs;
            new Random(7).nextBytes(data);
            src = sys.memA.allocate("app.src", RegionKind.APPLICATION_BUFFER, LEN, true);
            dst = sys.memB.allocate("app.dst", RegionKind.APPLICATION_BUFFER, LEN, true);
            sys.memA.write(src.baseAddress(), data, 0, LEN);
        }

        void start() {
            sys.socketsB.listen(ToeSystem.PORT, 1, s -> {
                b = s;
                sys.bridge.attach(s);
                post();
            });
            sys.socketsA.connect(ToeSystem.IP_B, ToeSystem.PORT, 1, new ConnectCallback() {
                @Override
                public void connected(Socket s) {
                    s.send(new AppBuffer(src.baseAddress(), LEN), (sock, n) -> s.close(null));
                }
            });
        }

        private void post() {
            long left = LEN - placed;
            AppBuffer buf = left == 0 ? new AppBuffer(dst.address(0), 1)
                    : new AppBuffer(dst.address(placed), (int) Math.min(16 * 1024, left));
            receives++;
            sys.bridge.receive(b, buf, false, (sock, bb, n, end) -> {
                placed += n;
                if (end) {
                    eof = true;
                } else {
                    sys.sim.schedule(thinkPs, "test.think", "test", this::post);
                }
            });
        }

        void runAndCheck(String what) {
            sys.sim.runUntil(sys.sim.now() + 5 * Units.PS_PER_S);
            String ctx = what + "; counters " + sys.manager.counters() + "; placed " + placed + " eof " + eof;
            assertEquals(LEN, placed, "bytes A -> B; " + ctx);
            assertTrue(eof, "B saw the end of the stream; " + ctx);
            assertArrayEquals(data, sys.memB.read(dst.baseAddress(), LEN), "byte stream A -> B; " + ctx);
        }
    }

    private static ToeSystem system(int indicationBuffers) {
        return new ToeSystem(1, OffloadConfig.of(new OffloadPolicy.Always()).withStatsPollIntervalPs(0)
                .withIndications(indicationBuffers, 16 * 1024), TOE);
    }

    @Test
    void dataWithNoBufferPostedIsIndicatedTakenAndReadInOrder() {
        ToeSystem sys = system(8);
        SlowReader r = new SlowReader(sys, 50 * Units.PS_PER_US);
        r.start();
        r.runAndCheck("indications");
        OffloadCounters c = sys.manager.counters();
        ToeReport card = sys.toe.report(null);
        assertTrue(c.indications() > 5, "data was indicated: " + c);
        assertTrue(c.indicatedBytesTaken() > 100_000, "the socket took indicated bytes: " + c);
        assertEquals(c.indicatedBytesTaken(), card.bytesIndicationAccepted(),
                "the card dropped exactly the bytes the host took");
        assertEquals(c.indications(), card.indications(), "every indication was answered");
        // the peer's FIN takes the connection back (nic close upload): the host stack reads the rest
        assertTrue(c.bytesPlaced() + c.indicatedBytesTaken() <= LEN, "no byte came twice: " + c);
    }

    @Test
    void aFlushWhileTheSocketHoldsIndicatedBytesKeepsTheStreamInOrder() {
        ToeSystem sys = system(8);
        SlowReader r = new SlowReader(sys, 80 * Units.PS_PER_US);
        long[] heldAtFlush = {-1};
        // flush the first time the socket holds indicated bytes the application has not read
        org.toesim.core.event.Event[] poll = new org.toesim.core.event.Event[1];
        poll[0] = sys.sim.newEvent("test.poll", "test", org.toesim.core.event.Priority.TIMER, () -> {
            if (r.b != null && r.b.indicatedBytes() > 0 && heldAtFlush[0] < 0) {
                heldAtFlush[0] = r.b.indicatedBytes();
                sys.manager.flush(r.b.tuple(), FlushCause.POLICY, null);
            } else if (heldAtFlush[0] < 0) {
                sys.sim.scheduleAt(poll[0], sys.sim.now() + Units.PS_PER_US);
            }
        });
        sys.sim.scheduleAt(poll[0], sys.sim.now() + Units.PS_PER_US);
        r.start();
        r.runAndCheck("flush with indicated bytes held");
        assertTrue(heldAtFlush[0] > 0, "the flush came while the socket held indicated bytes");
        assertTrue(sys.manager.counters().flushes() >= 1, sys.manager.counters().toString());
    }

    @Test
    void withoutIndicationBuffersTheDataWaitsOnTheCard() {
        ToeSystem sys = system(0);
        SlowReader r = new SlowReader(sys, 50 * Units.PS_PER_US);
        r.start();
        r.runAndCheck("no indications");
        OffloadCounters c = sys.manager.counters();
        assertEquals(0, c.indications(), "nothing indicated: " + c);
        assertEquals(0, sys.toe.report(null).indications(), "the card indicated nothing");
        assertTrue(sys.toe.report(null).bufferStarvationSeconds() > 0, "data waited on the card for a buffer");
    }
}
