package org.toesim.host.socket;

import java.util.Objects;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.stack.HostStack;

/**
 * The socket API of one host: listen/accept and connect, each a system call charged on the
 * calling application's core; the connected {@link Socket}s do the rest.
 *
 * <pre>
 *   connect(ip, port, core, cb): SYSCALL --done--&gt; stack.connect (SYN) ... ESTABLISHED --&gt; cb.connected
 *   listen(port, core, cb):      handshake done --&gt; SYSCALL (accept) --done--&gt; cb.accepted(socket)
 * </pre>
 */
public final class SocketLayer {
    private final HostStack stack;
    private final HostMemory memory;

    public SocketLayer(HostStack stack, HostMemory memory) {
        this.stack = Objects.requireNonNull(stack, "stack");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    /** Listens on {@code port}; accepted sockets run on {@code core}. */
    public void listen(int port, int core, AcceptCallback cb) {
        Objects.requireNonNull(cb, "cb");
        stack.listen(port, c -> {
            Socket s = new Socket(this, core);
            s.attach(c);
            stack.cpu().submit(core, WorkClass.KERNEL, CostCategory.SYSCALL, stack.costs().syscallCycles(),
                    (k, a) -> cb.accepted(s), 0);
        });
    }

    /** Opens a connection from {@code core} to {@code remoteIp:remotePort}. */
    public Socket connect(int remoteIp, int remotePort, int core, ConnectCallback cb) {
        Objects.requireNonNull(cb, "cb");
        Socket s = new Socket(this, core);
        s.expectConnect(cb);
        stack.cpu().submit(core, WorkClass.KERNEL, CostCategory.SYSCALL, stack.costs().syscallCycles(),
                (k, a) -> s.attach(stack.connect(remoteIp, remotePort, core, s)), 0);
        return s;
    }

    public HostStack stack() {
        return stack;
    }

    public HostMemory memory() {
        return memory;
    }
}
