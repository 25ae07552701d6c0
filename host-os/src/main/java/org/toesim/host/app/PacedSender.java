package org.toesim.host.app;

import org.toesim.core.event.Event;
import org.toesim.core.units.Rates;
import org.toesim.host.cpu.ApplicationWork;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.ConnectCallback;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketLayer;

/**
 * A stream paced at {@code rateBitsPerSec}: one {@code chunkBytes} send every
 * {@code chunkBytes * 8 / rate}, {@code chunks} in all, then close. A chunk whose instant comes
 * while the previous send has not returned goes out as soon as it returns (counted late).
 *
 * <pre>
 *   tick (every chunk time) --&gt; app work(chunk) --&gt; send(chunk) --&gt; ... --&gt; close after the last
 * </pre>
 */
public final class PacedSender {
    private final SocketLayer sockets;
    private final ApplicationWork work;
    private final int core;
    private final int chunkBytes;
    private final long chunks;
    private final long periodPs;
    private final Event tick;
    private final PayloadPattern pattern;
    private final AppBuffer realBuf;
    private final byte[] chunk;
    private Socket socket;
    private long due;
    private long issued;
    private long sent;
    private long late;
    private boolean busy;

    public PacedSender(String name, SocketLayer sockets, int core, long rateBitsPerSec, int chunkBytes, long chunks,
                       ApplicationWork work) {
        this(name, sockets, core, rateBitsPerSec, chunkBytes, chunks, work, null);
    }

    /**
     * A sender of real bytes when {@code pattern} is not null: each chunk is the next range of
     * the pattern's stream, written into a byte-holding buffer before its send call.
     */
    public PacedSender(String name, SocketLayer sockets, int core, long rateBitsPerSec, int chunkBytes, long chunks,
                       ApplicationWork work, PayloadPattern pattern) {
        this.pattern = pattern;
        this.realBuf = pattern == null ? null
                : AppCpu.realBuffer(sockets.memory(), sockets.stack().config().name() + ".pacedtx", chunkBytes);
        this.chunk = pattern == null ? null : new byte[chunkBytes];
        this.sockets = sockets;
        this.core = core;
        this.chunkBytes = chunkBytes;
        this.chunks = chunks;
        this.work = work;
        this.periodPs = Rates.bytesTimePs(chunkBytes, rateBitsPerSec);
        this.tick = sockets.stack().simulator().newEvent("app.pace", name, this::onTick);
    }

    public PacedSender start(int remoteIp, int port) {
        sockets.connect(remoteIp, port, core, new ConnectCallback() {
            @Override
            public void connected(Socket s) {
                socket = s;
                onTick();
            }
        });
        return this;
    }

    private void onTick() {
        due++;
        if (due < chunks) {
            sockets.stack().simulator().scheduleIn(tick, periodPs);
        }
        if (busy) {
            late++;
        } else {
            issue();
        }
    }

    private void issue() {
        busy = true;
        issued++;
        if (pattern != null) {
            pattern.fill(chunk, 0, chunkBytes, (issued - 1) * chunkBytes);
            sockets.memory().write(realBuf.address(), chunk, 0, chunkBytes);
        }
        AppCpu.work(sockets.stack().cpu(), core, work, chunkBytes, () -> send((s, n) -> {
            sent++;
            busy = false;
            if (issued < due) {
                issue();
            } else if (sent == chunks) {
                sockets.io().close(socket, null);
            }
        }));
    }

    private void send(org.toesim.host.socket.SendCallback cb) {
        if (pattern == null) {
            sockets.io().send(socket, chunkBytes, cb);
        } else {
            sockets.io().send(socket, realBuf, cb);
        }
    }

    /** Period between chunks. */
    public long periodPs() {
        return periodPs;
    }

    public PacedResult result() {
        return new PacedResult(sent, sent * chunkBytes, late);
    }

    public Socket socket() {
        return socket;
    }
}
