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
 *   accept --&gt; [receive(req, all) --&gt; app work --&gt; send(resp)]* --eof--&gt; close
 * </pre>
 */
public final class ResponderServer {
    private final SocketLayer sockets;
    private final ApplicationWork work;
    private final int core;
    private final int requestBytes;
    private final long responseBytes;
    private final AppBuffer buf;
    private long requestsServed;
    private long connectionsAccepted;
    private long connectionsClosed;

    public ResponderServer(SocketLayer sockets, int core, int port, int requestBytes, long responseBytes,
                           ApplicationWork work) {
        this.sockets = sockets;
        this.core = core;
        this.requestBytes = requestBytes;
        this.responseBytes = responseBytes;
        this.work = work;
        this.buf = AppCpu.buffer(sockets.memory(), sockets.stack().config().name() + ".server." + port, requestBytes);
        sockets.listen(port, core, s -> {
            connectionsAccepted++;
            s.setCloseListener((sock, t) -> connectionsClosed++);
            readRequest(s);
        });
    }

    private void readRequest(Socket s) {
        sockets.io().receive(s, buf, true, (sock, b, n, eof) -> {
            if (n == requestBytes) {
                AppCpu.work(sockets.stack().cpu(), core, work, n + responseBytes, () ->
                        sockets.io().send(sock, responseBytes, (x, len) -> {
                            requestsServed++;
                            if (eof) {
                                sockets.io().close(sock, null);
                            } else {
                                readRequest(sock);
                            }
                        }));
            } else {
                sockets.io().close(sock, null);
            }
        });
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
