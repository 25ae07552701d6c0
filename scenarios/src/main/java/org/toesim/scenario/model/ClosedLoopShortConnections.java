package org.toesim.scenario.model;

import org.toesim.host.mem.RegionKind;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketLayer;

/**
 * The client of the ns-3 peer benchmark S3 ({@code shortconn.cc}): {@code concurrency}
 * connections open at once; each connects, sends {@code requestBytes}, reads the whole
 * {@code responseBytes} answer and closes (active close, TIME_WAIT on the client). When one
 * completes, the next is opened in its slot at the same simulated instant.
 *
 * <pre>
 *   slot: connect --&gt; send(req) --&gt; receive(resp, all) --&gt; close --+--&gt; next connect (same instant)
 *                                                                  \--&gt; all done: completed == count
 * </pre>
 * Pair it with an {@link org.toesim.host.app.ResponderServer} (request {@code requestBytes},
 * response {@code responseBytes}), which answers the client's FIN with its own.
 */
final class ClosedLoopShortConnections {
    private final SocketLayer sockets;
    private final int core;
    private final int count;
    private final long requestBytes;
    private final AppBuffer buf;
    private final int remoteIp;
    private final int port;
    private int started;
    private int completed;
    private int failed;
    private long lastCompletePs = -1;

    ClosedLoopShortConnections(SocketLayer sockets, String name, int core, int count, long requestBytes,
                               int responseBytes, int remoteIp, int port) {
        this.sockets = sockets;
        this.core = core;
        this.count = count;
        this.requestBytes = requestBytes;
        this.remoteIp = remoteIp;
        this.port = port;
        this.buf = new AppBuffer(sockets.memory().allocate(name + ".buf", RegionKind.APPLICATION_BUFFER,
                responseBytes, false).baseAddress(), responseBytes);
    }

    /** Opens the first {@code concurrency} connections, 1 us apart as shortconn.cc does. */
    void start(int concurrency) {
        var sim = sockets.stack().simulator();
        for (int i = 0; i < concurrency && i < count; i++) {
            sim.schedule(i * 1_000_000L, "bench.s3.open", "bench.s3", this::openNext);
        }
    }

    private void openNext() {
        if (started >= count) {
            return;
        }
        started++;
        sockets.connect(remoteIp, port, core, new ConnectCallback() {
            @Override
            public void connected(Socket s) {
                s.send(requestBytes, (x, n) -> { });
                s.receive(buf, true, (x, b, n, eof) -> finished(x, n));
            }

            @Override
            public void failed(Socket s, String reason) {
                failed++;
                openNext();
            }
        });
    }

    private void finished(Socket s, long n) {
        if (n == buf.lenBytes()) {
            completed++;
            lastCompletePs = sockets.stack().simulator().now();
        } else {
            failed++;
        }
        s.close(null);
        openNext();
    }

    /** Every connection completed or failed. */
    boolean done() {
        return completed + failed >= count;
    }

    int completed() {
        return completed;
    }

    int failed() {
        return failed;
    }

    /** When the last whole response arrived (ps), or -1. */
    long lastCompletePs() {
        return lastCompletePs;
    }
}
