package org.toesim.host.offload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.socket.Socket;
import org.toesim.nic.device.CommandStatus;
import org.toesim.tcp.segment.FourTuple;

/**
 * Transmit offload for sockets (claim 9): while a connection is OFFLOADED, the socket's send
 * calls go to the adapter as send requests (handle, address, length); the adapter DMA-reads the
 * application's bytes from host memory, segments and sends them, and completes a request only
 * when the peer acknowledged it, so a send call returns only then. The host copies nothing.
 *
 * <pre>
 *  socket send call queued, not on host --hook--&gt; pump(s)        (also on state -&gt; OFFLOADED)
 *  pump(s), OFFLOADED: calls += s.takeAdapterSends()
 *     while request bytes in flight &lt; budget: manager.send(t, addr + posted, &lt;= request size)   (request stream)
 *  done(SUCCESS): call acked += len; head calls fully acked --&gt; s.completeAdapterSend (returns)
 *  close on the adapter: once no call waits to be posted --&gt; manager.disconnect(t) (FIN behind them)
 *  flush: every request comes back FLUSHED; once none is in flight and the host stack runs it again
 *  (a whenOnHost callback left with the manager at QUIESCING):
 *     covered = record.adapterSendBytes()  (request-stream bytes acked or in the returned CCB)
 *     per call, in order: covered part = its posted stream range clipped to [0, covered)
 *       all of it covered --&gt; the call returns (its last bytes are in the host send buffer)
 *       else --&gt; s.resumeSendsOnHost(call, from = first uncovered byte)  (host copy + host TCP)
 * </pre>
 * The peer therefore receives exactly the application's byte stream: each byte is sent either by
 * the adapter (read by DMA, or carried in the CCB) or by the host after the flush, never both.
 * Virtual sends (no buffer) are read from one staging region without content. Per connection,
 * requests of at most {@link SocketOffloadConfig#sendRequestBytes()} are posted while the bytes
 * outstanding stay below the budget ({@link SocketOffloadConfig#sendBytesInFlight()}, by default
 * the socket send buffer, as Linux bounds a connection's unacknowledged bytes): enough for the
 * card's engine to keep a window of that size in flight. Requests beyond the SEND ring's free
 * slots wait in the driver's backlog.
 */
final class SocketSendPath {
    private final OffloadManager manager;
    private final SocketOffloadConfig config;
    private final Map<FourTuple, Sends> byTuple = new HashMap<>();
    /** The adapter-send hook every attached socket shares. */
    private final java.util.function.Consumer<Socket> pumpHook = this::pump;
    private MemoryRegion virtualStaging;

    /** One send call taken from the socket. */
    private static final class Call {
        final Socket.AdapterSend send;
        long postedBytes;
        long ackedBytes;
        /** Request-stream offset of the call's first posted byte. */
        long streamStartBytes;

        Call(Socket.AdapterSend send) {
            this.send = send;
        }

        long remainingBytes() {
            return send.remainingBytes();
        }
    }

    /** The adapter-path send state of one socket. */
    private static final class Sends {
        final Socket socket;
        final ArrayDeque<Call> calls = new ArrayDeque<>(1);
        final ArrayDeque<Call> toPost = new ArrayDeque<>(1);
        final List<Runnable> whenSettled = new ArrayList<>(1);
        final long budgetBytes;
        int requestsInFlight;
        long bytesInFlight;
        long streamBytes;
        /** The application closed: the FIN request follows the last send request (close on the adapter). */
        boolean finWanted;
        boolean finPosted;

        Sends(Socket socket, long budgetBytes) {
            this.socket = socket;
            this.budgetBytes = budgetBytes;
        }
    }

    SocketSendPath(OffloadManager manager, SocketOffloadConfig config) {
        this.manager = manager;
        this.config = config;
    }

    /** Starts routing {@code s}'s send calls to the adapter while its connection is offloaded. */
    void attach(Socket s) {
        long budget = config.sendBytesInFlight();
        if (budget == 0) {
            // the socket send buffer: free space + queued/unacknowledged bytes of the host engine
            budget = s.connection().sendSpaceBytes() + s.connection().unackedBytes();
        }
        byTuple.put(s.tuple(), new Sends(s, Math.max(1, budget)));
        s.setAdapterSendHook(pumpHook);
    }

    /** Stops routing {@code s}'s send calls (the application closed it on the host). */
    void detach(Socket s) {
        Sends ss = byTuple.get(s.tuple());
        if (ss != null && ss.socket == s) {
            byTuple.remove(s.tuple());
        }
    }

    /** Send calls of {@code s} the adapter path holds now. */
    int callsOnAdapter(Socket s) {
        Sends ss = byTuple.get(s.tuple());
        return ss == null ? 0 : ss.calls.size();
    }

    /** Runs {@code r} once no send call of {@code s} is with the adapter path (at once if none is). */
    void whenSettled(Socket s, Runnable r) {
        Sends ss = byTuple.get(s.tuple());
        if (ss == null || ss.calls.isEmpty()) {
            r.run();
        } else {
            ss.whenSettled.add(r);
        }
    }

    /**
     * The connection moved in the handoff state machine. Leaving the host, a callback is left with
     * the manager for when the host stack runs the connection again (after its resume): the send
     * calls come back to the socket then, and the socket sends again.
     */
    void stateChanged(FourTuple t, HandoffState to) {
        Sends ss = byTuple.get(t);
        if (ss == null) {
            return;
        }
        if (to == HandoffState.QUIESCING) {
            manager.whenOnHost(t, () -> {
                settle(ss);
                ss.socket.sendSpace(ss.socket.connection(), 0); // the socket copies again
            });
        } else if (to == HandoffState.OFFLOADED) {
            ss.streamBytes = 0;
            pump(ss.socket);
        }
    }

    /** Takes the socket's queued send calls and posts requests while the connection is offloaded. */
    void pump(Socket s) {
        Sends ss = byTuple.get(s.tuple());
        FourTuple t = s.tuple();
        if (ss == null || manager.state(t) != HandoffState.OFFLOADED) {
            return;
        }
        for (Socket.AdapterSend a : s.takeAdapterSends()) {
            Call c = new Call(a);
            ss.calls.addLast(c);
            ss.toPost.addLast(c);
        }
        int maxBytes = Math.max(1, Math.min(config.sendRequestBytes(), manager.maxSendBytes()));
        while (ss.bytesInFlight < ss.budgetBytes && !ss.toPost.isEmpty()) {
            Call c = ss.toPost.peekFirst();
            if (c.postedBytes == 0) {
                c.streamStartBytes = ss.streamBytes;
            }
            int len = (int) Math.min(c.remainingBytes() - c.postedBytes, maxBytes);
            long addr = c.send.buffer() != null
                    ? c.send.buffer().address() + c.send.doneBytes() + c.postedBytes
                    : virtualAddress(s);
            c.postedBytes += len;
            ss.streamBytes += len;
            if (c.postedBytes == c.remainingBytes()) {
                ss.toPost.pollFirst();
            }
            ss.requestsInFlight++;
            ss.bytesInFlight += len;
            manager.send(t, addr, len, (acked, status) -> done(ss, c, len, acked, status));
        }
        if (ss.finWanted && !ss.finPosted && ss.toPost.isEmpty()) {
            ss.finPosted = true; // every byte of the application's sends is with the adapter: the FIN goes behind them
            ss.requestsInFlight++;
            manager.disconnect(t, (acked, status) -> {
                ss.requestsInFlight--;
                settle(ss);
            });
        }
    }

    /**
     * The application closed {@code s} and the close runs on the adapter: once every send call is
     * posted, a send request with fin follows them (at once if none waits).
     */
    void closeOnAdapter(Socket s) {
        Sends ss = byTuple.get(s.tuple());
        if (ss == null) {
            throw new IllegalStateException(s + " is not attached");
        }
        ss.finWanted = true;
        pump(s);
    }

    private void done(Sends ss, Call c, int lenBytes, int ackedBytes, CommandStatus status) {
        ss.requestsInFlight--;
        ss.bytesInFlight -= lenBytes;
        if (status == CommandStatus.SUCCESS) {
            c.ackedBytes += lenBytes;
            while (!ss.calls.isEmpty() && ss.calls.peekFirst().ackedBytes == ss.calls.peekFirst().remainingBytes()) {
                ss.socket.completeAdapterSend(ss.calls.pollFirst().send);
            }
            pump(ss.socket);
        } else {
            c.ackedBytes += ackedBytes;
        }
        settle(ss);
    }

    /**
     * Back on the host with no request in flight: what the adapter took stays taken, the rest of
     * each call goes back to the socket (see the class comment).
     */
    private void settle(Sends ss) {
        FourTuple t = ss.socket.tuple();
        if (ss.requestsInFlight > 0 || !manager.state(t).onHost()) {
            return;
        }
        if (!ss.calls.isEmpty()) {
            OffloadRecord r = manager.record(t);
            long covered = r == null ? 0 : r.adapterSendBytes();
            List<Socket.AdapterSend> back = new ArrayList<>();
            long[] from = new long[ss.calls.size()];
            for (Call c : ss.calls) {
                long taken = c.postedBytes == 0 ? 0
                        : Math.max(0, Math.min(c.postedBytes, covered - c.streamStartBytes));
                if (taken == c.remainingBytes()) {
                    ss.socket.completeAdapterSend(c.send);
                } else {
                    from[back.size()] = c.send.doneBytes() + taken;
                    back.add(c.send);
                }
            }
            ss.calls.clear();
            ss.toPost.clear();
            ss.streamBytes = 0;
            if (!back.isEmpty()) {
                ss.socket.resumeSendsOnHost(back, from);
            }
        }
        if (!ss.whenSettled.isEmpty()) {
            List<Runnable> todo = new ArrayList<>(ss.whenSettled);
            ss.whenSettled.clear();
            todo.forEach(Runnable::run);
        }
    }

    private long virtualAddress(Socket s) {
        if (virtualStaging == null) {
            var mem = s.memory();
            virtualStaging = mem.allocate("offload.virtual-send." + mem.regions().size(),
                    RegionKind.APPLICATION_BUFFER, Math.min(config.sendRequestBytes(), manager.maxSendBytes()), false);
        }
        return virtualStaging.baseAddress();
    }
}
