package org.toesim.host.socket;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.toesim.host.cpu.CostCategory;
import org.toesim.host.cpu.CostTable;
import org.toesim.host.cpu.HostCpu;
import org.toesim.host.cpu.WorkClass;
import org.toesim.host.cpu.WorkHandler;
import org.toesim.host.mem.HostMemory;
import org.toesim.host.mem.MemoryRegion;
import org.toesim.host.stack.ConnectionListener;
import org.toesim.host.stack.HostConnection;
import org.toesim.host.stack.Placement;
import org.toesim.tcp.engine.ConnectionStats;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;

/**
 * A connected TCP socket of one application thread pinned to {@link #core()}. Calls return at
 * once and complete through callbacks (no threads); every piece of kernel work they cause is a
 * KERNEL-class item on the application's core, and the effect happens when it completes.
 *
 * <pre>
 *   send(n | buf, cb)        SYSCALL, then per chunk (&lt;= 16 KiB, as send space allows):
 *                            COPY chunk (app -&gt; socket buffer) --done--&gt; conn.send --&gt; segments
 *                            no space: block until ACKs free some (CONTEXT_SWITCH on wake-up)
 *   receive(buf, all?, cb)   posts buf; SYSCALL, then per chunk of readable data:
 *                            COPY chunk --done--&gt; conn.read --&gt; bytes written at buf --&gt; accepted += n
 *                            nothing readable: block (CONTEXT_SWITCH on wake-up)
 *                            complete when full, or (all? == false) when anything was placed, or at EOF
 *   close(cb)                after queued sends: SYSCALL --done--&gt; conn.close (FIN)
 * </pre>
 *
 * <p><b>Accepted bytes (claim 13).</b> {@link #acceptedBytes()} counts bytes placed into the
 * application's posted buffers, by the kernel copy here or (offloaded) by the adapter.
 *
 * <p><b>Offload seam.</b> When the connection runs on the adapter ({@link #placement()} is not
 * HOST) this class copies nothing the adapter placed: posted buffers stay queued
 * ({@link #headPostedReceive()}) for the offload manager, which reports placements with
 * {@link #completeAdapterPlacement}. Bytes the adapter indicated ({@link #takeIndicated}) are the
 * exception: the socket holds them and its receives copy them out first, in any placement.
 */
public final class Socket implements ConnectionListener {
    private static final int COPY_CHUNK_BYTES = 16 * 1024;

    private final SocketLayer layer;
    private final HostCpu cpu;
    private final CostTable costs;
    private final HostMemory memory;
    private final int core;
    private HostConnection conn;
    private final ArrayDeque<SendOp> sends = new ArrayDeque<>(1);
    private final ArrayDeque<PostedReceive> receives = new ArrayDeque<>(1);
    private final Collection<PostedReceive> receivesView = Collections.unmodifiableCollection(receives);
    /** One handler for both copies (arg SEND_COPY or RECV_COPY): one object per socket instead of two. */
    private final WorkHandler copyDone = (core, which) -> {
        if (which == SEND_COPY) {
            sendCopyDone(core, 0);
        } else {
            recvCopyDone(core, 0);
        }
    };
    private static final int SEND_COPY = 0;
    private static final int RECV_COPY = 1;
    private long sendCopyInFlight;
    private long recvCopyInFlight;
    private long acceptedBytes;
    private long appBytesSent;
    /** Send calls taken by the adapter path and not yet returned or given back (for invariant checks). */
    private int adapterSendsOutstanding;
    private boolean closeRequested;
    private boolean closeIssued;
    /** The close is re-run on the host with its system call already paid ({@link #closeOnHostAgain}). */
    private boolean closeAlreadyCharged;
    /** The adapter announced the end of the stream while it runs the connection. */
    private boolean adapterEndOfStream;
    private Runnable closeCallback;
    private String resetReason;
    private ConnectCallback connectCallback;
    private CloseListener closeListener;
    private Supplier<ConnectionStats> externalStats;
    private ConnectionStats lastStats;
    private SendOp sendCopyOp;
    private Consumer<Socket> adapterSends;
    private Consumer<Socket> closedHook;
    /** Indicated bytes not read yet, in stream order (offload path; see {@link #takeIndicated}). */
    private ArrayDeque<IndicatedRun> indicated; // made at the first indication: most sockets never get one
    private long indicatedBytes;
    /** The copy in flight reads {@link #indicated} (else the host connection). */
    private boolean copyFromIndicated;
    private Consumer<Socket> indicatedDrainedHook;

    /** Bytes of one adapter indication the socket took; its buffer goes back once they are read. */
    private static final class IndicatedRun {
        final Payload data;
        final Runnable release;
        int readBytes;

        IndicatedRun(Payload data, Runnable release) {
            this.data = data;
            this.release = release;
        }
    }

    private static final class SendOp {
        final long totalBytes;
        final AppBuffer buf;
        final SendCallback callback;
        long doneBytes;
        boolean syscallCharged;
        boolean blocked;

        SendOp(long totalBytes, AppBuffer buf, SendCallback callback) {
            this.totalBytes = totalBytes;
            this.buf = buf;
            this.callback = callback;
        }
    }

    Socket(SocketLayer layer, int core) {
        this.layer = layer;
        this.cpu = layer.stack().cpu();
        this.costs = layer.stack().costs();
        this.memory = layer.memory();
        this.core = core;
    }

    void attach(HostConnection c) {
        this.conn = c;
        c.setListener(this);
    }

    void expectConnect(ConnectCallback cb) {
        this.connectCallback = cb;
    }

    // ------------------------------------------------------------------ send

    /** Sends {@code lenBytes} bytes whose content does not matter (virtual payload). */
    public void send(long lenBytes, SendCallback cb) {
        if (lenBytes <= 0) {
            throw new IllegalArgumentException("send length must be > 0, got " + lenBytes);
        }
        enqueueSend(new SendOp(lenBytes, null, cb));
    }

    /** Sends the bytes of {@code buf} (real bytes if its memory region holds them). */
    public void send(AppBuffer buf, SendCallback cb) {
        enqueueSend(new SendOp(buf.lenBytes(), buf, cb));
    }

    private void enqueueSend(SendOp op) {
        if (layer.traceOn) {
            layer.trace(new SocketTrace.Send(layer.appLifeline, layer.socketLifeline, now(), tupleOrNull(),
                    op.totalBytes));
        }
        if (closeRequested) {
            throw new IllegalStateException("send after close on " + this);
        }
        sends.add(op);
        pumpSend();
        if (adapterSends != null && conn != null && conn.placement() != Placement.HOST) {
            adapterSends.accept(this);
        }
    }

    private void pumpSend() {
        SendOp op = sends.peek();
        if (op == null || sendCopyInFlight > 0 || conn == null || conn.placement() != Placement.HOST) {
            if (op == null) {
                maybeIssueClose();
            }
            return;
        }
        if (resetReason != null || conn.isClosed()) {
            failSends();
            return;
        }
        if (!op.syscallCharged) {
            op.syscallCharged = true;
            cpu.charge(core, WorkClass.KERNEL, CostCategory.SYSCALL, costs.syscallCycles());
        }
        long space = conn.sendSpaceBytes();
        if (space <= 0) {
            op.blocked = true;
            return;
        }
        if (op.blocked) {
            op.blocked = false;
            cpu.charge(core, WorkClass.KERNEL, CostCategory.CONTEXT_SWITCH, costs.contextSwitchCycles());
        }
        long k = Math.min(Math.min(op.totalBytes - op.doneBytes, space), COPY_CHUNK_BYTES);
        sendCopyInFlight = k;
        sendCopyOp = op;
        cpu.submit(core, WorkClass.KERNEL, CostCategory.COPY, costs.copyCycles(k), copyDone, SEND_COPY);
    }

    private void sendCopyDone(int coreIndex, int unused) {
        SendOp op = sends.peek();
        long k = sendCopyInFlight;
        sendCopyInFlight = 0;
        if (conn.isClosed() || conn.placement() != Placement.HOST || resetReason != null || op != sendCopyOp) {
            pumpSend();
            return;
        }
        long accepted;
        if (op.buf != null && holdsBytes(op.buf.address())) {
            byte[] bytes = memory.read(op.buf.address() + op.doneBytes, (int) k);
            accepted = conn.send(bytes, 0, (int) k, core);
        } else {
            accepted = conn.send(k, core);
        }
        if (accepted != k) {
            throw new IllegalStateException("socket buffer took " + accepted + " of " + k + " reserved bytes");
        }
        op.doneBytes += k;
        appBytesSent += k;
        if (op.doneBytes == op.totalBytes) {
            sends.poll();
            traceSendReturned(op.totalBytes);
            op.callback.sent(this, op.totalBytes);
        }
        pumpSend();
    }

    private void failSends() {
        while (!sends.isEmpty()) {
            SendOp op = sends.poll();
            traceSendReturned(op.doneBytes);
            op.callback.sent(this, op.doneBytes);
        }
    }

    private boolean holdsBytes(long address) {
        MemoryRegion r = memory.find(address);
        return r != null && r.holdsBytes();
    }

    // ------------------------------------------------------------------ offload seam (send, claim 9)

    /**
     * A send call handed to the adapter path: bytes {@code [doneBytes, totalBytes)} of it are still
     * to go ({@code buffer} null for a virtual payload).
     */
    public record AdapterSend(AppBuffer buffer, long doneBytes, long totalBytes, SendCallback callback) {
        /** Bytes left to send. */
        public long remainingBytes() {
            return totalBytes - doneBytes;
        }
    }

    /**
     * Installs who is told ({@code hook.accept(this)}) when a send call is queued while the
     * connection is not on the host, so the adapter path can take it with {@link #takeAdapterSends}.
     */
    public void setAdapterSendHook(Consumer<Socket> hook) {
        this.adapterSends = hook;
    }

    /**
     * Offload path: removes and returns, in order, the queued send calls (none while the host
     * stack runs the connection). A host copy still in flight is abandoned (its bytes were not
     * given to the stack).
     */
    public List<AdapterSend> takeAdapterSends() {
        if (conn == null || conn.placement() == Placement.HOST || sends.isEmpty()) {
            return List.of();
        }
        List<AdapterSend> out = new ArrayList<>(sends.size());
        for (SendOp op : sends) {
            if (!op.syscallCharged) {
                // the call still enters the kernel; its bytes then go to the adapter (no copy)
                op.syscallCharged = true;
                cpu.charge(core, WorkClass.KERNEL, CostCategory.SYSCALL, costs.syscallCycles());
            }
            out.add(new AdapterSend(op.buf, op.doneBytes, op.totalBytes, op.callback));
        }
        sends.clear();
        sendCopyOp = null;
        adapterSendsOutstanding += out.size();
        return out;
    }

    /**
     * Offload path: the adapter has sent {@code s} and the peer acknowledged it (or the host stack
     * holds its last bytes in the CCB it took back): the call returns.
     */
    public void completeAdapterSend(AdapterSend s) {
        adapterSendsOutstanding--;
        appBytesSent += s.remainingBytes();
        traceSendReturned(s.totalBytes());
        s.callback().sent(this, s.totalBytes());
        maybeIssueClose();
    }

    /**
     * Offload path, connection back on the host: the calls {@code returned} (in order) go before
     * the queued ones; of each, the host sends bytes {@code [sentBytes[i], totalBytes)} (the bytes
     * before were acknowledged by the peer or are in the host stack's send buffer now).
     */
    public void resumeSendsOnHost(List<AdapterSend> returned, long[] sentBytes) {
        adapterSendsOutstanding -= returned.size();
        for (int i = returned.size() - 1; i >= 0; i--) {
            AdapterSend s = returned.get(i);
            if (sentBytes[i] < s.doneBytes() || sentBytes[i] >= s.totalBytes()) {
                throw new IllegalArgumentException("resume of " + s + " from " + sentBytes[i]);
            }
            appBytesSent += sentBytes[i] - s.doneBytes();
            SendOp op = new SendOp(s.totalBytes(), s.buffer(), s.callback());
            op.doneBytes = sentBytes[i];
            sends.addFirst(op);
        }
        pumpSend();
    }

    /**
     * Send calls the adapter path took ({@link #takeAdapterSends}) that have neither returned nor come
     * back to the host: their bytes the adapter already took are in the connection but not yet
     * counted in {@link #appBytesSent()}.
     */
    public int adapterSendsOutstanding() {
        return adapterSendsOutstanding;
    }

    /** Send calls queued at the socket and not yet returned. */
    public int queuedSends() {
        return sends.size();
    }

    // ------------------------------------------------------------------ receive

    /**
     * Posts {@code buf} to receive into (claim 15). With {@code waitAll} the buffer completes
     * when full or at end of stream (MSG_WAITALL); otherwise as soon as some bytes are placed.
     * Buffers complete in the order posted.
     */
    public PostedReceive receive(AppBuffer buf, boolean waitAll, ReceiveCallback cb) {
        PostedReceive r = new PostedReceive(buf, waitAll, Objects.requireNonNull(cb, "cb"));
        if (layer.traceOn) {
            layer.trace(new SocketTrace.Receive(layer.appLifeline, layer.socketLifeline, now(), tupleOrNull(),
                    buf.lenBytes()));
        }
        receives.add(r);
        if (conn != null && conn.placement() != Placement.HOST) {
            // the call still enters the kernel; the buffer then goes to the adapter (no copy)
            r.syscallCharged = true;
            cpu.charge(core, WorkClass.KERNEL, CostCategory.SYSCALL, costs.syscallCycles());
            if (adapterEndOfStream && indicatedBytes == 0) {
                completeReceive(r, true); // read() after the peer's FIN returns 0 at once
                return r;
            }
        }
        pumpReceive();
        return r;
    }

    private void pumpReceive() {
        PostedReceive r = receives.peek();
        if (r == null || recvCopyInFlight > 0 || conn == null) {
            return;
        }
        if (indicatedBytes > 0) {
            copyIndicated(r); // indicated bytes come before anything the adapter or the stack holds
            return;
        }
        if (conn.placement() != Placement.HOST) {
            return;
        }
        if (!r.syscallCharged) {
            r.syscallCharged = true;
            cpu.charge(core, WorkClass.KERNEL, CostCategory.SYSCALL, costs.syscallCycles());
        }
        long readable = conn.isClosed() && resetReason != null ? 0 : conn.readableBytes();
        if (readable == 0) {
            if (resetReason != null || conn.isReadEof() || conn.isClosed()) {
                completeReceive(r, true);
                pumpReceive();
            } else {
                r.blocked = true;
            }
            return;
        }
        if (r.blocked) {
            r.blocked = false;
            cpu.charge(core, WorkClass.KERNEL, CostCategory.CONTEXT_SWITCH, costs.contextSwitchCycles());
        }
        long k = Math.min(Math.min(readable, r.remainingBytes()), COPY_CHUNK_BYTES);
        recvCopyInFlight = k;
        cpu.submit(core, WorkClass.KERNEL, CostCategory.COPY, costs.copyCycles(k), copyDone, RECV_COPY);
    }

    private void recvCopyDone(int coreIndex, int unused) {
        PostedReceive r = receives.peek();
        long k = recvCopyInFlight;
        recvCopyInFlight = 0;
        if (copyFromIndicated) {
            copyFromIndicated = false;
            placeIndicated(r, k);
            return;
        }
        if (conn.placement() != Placement.HOST) {
            return; // handed over while copying: the adapter path takes the buffer from here
        }
        List<Payload> runs = conn.read(k, core);
        long addr = r.nextAddress();
        long got = 0;
        for (Payload p : runs) {
            memory.writePayload(addr + got, p);
            got += p.lenBytes();
        }
        r.placedBytes += got;
        acceptedBytes += got;
        if (r.remainingBytes() == 0 || !r.waitAll()) {
            completeReceive(r, false);
        }
        pumpReceive();
    }

    // ------------------------------------------------------------------ indicated data (offload path)

    /**
     * Offload path: the adapter indicated {@code data} (it had no buffer of this socket): the
     * socket takes as much as keeps its unread indicated bytes within {@code holdLimitBytes}, with
     * no copy (the bytes stay in the indication buffer, as an skb's stay where the NIC put them),
     * and returns how many. The application's receives copy them out before anything else, in
     * any placement; {@code release} runs once every byte taken is read.
     *
     * @throws IllegalStateException if {@code data} does not continue the bytes already taken
     */
    public int takeIndicated(Payload data, Runnable release, long holdLimitBytes) {
        Objects.requireNonNull(release, "release");
        int k = (int) Math.max(0, Math.min(holdLimitBytes - indicatedBytes, data.lenBytes()));
        if (k == 0) {
            return 0;
        }
        if (indicated == null) {
            indicated = new ArrayDeque<>(2);
        }
        IndicatedRun last = indicated.peekLast();
        if (last != null && last.data.endOffset() != data.streamOffset()) {
            throw new IllegalStateException(this + ": indicated bytes at " + data.streamOffset()
                    + " do not continue those held, which end at " + last.data.endOffset());
        }
        indicated.addLast(new IndicatedRun(k == data.lenBytes() ? data : data.slice(0, k), release));
        indicatedBytes += k;
        pumpReceive();
        return k;
    }

    /** Indicated bytes taken and not read yet. */
    public long indicatedBytes() {
        return indicatedBytes;
    }

    /** Runs when the last indicated byte has been read (the offload path may post buffers again). */
    public void setIndicatedDrainedHook(Consumer<Socket> hook) {
        this.indicatedDrainedHook = hook;
    }

    private void copyIndicated(PostedReceive r) {
        if (!r.syscallCharged) {
            r.syscallCharged = true;
            cpu.charge(core, WorkClass.KERNEL, CostCategory.SYSCALL, costs.syscallCycles());
        }
        if (r.blocked) {
            r.blocked = false;
            cpu.charge(core, WorkClass.KERNEL, CostCategory.CONTEXT_SWITCH, costs.contextSwitchCycles());
        }
        long k = Math.min(Math.min(indicatedBytes, r.remainingBytes()), COPY_CHUNK_BYTES);
        recvCopyInFlight = k;
        copyFromIndicated = true;
        cpu.submit(core, WorkClass.KERNEL, CostCategory.COPY, costs.copyCycles(k), copyDone, RECV_COPY);
    }

    private void placeIndicated(PostedReceive r, long k) {
        if (r == null || indicatedBytes < k) {
            pumpReceive(); // reset while copying: the bytes were dropped
            return;
        }
        long addr = r.nextAddress();
        long left = k;
        while (left > 0) {
            IndicatedRun run = indicated.peekFirst();
            int n = (int) Math.min(left, run.data.lenBytes() - run.readBytes);
            memory.writePayload(addr, run.readBytes == 0 && n == run.data.lenBytes() ? run.data
                    : run.data.slice(run.readBytes, n));
            addr += n;
            left -= n;
            run.readBytes += n;
            if (run.readBytes == run.data.lenBytes()) {
                indicated.pollFirst();
                run.release.run();
            }
        }
        indicatedBytes -= k;
        r.placedBytes += k;
        acceptedBytes += k;
        if (r.remainingBytes() == 0 || !r.waitAll()) {
            completeReceive(r, false);
        }
        if (indicatedBytes == 0) {
            if (adapterEndOfStream) {
                endOfStreamFromAdapter();
            }
            if (indicatedDrainedHook != null) {
                indicatedDrainedHook.accept(this);
            }
        }
        pumpReceive();
    }

    /** Drops unread indicated bytes (the connection was reset): their buffers go back. */
    private void dropIndicated() {
        while (indicated != null && !indicated.isEmpty()) {
            indicated.pollFirst().release.run();
        }
        indicatedBytes = 0;
    }

    private void completeReceive(PostedReceive r, boolean eof) {
        receives.remove(r);
        if (layer.traceOn) {
            layer.trace(new SocketTrace.ReceiveReturned(layer.socketLifeline, layer.appLifeline, now(), tupleOrNull(),
                    r.placedBytes, eof));
        }
        r.callback().received(this, r.buffer(), r.placedBytes, eof);
    }

    /**
     * Offload path: the adapter placed {@code lenBytes} into the head posted buffer without a
     * host copy; complete it when {@code complete} (full, PSH, timer or end of stream).
     */
    public void completeAdapterPlacement(long lenBytes, boolean complete, boolean eof) {
        PostedReceive r = receives.peek();
        if (r == null || lenBytes > r.remainingBytes()) {
            throw new IllegalStateException("adapter placed " + lenBytes + " bytes with no room posted on " + this);
        }
        r.placedBytes += lenBytes;
        acceptedBytes += lenBytes;
        if (complete || eof || r.remainingBytes() == 0) {
            completeReceive(r, eof);
        }
    }

    /**
     * Offload path: the adapter announced the peer's FIN and every byte before it has been
     * placed (and completed) here: every posted buffer completes with the end of the stream, with
     * what it holds, and so does every buffer posted while the adapter still runs the connection.
     */
    public void endOfStreamFromAdapter() {
        adapterEndOfStream = true;
        if (indicatedBytes > 0) {
            return; // indicated bytes are read first; the last of them ends the stream
        }
        while (!receives.isEmpty()) {
            completeReceive(receives.peek(), true);
        }
    }

    /**
     * Offload path: the application's close was meant for the adapter, but the connection came
     * back to the host before the adapter queued the FIN (a flush in between): the host stack
     * closes it, behind the send calls given back to the socket. The close's system call was paid
     * when the application made it and its callback already ran or still waits for the sends.
     * A connection whose FIN the adapter already queued is closing on the host too (nothing to do).
     */
    public void closeOnHostAgain() {
        if (!closeRequested || conn.isClosed() || conn.placement() != Placement.HOST) {
            return;
        }
        if (closeIssued) {
            closeIssued = false;
            closeAlreadyCharged = true;
            closeCallback = null; // it ran when the close was first carried out
        }
        maybeIssueClose();
    }

    /**
     * Charges one system call on this socket's core for an application call served outside the
     * host stack (e.g. a send handed to the adapter while the connection is offloaded).
     */
    public void chargeSyscall() {
        cpu.charge(core, WorkClass.KERNEL, CostCategory.SYSCALL, costs.syscallCycles());
    }

    /** The oldest posted buffer not yet completed, or null. */
    public PostedReceive headPostedReceive() {
        return receives.peek();
    }

    /** Buffers posted and not yet completed. */
    public int postedReceives() {
        return receives.size();
    }

    /** The posted buffers not yet completed, oldest first (read-only; the offload path posts them ahead). */
    public Collection<PostedReceive> postedReceiveQueue() {
        return receivesView;
    }

    // ------------------------------------------------------------------ close

    /** Closes after the queued sends have gone into the socket; {@code cb} runs when the call returns. */
    public void close(Runnable cb) {
        if (closeRequested) {
            throw new IllegalStateException("close twice on " + this);
        }
        closeRequested = true;
        closeCallback = cb;
        if (layer.traceOn) {
            layer.trace(new SocketTrace.Close(layer.appLifeline, layer.socketLifeline, now(), tupleOrNull()));
        }
        maybeIssueClose();
    }

    private void maybeIssueClose() {
        if (!closeRequested || closeIssued || !sends.isEmpty() || sendCopyInFlight > 0) {
            return;
        }
        closeIssued = true;
        if (closeAlreadyCharged) {
            closeDone(core, 0);
            return;
        }
        cpu.submit(core, WorkClass.KERNEL, CostCategory.SYSCALL, costs.syscallCycles(), this::closeDone, 0);
    }

    private void closeDone(int coreIndex, int unused) {
        if (!conn.isClosed() && conn.placement() == Placement.HOST) {
            conn.close(core);
        }
        if (closeCallback != null) {
            closeCallback.run();
        }
    }

    /** Told when the connection reaches CLOSED. */
    public void setCloseListener(CloseListener l) {
        this.closeListener = l;
    }

    /**
     * The socket I/O layer's hook, run when the connection reaches CLOSED and leaves the host
     * stack (after the application's close listener): the offload layer drops what it keeps for it.
     */
    public void setClosedHook(Consumer<Socket> hook) {
        this.closedHook = hook;
    }

    // ------------------------------------------------------------------ stack events

    @Override
    public void established(HostConnection c) {
        layer.logEstablished(c.tuple());
        if (layer.traceOn) {
            layer.trace(new SocketTrace.Connected(layer.socketLifeline, layer.appLifeline, now(), tupleOrNull()));
        }
        if (connectCallback != null) {
            ConnectCallback cb = connectCallback;
            connectCallback = null;
            cb.connected(this);
        }
    }

    @Override
    public void readable(HostConnection c, long newBytes) {
        pumpReceive();
    }

    @Override
    public void sendSpace(HostConnection c, long ackedBytes) {
        pumpSend();
    }

    @Override
    public void peerClosed(HostConnection c) {
        pumpReceive();
    }

    @Override
    public void reset(HostConnection c, String reason) {
        layer.logReset(c.tuple(), reason);
        resetReason = reason;
        dropIndicated();
        if (connectCallback != null) {
            ConnectCallback cb = connectCallback;
            connectCallback = null;
            cb.failed(this, reason);
        }
    }

    @Override
    public void closed(HostConnection c) {
        lastStats = c.placement() == Placement.HOST ? c.stats() : lastStats;
        layer.logClosed(c.tuple(), resetReason, appBytesSent, acceptedBytes);
        if (connectCallback != null) {
            ConnectCallback cb = connectCallback;
            connectCallback = null;
            cb.failed(this, resetReason == null ? "closed before established" : resetReason);
        }
        pumpReceive();
        pumpSend();
        if (closeListener != null) {
            closeListener.closed(this, layer.stack().simulator().now());
        }
        if (closedHook != null) {
            closedHook.accept(this);
        }
    }

    // ------------------------------------------------------------------ queries

    private void traceSendReturned(long bytes) {
        if (layer.traceOn) {
            layer.trace(new SocketTrace.SendReturned(layer.socketLifeline, layer.appLifeline, now(), tupleOrNull(),
                    bytes));
        }
    }

    private long now() {
        return layer.stack().simulator().now();
    }

    private FourTuple tupleOrNull() {
        return conn == null ? null : conn.tuple();
    }

    /** The application core this socket's kernel work runs on. */
    public int core() {
        return core;
    }

    /** Bytes the application has accepted: placed into its posted buffers (claim 13). */
    public long acceptedBytes() {
        return acceptedBytes;
    }

    /** Bytes the application's completed send calls handed to the socket. */
    public long appBytesSent() {
        return appBytesSent;
    }

    /** The host memory the application's buffers live in. */
    public HostMemory memory() {
        return memory;
    }

    /** The stack connection under this socket. */
    public HostConnection connection() {
        return conn;
    }

    public FourTuple tuple() {
        return conn.tuple();
    }

    public Placement placement() {
        return conn.placement();
    }

    /** The reset reason, or null. */
    public String resetReason() {
        return resetReason;
    }

    /** Installs where TCP statistics come from while the connection is not on the host (the adapter). */
    public void setExternalStats(Supplier<ConnectionStats> source) {
        this.externalStats = source;
    }

    /** The unified statistics view (claim 12). */
    public SocketStats stats() {
        ConnectionStats s;
        if (conn.placement() == Placement.HOST && !conn.isClosed()) {
            s = conn.stats();
        } else if (conn.placement() != Placement.HOST && externalStats != null) {
            s = externalStats.get();
        } else if (lastStats != null) {
            s = lastStats;
        } else {
            s = conn.stats();
        }
        return SocketStats.of(conn.tuple(), conn.placement(), appBytesSent, acceptedBytes, s);
    }

    @Override
    public String toString() {
        return "socket[" + (conn == null ? "unconnected" : conn.tuple()) + " core " + core + "]";
    }
}
