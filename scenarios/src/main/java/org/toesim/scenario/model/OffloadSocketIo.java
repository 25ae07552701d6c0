package org.toesim.scenario.model;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.mem.RegionKind;
import org.toesim.host.offload.ConnectionFacts;
import org.toesim.host.offload.FlushCause;
import org.toesim.host.offload.HandoffListener;
import org.toesim.host.offload.HandoffState;
import org.toesim.host.offload.OffloadManager;
import org.toesim.host.offload.OffloadPolicy;
import org.toesim.host.offload.PolicyDecision;
import org.toesim.host.offload.SocketOffloadBridge;
import org.toesim.host.offload.UnifiedStats;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.PostedReceive;
import org.toesim.host.socket.ReceiveCallback;
import org.toesim.host.socket.SendCallback;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketIo;
import org.toesim.nic.device.CommandStatus;
import org.toesim.tcp.engine.ConnectionStats;
import org.toesim.tcp.segment.FourTuple;

/**
 * The applications' socket calls on a TOE host: receives and closes go through the
 * {@link SocketOffloadBridge} (posted buffers to the adapter with the handle while offloaded,
 * upload-first close); sends go to the adapter as (handle, address, length) while the
 * connection is OFFLOADED and to the socket while the host runs it.
 *
 * <pre>
 *  send(s, n | buf):  ON_HOST*    --&gt; s.send (copy, host TCP)           ; in progress: the policy waits
 *                     OFFLOADED   --&gt; manager.send(t, addr, &lt;= maxSend)* --acked--&gt; cb   (claim 9)
 *                     in handoff  --&gt; queued until OFFLOADED or on host again
 *  FLUSHED send (acked &lt; len): the returned CCB holds the next bytes of the request as unacknowledged
 *     data (sent by the host stack from there); the bytes after them go through s.send once on host.
 * </pre>
 * Virtual sends on the adapter read from one virtual staging region (content is not kept).
 * Sends of one socket run one at a time, in order.
 */
final class OffloadSocketIo implements SocketIo, HandoffListener {
    private final OffloadManager manager;
    private final SocketOffloadBridge bridge;
    private final long virtualSendAddr;
    private final int maxSendBytes;
    private final Map<FourTuple, SendQueue> queues = new HashMap<>();
    /** Per connection (local view): {times installed on the card, times taken back}. */
    private final Map<FourTuple, long[]> handoffs = new HashMap<>();

    /** One pending send call: the bytes {@code [doneBytes, lenBytes)} still to go. */
    private static final class SendOp {
        final long lenBytes;
        final long addr;
        final boolean real;
        final SendCallback cb;
        long doneBytes;
        boolean syscallCharged;

        SendOp(long lenBytes, long addr, boolean real, SendCallback cb) {
            this.lenBytes = lenBytes;
            this.addr = addr;
            this.real = real;
            this.cb = cb;
        }
    }

    /** The send calls of one socket; {@code busy} while the head is with the socket or the adapter. */
    private static final class SendQueue {
        final Socket socket;
        final ArrayDeque<SendOp> ops = new ArrayDeque<>();
        boolean busy;
        /** The host engine's statistics when the handoff began (shown until the first adapter poll). */
        ConnectionStats atHandoff;

        SendQueue(Socket socket) {
            this.socket = socket;
        }
    }

    /** {@code maxSendBytes}: the adapter record's largest send request (claim 11). */
    OffloadSocketIo(OffloadManager manager, int maxSendBytes, HostMemory memory, String host) {
        this.manager = manager;
        this.maxSendBytes = Math.max(1, maxSendBytes);
        this.bridge = new SocketOffloadBridge(manager);
        manager.setHandoffListener(this);
        MemoryRegion staging = memory.allocate(host + ".offload.virtual-send", RegionKind.APPLICATION_BUFFER,
                this.maxSendBytes, false);
        this.virtualSendAddr = staging.baseAddress();
    }

    /**
     * {@code inner}, except that a connection whose application is inside a send call on the
     * host stack stays there until the call returns (the socket's copy loop runs on the host).
     */
    OffloadPolicy guard(OffloadPolicy inner) {
        return new OffloadPolicy() {
            @Override
            public PolicyDecision decide(ConnectionFacts facts) {
                SendQueue q = queues.get(facts.tuple());
                if (q != null && (q.busy || !q.ops.isEmpty())) {
                    return PolicyDecision.stay("application send call in progress on the host stack");
                }
                return inner.decide(facts);
            }

            @Override
            public String name() {
                return inner.name();
            }
        };
    }

    @Override
    public void opened(Socket s) {
        FourTuple t = s.tuple();
        queues.put(t, new SendQueue(s));
        SendQueue q = queues.get(t);
        s.setExternalStats(() -> {
            UnifiedStats u = manager.stats(t);
            ConnectionStats c = u == null ? null : u.tcp();
            return c != null ? c : q.atHandoff;
        });
        bridge.attach(s);
    }

    @Override
    public PostedReceive receive(Socket s, AppBuffer buf, boolean waitAll, ReceiveCallback cb) {
        return bridge.receive(s, buf, waitAll, cb);
    }

    @Override
    public void send(Socket s, long lenBytes, SendCallback cb) {
        enqueue(s, new SendOp(lenBytes, -1, false, cb));
    }

    @Override
    public void send(Socket s, AppBuffer buf, SendCallback cb) {
        enqueue(s, new SendOp(buf.lenBytes(), buf.address(), true, cb));
    }

    @Override
    public void close(Socket s, Runnable cb) {
        FourTuple t = s.tuple();
        bridge.close(s, () -> {
            SendQueue q = queues.get(t);
            if (q != null && q.socket == s && !q.busy && q.ops.isEmpty()) {
                queues.remove(t); // closed with nothing left to send: no state kept per closed connection
            }
            if (cb != null) {
                cb.run();
            }
        });
    }

    @Override
    public void stateChanged(FourTuple tuple, HandoffState from, HandoffState to) {
        bridge.stateChanged(tuple, from, to);
        if (to == HandoffState.OFFLOADED || to == HandoffState.ON_HOST_AGAIN) {
            handoffs.computeIfAbsent(tuple, k -> new long[2])[to == HandoffState.OFFLOADED ? 0 : 1]++;
        }
        SendQueue q = queues.get(tuple);
        if (q != null && to == HandoffState.QUIESCING) {
            q.atHandoff = q.socket.connection().stats();
        }
        if (q != null && (to == HandoffState.OFFLOADED || to.onHost())) {
            pump(q);
        }
    }

    /**
     * {times the card installed it, times it came back to the host} for the connection
     * {@code t} as seen from either end (a remote view is reversed), or null if never offloaded.
     */
    long[] handoffs(FourTuple t) {
        long[] h = handoffs.get(t);
        return h != null ? h : handoffs.get(t.reversed());
    }

    private void enqueue(Socket s, SendOp op) {
        SendQueue q = queues.computeIfAbsent(s.tuple(), k -> new SendQueue(s));
        q.ops.add(op);
        pump(q);
    }

    private void pump(SendQueue q) {
        SendOp op = q.ops.peek();
        if (op == null || q.busy) {
            return;
        }
        FourTuple t = q.socket.tuple();
        HandoffState state = manager.state(t);
        if (state.onHost()) {
            q.busy = true;
            long n = op.lenBytes - op.doneBytes;
            SendCallback done = (s, len) -> {
                q.busy = false;
                q.ops.poll();
                op.cb.sent(s, op.lenBytes);
                pump(q);
            };
            if (op.real) {
                q.socket.send(new AppBuffer(op.addr + op.doneBytes, (int) n), done);
            } else {
                q.socket.send(n, done);
            }
        } else if (state == HandoffState.OFFLOADED) {
            q.busy = true;
            if (!op.syscallCharged) {
                op.syscallCharged = true;
                q.socket.chargeSyscall();
            }
            int len = (int) Math.min(op.lenBytes - op.doneBytes, maxSendBytes);
            long addr = op.real ? op.addr + op.doneBytes : virtualSendAddr;
            manager.send(t, addr, len, (acked, status) -> adapterSent(q, op, len, acked, status));
        }
        // QUIESCING, OFFLOADING, FLUSHING: stateChanged pumps again
    }

    private void adapterSent(SendQueue q, SendOp op, int len, int acked, CommandStatus status) {
        op.doneBytes += acked;
        if (status != CommandStatus.SUCCESS && acked < len && manager.state(q.socket.tuple()).onHost()) {
            skipBytesInCcb(q, op, len - acked);
        } else if (status != CommandStatus.SUCCESS && acked < len) {
            // flushed: wait for the CCB to come back, then account for what it carries
            int rest = len - acked;
            manager.flush(q.socket.tuple(), FlushCause.POLICY, () -> {
                skipBytesInCcb(q, op, rest);
                q.busy = false;
                finishOrPump(q, op);
            });
            return;
        }
        q.busy = false;
        finishOrPump(q, op);
    }

    /**
     * The adapter returned the CCB with the next bytes of this request as unacknowledged send
     * data (the host stack sends them from there): skip them, so only bytes the card never read
     * go through the socket.
     */
    private static void skipBytesInCcb(SendQueue q, SendOp op, int unfinished) {
        long inCcb = Math.min(unfinished, q.socket.connection().unackedBytes());
        op.doneBytes += inCcb;
    }

    private void finishOrPump(SendQueue q, SendOp op) {
        if (op.doneBytes >= op.lenBytes && q.ops.peek() == op) {
            q.ops.poll();
            op.cb.sent(q.socket, op.lenBytes);
        }
        pump(q);
    }
}
