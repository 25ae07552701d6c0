package org.toesim.host.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketLayer;
import org.toesim.host.stack.HostConnection;

/**
 * The sockets the connection invariants follow: every socket of the layers it
 * {@link #follow}s, in creation order, until its connection has closed (then it is dropped, so
 * the cost per event is the number of open connections).
 */
public final class SocketTracker implements Consumer<Socket> {
    private final List<Socket> sockets = new ArrayList<>();

    /** Follows every socket {@code layer} creates from now on. */
    public SocketTracker follow(SocketLayer layer) {
        layer.setSocketObserver(this);
        return this;
    }

    @Override
    public void accept(Socket s) {
        sockets.add(s);
    }

    /** The followed sockets whose connection has not closed yet (closed ones are dropped now). */
    public List<Socket> open() {
        sockets.removeIf(SocketTracker::closed);
        return sockets;
    }

    /** Sockets followed now. */
    public int size() {
        return sockets.size();
    }

    private static boolean closed(Socket s) {
        HostConnection c = s.connection();
        return c != null && c.isClosed();
    }
}
