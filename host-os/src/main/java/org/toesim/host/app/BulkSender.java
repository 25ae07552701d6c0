package org.toesim.host.app;

import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketLayer;

/**
 * Sends {@code totalBytes} in {@code chunkBytes} send calls, producing each chunk with
 * {@link ApplicationWork} first, then closes. With {@code callsInFlight} &gt; 1 the application
 * keeps that many send calls outstanding, each from its own buffer (overlapped I/O, as TCP Chimney
 * applications did, or Linux MSG_ZEROCOPY): a zero-copy send returns only when the peer
 * acknowledged it, so one call at a time would leave the path idle for an RTT per chunk.
 *
 * <pre>
 *   connect --&gt; [app work(chunk) --&gt; send(chunk, buffer k) --sent--&gt; (buffer k free)]* --&gt; close
 *   (up to callsInFlight chunks between "send" and "sent"; the close after the last returned)
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
    private final int callsInFlight;
    /** Buffer slots (of {@code chunkBytes} each in {@code realBuf}) free for the next chunk. */
    private final java.util.ArrayDeque<Integer> freeSlots = new java.util.ArrayDeque<>();
    private int outstanding;
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
        this(sockets, core, totalBytes, chunkBytes, work, pattern, 1);
    }

    /** A sender that keeps up to {@code callsInFlight} send calls outstanding (class comment). */
    public BulkSender(SocketLayer sockets, int core, long totalBytes, int chunkBytes, ApplicationWork work,
                      PayloadPattern pattern, int callsInFlight) {
        if (totalBytes <= 0 || chunkBytes <= 0 || callsInFlight < 1) {
            throw new IllegalArgumentException("need totalBytes > 0, chunkBytes > 0 and callsInFlight >= 1");
        }
        this.callsInFlight = callsInFlight;
        for (int k = 0; k < callsInFlight; k++) {
            freeSlots.addLast(k);
        }
        this.sockets = sockets;
        this.core = core;
        this.totalBytes = totalBytes;
        this.chunkBytes = chunkBytes;
        this.work = work;
        this.pattern = pattern;
        if (pattern != null) {
            this.realBuf = AppCpu.realBuffer(sockets.memory(), sockets.stack().config().name() + ".bulktx",
                    Math.multiplyExact(chunkBytes, callsInFlight));
            this.chunk = new byte[chunkBytes];
        } else {
            this.realBuf = null;
            this.chunk = null;
        }
    }

    /** Connects to {@code remoteIp:port} and starts sending. */
    public BulkSender start(int remoteIp, int port) {
        return start(remoteIp, port, s -> { });
    }

    /**
     * Connects to {@code remoteIp:port} and starts sending; {@code attached} learns the socket
     * as soon as its local port is bound (before the peer can accept it).
     */
    public BulkSender start(int remoteIp, int port, java.util.function.Consumer<Socket> attached) {
        startPs = sockets.stack().simulator().now();
        sockets.connect(remoteIp, port, core, new ConnectCallback() {
            @Override
            public void attached(Socket s) {
                socket = s; // known from the SYN on, so a stalled handshake can be reported
                attached.accept(s);
            }

            @Override
            public void connected(Socket s) {
                socket = s;
                next();
            }
        });
        return this;
    }

    private void next() {
        while (outstanding < callsInFlight && queuedBytes < totalBytes) {
            long n = Math.min(chunkBytes, totalBytes - queuedBytes);
            long offset = queuedBytes;
            queuedBytes += n;
            outstanding++;
            if (pattern == null) {
                AppCpu.work(sockets.stack().cpu(), core, work, n, () -> sockets.io().send(socket, n, (s, len) -> sent(-1)));
                continue;
            }
            int slot = freeSlots.pollFirst();
            long addr = realBuf.address() + (long) slot * chunkBytes;
            pattern.fill(chunk, 0, (int) n, offset);
            sockets.memory().write(addr, chunk, 0, (int) n);
            AppBuffer b = new AppBuffer(addr, (int) n);
            AppCpu.work(sockets.stack().cpu(), core, work, n, () -> sockets.io().send(socket, b, (s, len) -> sent(slot)));
        }
        if (outstanding == 0 && queuedBytes == totalBytes && doneSendingPs < 0) {
            doneSendingPs = sockets.stack().simulator().now();
            sockets.io().close(socket, null);
        }
    }

    /** A send call returned: its buffer slot (or -1) is free again. */
    private void sent(int slot) {
        outstanding--;
        if (slot >= 0) {
            freeSlots.addLast(slot);
        }
        next();
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
