package org.toesim.host.check;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.function.Function;
import org.toesim.core.check.Invariant;
import org.toesim.core.check.InvariantViolation;
import org.toesim.host.offload.HandoffState;
import org.toesim.host.socket.Socket;
import org.toesim.host.stack.HostConnection;
import org.toesim.host.stack.Placement;
import org.toesim.tcp.engine.StreamAccounting;
import org.toesim.tcp.engine.TcpState;

/**
 * The per-connection invariants of a run, over the connections of the followed sockets and their
 * peers (found through the peer host's stack):
 * <ul>
 *   <li>{@value #BYTE_CONSERVATION}: in the owning engine, written = acknowledged + in flight +
 *   unsent, the send buffer starts at SND.UNA, the receive buffer ends at RCV.NXT
 *   ({@link StreamAccounting#inconsistency()}); the application's counts agree with the owner
 *   (on the host: bytes it accepted = bytes read out of the engine, bytes it sent = bytes written
 *   into it until the first handoff, at most those after; on the card, at most those); and
 *   between the two ends, the
 *   receiver never has more than the sender sent, the sender never has more acknowledged than the
 *   receiver received. While a CCB is in transit (flush) that end is skipped.</li>
 *   <li>{@value #SINGLE_OWNER}: exactly one of the host stack and the card runs the connection
 *   ({@link Endpoint}), or the CCB is on its way back during FLUSHING.</li>
 * </ul>
 * Cost: a few field reads per checked connection: after each event the next
 * {@value #SOCKETS_PER_CHECK} open sockets in turn (all of them while at most that many are
 * open), so a checked run with thousands of connections stays O(1) per event and each connection
 * is checked every n / {@value #SOCKETS_PER_CHECK} events; the end of the run checks them all.
 */
public final class ConnectionInvariants {
    /** Name of the byte-conservation invariant. */
    public static final String BYTE_CONSERVATION = "byteConservation";
    /** Name of the one-owner invariant. */
    public static final String SINGLE_OWNER = "singleOwner";

    private final SocketTracker sockets;
    private final IntFunction<HostView> hostByIp;
    private final Function<Socket, String> nameOf;
    private long endsChecked;

    /**
     * @param sockets  the sockets to follow (and, through their peers' stacks, the other ends)
     * @param hostByIp the host with an IP address, or null
     * @param nameOf   the name of a socket's connection in reports (e.g. {@code bulk0.c0}), or null
     *                 to name it by host and four-tuple
     */
    public ConnectionInvariants(SocketTracker sockets, IntFunction<HostView> hostByIp, Function<Socket, String> nameOf) {
        this.sockets = Objects.requireNonNull(sockets, "sockets");
        this.hostByIp = Objects.requireNonNull(hostByIp, "hostByIp");
        this.nameOf = Objects.requireNonNull(nameOf, "nameOf");
    }

    /** Connection ends (one host's side of one connection) checked so far, over both invariants. */
    public long endsChecked() {
        return endsChecked;
    }

    /** Both invariants. */
    public List<Invariant> all() {
        return List.of(byteConservation(), singleOwner());
    }

    /** The {@value #BYTE_CONSERVATION} invariant. */
    public Invariant byteConservation() {
        return new PerConnection(BYTE_CONSERVATION, true);
    }

    /** The {@value #SINGLE_OWNER} invariant. */
    public Invariant singleOwner() {
        return new PerConnection(SINGLE_OWNER, false);
    }

    /** Open sockets one check after an event looks at, at most. */
    public static final int SOCKETS_PER_CHECK = 64;

    private final class PerConnection implements Invariant {
        private final String name;
        private final boolean conservation;

        /** Where the next bounded check starts in the open-socket list. */
        private int cursor;

        PerConnection(String name, boolean conservation) {
            this.name = name;
            this.conservation = conservation;
        }

        @Override
        public String name() {
            return name;
        }

        /** After an event: the next {@value #SOCKETS_PER_CHECK} open sockets in turn (all of them when fewer are open). */
        @Override
        public InvariantViolation check(long nowPs) {
            return check(nowPs, SOCKETS_PER_CHECK);
        }

        @Override
        public InvariantViolation checkFully(long nowPs) {
            return check(nowPs, Integer.MAX_VALUE);
        }

        private InvariantViolation check(long nowPs, int limit) {
            List<Socket> all = sockets.open();
            int n = all.size();
            int count = Math.min(n, limit);
            int start = count == n ? 0 : cursor % n;
            cursor = count == n ? 0 : (start + count) % n;
            for (int k = 0; k < count; k++) {
                Socket s = all.get((start + k) % n);
                HostConnection c = s.connection();
                if (c == null) {
                    continue;
                }
                Endpoint a = Endpoint.of(hostByIp.apply(c.tuple().localIp()), c);
                HostView peerHost = hostByIp.apply(c.tuple().remoteIp());
                Endpoint b = peerHost == null ? null
                        : Endpoint.of(peerHost, peerHost.stack().connection(c.tuple().reversed()));
                endsChecked += (a == null ? 0 : 1) + (b == null ? 0 : 1);
                String problem = conservation ? conservation(a, b) : owner(a, b);
                if (problem != null) {
                    return new InvariantViolation(name, subject(s, a, b), nowPs, problem);
                }
            }
            return null;
        }

        private String subject(Socket s, Endpoint a, Endpoint b) {
            String id = nameOf.apply(s);
            if (id == null && b != null && b.socket != null) {
                id = nameOf.apply(b.socket);
            }
            String where = a != null ? a.name() : s.toString();
            return id == null ? "connection " + where : "connection " + id + " (" + where + ")";
        }

        private String owner(Endpoint a, Endpoint b) {
            String p = a == null ? null : Ownership.problem(a);
            return p != null ? p : b == null ? null : Ownership.problem(b);
        }

        private String conservation(Endpoint a, Endpoint b) {
            String p = a == null ? null : local(a);
            if (p == null && b != null) {
                p = local(b);
            }
            if (p == null && a != null && b != null) {
                p = between(a, b);
                if (p == null) {
                    p = between(b, a);
                }
            }
            return p;
        }
    }

    /** One end's engine and application counts. */
    static String local(Endpoint e) {
        StreamAccounting o = e.owner();
        if (o == null) {
            return null;
        }
        String p = o.inconsistency();
        if (p != null) {
            return e.name() + " (" + (e.cardOwns() ? "card" : "host") + " engine): " + p;
        }
        Socket s = e.socket;
        if (s == null) {
            return null;
        }
        long sent = s.appBytesSent();
        long accepted = s.acceptedBytes();
        if (e.conn.placement() == Placement.HOST) {
            // Exact only while the socket made every send: once offloaded, sends may go to the
            // adapter (SocketOffloadBridge / SocketSendPath) and a send call the
            // socket's adapter path took is counted only when it returns.
            boolean exact = e.handoff == HandoffState.ON_HOST && s.adapterSendsOutstanding() == 0;
            if (exact ? sent != o.writtenBytes() : sent > o.writtenBytes()) {
                return e.name() + ": the application sent " + sent + " bytes but the host engine holds "
                        + o.writtenBytes() + " written" + (exact ? "" : " (after a handoff: at most)") + " (acked " + o.ackedBytes() + " + in flight " + o.inFlightBytes()
                        + " + unsent " + o.unsentBytes() + ")";
            }
            // bytes the socket took from adapter indications left the engine but are not read yet
            long held = s.indicatedBytes();
            if (accepted + held != o.readBytes()) {
                return e.name() + ": the application accepted " + accepted + " bytes"
                        + (held > 0 ? " (and the socket holds " + held + " indicated)" : "") + " but " + o.readBytes()
                        + " were read out of the host engine (received " + o.receivedBytes() + ")";
            }
        } else if (e.cardOwns() && (sent > o.writtenBytes() || accepted > o.readBytes())) {
            return e.name() + ": the application sent " + sent + " / accepted " + accepted + " bytes, more than the card "
                    + "engine holds written (" + o.writtenBytes() + ") / delivered (" + o.readBytes() + ")";
        }
        return null;
    }

    /** Data sent by {@code from} against data received by {@code to}. */
    static String between(Endpoint from, Endpoint to) {
        StreamAccounting s = from.owner();
        StreamAccounting r = to.owner();
        if (s == null || r == null || r.rcvNxtPos() <= 0 || s.state() == TcpState.CLOSED || r.state() == TcpState.CLOSED) {
            return null;
        }
        if (r.receivedBytes() > s.sentBytes()) {
            return to.name() + " received " + r.receivedBytes() + " bytes in order but " + from.name() + " sent only "
                    + s.sentBytes();
        }
        if (s.ackedBytes() > r.receivedBytes()) {
            return from.name() + " has " + s.ackedBytes() + " bytes acknowledged but " + to.name() + " received only "
                    + r.receivedBytes();
        }
        return null;
    }
}
