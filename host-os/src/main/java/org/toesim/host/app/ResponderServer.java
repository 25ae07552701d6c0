package org.toesim.host.app;

import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketLayer;

/**
 * Server side of request-response and short-connection workloads: on every accepted
 * connection, read a request of {@code requestBytes} (MSG_WAITALL), do the application work,
 * answer with {@code responseBytes}; repeat until the client closes, then close.
 *
 * <pre>
 *   accept --&gt; [receive(req, all) --&gt; app work --&gt; send(resp) + receive(next req)]* --eof--&gt; close
 *   a request that arrives before the previous send call returned waits for it
 * </pre>
 * The next read is posted when the answer's send is issued, not when it returns (overlapped
 * I/O, as TCP Chimney applications kept a receive posted): an offloaded send returns only when
 * the client acknowledged it, and reading after that cost each TOE transaction the client's
 * ACK delay (one connection: 203 us per transaction, 148 us overlapped; host stack 152 us). The
 * answer's buffer is rewritten only after its send returned, since the card re-reads it for a
 * retransmission.
 */
public final class ResponderServer {
    private final SocketLayer sockets;
    private final ApplicationWork work;
    private final int core;
    private final int requestBytes;
    private final long responseBytes;
    private final AppBuffer buf;
    private final PayloadPattern requests;
    private final PayloadPattern responses;
    private PayloadPattern.Mismatch mismatch;
    private long requestsServed;
    private long connectionsAccepted;
    private long connectionsClosed;
    /** Accepted sockets by their local four-tuple, for diagnostics (looked up, never iterated). */
    private final java.util.Map<org.toesim.tcp.segment.FourTuple, Socket> accepted = new java.util.HashMap<>();

    public ResponderServer(SocketLayer sockets, int core, int port, int requestBytes, long responseBytes,
                           ApplicationWork work) {
        this(sockets, core, port, requestBytes, responseBytes, work, null, null);
    }

    /**
     * A server of real bytes when the patterns are not null: on each connection, request
     * {@code i} is compared with bytes {@code [i * requestBytes, ..)} of {@code requests}
     * ({@link #mismatch()} keeps the first wrong byte) and response {@code i} is the matching
     * range of {@code responses}; each connection gets its own byte-holding buffers.
     */
    public ResponderServer(SocketLayer sockets, int core, int port, int requestBytes, long responseBytes,
                           ApplicationWork work, PayloadPattern requests, PayloadPattern responses) {
        if ((requests == null) != (responses == null) || (requests != null && responseBytes > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("give both patterns (or neither); real responses fit an int");
        }
        this.requests = requests;
        this.responses = responses;
        this.sockets = sockets;
        this.core = core;
        this.requestBytes = requestBytes;
        this.responseBytes = responseBytes;
        this.work = work;
        this.buf = AppCpu.buffer(sockets.memory(), sockets.stack().config().name() + ".server." + port, requestBytes);
        String prefix = sockets.stack().config().name() + ".server." + port;
        sockets.listen(port, core, s -> {
            connectionsAccepted++;
            accepted.put(s.tuple(), s);
            s.setCloseListener((sock, t) -> connectionsClosed++);
            readRequest(s, requests == null ? new Served(buf, null)
                    : new Served(AppCpu.realBuffer(sockets.memory(), prefix + ".req", requestBytes),
                            AppCpu.realBuffer(sockets.memory(), prefix + ".resp", (int) responseBytes)));
        });
    }

    /** One connection's buffers, count of answered requests, and the send in progress. */
    private static final class Served {
        final AppBuffer req;
        final AppBuffer resp;
        long count;
        /** An answer's send call has not returned yet. */
        boolean sending;
        /** What the request that arrived meanwhile does once it has (null: none). */
        Runnable afterSend;

        Served(AppBuffer req, AppBuffer resp) {
            this.req = req;
            this.resp = resp;
        }
    }

    private void readRequest(Socket s, Served c) {
        sockets.io().receive(s, c.req, true, (sock, b, n, eof) -> {
            Runnable next = n == requestBytes ? () -> {
                check(c);
                AppCpu.work(sockets.stack().cpu(), core, work, n + responseBytes, () -> respond(sock, c, eof));
            } : () -> sockets.io().close(sock, null);
            if (c.sending) {
                c.afterSend = next;
            } else {
                next.run();
            }
        });
    }

    private void check(Served c) {
        if (requests != null && mismatch == null) {
            mismatch = requests.firstMismatch(sockets.memory().read(c.req.address(), requestBytes), 0, requestBytes,
                    c.count * requestBytes);
        }
    }

    private void respond(Socket sock, Served c, boolean eof) {
        org.toesim.host.socket.SendCallback done = (x, len) -> {
            requestsServed++;
            c.count++;
            c.sending = false;
            if (eof) {
                sockets.io().close(sock, null);
            } else if (c.afterSend != null) {
                Runnable r = c.afterSend;
                c.afterSend = null;
                r.run();
            }
        };
        c.sending = true;
        if (responses == null) {
            sockets.io().send(sock, responseBytes, done);
        } else {
            byte[] bytes = new byte[(int) responseBytes];
            responses.fill(bytes, 0, bytes.length, c.count * responseBytes);
            sockets.memory().write(c.resp.address(), bytes, 0, bytes.length);
            sockets.io().send(sock, c.resp, done);
        }
        if (!eof) {
            readRequest(sock, c);
        }
    }

    /**
     * The accepted socket whose local four-tuple is {@code localTuple} (the client's tuple
     * reversed), or null if no such connection was accepted.
     */
    public Socket socket(org.toesim.tcp.segment.FourTuple localTuple) {
        return accepted.get(localTuple);
    }

    /** The first request byte that differed from a client's stream, or null (always null without patterns). */
    public PayloadPattern.Mismatch mismatch() {
        return mismatch;
    }

    public long requestsServed() {
        return requestsServed;
    }

    public long connectionsAccepted() {
        return connectionsAccepted;
    }

    /** Connections that reached CLOSED on the server side. */
    public long connectionsClosed() {
        return connectionsClosed;
    }
}
