package org.toesim.host.app;

import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketLayer;

/**
 * Accepts one connection on {@code port} and reads until end of stream with
 * {@code bufferBytes} MSG_WAITALL receive calls into one application buffer, consuming each
 * with {@link ApplicationWork}; closes at end of stream.
 *
 * <pre>
 *   accept --&gt; [receive(buf, all) --placed n--&gt; app work(n) --&gt;]* --eof--&gt; close, result
 * </pre>
 */
public final class BulkReceiver {
    private final SocketLayer sockets;
    private final ApplicationWork work;
    private final int core;
    private final AppBuffer buf;
    private long bytes;
    private long startPs = -1;
    private long firstBytePs = -1;
    private long lastBytePs = -1;
    private boolean eof;
    private Socket socket;

    public BulkReceiver(SocketLayer sockets, int core, int port, int bufferBytes, ApplicationWork work) {
        this.sockets = sockets;
        this.core = core;
        this.work = work;
        this.buf = AppCpu.buffer(sockets.memory(), sockets.stack().config().name() + ".bulkrx." + port, bufferBytes);
        sockets.listen(port, core, s -> {
            socket = s;
            startPs = now();
            post();
        });
    }

    private long now() {
        return sockets.stack().simulator().now();
    }

    private void post() {
        socket.receive(buf, true, (s, b, n, end) -> {
            if (n > 0) {
                bytes += n;
                lastBytePs = now();
                if (firstBytePs < 0) {
                    firstBytePs = lastBytePs;
                }
            }
            AppCpu.work(sockets.stack().cpu(), core, work, n, () -> {
                if (end) {
                    eof = true;
                    s.close(null);
                } else {
                    post();
                }
            });
        });
    }

    /** The transfer so far (complete once {@link BulkResult#eof()}). */
    public BulkResult result() {
        return new BulkResult(bytes, startPs, firstBytePs, lastBytePs, eof);
    }

    public Socket socket() {
        return socket;
    }
}
