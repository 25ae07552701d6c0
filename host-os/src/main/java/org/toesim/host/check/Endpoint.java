package org.toesim.host.check;

import org.toesim.host.offload.HandoffState;
import org.toesim.host.socket.Socket;
import org.toesim.host.stack.HostConnection;
import org.toesim.host.stack.Placement;
import org.toesim.tcp.engine.StreamAccounting;

/**
 * One end of a connection as the checks see it at an instant: the host's connection, its socket,
 * the host engine's and the card engine's accounting, and which of them owns the connection.
 *
 * <pre>
 *   placement  HOST      -&gt; the host engine owns it
 *              QUIESCED  -&gt; the card if it installed the CCB already, else the (frozen) host engine
 *              OFFLOADED -&gt; the card, or nobody while the CCB travels back (FLUSHING)
 * </pre>
 */
final class Endpoint {
    final HostView host;
    final HostConnection conn;
    final Socket socket;
    final StreamAccounting hostEngine;
    final StreamAccounting cardEngine;
    final boolean cardHolds;
    final HandoffState handoff;

    private Endpoint(HostView host, HostConnection conn) {
        this.host = host;
        this.conn = conn;
        this.socket = conn.listener() instanceof Socket s ? s : null;
        this.hostEngine = conn.accounting();
        CardView card = host.card();
        this.cardHolds = card != null && card.holds(conn.tuple());
        this.cardEngine = cardHolds ? card.accounting(conn.tuple()) : null;
        this.handoff = card == null ? HandoffState.ON_HOST : card.handoffState(conn.tuple());
    }

    /** The end of {@code conn} on {@code host}, or null when there is none to check (closed, gone). */
    static Endpoint of(HostView host, HostConnection conn) {
        return host == null || conn == null || conn.isClosed() ? null : new Endpoint(host, conn);
    }

    /** The engine that owns the connection's state now, or null while its CCB is in transit. */
    StreamAccounting owner() {
        return switch (conn.placement()) {
            case HOST -> hostEngine;
            case QUIESCED -> cardEngine != null ? cardEngine : hostEngine;
            case OFFLOADED -> cardEngine;
        };
    }

    /** Whether {@link #owner()} is the card's engine. */
    boolean cardOwns() {
        return conn.placement() != Placement.HOST && cardEngine != null;
    }

    /** Names this end in messages: host and four-tuple. */
    String name() {
        return host.name() + " " + conn.tuple();
    }
}
