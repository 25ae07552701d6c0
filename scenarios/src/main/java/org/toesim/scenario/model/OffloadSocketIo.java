package org.toesim.scenario.model;

import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.toesim.host.offload.HandoffListener;
import org.toesim.host.offload.HandoffState;
import org.toesim.host.offload.OffloadManager;
import org.toesim.host.offload.SocketOffloadBridge;
import org.toesim.host.offload.UnifiedStats;
import org.toesim.host.socket.AppBuffer;
import org.toesim.host.socket.PostedReceive;
import org.toesim.host.socket.ReceiveCallback;
import org.toesim.host.socket.SendCallback;
import org.toesim.host.socket.Socket;
import org.toesim.host.socket.SocketIo;
import org.toesim.tcp.segment.FourTuple;
import org.toesim.tcp.segment.Payload;

/**
 * The applications' socket calls on a TOE host: every call goes through the host's
 * {@link SocketOffloadBridge} (the one offloaded data path: posted receive pieces, pipelined
 * adapter sends, upload-first close). This class adds only what the runner reports: per
 * connection the times it was installed on the card and taken back, and the socket's statistics
 * while the card runs it (the adapter's last poll, or the host engine's at the handoff, both kept
 * in the manager's record).
 *
 * <pre>
 *  opened / receive / send / close --&gt; bridge            stateChanged --&gt; bridge, then counted
 *  peerClosed / indicated         --&gt; bridge
 * </pre>
 */
final class OffloadSocketIo implements SocketIo, HandoffListener {
    private final OffloadManager manager;
    private final SocketOffloadBridge bridge;
    /** Per connection (local view): {times installed on the card, times taken back}. */
    private final Map<FourTuple, long[]> handoffs = new HashMap<>();
    /** Every install and return, in time order (the markers of the per-connection figures). */
    private final List<HandoffMark> marks = new ArrayList<>();
    private final LongSupplier clock;

    /** One handoff step a figure marks: the card installed the connection, or the host took it back. */
    record HandoffMark(long timePs, FourTuple tuple, boolean offloaded) {
    }

    OffloadSocketIo(OffloadManager manager, SocketOffloadBridge bridge, LongSupplier clock) {
        this.manager = manager;
        this.bridge = bridge;
        this.clock = clock;
        manager.setHandoffListener(this); // after the bridge: its state changes come through here
    }

    @Override
    public void opened(Socket s) {
        FourTuple t = s.tuple();
        s.setExternalStats(() -> {
            UnifiedStats u = manager.stats(t);
            return u == null ? null : u.tcp();
        });
        bridge.opened(s);
    }

    @Override
    public PostedReceive receive(Socket s, AppBuffer buf, boolean waitAll, ReceiveCallback cb) {
        return bridge.receive(s, buf, waitAll, cb);
    }

    @Override
    public void send(Socket s, long lenBytes, SendCallback cb) {
        bridge.send(s, lenBytes, cb);
    }

    @Override
    public void send(Socket s, AppBuffer buf, SendCallback cb) {
        bridge.send(s, buf, cb);
    }

    @Override
    public void close(Socket s, Runnable cb) {
        bridge.close(s, cb);
    }

    @Override
    public void stateChanged(FourTuple tuple, HandoffState from, HandoffState to) {
        if (to == HandoffState.QUIESCING) {
            // the host engine's statistics as the handoff begins: the manager's record keeps them
            // (the only copy) until the card's first statistics poll answers
            manager.stats(tuple);
        }
        bridge.stateChanged(tuple, from, to);
        if (to == HandoffState.OFFLOADED || to == HandoffState.ON_HOST_AGAIN) {
            handoffs.computeIfAbsent(tuple, k -> new long[2])[to == HandoffState.OFFLOADED ? 0 : 1]++;
            if (marks.size() < MAX_MARKS) {
                marks.add(new HandoffMark(clock.getAsLong(), tuple, to == HandoffState.OFFLOADED));
            }
        }
    }

    @Override
    public void peerClosed(FourTuple tuple) {
        bridge.peerClosed(tuple);
    }

    @Override
    public int indicated(FourTuple tuple, Payload data, Runnable release) {
        return bridge.indicated(tuple, data, release);
    }

    /** More handoffs than this (thousands of short connections) are counted but not marked. */
    static final int MAX_MARKS = 10_000;

    /** The installs and returns of this host's connections, in time order (at most {@link #MAX_MARKS}). */
    List<HandoffMark> marks() {
        return marks;
    }

    /**
     * {times the card installed it, times it came back to the host} for the connection
     * {@code t} as seen from either end (a remote view is reversed), or null if never offloaded.
     */
    long[] handoffs(FourTuple t) {
        long[] h = handoffs.get(t);
        return h != null ? h : handoffs.get(t.reversed());
    }
}
