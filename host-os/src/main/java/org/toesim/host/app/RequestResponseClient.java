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
    private final PayloadPattern requests;
    private final PayloadPattern responses;
    private final AppBuffer reqBuf;
    private PayloadPattern.Mismatch mismatch;
    private Socket socket;
    private int completed;
    private long sentAtPs;
    private long finishedPs = -1;
    private long startPs = -1;

    public RequestResponseClient(String name, SocketLayer sockets, int core, int count, long requestBytes, int responseBytes,
                                 long thinkTimePs, ApplicationWork work) {
        this(name, sockets, core, count, requestBytes, responseBytes, thinkTimePs, work, null, null);
    }

    /**
     * A client of real bytes when the patterns are not null: request {@code i} is bytes
     * {@code [i * requestBytes, (i + 1) * requestBytes)} of {@code requests}; each response is
     * compared with the next range of {@code responses} ({@link #mismatch()} keeps the first
     * wrong byte).
     */
    public RequestResponseClient(String name, SocketLayer sockets, int core, int count, long requestBytes,
                                 int responseBytes, long thinkTimePs, ApplicationWork work, PayloadPattern requests,
                                 PayloadPattern responses) {
        if ((requests == null) != (responses == null) || (requests != null && requestBytes > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("give both patterns (or neither); real requests fit an int");
        }
        this.requests = requests;
        this.responses = responses;
        this.reqBuf = requests == null ? null : AppCpu.realBuffer(sockets.memory(), name + ".req", (int) requestBytes);
        this.sockets = sockets;
        this.core = core;
        this.count = count;
        this.requestBytes = requestBytes;
        this.responseBytes = responseBytes;
        this.thinkTimePs = thinkTimePs;
        this.work = work;
        this.buf = responses == null ? AppCpu.buffer(sockets.memory(), name, responseBytes)
                : AppCpu.realBuffer(sockets.memory(), name, responseBytes);
        this.latencyPs = new Tally(name + ".latencyPs");
        this.thinkDone = sockets.stack().simulator().newEvent("app.think", name, this::request);
    }

    /** Connects and starts the request loop. */
    public RequestResponseClient start(int remoteIp, int port) {
        startPs = now();
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
            if (requests == null) {
                sockets.io().send(socket, requestBytes, (s, n) -> { });
            } else {
                byte[] b = new byte[(int) requestBytes];
                requests.fill(b, 0, b.length, completed * requestBytes);
                sockets.memory().write(reqBuf.address(), b, 0, b.length);
                sockets.io().send(socket, reqBuf, (s, n) -> { });
            }
            sockets.io().receive(socket, buf, true, (s, b, n, eof) -> responded(n));
        });
    }

    private void responded(long n) {
        if (n < responseBytes) {
            sockets.io().close(socket, null);
            return;
        }
        latencyPs.add(now() - sentAtPs);
        if (responses != null && mismatch == null) {
            mismatch = responses.firstMismatch(sockets.memory().read(buf.address(), responseBytes), 0, responseBytes,
                    (long) completed * responseBytes);
        }
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

    /** The first response byte that differed from the server's stream, or null (always null without patterns). */
    public PayloadPattern.Mismatch mismatch() {
        return mismatch;
    }

    /** Requests answered so far (cheap: {@link #result()} computes the latency percentiles). */
    public long completed() {
        return completed;
    }

    /** When the last answer arrived, -1 before. */
    public long finishedPs() {
        return finishedPs;
    }

    /** Every completed request's latency (send call to last response byte), in completion order. */
    public double[] latencySamplesPs() {
        return latencyPs.samples();
    }

    public RequestResponseResult result() {
        return new RequestResponseResult(completed, latencyPs.report(), finishedPs);
    }

    /** When {@link #start} was called (the connect), -1 before. */
    public long startPs() {
        return startPs;
    }

    public Socket socket() {
        return socket;
    }
}
