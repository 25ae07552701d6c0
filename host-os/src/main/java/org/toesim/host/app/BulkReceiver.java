package org.toesim.host.app;

import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketLayer;

/**
 * Accepts one connection on {@code port} and reads until end of stream with
 * {@code bufferBytes} MSG_WAITALL receive calls into one application buffer, consuming each
 * with {@link ApplicationWork}; closes at end of stream. With {@code readsInFlight} &gt; 1 the
 * application keeps that many receive calls posted, each into its own part of the buffer
 * (overlapped reads, as TCP Chimney applications posted them): an offloading adapter then has
 * somewhere to place data while the application consumes the previous read, instead of holding
 * it on the card. Reads complete in the order posted, so the stream stays in order.
 *
 * <pre>
 *   accept --&gt; [receive(buf part k, all) --placed n--&gt; app work(n) --&gt; repost part k]* --eof--&gt; close, result
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
    private boolean closing;
    private final int bufferBytes;
    private final int readsInFlight;
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
        this(sockets, core, port, bufferBytes, work, pattern, 1);
    }

    /** A receiver that keeps {@code readsInFlight} reads of {@code bufferBytes} posted (class comment). */
    public BulkReceiver(SocketLayer sockets, int core, int port, int bufferBytes, ApplicationWork work,
                        PayloadPattern pattern, int readsInFlight) {
        this(sockets, core, sockets.stack().config().name() + ".bulkrx." + port, bufferBytes, work, pattern,
                readsInFlight);
        sockets.listen(port, core, this::accepted);
    }

    private BulkReceiver(SocketLayer sockets, int core, String name, int bufferBytes, ApplicationWork work,
                         PayloadPattern pattern, int readsInFlight) {
        if (readsInFlight < 1) {
            throw new IllegalArgumentException("readsInFlight must be >= 1, got " + readsInFlight);
        }
        this.bufferBytes = bufferBytes;
        this.readsInFlight = readsInFlight;
        this.sockets = sockets;
        this.core = core;
        this.work = work;
        this.pattern = pattern;
        int total = Math.multiplyExact(bufferBytes, readsInFlight);
        this.buf = pattern == null ? AppCpu.buffer(sockets.memory(), name, total)
                : AppCpu.realBuffer(sockets.memory(), name, total);
    }

    /**
     * A receiver that does not listen: its connection comes from a listener shared with other
     * receivers ({@link SharedListener}), through {@link #accepted}; {@code name} names its buffer.
     */
    public static BulkReceiver forSharedListener(SocketLayer sockets, int core, String name, int bufferBytes,
                                                 ApplicationWork work, PayloadPattern pattern, int readsInFlight) {
        return new BulkReceiver(sockets, core, name, bufferBytes, work, pattern, readsInFlight);
    }

    /** The accept call returned {@code s}: start reading. */
    public void accepted(Socket s) {
        if (socket != null) {
            throw new IllegalStateException("bulk receiver " + buf + " accepted a second connection " + s);
        }
        socket = s;
        startPs = now();
        for (int k = 0; k < readsInFlight; k++) {
            post(k);
        }
    }

    /** The core this receiver's reads run on. */
    public int core() {
        return core;
    }

    private long now() {
        return sockets.stack().simulator().now();
    }

    private void post(int part) {
        AppBuffer b0 = readsInFlight == 1 ? buf : new AppBuffer(buf.address() + (long) part * bufferBytes, bufferBytes);
        sockets.io().receive(socket, b0, true, (s, b, n, end) -> {
            if (n > 0) {
                check(b.address(), n);
                bytes += n;
                lastBytePs = now();
                if (firstBytePs < 0) {
                    firstBytePs = lastBytePs;
                }
            }
            AppCpu.work(sockets.stack().cpu(), core, work, n, () -> {
                if (end) {
                    eof = true;
                    if (!closing) { // every read still posted completes at the end of stream
                        closing = true;
                        sockets.io().close(s, null);
                    }
                } else if (!eof) {
                    post(part);
                }
            });
        });
    }

    private void check(long address, long n) {
        if (pattern == null || mismatch != null) {
            return;
        }
        byte[] got = sockets.memory().read(address, (int) n);
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
