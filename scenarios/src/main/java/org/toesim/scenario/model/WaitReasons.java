package org.toesim.scenario.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.toesim.host.offload.HandoffState;
import org.toesim.host.socket.Socket;
import org.toesim.host.stack.HostConnection;
import org.toesim.host.stack.Placement;

/**
 * What an unfinished connection row was waiting for when the run ended, from the state of each
 * end: a reset, a handoff or flush in progress, the host engine's wait (timers with backed-off
 * RTO, zero windows, handshake or close states) or, while offloaded, the card's (posted
 * buffers, held bytes, its engine), and application calls queued or not posted.
 * <pre>
 *   a: ESTABLISHED: retransmission timer (RTO 16 s, 4 backoffs, fires in 9 s), 65160 bytes unacknowledged;
 *   b: ESTABLISHED: idle, awaiting data from the peer
 * </pre>
 * Also decides, for the watchdog, whether a connection is still backing off retransmissions.
 */
final class WaitReasons {
    private WaitReasons() {
    }

    /** The wait of {@code c}, one part per end that exists ({@code "<host>: ..."}). */
    static String of(Conn c, Map<String, HostNode> hosts) {
        Socket[] sockets = c.sockets();
        if (sockets.length == 0) {
            return c.startPs() < 0 ? "connecting (no socket yet)"
                    : "per-connection state not kept for this row; " + c.deliveredBytes() + " of " + c.expectedBytes()
                    + " bytes delivered";
        }
        List<String> parts = new ArrayList<>();
        for (Socket s : sockets) {
            HostConnection hc = s.connection();
            String host = hc == null ? "?" : hc.activeOpen() ? c.from() : c.to();
            String wait;
            try {
                wait = socket(s, hosts.get(host));
            } catch (RuntimeException e) {
                // the diagnosis must never cost the report (e.g. after an event failed half-way)
                wait = "state unreadable (" + e + ")";
            }
            parts.add(host + ": " + wait);
        }
        return String.join("; ", parts);
    }

    private static String socket(Socket s, HostNode h) {
        HostConnection hc = s.connection();
        if (hc == null) {
            return "connecting";
        }
        List<String> parts = new ArrayList<>();
        if (s.resetReason() != null) {
            parts.add("connection reset (" + s.resetReason() + ")");
        }
        HandoffState hs = h == null || h.manager == null ? HandoffState.ON_HOST : h.manager.state(s.tuple());
        if (hs == HandoffState.QUIESCING || hs == HandoffState.OFFLOADING) {
            parts.add("handoff to card in progress (" + hs.name().toLowerCase(java.util.Locale.ROOT) + ")");
        } else if (hs == HandoffState.FLUSHING) {
            parts.add("flush from card in progress");
        }
        if (hc.placement() == Placement.OFFLOADED) {
            String card = h == null || h.toe == null ? null : h.toe.waitingFor(s.tuple());
            parts.add(card != null ? card : "offloaded, but the card holds no such connection");
        } else if (hc.isClosed()) {
            parts.add("CLOSED");
        } else {
            if (hc.placement() == Placement.HOST && s.postedReceives() == 0 && hc.readableBytes() > 0) {
                parts.add("application receive buffer not posted");
            }
            parts.add(hc.waitingFor());
        }
        if (s.queuedSends() > 0) {
            parts.add(s.queuedSends() + " send calls queued");
        }
        return String.join(", ", parts);
    }

    /**
     * Whether an end of {@code c} has a retransmission or persist timer pending with a backed-off
     * interval of at most {@code maxIntervalPs} (on the host or on the card): still trying.
     */
    static boolean backingOff(Conn c, Map<String, HostNode> hosts, long maxIntervalPs) {
        for (Socket s : c.sockets()) {
            HostConnection hc = s.connection();
            if (hc == null || hc.isClosed()) {
                continue;
            }
            long interval = hc.retryIntervalPs();
            if (hc.placement() == Placement.OFFLOADED) {
                HostNode h = hosts.get(hc.activeOpen() ? c.from() : c.to());
                interval = h == null || h.toe == null ? -1 : h.toe.retryIntervalPs(s.tuple());
            }
            if (interval >= 0 && interval <= maxIntervalPs) {
                return true;
            }
        }
        return false;
    }
}
