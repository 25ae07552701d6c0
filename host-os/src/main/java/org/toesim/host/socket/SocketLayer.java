package org.toesim.host.socket;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.toesim.core.trace.TraceCategory;
import org.toesim.core.units.Units;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.stack.HostStack;

/**
 * The socket API of one host: listen/accept and connect, each a system call charged on the
 * calling application's core; the connected {@link Socket}s do the rest.
 *
 * <pre>
 *   connect(ip, port, core, cb): SYSCALL --done--&gt; stack.connect (SYN), cb.attached ... ESTABLISHED --&gt; cb.connected
 *   listen(port, core, cb):      handshake done --&gt; SYSCALL (accept) --done--&gt; cb.accepted(socket)
 *   (before either callback: io().opened(socket), the offload seam, see {@link SocketIo})
 * </pre>
 * Logged at DEBUG, per connection, for every socket of the layer: established, reset (with the
 * reason), closed (with the bytes the application sent and accepted), as
 * {@code t=... <host>.socket: <local>><remote> established}.
 */
public final class SocketLayer {
    private static final Logger LOG = LoggerFactory.getLogger(SocketLayer.class);
    private final HostStack stack;
    private final HostMemory memory;
    private SocketIo io = SocketIo.DIRECT;
    private java.util.function.Consumer<Socket> observer = s -> { };

    public SocketLayer(HostStack stack, HostMemory memory) {
        this.stack = Objects.requireNonNull(stack, "stack");
        this.memory = Objects.requireNonNull(memory, "memory");
        this.traceOn = stack.trace().enabled(TraceCategory.SOCKET);
        this.socketLifeline = stack.hostName() + ".socket";
        this.appLifeline = stack.hostName() + ".app";
    }

    final boolean traceOn;
    final String socketLifeline;
    final String appLifeline;

    /** Writes {@code record} to the stack's trace (callers check {@link #traceOn} first). */
    void trace(SocketTrace record) {
        stack.trace().record(stack.simulator().now(), socketLifeline, record);
    }

    /** A socket's connection is established. */
    void logEstablished(FourTuple tuple) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} established", Units.logTime(stack.simulator().now()), socketLifeline,
                    tuple.traceText());
        }
    }

    /** A socket's connection was reset or gave up. */
    void logReset(FourTuple tuple, String reason) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} reset: {}", Units.logTime(stack.simulator().now()), socketLifeline, tuple.traceText(),
                    reason);
        }
    }

    /** A socket's connection reached CLOSED ({@code resetReason} null after a graceful close). */
    void logClosed(FourTuple tuple, String resetReason, long sentBytes, long acceptedBytes) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {}: {} closed{}: {} B sent, {} B accepted by the application",
                    Units.logTime(stack.simulator().now()), socketLifeline, tuple.traceText(),
                    resetReason == null ? "" : " (" + resetReason + ")", sentBytes, acceptedBytes);
        }
    }

    /** Listens on {@code port}; accepted sockets run on {@code core}. */
    public void listen(int port, int core, AcceptCallback cb) {
        Objects.requireNonNull(cb, "cb");
        AcceptRoute.Accept accept = new AcceptRoute.Accept(core, cb);
        listen(port, t -> accept);
    }

    /** Listens on {@code port}; {@code route} picks each accepted connection's core and callback. */
    public void listen(int port, AcceptRoute route) {
        Objects.requireNonNull(route, "route");
        stack.listen(port, c -> {
            AcceptRoute.Accept a = route.route(c.tuple());
            Socket s = new Socket(this, a.core());
            s.attach(c);
            observer.accept(s);
            stack.cpu().submit(a.core(), WorkClass.KERNEL, CostCategory.SYSCALL, stack.costs().syscallCycles(),
                    (k, x) -> {
                        io.opened(s);
                        a.callback().accepted(s);
                    }, 0);
        });
    }

    /** Opens a connection from {@code core} to {@code remoteIp:remotePort}. */
    public Socket connect(int remoteIp, int remotePort, int core, ConnectCallback cb) {
        Objects.requireNonNull(cb, "cb");
        Socket s = new Socket(this, core);
        observer.accept(s);
        s.expectConnect(new ConnectCallback() {
            @Override
            public void connected(Socket x) {
                io.opened(x);
                cb.connected(x);
            }

            @Override
            public void failed(Socket x, String reason) {
                cb.failed(x, reason);
            }
        });
        stack.cpu().submit(core, WorkClass.KERNEL, CostCategory.SYSCALL, stack.costs().syscallCycles(),
                (k, a) -> {
                    s.attach(stack.connect(remoteIp, remotePort, core, s));
                    cb.attached(s);
                }, 0);
        return s;
    }

    /** Told of every socket this layer creates (e.g. to follow them with invariant checks); never changes them. */
    public void setSocketObserver(java.util.function.Consumer<Socket> observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * Routes the applications' socket calls through {@code io} (default {@link SocketIo#DIRECT});
     * set before any connection opens.
     */
    public void setIo(SocketIo io) {
        this.io = Objects.requireNonNull(io, "io");
    }

    /** How applications on this host reach their sockets. */
    public SocketIo io() {
        return io;
    }

    public HostStack stack() {
        return stack;
    }

    public HostMemory memory() {
        return memory;
    }
}
