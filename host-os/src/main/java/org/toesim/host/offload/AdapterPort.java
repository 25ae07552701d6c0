package org.toesim.host.offload;

import java.util.List;
import org.toesim.nic.device.CachedState;
import org.toesim.nic.device.Capability;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.ConnectionStats;
import org.toesim.nic.device.OffloadHandle;
import org.toesim.nic.device.OffloadState;
import org.toesim.nic.frame.Frame;
import org.toesim.tcp.segment.Payload;

/**
 * What the {@link OffloadManager} needs from the NIC driver (claims 5, 10, 11, 19): the adapter
 * record's answer, handles, and the TOE commands and descriptors, each with a completion
 * callback. {@link DriverAdapterPort} implements it over {@code org.toesim.host.driver.NicDriver};
 * the unit tests implement it with a scripted adapter.
 *
 * <p>Every callback runs on the host after the driver's completion cost (a timed event), never
 * inside the call that submitted the request.
 */
public interface AdapterPort {
    /**
     * What the attach-time capability query returned; {@link Capability#none} (offload not
     * supported) when the adapter did not answer with a capability.
     */
    Capability capability();

    /** A handle never used before on this adapter. */
    OffloadHandle allocateHandle();

    /** Writes {@code image} to host memory and submits InitiateOffload with {@code handle}. */
    void initiate(OffloadHandle handle, OffloadState image, StatusCallback callback);

    /**
     * The largest CCB image {@link #initiate} takes (the host memory slot the driver lends the
     * adapter for it); a connection whose image is larger (its send buffer holds more) stays on
     * the host until it is smaller.
     */
    default int maxImageBytes() {
        return Integer.MAX_VALUE;
    }

    /**
     * Submits TerminateOffload: the adapter stops the connection, returns its posted buffers and
     * unfinished sends (their callbacks run with {@link CommandStatus#FLUSHED} first), and writes
     * the CCB image; {@code callback} gets it (null unless SUCCESS).
     */
    void terminate(OffloadHandle handle, TerminateCallback callback);

    /** Submits UpdateOffload with the host-owned cached state (window credit, claim 13). */
    void update(OffloadHandle handle, CachedState cached, StatusCallback callback);

    /** Submits QueryOffload; {@code callback} gets the delegated state and the card's counters. */
    void query(OffloadHandle handle, QueryCallback callback);

    /** Posts a receive buffer with the handle (claims 1, 17, 18); returns its cookie. */
    long postBuffer(OffloadHandle handle, long hostAddr, int lenBytes, BufferCallback callback);

    /**
     * Posts a receive buffer; a {@code noPush} one completes only when full or flushed (a
     * MSG_WAITALL piece). An adapter port without the mode posts a push-mode buffer.
     */
    default long postBuffer(OffloadHandle handle, long hostAddr, int lenBytes, boolean noPush, BufferCallback callback) {
        return postBuffer(handle, hostAddr, lenBytes, callback);
    }

    /** Posts a send request with the handle and length (claim 9); returns its cookie. */
    long send(OffloadHandle handle, long hostAddr, int lenBytes, SendCallback callback);

    /**
     * Posts the graceful close (a send request with {@code fin} and no bytes, behind every send
     * posted before it): the adapter sends the FIN after their data; {@code callback} runs when
     * the peer acknowledged it (SUCCESS) or the connection was flushed first (FLUSHED). Called
     * only when {@link #capability()} lists {@link org.toesim.nic.device.OffloadFeature#CLOSE_ON_CARD}.
     */
    default long disconnect(OffloadHandle handle, SendCallback callback) {
        throw new UnsupportedOperationException("this adapter port cannot close on the adapter");
    }

    /**
     * Submits ForwardFrames: {@code frames} (of the connection {@code handle}, in arrival order)
     * are written to host memory and the adapter reads them and classifies each as if it had just
     * arrived. Called only when {@link #capability()} lists
     * {@link org.toesim.nic.device.OffloadFeature#FORWARD_FRAMES}.
     */
    default void forward(OffloadHandle handle, List<Frame> frames, StatusCallback callback) {
        throw new UnsupportedOperationException("this adapter port cannot forward frames");
    }

    /**
     * Lends the adapter {@code count} driver-owned indication buffers of {@code lenBytes} each, for
     * data of connections with no buffer posted ({@link org.toesim.nic.device.DeviceEvent.IndicateData}).
     * Called only when {@link #capability()} lists {@link org.toesim.nic.device.OffloadFeature#INDICATE_DATA}.
     */
    default void postIndicationBuffers(int count, int lenBytes) {
        throw new UnsupportedOperationException("this adapter port cannot post indication buffers");
    }

    /**
     * The bytes the adapter indicated in the buffer {@code cookie} names (the buffer stays the
     * host's until {@link #repostIndication}).
     */
    default Payload takeIndication(long cookie) {
        throw new UnsupportedOperationException("this adapter port has no indication buffers");
    }

    /** The host is done with the indication buffer {@code cookie} named: lend it to the adapter again. */
    default void repostIndication(long cookie) {
        throw new UnsupportedOperationException("this adapter port has no indication buffers");
    }

    /**
     * Submits UpdateNeighbour: the next hop {@code ip} is now at link-layer address {@code mac}.
     * Called only when {@link #capability()} lists {@link org.toesim.nic.device.OffloadFeature#NEIGHBOUR_UPDATE}.
     */
    default void updateNeighbour(int ip, long mac, StatusCallback callback) {
        throw new UnsupportedOperationException("this adapter port cannot update neighbours");
    }

    /** Completion of a command that returns only a status. */
    @FunctionalInterface
    interface StatusCallback {
        void done(CommandStatus status);
    }

    /** Completion of TerminateOffload. */
    @FunctionalInterface
    interface TerminateCallback {
        /** {@code state} is the returned CCB image (null unless {@code status} is SUCCESS). */
        void done(CommandStatus status, OffloadState state);
    }

    /** Completion of QueryOffload. */
    @FunctionalInterface
    interface QueryCallback {
        /** {@code state} and {@code stats} are null unless {@code status} is SUCCESS. */
        void done(CommandStatus status, OffloadState state, ConnectionStats stats);
    }

    /** A posted receive buffer came back. */
    @FunctionalInterface
    interface BufferCallback {
        void done(int bytesPlaced, boolean push, CommandStatus status);
    }

    /** A send request came back. */
    @FunctionalInterface
    interface SendCallback {
        void done(int bytesAcked, CommandStatus status);
    }
}
