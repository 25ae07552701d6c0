package org.toesim.host.app;

import java.util.HashMap;
import java.util.Map;
import org.toesim.host.socket.AcceptCallback;
import org.toesim.host.socket.AcceptRoute;
import org.toesim.host.socket.SocketLayer;
import org.toesim.tcp.segment.FourTuple;

/**
 * One listening port that accepts many connections, each handed to the receiver that expects
 * its client's address and port: how a server takes 100,000 clients on a few ports.
 *
 * <pre>
 *   client connect --attached (local port bound, SYN out)--&gt; expect(clientIp, clientPort, core, cb)
 *   server handshake done --&gt; route(tuple): the expectation --&gt; accept call on its core --&gt; cb.accepted
 * </pre>
 * A connection nobody expects fails the run loudly. The map is only looked up, never iterated.
 */
public final class SharedListener {
    private final Map<Long, AcceptRoute.Accept> expected = new HashMap<>();
    private final String name;

    /** Listens on {@code port} of {@code sockets}. */
    public SharedListener(SocketLayer sockets, int port) {
        this.name = sockets.stack().config().name() + ":" + port;
        sockets.listen(port, this::route);
    }

    /** The connection from {@code clientIp:clientPort} is to be accepted on {@code core} by {@code callback}. */
    public void expect(int clientIp, int clientPort, int core, AcceptCallback callback) {
        if (expected.put(key(clientIp, clientPort), new AcceptRoute.Accept(core, callback)) != null) {
            throw new IllegalStateException(name + ": two connections expected from "
                    + FourTuple.ipToString(clientIp) + ":" + clientPort);
        }
    }

    private AcceptRoute.Accept route(FourTuple t) {
        AcceptRoute.Accept a = expected.remove(key(t.remoteIp(), t.remotePort()));
        if (a == null) {
            throw new IllegalStateException(name + ": accepted a connection no receiver expects: " + t);
        }
        return a;
    }

    private static long key(int ip, int port) {
        return (long) ip << 16 | (port & 0xFFFF);
    }
}
