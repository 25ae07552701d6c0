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
    private final PayloadPattern pattern;
    private PayloadPattern.Mismatch mismatch;
    private long bytes;
    private long startPs = -1;
    private long firstBytePs = -1;
    private long lastBytePs = -1;
    private boolean eof;
    private Socket socket;

    public BulkReceiver(SocketLayer sockets, int core, int port, int bufferBytes, ApplicationWork work) {
        this(sockets, core, port, bufferBytes, work, null);
    }

    /**
     * A receiver that checks real bytes when {@code pattern} is not null: it reads into a
     * byte-holding buffer and compares every placed range with the stream; {@link #mismatch()}
     * keeps the first wrong byte.
     */
    public BulkReceiver(SocketLayer sockets, int core, int port, int bufferBytes, ApplicationWork work,
                        PayloadPattern pattern) {
        this.sockets = sockets;
        this.core = core;
        this.work = work;
        this.pattern = pattern;
        String name = sockets.stack().config().name() + ".bulkrx." + port;
        this.buf = pattern == null ? AppCpu.buffer(sockets.memory(), name, bufferBytes)
                : AppCpu.realBuffer(sockets.memory(), name, bufferBytes);
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
        sockets.io().receive(socket, buf, true, (s, b, n, end) -> {
            if (n > 0) {
                check(n);
                bytes += n;
                lastBytePs = now();
                if (firstBytePs < 0) {
                    firstBytePs = lastBytePs;
                }
            }
            AppCpu.work(sockets.stack().cpu(), core, work, n, () -> {
                if (end) {
                    eof = true;
                    sockets.io().close(s, null);
                } else {
                    post();
                }
            });
        });
    }

    private void check(long n) {
        if (pattern == null || mismatch != null) {
            return;
        }
        byte[] got = sockets.memory().read(buf.address(), (int) n);
        mismatch = pattern.firstMismatch(got, 0, (int) n, bytes);
    }

    /** The first byte that differed from the sender's stream, or null (always null without a pattern). */
    public PayloadPattern.Mismatch mismatch() {
        return mismatch;
    }

    /** The transfer so far (complete once {@link BulkResult#eof()}). */
    public BulkResult result() {
        return new BulkResult(bytes, startPs, firstBytePs, lastBytePs, eof);
    }

    public Socket socket() {
        return socket;
    }
}
