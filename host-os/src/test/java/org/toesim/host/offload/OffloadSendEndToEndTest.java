package org.toesim.host.offload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.toesim.core.event.Event;
import org.toesim.core.event.Priority;
import org.toesim.core.units.Units;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.toe.ToeConfig;

/**
 * Transmit offload (claim 9), the whole system: B (TOE host) and A (peer) exchange real bytes in
 * both directions; B's sends go to the card as (handle, address, length) while the connection is
 * offloaded, and flushes in the middle of a send leave the peer with exactly the sender's stream.
 */
class OffloadSendEndToEndTest {
    private static final ToeConfig TOE = ToeConfig.defaults().withPushTimerPs(Units.PS_PER_MS);

    /** One exchange: A sends {@code toB}, B sends {@code toA} in several calls, each reads to EOF. */
    static final class Duplex {
        final ToeSystem sys;
        final byte[] toB;
        final byte[] toA;
        final MemoryRegion srcA;
        final MemoryRegion srcB;
        final MemoryRegion dstA;
        final MemoryRegion dstB;
        final int[] callSizesB;
        Socket a;
        Socket b;
        long placedA;
        long placedB;
        boolean eofA;
        boolean eofB;
        int sendsReturnedB;
        final List<Long> sendReturnedAtPsB = new ArrayList<>();
        boolean closedB;
        boolean sentA;
        boolean closedA;
        /** Runs right after B's application closed. */
        Runnable afterCloseB = () -> { };
        /** A closes once its send returned and 50 KB arrived, and B at end of stream with its sends still going. */
        boolean earlyCloses;

        Duplex(ToeSystem sys, int lenToB, int[] callSizesB, long seed) {
            this.sys = sys;
            this.callSizesB = callSizesB;
            int lenToA = 0;
            for (int n : callSizesB) {
                lenToA += n;
            }
            Random r = new Random(seed);
            toB = new byte[lenToB];
            toA = new byte[lenToA];
            r.nextBytes(toB);
            r.nextBytes(toA);
            srcA = sys.memA.allocate("app.srcA", RegionKind.APPLICATION_BUFFER, lenToB, true);
            dstA = sys.memA.allocate("app.dstA", RegionKind.APPLICATION_BUFFER, lenToA, true);
            srcB = sys.memB.allocate("app.srcB", RegionKind.APPLICATION_BUFFER, lenToA, true);
            dstB = sys.memB.allocate("app.dstB", RegionKind.APPLICATION_BUFFER, lenToB, true);
            sys.memA.write(srcA.baseAddress(), toB, 0, lenToB);
            sys.memB.write(srcB.baseAddress(), toA, 0, lenToA);
        }

        void start() {
            sys.socketsB.listen(ToeSystem.PORT, 1, this::acceptedB);
            sys.socketsA.connect(ToeSystem.IP_B, ToeSystem.PORT, 1, new ConnectCallback() {
                @Override
                public void connected(Socket s) {
                    a = s;
                    // A closes once its send returned and all of B's bytes arrived, so the connection
                    // stays offloaded (a FIN from A would send it back to the host) while B sends
                    s.send(new AppBuffer(srcA.baseAddress(), toB.length), (sock, n) -> {
                        sentA = true;
                        maybeCloseA();
                    });
                    postA();
                }
            });
        }

        private void acceptedB(Socket s) {
            b = s;
            sys.bridge.attach(s);
            long off = 0;
            for (int n : callSizesB) {
                sys.bridge.send(s, new AppBuffer(srcB.baseAddress() + off, n), (sock, len) -> {
                    sendsReturnedB++;
                    sendReturnedAtPsB.add(sys.sim.now());
                    maybeCloseB();
                });
                off += n;
            }
            postB();
        }

        private void postA() {
            long left = toA.length - placedA;
            AppBuffer buf = left == 0 ? new AppBuffer(dstA.address(0), 1)
                    : new AppBuffer(dstA.address(placedA), (int) Math.min(16 * 1024, left));
            a.receive(buf, false, (sock, bb, n, end) -> {
                placedA += n;
                if (end) {
                    eofA = true;
                } else {
                    maybeCloseA();
                    postA();
                }
            });
        }

        private void maybeCloseA() {
            if (sentA && (placedA == toA.length || earlyCloses && placedA >= 50_000) && !closedA) {
                closedA = true;
                a.close(null);
            }
        }

        private void postB() {
            long left = toB.length - placedB;
            AppBuffer buf = left == 0 ? new AppBuffer(dstB.address(0), 1)
                    : new AppBuffer(dstB.address(placedB), (int) Math.min(16 * 1024, left));
            sys.bridge.receive(b, buf, false, (sock, bb, n, end) -> {
                placedB += n;
                if (end) {
                    eofB = true;
                    maybeCloseB();
                } else {
                    postB();
                }
            });
        }

        private void maybeCloseB() {
            if (eofB && (sendsReturnedB == callSizesB.length || earlyCloses) && !closedB) {
                closedB = true;
                sys.bridge.close(b, null);
                afterCloseB.run();
            }
        }

        void runAndCheck(String what) {
            sys.sim.runUntil(sys.sim.now() + 5 * Units.PS_PER_S);
            String ctx = what + "; counters " + sys.manager.counters() + "; placed A " + placedA + " B " + placedB
                    + " eof " + eofA + "/" + eofB + " B sends returned " + sendsReturnedB + ", queued "
                    + b.queuedSends() + ", on adapter " + sys.bridge.sendCallsOnAdapter(b) + ", state "
                    + sys.manager.state(b.tuple()) + " " + b.connection() + " A " + a.connection();
            assertEquals(toB.length, placedB, "bytes A -> B; " + ctx);
            assertEquals(toA.length, placedA, "bytes B -> A; " + ctx);
            assertTrue(eofA && eofB, "both ends saw end of stream; " + ctx);
            assertEquals(callSizesB.length, sendsReturnedB, "every send call of B returned; " + ctx);
            assertArrayEquals(toB, sys.memB.read(dstB.baseAddress(), toB.length), "byte stream A -> B; " + ctx);
            assertArrayEquals(toA, sys.memA.read(dstA.baseAddress(), toA.length), "byte stream B -> A; " + ctx);
            assertEquals(toA.length, b.appBytesSent(), "B's socket counted every byte it sent; " + ctx);
        }
    }

    @Test
    void sendsWhileOffloadedGoToTheCardAndReturnWhenThePeerAcknowledged() {
        ToeSystem sys = new ToeSystem(7, OffloadConfig.of(new OffloadPolicy.Always()), TOE);
        Duplex d = new Duplex(sys, 150_000, new int[] {100_000, 1, 70_000, 30_000}, 7);
        d.start();
        d.runAndCheck("offloaded both ways");
        OffloadCounters c = sys.manager.counters();
        assertEquals(1, c.installed(), c.toString());
        // every byte B sent went by ToeSend (the connection was offloaded before B's first send call
        // reached the stack) and was acknowledged before the call returned
        assertTrue(c.sendsPosted() >= 4, c.toString());
        assertTrue(c.bytesSentAcked() > 190_000, "B's bytes acknowledged through the card " + c);
        var installed = sys.of(OffloadTrace.Installed.class).get(0);
        var flushStart = sys.of(OffloadTrace.FlushStarted.class).get(0);
        assertEquals(installed.perByteCycles(), flushStart.perByteCycles(),
                "while offloaded B's host copied and checksummed nothing, in either direction");
        // requests: 64 KiB + 34 464 (call 0), 1 (call 1), 64 KiB + 4 464 (call 2), 30 000 (call 3); a call
        // returns with the card's completion of its last request, which comes when the peer acknowledged it
        var completions = sys.of(OffloadTrace.SendCompleted.class);
        int[] lastRequestOfCall = {1, 2, 4};
        for (int call = 0; call < lastRequestOfCall.length; call++) {
            var done = completions.get(lastRequestOfCall[call]);
            assertEquals(CommandStatus.SUCCESS, ((OffloadTrace.SendCompleted) done.record()).status());
            assertEquals(done.timePs(), d.sendReturnedAtPsB.get(call), "call " + call + " returned on its ACK");
        }
    }

    @Test
    void dataInTheHostSendBufferAtHandoffIsSentByTheCard() {
        // B starts sending on the host; the policy offloads after 40 000 bytes, with B's socket
        // buffer full of unacknowledged bytes: they travel in the CCB and the card sends them
        ToeSystem sys = new ToeSystem(8, OffloadConfig.of(new OffloadPolicy.AfterBytes(40_000))
                .withCheckIntervalPs(10 * Units.PS_PER_US), TOE);
        Duplex d = new Duplex(sys, 20_000, new int[] {300_000}, 8);
        d.start();
        d.runAndCheck("handoff with queued send data");
        OffloadCounters c = sys.manager.counters();
        assertEquals(1, c.installed(), c.toString());
        assertTrue(c.sendsPosted() >= 1 && c.bytesSentAcked() > 0, "part of the call went by ToeSend: " + c);
        assertTrue(c.bytesSentAcked() < 300_000, "part was copied on the host before the handoff: " + c);
    }

    @Test
    void virtualSendsWhileOffloaded() {
        ToeSystem sys = new ToeSystem(9, OffloadConfig.of(new OffloadPolicy.Always()), TOE);
        long[] got = new long[1];
        boolean[] returned = new boolean[1];
        sys.socketsB.listen(ToeSystem.PORT, 1, s -> {
            sys.bridge.attach(s);
            sys.bridge.send(s, 250_000, (sock, n) -> {
                returned[0] = true;
                sys.bridge.close(sock, null);
            });
        });
        sys.socketsA.connect(ToeSystem.IP_B, ToeSystem.PORT, 1, new ConnectCallback() {
            @Override
            public void connected(Socket s) {
                MemoryRegion dst = sys.memA.allocate("app.v", RegionKind.APPLICATION_BUFFER, 16 * 1024, false);
                receiveAll(s, dst, got);
            }
        });
        sys.sim.runUntil(5 * Units.PS_PER_S);
        assertTrue(returned[0]);
        assertEquals(250_000, got[0], sys.manager.counters().toString());
        assertEquals(250_000, sys.manager.counters().bytesSentAcked(), sys.manager.counters().toString());
    }

    private static void receiveAll(Socket s, MemoryRegion dst, long[] got) {
        s.receive(new AppBuffer(dst.baseAddress(), 16 * 1024), false, (sock, b, n, end) -> {
            got[0] += n;
            if (!end) {
                receiveAll(sock, dst, got);
            } else {
                sock.close(null);
            }
        });
    }

    @Test
    void flushesInTheMiddleOfSendsKeepBothStreamsIntact() {
        int flushedMidSend = 0;
        for (long seed = 1; seed <= 12; seed++) {
            Random r = new Random(seed * 31);
            ToeSystem sys = new ToeSystem(seed, OffloadConfig.of(new OffloadPolicy.AfterBytes(r.nextInt(10_000)))
                    .withCheckIntervalPs((5 + r.nextInt(30)) * Units.PS_PER_US), TOE);
            int lenToB = 60_000 + r.nextInt(60_000);
            int[] calls = {150_000 + r.nextInt(100_000), 1 + r.nextInt(3000), 40_000};
            Duplex d = new Duplex(sys, lenToB, calls, seed);
            d.start();
            List<Long> flushAt = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                flushAt.add((long) (30 + r.nextInt(300)) * Units.PS_PER_US);
            }
            for (long t : flushAt) {
                sys.sim.schedule(t, "test.flush", "test", () -> {
                    for (OffloadRecord rec : new ArrayList<>(toList(sys.manager.offloadedInOrder()))) {
                        sys.manager.flush(rec.tuple(), FlushCause.POLICY, null);
                    }
                });
            }
            d.runAndCheck("seed " + seed + ", flushes at " + flushAt);
            for (var s : sys.of(OffloadTrace.SendCompleted.class)) {
                var rec = (OffloadTrace.SendCompleted) s.record();
                if (rec.status() == CommandStatus.FLUSHED) {
                    flushedMidSend++;
                }
            }
        }
        assertTrue(flushedMidSend >= 5, "flushes caught sends in flight " + flushedMidSend + " times");
    }

    /**
     * The close on the card ({@link CloseMode#CLOSE_ON_CARD}): A (the host-stack peer) closes
     * first, B's card announces the FIN once the bytes before it are placed, B's application
     * closes after its sends returned, and the card sends B's FIN and hands the connection back
     * CLOSED. Flushes thrown in (early, or 0-3 us after B's close while its FIN request waits
     * behind 300 KB of sends: the host then sends the rest and the FIN itself) change nothing
     * the applications see, and every connection ends closed on both hosts with nothing left on
     * the card or with the manager.
     */
    @Test
    void closeOnTheCardWithFlushesAnywhereKeepsBothStreamsAndEndsClosed() {
        ToeConfig closing = TOE.withFin(ToeConfig.FinAction.ON_CARD);
        int closedOnCard = 0;
        int closedOnHostAfterFlush = 0;
        for (long seed = 1; seed <= 15; seed++) {
            Random r = new Random(seed * 17);
            ToeSystem sys = new ToeSystem(seed, OffloadConfig.of(new OffloadPolicy.Always())
                    .withCloseMode(CloseMode.CLOSE_ON_CARD), closing);
            // seed % 3 == 2: B closes with most of its 300 KB still to post, its FIN request waiting behind them
            int[] calls = {seed % 3 == 2 ? 300_000 : 20_000 + r.nextInt(100_000), 1 + r.nextInt(3000)};
            Duplex d = new Duplex(sys, seed % 3 == 2 ? 2_000 : 20_000 + r.nextInt(60_000), calls, seed);
            d.earlyCloses = seed % 3 == 2;
            Runnable flushAll = () -> {
                for (OffloadRecord rec : new ArrayList<>(toList(sys.manager.offloadedInOrder()))) {
                    sys.manager.flush(rec.tuple(), FlushCause.POLICY, null);
                }
            };
            String what = "seed " + seed;
            if (seed % 3 == 1) {
                long at = (long) (20 + r.nextInt(200)) * Units.PS_PER_US;
                sys.sim.schedule(at, "test.flush", "test", flushAll);
                what += ", flush at " + at + " ps";
            } else if (seed % 3 == 2) {
                long afterPs = (seed / 3 % 4) * Units.PS_PER_US;
                d.afterCloseB = () -> sys.sim.schedule(afterPs, "test.flush", "test", flushAll);
                what += ", flush " + afterPs + " ps after B's close";
            }
            d.start();
            d.runAndCheck(what);
            assertTrue(d.b.connection().isClosed() && d.a.connection().isClosed(), "closed on both hosts; " + what);
            assertEquals(0, sys.manager.trackedConnections(), "nothing left with the manager; " + what);
            assertEquals(0, sys.toe.report(null).ccbOccupied(), "nothing left on the card; " + what);
            long onCard = sys.toe.report(null).hostClosesOnCard();
            closedOnCard += (int) onCard;
            if (seed % 3 == 2 && onCard == 0) {
                closedOnHostAfterFlush++;
            }
            if (seed % 3 == 0) {
                assertEquals(1, onCard, "B's FIN came from the card; " + what);
                assertEquals(1, sys.toe.report(null).peerClosesOnCard(), "A's FIN was announced; " + what);
                assertEquals(1, sys.manager.counters().flushes(), "one flush, when the card was done; " + what);
            }
        }
        assertTrue(closedOnCard >= 5, "the card ran the close in " + closedOnCard + " of 15 runs");
        assertTrue(closedOnHostAfterFlush >= 1, "a flush overtook the FIN request in " + closedOnHostAfterFlush
                + " runs (the host closed then)");
    }

    private static List<OffloadRecord> toList(Iterable<OffloadRecord> it) {
        List<OffloadRecord> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }
}
