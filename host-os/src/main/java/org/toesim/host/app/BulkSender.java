package org.toesim.host.app;

import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketLayer;

/**
 * Sends {@code totalBytes} in {@code chunkBytes} send calls, producing each chunk with
 * {@link ApplicationWork} first, then closes.
 *
 * <pre>
 *   connect --&gt; [app work(chunk) --&gt; send(chunk) --sent--&gt;]* --&gt; close
 * </pre>
 */
public final class BulkSender {
    private final SocketLayer sockets;
    private final ApplicationWork work;
    private final long totalBytes;
    private final int chunkBytes;
    private final int core;
    private final PayloadPattern pattern;
    private final AppBuffer realBuf;
    private final byte[] chunk;
    private long queuedBytes;
    private long startPs = -1;
    private long doneSendingPs = -1;
    private Socket socket;

    public BulkSender(SocketLayer sockets, int core, long totalBytes, int chunkBytes, ApplicationWork work) {
        this(sockets, core, totalBytes, chunkBytes, work, null);
    }

    /**
     * A sender of real bytes when {@code pattern} is not null: each chunk is written into a
     * byte-holding application buffer (stream bytes from {@code pattern}) before its send call;
     * the buffer is rewritten only after the call returned (an adapter's send returns when the
     * peer acknowledged, so a retransmission re-reads the same bytes).
     */
    public BulkSender(SocketLayer sockets, int core, long totalBytes, int chunkBytes, ApplicationWork work,
                      PayloadPattern pattern) {
        if (totalBytes <= 0 || chunkBytes <= 0) {
            throw new IllegalArgumentException("need totalBytes > 0 and chunkBytes > 0");
        }
        this.sockets = sockets;
        this.core = core;
        this.totalBytes = totalBytes;
        this.chunkBytes = chunkBytes;
        this.work = work;
        this.pattern = pattern;
        if (pattern != null) {
            this.realBuf = AppCpu.realBuffer(sockets.memory(), sockets.stack().config().name() + ".bulktx",
                    chunkBytes);
            this.chunk = new byte[chunkBytes];
        } else {
            this.realBuf = null;
            this.chunk = null;
        }
    }

    /** Connects to {@code remoteIp:port} and starts sending. */
    public BulkSender start(int remoteIp, int port) {
        startPs = sockets.stack().simulator().now();
        sockets.connect(remoteIp, port, core, new ConnectCallback() {
            @Override
            public void connected(Socket s) {
                socket = s;
                next();
            }
        });
        return this;
    }

    private void next() {
        if (queuedBytes == totalBytes) {
            doneSendingPs = sockets.stack().simulator().now();
            sockets.io().close(socket, null);
            return;
        }
        long n = Math.min(chunkBytes, totalBytes - queuedBytes);
        long offset = queuedBytes;
        queuedBytes += n;
        if (pattern == null) {
            AppCpu.work(sockets.stack().cpu(), core, work, n, () -> sockets.io().send(socket, n, (s, len) -> next()));
            return;
        }
        pattern.fill(chunk, 0, (int) n, offset);
        sockets.memory().write(realBuf.address(), chunk, 0, (int) n);
        AppBuffer b = n == chunkBytes ? realBuf : new AppBuffer(realBuf.address(), (int) n);
        AppCpu.work(sockets.stack().cpu(), core, work, n, () -> sockets.io().send(socket, b, (s, len) -> next()));
    }

    public long startPs() {
        return startPs;
    }

    /** When the last send call returned, -1 before. */
    public long doneSendingPs() {
        return doneSendingPs;
    }

    public Socket socket() {
        return socket;
    }
}
