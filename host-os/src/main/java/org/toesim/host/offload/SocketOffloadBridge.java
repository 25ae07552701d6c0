package org.toesim.host.offload;

import java.util.HashMap;
import java.util.Iterator;
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
import org.toesim.tcp.segment.Payload;

/**
 * Connects sockets to the offload manager (claims 9, 15, 17): while a socket's connection is
 * OFFLOADED, its posted receive buffers go to the adapter with the handle (in order, split into
 * pieces, several in flight: {@link SocketOffloadConfig}), and the adapter's placements complete
 * them with no host copy; its send calls go to the
 * adapter as (handle, address, length) requests ({@link SocketSendPath}) and return when the peer
 * acknowledged them. When the connection comes back the socket copies from the host stack again.
 * An application close of an offloaded connection flushes it first ({@link CloseMode#UPLOAD_FIRST})
 * and closes once every send call is back from the adapter path, or, with
 * {@link CloseMode#CLOSE_ON_CARD}, sends a FIN request behind the sends and leaves the close to
 * the adapter, which hands the connection back when it is done.
 *
 * <pre>
 *  receive(s, buf) --&gt; s.receive(buf) (queued at the socket) --&gt; pump(s)
 *  pump(s), OFFLOADED: while pieces in flight &lt; limit: next unposted range of the queued buffers
 *     --&gt; manager.postReceive(t, addr, &lt;= piece, noPush = r.waitAll)   (a push-mode buffer: one piece)
 *     &lt;-- done(n, push, status), in posting order --&gt; head.completeAdapterPlacement(n, complete?) --&gt; pump(s)
 *  (a nonpush piece completes short only with push: the end of the stream, PeerClosed next)
 *  peerClosed(t) (close on the adapter): s.endOfStreamFromAdapter(), nothing posted any more
 *  indicated(t, data) with no piece in flight: s.takeIndicated (zero copy, up to the hold limit);
 *     nothing is posted while the socket holds indicated bytes; the receive copies them first
 *  flush: every piece comes back FLUSHED with what it holds (in order); the host copies the rest
 *     into the head's first unplaced byte, so every byte lands once, in order
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
    private final SocketOffloadConfig config;
    private final SocketSendPath sends;
    private final Map<FourTuple, Socket> sockets = new HashMap<>();
    private final Map<FourTuple, Receives> receives = new HashMap<>();
    /** Hooks every attached socket shares (one each, not one per socket). */
    private final java.util.function.Consumer<Socket> detachHook = this::detach;
    private final java.util.function.Consumer<Socket> pumpHook = this::pump;

    /** A bridge with {@link SocketOffloadConfig#defaults()}. */
    public SocketOffloadBridge(OffloadManager manager) {
        this(manager, SocketOffloadConfig.defaults());
    }

    public SocketOffloadBridge(OffloadManager manager, SocketOffloadConfig config) {
        this.manager = Objects.requireNonNull(manager, "manager");
        this.config = Objects.requireNonNull(config, "config");
        this.sends = new SocketSendPath(manager, config);
        manager.setHandoffListener(this);
    }

    /** Registers {@code s} and starts watching its connection for the policy. */
    public void attach(Socket s) {
        sockets.put(s.tuple(), s);
        receives.put(s.tuple(), new Receives());
        sends.attach(s);
        s.setClosedHook(detachHook);
        s.setIndicatedDrainedHook(pumpHook);
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

    /**
     * Closes {@code s}. With the close on the adapter ({@link CloseMode#CLOSE_ON_CARD}, OFFLOADED)
     * the FIN request follows the socket's sends to the adapter and the socket's close returns
     * once its send calls have; should the connection come back before the adapter queued the FIN,
     * the host stack closes it then. Otherwise the connection comes back from the adapter first
     * (and its unfinished sends) and closes on the host.
     */
    @Override
    public void close(Socket s, Runnable cb) {
        FourTuple t = s.tuple();
        if (manager.closesOnAdapter(t)) {
            manager.barReoffload(t);
            sends.closeOnAdapter(s);
            manager.whenOnHost(t, s::closeOnHostAgain);
            s.close(cb);
            return;
        }
        manager.applicationClose(t, () -> sends.whenSettled(s, () -> s.close(cb)));
    }

    /** The adapter placed every byte before the peer's FIN: the socket's reads see the end of the stream. */
    @Override
    public void peerClosed(FourTuple tuple) {
        Socket s = sockets.get(tuple);
        Receives st = receives.get(tuple);
        if (s == null || st == null) {
            return;
        }
        st.endOfStream = true; // no more pieces; those still posted come back (empty) with the flush
        st.tail = null;
        s.endOfStreamFromAdapter();
    }

    /**
     * The adapter indicated data of {@code tuple}: the socket takes it only while none of its
     * buffers is with the adapter (the adapter places nothing while the indication is
     * unanswered, and a piece posted before the answer would otherwise receive the same bytes);
     * nothing is posted again until the socket has read what it took.
     */
    @Override
    public int indicated(FourTuple tuple, Payload data, Runnable release) {
        Socket s = sockets.get(tuple);
        Receives st = receives.get(tuple);
        if (s == null || st == null || st.endOfStream || st.piecesInFlight > 0) {
            return 0;
        }
        return s.takeIndicated(data, release, config.indicationHoldBytes());
    }

    /**
     * {@code s}'s connection reached CLOSED and left the host stack: the bridge and the manager
     * drop what they kept for it (records live as long as the stack's own connection state).
     */
    private void detach(Socket s) {
        FourTuple t = s.tuple();
        if (sockets.get(t) == s) {
            sockets.remove(t);
            receives.remove(t);
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

    /** The receive pieces of one socket with the adapter. */
    private static final class Receives {
        int piecesInFlight;
        /** The last buffer with a piece posted (null: none in flight) and how far into it pieces go. */
        PostedReceive tail;
        long tailPostedBytes;
        /** The peer's FIN was delivered to the socket: nothing more is posted. */
        boolean endOfStream;
    }

    /**
     * Posts the socket's queued receive buffers to the adapter, in order, as pieces: MSG_WAITALL
     * buffers in nonpush pieces (each completes full, so the next piece continues the stream), a
     * buffer that completes on any data as one push-mode piece (nothing is posted behind it in
     * the same buffer).
     */
    private void pump(Socket s) {
        FourTuple t = s.tuple();
        Receives st = receives.get(t);
        if (st == null || st.endOfStream || manager.state(t) != HandoffState.OFFLOADED || s.indicatedBytes() > 0) {
            return; // indicated bytes are read first (the drained hook pumps again)
        }
        int maxPieces = Math.max(1, Math.min(config.receivePiecesInFlight(), manager.maxPostedBuffersPerConnection()));
        int maxPiece = Math.max(1, Math.min(config.receivePieceBytes(), manager.maxReceiveBufferBytes()));
        if (st.piecesInFlight >= maxPieces) {
            return;
        }
        Iterator<PostedReceive> it = s.postedReceiveQueue().iterator();
        PostedReceive r = null;
        long off = 0;
        if (st.tail != null) {
            while (it.hasNext()) {
                PostedReceive x = it.next();
                if (x == st.tail) {
                    r = x;
                    off = st.tailPostedBytes;
                    break;
                }
            }
            if (r == null) {
                if (st.piecesInFlight > 0) {
                    throw new IllegalStateException(s + ": a posted buffer left the socket with pieces on the adapter");
                }
                it = s.postedReceiveQueue().iterator(); // the last posted buffer completed: start at the head
            }
        }
        if (r == null) {
            if (!it.hasNext()) {
                st.tail = null;
                return;
            }
            r = it.next();
            off = r.placedBytes();
        }
        while (st.piecesInFlight < maxPieces) {
            long len = r.buffer().lenBytes();
            if (off >= len) {
                if (!it.hasNext()) {
                    break;
                }
                r = it.next();
                off = r.placedBytes();
                continue;
            }
            int n = (int) Math.min(len - off, maxPiece);
            PostedReceive piece = r;
            boolean noPush = r.waitAll();
            long addr = r.buffer().address() + off;
            off = noPush ? off + n : len; // a push-mode buffer completes with its one piece
            st.piecesInFlight++;
            st.tail = r;
            st.tailPostedBytes = off;
            manager.postReceive(t, addr, n, noPush, (placed, push, status) -> placed(s, st, piece, n, placed, push, status));
        }
    }

    private void placed(Socket s, Receives st, PostedReceive r, int lenBytes, int placed, boolean push,
                        CommandStatus status) {
        st.piecesInFlight--;
        if (s.connection().isClosed()) {
            return; // a late answer for a connection already lost (its flush failed) or closed
        }
        if (placed > 0 && s.headPostedReceive() != r) {
            throw new IllegalStateException(s + ": the adapter placed " + placed + " B into a buffer behind the head");
        }
        if (status == CommandStatus.SUCCESS && r.waitAll() && !push && placed < lenBytes && st.piecesInFlight > 0) {
            throw new IllegalStateException(s + ": a nonpush piece completed with " + placed + " of " + lenBytes
                    + " B while pieces behind it are posted (the stream would have a hole)");
        }
        if (st.piecesInFlight == 0) {
            st.tail = null; // nothing with the adapter: the next pump starts at the head's first unplaced byte
        }
        boolean complete = status == CommandStatus.SUCCESS && (push || !r.waitAll());
        if (placed > 0 || complete) {
            s.completeAdapterPlacement(placed, complete, false);
        }
        pump(s);
    }
}
