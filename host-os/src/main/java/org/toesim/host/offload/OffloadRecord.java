package org.toesim.host.offload;

import java.util.ArrayList;
import java.util.List;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.tcp.ccb.ControlBlock;
import org.toesim.tcp.engine.ConnectionStats;
import org.toesim.tcp.segment.FourTuple;

/**
 * The manager's bookkeeping for one connection: its handoff state, the opaque handle while the
 * adapter runs it, the application-accepted byte count and credit given, and the last sampled
 * statistics. Only the manager mutates it; others read it through {@link OffloadManager}.
 */
public final class OffloadRecord {
    private final FourTuple tuple;
    HandoffState state = HandoffState.ON_HOST;
    /** Non-null from OFFLOADING to the end of FLUSHING. */
    OffloadHandle handle;
    int sndMssBytes;
    long refusedUntilPs = -1;
    /** Cumulative bytes the application accepted from the adapter (claim 13). */
    long acceptedBytes;
    /** {@link #acceptedBytes} as last pushed to the adapter. */
    long creditedBytes;
    boolean creditInFlight;
    FlushCause pendingFlush;
    final List<Runnable> whenOnHost = new ArrayList<>(1);
    FlushCause flushCause;
    int handoffs;
    int flushes;
    int heldFrames;
    long slowPathFrames;
    int buffersOutstanding;
    int sendsOutstanding;
    /** Send stream offset at the last handoff: where the adapter's send requests begin. */
    long sendEndAtHandoffBytes;
    /** Bytes of send requests the adapter took into the connection during its last offload. */
    long adapterSendBytes;
    ConnectionStats lastTcp;
    org.toesim.nic.device.ConnectionStats lastCard = org.toesim.nic.device.ConnectionStats.ZERO;
    long sampledAtPs;
    /** The application's connection is open and the policy watches it (cleared by {@code forget}). */
    boolean watched;
    /** In {@link PolicyWatch}'s list of connections shown to the policy at every check. */
    boolean listed;
    /** The policy's last answer was final ({@link PolicyDecision#settled()}): it is not asked again. */
    boolean policySettled;
    /** A QueryOffload of this connection is outstanding. */
    boolean queryInFlight;
    /** The adapter announced the peer's FIN after this many accepted bytes (-1: not announced). */
    long peerClosedAtBytes = -1;
    /** Adapter indications of this connection answered since the install. */
    long indicationsAnswered;
    /** The host's close was posted to the adapter (a send request with fin). */
    boolean disconnectPosted;
    /** Frames being forwarded to the adapter. */
    final SegmentForwarder.State forward = new SegmentForwarder.State();

    OffloadRecord(FourTuple tuple) {
        this.tuple = tuple;
    }

    public FourTuple tuple() {
        return tuple;
    }

    public HandoffState state() {
        return state;
    }

    /** Bytes the application accepted from the adapter's placements. */
    public long acceptedBytes() {
        return acceptedBytes;
    }

    /** Accepted bytes last reported to the adapter. */
    public long creditedBytes() {
        return creditedBytes;
    }

    public int handoffs() {
        return handoffs;
    }

    public int flushes() {
        return flushes;
    }

    /** Receive buffers posted and not yet completed. */
    public int buffersOutstanding() {
        return buffersOutstanding;
    }

    /** Send requests posted and not yet completed. */
    public int sendsOutstanding() {
        return sendsOutstanding;
    }

    /**
     * After a flush: how many bytes of the send requests posted during the last offload (in posting
     * order) the adapter took into the connection, acknowledged by the peer or in the returned CCB's
     * unacknowledged send data (the host stack sends those); bytes of the requests after this many
     * the adapter never read and are the host's to send (claim 9).
     */
    public long adapterSendBytes() {
        return adapterSendBytes;
    }

    /**
     * The stream offset just past the last byte the application has given the connection in
     * {@code ccb}: the first unacknowledged byte (SND.UNA, a position counted from the ISS,
     * RFC 9293 section 3.3.1) plus the bytes of the send buffer.
     */
    static long sendStreamEndBytes(ControlBlock ccb) {
        ControlBlock.SendState snd = ccb.delegated().send();
        long n = ccb.delegated().sendStartOffset();
        for (var p : snd.unacked()) {
            n += p.lenBytes();
        }
        return n;
    }

    /** Runs (once) the callbacks waiting for the host to run the connection again. */
    void runWhenOnHost() {
        if (whenOnHost.isEmpty()) {
            return;
        }
        List<Runnable> todo = new ArrayList<>(whenOnHost);
        whenOnHost.clear();
        for (Runnable t : todo) {
            t.run();
        }
    }

    @Override
    public String toString() {
        return "offload[" + tuple + " " + state + "]";
    }
}
