package org.toesim.host.offload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.toesim.core.check.InvariantChecker;
import org.toesim.core.check.InvariantViolation;
import org.toesim.core.check.InvariantViolationException;
import org.toesim.core.units.Units;
import org.toesim.host.check.CardView;
import org.toesim.host.check.ConnectionInvariants;
import org.toesim.host.check.HostView;
import org.toesim.host.check.SocketTracker;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.nic.toe.ToeConfig;
import org.toesim.tcp.engine.StreamAccounting;
import org.toesim.tcp.segment.FourTuple;

/**
 * The connection invariants follow a real offload transfer (handoff and flush) without a false
 * alarm, and catch a card view that lies: a CCB the card keeps while the host runs the
 * connection, bytes the card's engine claims to have received that the peer never sent.
 */
class ConnectionInvariantsTest {
    private static final ToeConfig TOE = ToeConfig.defaults().withPushTimerPs(Units.PS_PER_MS);
    private static final int LEN = 200_000;

    @Test
    void aWholeOffloadTransferHoldsEveryInvariantAfterEveryEvent() {
        ToeSystem sys = new ToeSystem(1, OffloadConfig.of(new OffloadPolicy.AfterBytes(30_000))
                .withCheckIntervalPs(20 * Units.PS_PER_US), TOE);
        OffloadEndToEndTest.Receiver rx = start(sys);
        sys.sim.runUntil(sys.sim.now() + Units.PS_PER_S);
        assertEquals(LEN, rx.placed, "transfer complete: " + sys.manager.counters());
        assertEquals(1, sys.manager.counters().installed(), "offloaded once");
        assertEquals(1, sys.manager.counters().flushes(), "flushed back for the close");
        // every event of the transfer is checked (about 2,500; the policy's periodic checks, which
        // used to run every 20 us for the whole second, stop once the connection leaves the host)
        assertTrue(sys.checker.eventsChecked() > 2_000, "events checked: " + sys.checker.eventsChecked());
        assertTrue(sys.connectionChecks.endsChecked() > 2_000, "connection ends checked: "
                + sys.connectionChecks.endsChecked());
    }

    @Test
    void aCcbLeftOnTheCardWhileTheHostRunsTheConnectionIsTwoOwners() {
        ToeSystem sys = new ToeSystem(2, OffloadConfig.of(new OffloadPolicy.Never()), TOE);
        install(sys, card -> new Lying(card) {
            @Override
            public boolean holds(FourTuple tuple) {
                return true;
            }
        });
        start(sys);
        InvariantViolation v = assertThrows(InvariantViolationException.class,
                () -> sys.sim.runUntil(sys.sim.now() + Units.PS_PER_S)).violation();
        assertEquals(ConnectionInvariants.SINGLE_OWNER, v.invariant());
        assertTrue(v.detail().contains("two owners"), v.message());
        assertTrue(v.subject().startsWith("connection "), "names the connection: " + v.subject());
        assertTrue(v.detail().startsWith("B 10.0.0.2:5001"), "names the end with two owners: " + v.detail());
        assertTrue(v.timePs() > 0, v.message());
    }

    @Test
    void withManyConnectionsEachIsCheckedInTurnAndAViolationIsStillFound() {
        ToeSystem sys = new ToeSystem(4, OffloadConfig.of(new OffloadPolicy.Never()), TOE);
        int n = 150; // 300 sockets: more than one check looks at after an event
        int lastPort = 49152 + n - 1;
        install(sys, card -> new Lying(card) {
            @Override
            public boolean holds(FourTuple tuple) {
                return tuple.remotePort() == lastPort || real(tuple);
            }

            private boolean real(FourTuple tuple) {
                return super.holds(tuple);
            }
        });
        sys.socketsB.listen(ToeSystem.PORT, 1, s -> { });
        int[] connected = {0};
        for (int k = 0; k < n; k++) {
            sys.socketsA.connect(ToeSystem.IP_B, ToeSystem.PORT, 1, new ConnectCallback() {
                @Override
                public void connected(Socket s) {
                    connected[0]++;
                }
            });
        }
        InvariantViolation v = assertThrows(InvariantViolationException.class,
                () -> sys.sim.runUntil(sys.sim.now() + Units.PS_PER_S)).violation();
        assertEquals(ConnectionInvariants.SINGLE_OWNER, v.invariant());
        assertTrue(v.detail().contains(":" + lastPort) && v.detail().contains("two owners"), v.message());
    }

    @Test
    void bytesTheCardClaimsToHaveReceivedBeyondWhatWasSentBreakConservation() {
        ToeSystem sys = new ToeSystem(3, OffloadConfig.of(new OffloadPolicy.Always()), TOE);
        install(sys, card -> new Lying(card) {
            @Override
            public StreamAccounting accounting(FourTuple tuple) {
                StreamAccounting a = super.accounting(tuple);
                return a == null ? null : new StreamAccounting(a.state(), a.writtenBytes(), a.sendBufferStart(),
                        a.sndUnaPos(), a.sndNxtPos(), a.sndMaxPos(), a.finQueued(), a.rcvNxtPos() + 1460,
                        a.finReceived(), a.receivedBytes() + 1460, a.readBytes(), a.outOfOrderBytes());
            }
        });
        start(sys);
        InvariantViolation v = assertThrows(InvariantViolationException.class,
                () -> sys.sim.runUntil(sys.sim.now() + Units.PS_PER_S)).violation();
        assertEquals(ConnectionInvariants.BYTE_CONSERVATION, v.invariant());
        assertTrue(v.detail().contains("received") && v.detail().contains("sent only"), v.message());
    }

    /** A card view that forwards to the real one; tests override what it lies about. */
    private static class Lying implements CardView {
        private final CardView real;

        Lying(CardView real) {
            this.real = real;
        }

        @Override
        public boolean holds(FourTuple tuple) {
            return real.holds(tuple);
        }

        @Override
        public StreamAccounting accounting(FourTuple tuple) {
            return real.accounting(tuple);
        }

        @Override
        public HandoffState handoffState(FourTuple tuple) {
            return real.handoffState(tuple);
        }
    }

    /** Replaces the system's checker by one whose view of B's card is {@code lie} applied to the real one. */
    private static void install(ToeSystem sys, UnaryOperator<CardView> lie) {
        CardView real = new CardView() {
            @Override
            public boolean holds(FourTuple tuple) {
                return sys.toe.holdsConnection(tuple);
            }

            @Override
            public StreamAccounting accounting(FourTuple tuple) {
                return sys.toe.accounting(tuple);
            }

            @Override
            public HandoffState handoffState(FourTuple tuple) {
                return sys.manager.state(tuple);
            }
        };
        HostView a = new HostView("A", sys.stackA, null);
        HostView b = new HostView("B", sys.stackB, lie.apply(real));
        SocketTracker sockets = new SocketTracker().follow(sys.socketsA).follow(sys.socketsB);
        InvariantChecker checker = new InvariantChecker();
        checker.addAll(new ConnectionInvariants(sockets, ip -> ip == ToeSystem.IP_A ? a : ip == ToeSystem.IP_B ? b : null,
                s -> null).all());
        sys.sim.setListener(checker);
    }

    /** A sends {@value #LEN} real bytes to B's receiver (which closes at the end of the stream). */
    private static OffloadEndToEndTest.Receiver start(ToeSystem sys) {
        byte[] data = new byte[LEN];
        new java.util.Random(7).nextBytes(data);
        return send(sys, data);
    }

    /** A sends {@code data} (real bytes) to B's receiver, then closes; B closes at the end of the stream. */
    static OffloadEndToEndTest.Receiver send(ToeSystem sys, byte[] data) {
        int len = data.length;
        MemoryRegion src = sys.memA.allocate("app.src", RegionKind.APPLICATION_BUFFER, len, true);
        sys.memA.write(src.baseAddress(), data, 0, len);
        OffloadEndToEndTest.Receiver rx = new OffloadEndToEndTest.Receiver(sys, len);
        sys.socketsB.listen(ToeSystem.PORT, 1, rx::start);
        sys.socketsA.connect(ToeSystem.IP_B, ToeSystem.PORT, 1, new ConnectCallback() {
            @Override
            public void connected(Socket s) {
                s.send(new AppBuffer(src.baseAddress(), len), (sock, n) -> sock.close(null));
            }
        });
        return rx;
    }
}
