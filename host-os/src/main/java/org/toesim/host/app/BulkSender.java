package org.toesim.host.app;

import org.toesim.host.cpu.ApplicationWork;
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
    private long queuedBytes;
    private long startPs = -1;
    private long doneSendingPs = -1;
    private Socket socket;

    public BulkSender(SocketLayer sockets, int core, long totalBytes, int chunkBytes, ApplicationWork work) {
        if (totalBytes <= 0 || chunkBytes <= 0) {
            throw new IllegalArgumentException("need totalBytes > 0 and chunkBytes > 0");
        }
        this.sockets = sockets;
        this.core = core;
        this.totalBytes = totalBytes;
        this.chunkBytes = chunkBytes;
        this.work = work;
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
            socket.close(null);
            return;
        }
        long n = Math.min(chunkBytes, totalBytes - queuedBytes);
        queuedBytes += n;
        AppCpu.work(sockets.stack().cpu(), core, work, n, () -> socket.send(n, (s, len) -> next()));
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
