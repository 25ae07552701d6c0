package org.toesim.host.offload;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.PostedReceive;
import org.toesim.host.socket.ReceiveCallback;
import org.toesim.host.socket.SendCallback;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketIo;
import org.toesim.nic.device.CommandStatus;
import org.toesim.tcp.segment.FourTuple;

/**
 * Connects sockets to the offload manager (claims 9, 15, 17): while a socket's connection is
 * OFFLOADED, its posted receive buffers go to the adapter with the handle (one at a time, head
 * first), and the adapter's placements complete them with no host copy; its send calls go to the
 * adapter as (handle, address, length) requests ({@link SocketSendPath}) and return when the peer
 * acknowledged them. When the connection comes back the socket copies from the host stack again.
 * An application close of an offloaded connection flushes it first ({@link CloseMode#UPLOAD_FIRST})
 * and closes once every send call is back from the adapter path.
 *
 * <pre>
 *  receive(s, buf) --&gt; s.receive(buf) (queued at the socket) --&gt; pump(s)
 *  pump(s), OFFLOADED: r = s.headPostedReceive() --&gt; manager.postReceive(t, r.nextAddress(), len)
 *     &lt;-- done(n, push, status) --&gt; s.completeAdapterPlacement(n, complete?) --&gt; pump(s)
 *  send(s, n | buf) = s.send(..): queued at the socket; offloaded --hook--&gt; SocketSendPath.pump(s)
 *  state -&gt; OFFLOADED: pump(s), sends.pump(s)
 *  state -&gt; QUIESCING: once the stack runs it again (refusal or flush, after the resume):
 *     unfinished sends back to the socket, s.readable(conn, 0) (the socket copies again)
 * </pre>
 * It is also the host's {@link SocketIo}: {@code layer.setIo(bridge)} routes every application's
 * calls through it.
 */
public final class SocketOffloadBridge implements HandoffListener, SocketIo {
    private final OffloadManager manager;
    private final SocketSendPath sends;
    private final Map<FourTuple, Socket> sockets = new HashMap<>();
    private final Map<FourTuple, Boolean> inFlight = new HashMap<>();

    public SocketOffloadBridge(OffloadManager manager) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.sends = new SocketSendPath(manager);
        manager.setHandoffListener(this);
    }

    /** Registers {@code s} and starts watching its connection for the policy. */
    public void attach(Socket s) {
        sockets.put(s.tuple(), s);
        sends.attach(s);
        s.setClosedHook(this::detach);
        manager.watch(s.tuple());
    }

    /** {@link #attach}. */
    @Override
    public void opened(Socket s) {
        attach(s);
    }

    /** Posts {@code buf} on {@code s}: to the host stack or, offloaded, to the adapter. */
    @Override
    public PostedReceive receive(Socket s, AppBuffer buf, boolean waitAll, ReceiveCallback cb) {
        PostedReceive r = s.receive(buf, waitAll, cb);
        pump(s);
        return r;
    }

    /** Sends {@code lenBytes} virtual bytes on {@code s}: by the host stack or, offloaded, by the adapter. */
    @Override
    public void send(Socket s, long lenBytes, SendCallback cb) {
        s.send(lenBytes, cb);
    }

    /** Sends the bytes of {@code buf} on {@code s}; offloaded, the adapter reads them from host memory by DMA. */
    @Override
    public void send(Socket s, AppBuffer buf, SendCallback cb) {
        s.send(buf, cb);
    }

    /** Closes {@code s}, taking its connection back from the adapter first (and its unfinished sends). */
    @Override
    public void close(Socket s, Runnable cb) {
        manager.applicationClose(s.tuple(), () -> sends.whenSettled(s, () -> s.close(cb)));
    }

    /**
     * {@code s}'s connection reached CLOSED and left the host stack: the bridge and the manager
     * drop what they kept for it (records live as long as the stack's own connection state).
     */
    private void detach(Socket s) {
        FourTuple t = s.tuple();
        if (sockets.get(t) == s) {
            sockets.remove(t);
            inFlight.remove(t);
            sends.detach(s);
            manager.forget(t);
        }
    }

    /** Send calls of {@code s} with the adapter path now (taken from the socket, not yet returned). */
    public int sendCallsOnAdapter(Socket s) {
        return sends.callsOnAdapter(s);
    }

    @Override
    public void stateChanged(FourTuple tuple, HandoffState from, HandoffState to) {
        Socket s = sockets.get(tuple);
        if (s == null) {
            return;
        }
        sends.stateChanged(tuple, to);
        if (to == HandoffState.QUIESCING) {
            // after the stack resumes it (refusal or flush): data or an end of stream it already holds
            manager.whenOnHost(tuple, () -> s.readable(s.connection(), 0));
        } else if (to == HandoffState.OFFLOADED) {
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
