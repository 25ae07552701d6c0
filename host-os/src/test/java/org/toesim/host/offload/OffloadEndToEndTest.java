package org.toesim.host.offload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.toesim.nic.toe.ToeConfig;

/** The acceptance tests: the whole system, A (peer) sends real bytes to B (TOE host). */
class OffloadEndToEndTest {
    private static final ToeConfig TOE = ToeConfig.defaults().withPushTimerPs(Units.PS_PER_MS);

    /** B's application: reads everything into {@code dst} with 16 KiB receives, then closes. */
    static final class Receiver {
        final ToeSystem sys;
        final MemoryRegion dst;
        Socket socket;
        long placed;
        boolean eof;
        long eofAtPs;
        /** The manager's unified statistics of the connection at the end of stream (before the close). */
        UnifiedStats atEof;
        Socket peer;

        Receiver(ToeSystem sys, int len) {
            this.sys = sys;
            this.dst = sys.memB.allocate("app.dst" + sys.memB.regions().size(), RegionKind.APPLICATION_BUFFER, len, true);
        }

        /** The application's first receive comes this long after the accept. */
        long readDelayPs;

        void start(Socket s) {
            socket = s;
            sys.bridge.attach(s);
            if (readDelayPs > 0) {
                sys.sim.schedule(readDelayPs, "test.read", "test", this::post);
            } else {
                post();
            }
        }

        private void post() {
            long left = dst.lenBytes() - placed;
            AppBuffer buf = left == 0 ? new AppBuffer(dst.address(0), 1)
                    : new AppBuffer(dst.address(placed), (int) Math.min(16 * 1024, left));
            sys.bridge.receive(socket, buf, false, (sock, b, n, end) -> {
                placed += n;
                if (end) {
                    eof = true;
                    eofAtPs = sys.sim.now();
                    atEof = sys.manager.stats(sock.tuple());
                    sys.bridge.close(sock, null);
                } else {
                    post();
                }
            });
        }
    }

    /** Runs one transfer of {@code len} real bytes; {@code during} runs once the connection is up. */
    private static Receiver transfer(ToeSystem sys, int len, long seed, Runnable afterStart) {
        return transfer(sys, len, seed, afterStart, 0);
    }

    private static Receiver transfer(ToeSystem sys, int len, long seed, Runnable afterStart, long readDelayPs) {
        byte[] data = new byte[len];
        new Random(seed).nextBytes(data);
        MemoryRegion src = sys.memA.allocate("app.src", RegionKind.APPLICATION_BUFFER, len, true);
        sys.memA.write(src.baseAddress(), data, 0, len);
        Receiver rx = new Receiver(sys, len);
        rx.readDelayPs = readDelayPs;
        sys.socketsB.listen(ToeSystem.PORT, 1, rx::start);
        sys.socketsA.connect(ToeSystem.IP_B, ToeSystem.PORT, 1, new ConnectCallback() {
            @Override
            public void connected(Socket s) {
                rx.peer = s;
                s.send(new AppBuffer(src.baseAddress(), len), (sock, n) -> sock.close(null));
            }
        });
        if (afterStart != null) {
            afterStart.run();
        }
        sys.sim.runUntil(sys.sim.now() + 5 * Units.PS_PER_S);
        assertEquals(len, rx.placed, "bytes delivered; counters " + sys.manager.counters());
        assertTrue(rx.eof, "end of stream seen");
        assertArrayEquals(data, sys.memB.read(rx.dst.baseAddress(), len), "byte integrity");
        return rx;
    }

    @Test
    void fullHandoffSequenceInOrderWithCostsAndNoHostProtocolWorkWhileOffloaded() {
        ToeSystem sys = new ToeSystem(1, OffloadConfig.of(new OffloadPolicy.AfterBytes(30_000))
                .withStatsPollIntervalPs(50 * Units.PS_PER_US).withCheckIntervalPs(20 * Units.PS_PER_US), TOE);
        assertTrue(sys.adapter.offloadSupported(), "attach: capability query answered (claims 10, 11)");
        long attachedAt = sys.adapter.answeredAtPs();
        long startPs = sys.sim.now();
        Receiver rx = transfer(sys, 300_000, 1, null);
        var statsA = rx.peer.connection().stats();
        var statsB = rx.socket.connection().stats();
        // segments held during the handoff were forwarded to the card (ForwardFrames), not held until the flush:
        // no retransmission timeout on either side, and the 300 kB arrive in well under one minimum RTO (200 ms)
        assertTrue(sys.manager.framesForwarded() > 0, "held segments forwarded: " + sys.manager.counters());
        assertEquals(0, statsA.timeoutRetransmits(), "peer: no RTO retransmissions " + statsA);
        assertEquals(0, statsA.rtoFirings(), "peer: no RTO " + statsA);
        assertEquals(0, statsB.timeoutRetransmits(), "TOE host (host + card engine): no RTO retransmissions");
        assertTrue(rx.eofAtPs - startPs < 5 * Units.PS_PER_MS, "transfer took " + (rx.eofAtPs - startPs) + " ps");

        var decided = sys.of(OffloadTrace.PolicyDecided.class);
        var offloadDecision = decided.stream().filter(s -> ((OffloadTrace.PolicyDecided) s.record()).offload())
                .findFirst().orElseThrow();
        var initiate = sys.of(OffloadTrace.InitiateSubmitted.class).get(0);
        var installed = sys.of(OffloadTrace.Installed.class).get(0);
        var posted = sys.of(OffloadTrace.BufferPosted.class).get(0);
        var completed = sys.of(OffloadTrace.BufferCompleted.class).get(0);
        var polled = sys.of(OffloadTrace.StatsPolled.class);
        var flushStart = sys.of(OffloadTrace.FlushStarted.class).get(0);
        var flushDone = sys.of(OffloadTrace.FlushCompleted.class).get(0);
        long[] order = {attachedAt, offloadDecision.timePs(), initiate.timePs(), installed.timePs(), posted.timePs(),
            completed.timePs(), flushStart.timePs(), flushDone.timePs()};
        for (int i = 1; i < order.length; i++) {
            assertTrue(order[i - 1] <= order[i], "step " + i + " out of order: " + java.util.Arrays.toString(order));
        }
        // the decision came only after 30 000 bytes crossed the host stack
        assertTrue(((OffloadTrace.PolicyDecided) offloadDecision.record()).reason().contains(">= 30000"));
        // InitiateOffload: host command cost, doorbell, the card fetches the command and the CCB image by DMA,
        // 4000 card cycles at 800 MHz = 5 us, completion + interrupt back
        assertTrue(installed.timePs() - initiate.timePs() >= 5 * Units.PS_PER_US,
                "install took " + (installed.timePs() - initiate.timePs()) + " ps");
        assertTrue(installed.timePs() - initiate.timePs() < 100 * Units.PS_PER_US);
        // while offloaded: no host protocol work, no host per-byte work, no host-sent ACK frames (card ACKs)
        long bytesPlacedBeforeFlush = 0;
        for (var s : sys.of(OffloadTrace.BufferCompleted.class)) {
            if (s.timePs() < flushStart.timePs()) {
                bytesPlacedBeforeFlush += ((OffloadTrace.BufferCompleted) s.record()).bytesPlaced();
            }
        }
        assertTrue(bytesPlacedBeforeFlush > 100_000, "placed on the fast path " + bytesPlacedBeforeFlush);
        long slowPath = sys.manager.counters().slowPathFrames();
        assertEquals(flushStart.perByteCycles(), installed.perByteCycles(),
                "host cycles per received byte on the fast path are zero");
        if (slowPath == 0) {
            assertEquals(flushStart.protocolCycles(), installed.protocolCycles(), "no host protocol cycles");
        }
        assertEquals(installed.hostTxFrames(), flushStart.hostTxFrames(), "ACKs came from the card, not the host");
        assertTrue(!polled.isEmpty(), "statistics polled from the adapter (claim 12)");
        // the manager keeps a record as long as the host stack keeps the connection: read at the end of
        // stream (once CLOSED, the connection and its record are gone)
        UnifiedStats st = rx.atEof;
        assertEquals(((OffloadTrace.Installed) installed.record()).conn(), st.tuple());
        assertEquals(HandoffState.ON_HOST_AGAIN, st.state());
        assertNull(sys.manager.stats(st.tuple()), "record dropped once the connection reached CLOSED");
        assertNotNull(st.tcp());
        assertTrue(st.card().payloadBytesIn() > 0, "card counters kept after the flush: " + st);
        // flush returned the connection: the application saw one uninterrupted stream (checked in transfer)
        assertEquals(1, sys.manager.counters().installed());
        assertEquals(1, sys.manager.counters().flushes());
    }

    @Test
    void offloadAndFlushAtRandomInstantsKeepTheByteStreamIntact() {
        for (long seed = 1; seed <= 12; seed++) {
            Random r = new Random(seed);
            ToeSystem sys = new ToeSystem(seed, OffloadConfig.of(new OffloadPolicy.AfterBytes(r.nextInt(20_000)))
                    .withCheckIntervalPs((5 + r.nextInt(40)) * Units.PS_PER_US), TOE);
            List<Long> flushAt = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                flushAt.add((long) r.nextInt(150) * Units.PS_PER_US);
            }
            long s0 = seed;
            transfer(sys, 120_000, seed, () -> {
                for (long t : flushAt) {
                    sys.sim.schedule(t, "test.flush", "test", () -> flushAllOffloaded(sys));
                }
            });
            assertTrue(sys.manager.counters().installed() >= 1, "seed " + s0 + ": " + sys.manager.counters());
        }
    }

    /**
     * The same with BBR on both ends (issue 17): A's host stack paces a BBR sender; B's BBR
     * connection, with its {@code BbrSnapshot} and delivery-rate state in the CCB, goes to the
     * card and back at random instants through the real manager, driver and adapter.
     */
    @Test
    void bbrConnectionsSurviveOffloadAndFlushAtRandomInstants() {
        org.toesim.tcp.engine.TcpConfig bbr = ToeSystem.DEFAULT_TCP.toBuilder().congestionControl("bbr").build();
        for (long seed = 1; seed <= 6; seed++) {
            Random r = new Random(seed);
            ToeSystem sys = new ToeSystem(seed, OffloadConfig.of(new OffloadPolicy.AfterBytes(r.nextInt(20_000)))
                    .withCheckIntervalPs((5 + r.nextInt(40)) * Units.PS_PER_US), TOE, p -> p, 1 << 20, bbr);
            List<Long> flushAt = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                flushAt.add((long) r.nextInt(150) * Units.PS_PER_US);
            }
            long s0 = seed;
            transfer(sys, 120_000, seed, () -> {
                for (long t : flushAt) {
                    sys.sim.schedule(t, "test.flush", "test", () -> flushAllOffloaded(sys));
                }
            });
            assertTrue(sys.manager.counters().installed() >= 1, "seed " + s0 + ": " + sys.manager.counters());
            assertTrue(sys.manager.counters().flushes() >= 1, "seed " + s0 + ": " + sys.manager.counters());
        }
    }

    /**
     * A flush whose CCB image (with the data the card holds) is larger than the adapter port's
     * state slot: the adapter says how large, the connection stays on it, and the port asks again
     * with room. Before, the adapter dropped the connection and the host aborted it (a 4 MiB
     * transfer stalled when a FIN behind a gap asked for the upload with 1.27 MB held).
     */
    @Test
    void aFlushWhoseImageOutgrowsTheStateSlotStillBringsEveryByteBack() {
        ToeSystem sys = new ToeSystem(5, OffloadConfig.of(new OffloadPolicy.Always()), TOE, p -> p, 512);
        // B's application reads only after 300 us: the data waits on the card, then the flush
        transfer(sys, 120_000, 5, () -> sys.sim.schedule(200 * Units.PS_PER_US, "test.flush", "test",
                () -> flushAllOffloaded(sys)), 300 * Units.PS_PER_US);
        assertTrue(sys.memB.region("B.nic0.terminate-image-1") == null, "the larger area is freed");
        assertEquals(1, sys.manager.counters().installed());
        assertEquals(1, sys.manager.counters().flushes(), sys.manager.counters().toString());
        assertEquals(0, sys.manager.counters().flushFailures(), sys.manager.counters().toString());
    }

    private static void flushAllOffloaded(ToeSystem sys) {
        for (OffloadRecord r : new ArrayList<OffloadRecord>(toList(sys.manager.offloadedInOrder()))) {
            sys.manager.flush(r.tuple(), FlushCause.POLICY, null);
        }
    }

    private static List<OffloadRecord> toList(Iterable<OffloadRecord> it) {
        List<OffloadRecord> out = new ArrayList<>();
        it.forEach(out::add);
        return out;
    }

    @Test
    void cardResetMidTransferLosesNothing() {
        ToeSystem sys = new ToeSystem(3, OffloadConfig.of(new OffloadPolicy.Always()), TOE);
        transfer(sys, 200_000, 3, () -> sys.sim.schedule(300 * Units.PS_PER_US, "test.reset", "test",
                sys.toe::reset));
        assertTrue(sys.manager.counters().uploadRequests() >= 1, sys.manager.counters().toString());
        assertEquals(1, sys.manager.counters().installed());
        assertTrue(sys.manager.counters().flushes() >= 1);
        assertTrue(!sys.manager.canOffload(), "no handoffs to a failed card");
    }
}
