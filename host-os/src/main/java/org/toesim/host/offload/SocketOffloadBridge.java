package org.toesim.host.offload;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.PostedReceive;
import org.toesim.host.socket.ReceiveCallback;
import org.toesim.host.socket.Socket;
import org.toesim.nic.device.CommandStatus;
import org.toesim.tcp.segment.FourTuple;

/**
 * Connects sockets to the offload manager (claims 15, 17): while a socket's connection is
 * OFFLOADED, its posted receive buffers go to the adapter with the handle (one at a time, head
 * first), and the adapter's placements complete them with no host copy; when the connection
 * comes back the socket copies from the host stack again. An application close of an
 * offloaded connection flushes it first ({@link CloseMode#UPLOAD_FIRST}).
 *
 * <pre>
 *  receive(s, buf) --&gt; s.receive(buf) (queued at the socket) --&gt; pump(s)
 *  pump(s), OFFLOADED: r = s.headPostedReceive() --&gt; manager.postReceive(t, r.nextAddress(), len)
 *     &lt;-- done(n, push, status) --&gt; s.completeAdapterPlacement(n, complete?) --&gt; pump(s)
 *  state -&gt; OFFLOADED: pump(s);   state -&gt; ON_HOST*: s.readable(conn, 0) (the socket copies again)
 * </pre>
 */
public final class SocketOffloadBridge implements HandoffListener {
    private final OffloadManager manager;
    private final Map<FourTuple, Socket> sockets = new HashMap<>();
    private final Map<FourTuple, Boolean> inFlight = new HashMap<>();

    public SocketOffloadBridge(OffloadManager manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
        manager.setHandoffListener(this);
    }

    /** Registers {@code s} and starts watching its connection for the policy. */
    public void attach(Socket s) {
        sockets.put(s.tuple(), s);
        manager.watch(s.tuple());
    }

    /** Posts {@code buf} on {@code s}: to the host stack or, offloaded, to the adapter. */
    public PostedReceive receive(Socket s, AppBuffer buf, boolean waitAll, ReceiveCallback cb) {
        PostedReceive r = s.receive(buf, waitAll, cb);
        pump(s);
        return r;
    }

    /** Closes {@code s}, taking its connection back from the adapter first. */
    public void close(Socket s, Runnable cb) {
        manager.applicationClose(s.tuple(), () -> s.close(cb));
    }

    @Override
    public void stateChanged(FourTuple tuple, HandoffState from, HandoffState to) {
        Socket s = sockets.get(tuple);
        if (s == null) {
            return;
        }
        if (to == HandoffState.OFFLOADED) {
            pump(s);
        } else if (to.onHost()) {
            s.readable(s.connection(), 0);
        }
    }

    private void pump(Socket s) {
        FourTuple t = s.tuple();
        if (manager.state(t) != HandoffState.OFFLOADED || Boolean.TRUE.equals(inFlight.get(t))) {
            return;
        }
        PostedReceive r = s.headPostedReceive();
        if (r == null) {
            return;
        }
        int max = Math.max(1, manager.maxReceiveBufferBytes());
        int len = (int) Math.min(r.remainingBytes(), max);
        inFlight.put(t, Boolean.TRUE);
        manager.postReceive(t, r.nextAddress(), len, (placed, push, status) -> {
            inFlight.remove(t);
            boolean complete = status == CommandStatus.SUCCESS && (push || !r.waitAll());
            if (placed > 0 || complete) {
                s.completeAdapterPlacement(placed, complete, false);
            }
            pump(s);
        });
    }
}
