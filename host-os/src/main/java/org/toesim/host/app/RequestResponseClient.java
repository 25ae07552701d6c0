package org.toesim.host.app;

import org.toesim.core.event.Event;
import org.toesim.core.stats.Tally;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketLayer;

/**
 * One connection ({@code name} labels its buffer, tally and event; unique per host), {@code count} requests in sequence: send {@code requestBytes}, wait for
 * {@code responseBytes}, think for {@code thinkTimePs}, repeat; then close. Latency of each
 * request goes into a {@link Tally} with percentiles.
 *
 * <pre>
 *   connect --&gt; [t0: app work + send(req) --&gt; receive(resp, all) --&gt; latency = now - t0 --&gt; think]*
 *           --&gt; close
 * </pre>
 */
public final class RequestResponseClient {
    private final SocketLayer sockets;
    private final ApplicationWork work;
    private final int core;
    private final int count;
    private final long requestBytes;
    private final int responseBytes;
    private final long thinkTimePs;
    private final AppBuffer buf;
    private final Tally latencyPs;
    private final Event thinkDone;
    private Socket socket;
    private int completed;
    private long sentAtPs;
    private long finishedPs = -1;

    public RequestResponseClient(String name, SocketLayer sockets, int core, int count, long requestBytes, int responseBytes,
                                 long thinkTimePs, ApplicationWork work) {
        this.sockets = sockets;
        this.core = core;
        this.count = count;
        this.requestBytes = requestBytes;
        this.responseBytes = responseBytes;
        this.thinkTimePs = thinkTimePs;
        this.work = work;
        this.buf = AppCpu.buffer(sockets.memory(), name, responseBytes);
        this.latencyPs = new Tally(name + ".latencyPs");
        this.thinkDone = sockets.stack().simulator().newEvent("app.think", name, this::request);
    }

    /** Connects and starts the request loop. */
    public RequestResponseClient start(int remoteIp, int port) {
        sockets.connect(remoteIp, port, core, new ConnectCallback() {
            @Override
            public void connected(Socket s) {
                socket = s;
                request();
            }
        });
        return this;
    }

    private long now() {
        return sockets.stack().simulator().now();
    }

    private void request() {
        sentAtPs = now();
        AppCpu.work(sockets.stack().cpu(), core, work, requestBytes, () -> {
            sockets.io().send(socket, requestBytes, (s, n) -> { });
            sockets.io().receive(socket, buf, true, (s, b, n, eof) -> responded(n));
        });
    }

    private void responded(long n) {
        if (n < responseBytes) {
            sockets.io().close(socket, null);
            return;
        }
        latencyPs.add(now() - sentAtPs);
        completed++;
        AppCpu.work(sockets.stack().cpu(), core, work, n, () -> {
            if (completed == count) {
                finishedPs = now();
                sockets.io().close(socket, null);
            } else if (thinkTimePs == 0) {
                request();
            } else {
                sockets.stack().simulator().scheduleIn(thinkDone, thinkTimePs);
            }
        });
    }

    public RequestResponseResult result() {
        return new RequestResponseResult(completed, latencyPs.report(), finishedPs);
    }

    public Socket socket() {
        return socket;
    }
}
