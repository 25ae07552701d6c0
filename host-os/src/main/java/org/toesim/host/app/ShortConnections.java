package org.toesim.host.app;

import org.apache.commons.math3.random.RandomGenerator;
import org.toesim.core.event.Event;
import org.toesim.core.random.Draws;
import org.toesim.core.random.RandomStreams;
import org.toesim.core.stats.Tally;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketLayer;

/**
 * Many short connections: {@code count} of them, started at a fixed interval or as a Poisson
 * process (exponential gaps from the random stream {@code "<name>.arrivals"}); each connects,
 * sends {@code requestBytes}, reads {@code responseBytes}, closes. Pair it with a
 * {@link ResponderServer}.
 *
 * <pre>
 *   arrival --&gt; connect --&gt; send(req) --&gt; receive(resp, all) --&gt; completion time --&gt; close
 *      \--&gt; next arrival after interval | Exp(mean interval)
 * </pre>
 */
public final class ShortConnections {
    private final SocketLayer sockets;
    private final ApplicationWork work;
    private final int core;
    private final int count;
    private final long requestBytes;
    private final int responseBytes;
    private final long intervalPs;
    private final RandomGenerator arrivals;
    private final AppBuffer buf;
    private final Tally completionPs;
    private final Event arrival;
    private int remoteIp;
    private int port;
    private long started;
    private long completed;
    private long failed;
    private long firstStartPs = -1;
    private long lastCompletePs = -1;

    /**
     * @param poisson false: one connection every {@code intervalPs}; true: exponential gaps of
     *                mean {@code intervalPs} drawn from {@code streams.get(name + ".arrivals")}
     */
    public ShortConnections(String name, SocketLayer sockets, RandomStreams streams, int core, int count,
                            long requestBytes, int responseBytes, long intervalPs, boolean poisson,
                            ApplicationWork work) {
        this.sockets = sockets;
        this.core = core;
        this.count = count;
        this.requestBytes = requestBytes;
        this.responseBytes = responseBytes;
        this.intervalPs = intervalPs;
        this.work = work;
        this.arrivals = poisson ? streams.get(name + ".arrivals") : null;
        this.buf = AppCpu.buffer(sockets.memory(), name + ".buf", responseBytes);
        this.completionPs = new Tally(name + ".completionPs");
        this.arrival = sockets.stack().simulator().newEvent("app.arrival", name, this::startOne);
    }

    public ShortConnections start(int remoteIp, int port) {
        this.remoteIp = remoteIp;
        this.port = port;
        sockets.stack().simulator().scheduleIn(arrival, 0);
        return this;
    }

    private long now() {
        return sockets.stack().simulator().now();
    }

    private void startOne() {
        long t0 = now();
        if (firstStartPs < 0) {
            firstStartPs = t0;
        }
        started++;
        sockets.connect(remoteIp, port, core, new ConnectCallback() {
            @Override
            public void connected(Socket s) {
                AppCpu.work(sockets.stack().cpu(), core, work, requestBytes, () -> {
                    sockets.io().send(s, requestBytes, (x, n) -> { });
                    sockets.io().receive(s, buf, true, (x, b, n, eof) -> finished(x, t0, n));
                });
            }

            @Override
            public void failed(Socket s, String reason) {
                failed++;
            }
        });
        if (started < count) {
            long gap = arrivals == null ? intervalPs : Draws.exponentialPs(arrivals, intervalPs);
            sockets.stack().simulator().scheduleIn(arrival, gap);
        }
    }

    private void finished(Socket s, long t0, long n) {
        if (n == responseBytes) {
            completed++;
            lastCompletePs = now();
            completionPs.add(lastCompletePs - t0);
        } else {
            failed++;
        }
        sockets.io().close(s, null);
    }

    /** Connections whose response fully arrived so far (O(1); {@link #result()} builds percentiles). */
    public long completed() {
        return completed;
    }

    /** Connections reset or refused so far. */
    public long failed() {
        return failed;
    }

    /** First connect call, or -1. */
    public long firstStartPs() {
        return firstStartPs;
    }

    /** Last completion, or -1. */
    public long lastCompletePs() {
        return lastCompletePs;
    }

    /** Every completed connection's completion time (connect call to last byte), in completion order. */
    public double[] completionSamplesPs() {
        return completionPs.samples();
    }

    public ShortConnectionsResult result() {
        return new ShortConnectionsResult(started, completed, failed, completionPs.report(), firstStartPs,
                lastCompletePs);
    }
}
