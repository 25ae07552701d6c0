package org.toesim.host.offload;

import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;
import org.toesim.nic.device.CommandStatus;
import org.toesim.nic.device.UploadReason;
import org.toesim.tcp.segment.FourTuple;

/**
 * Typed trace records of the offload manager: one per decision and per step of the handoff
 * sequence, written to the {@code TraceSink} given at construction (component
 * {@code <host>.offload}).
 */
public sealed interface OffloadTrace extends TraceRecord {
    /** The connection the record is about. */
    @Override
    FourTuple conn();

    @Override
    default TraceCategory traceCategory() {
        return TraceCategory.OFFLOAD;
    }

    /** The policy answered (claim 7). */
    record PolicyDecided(FourTuple conn, String policy, boolean offload, String reason) implements OffloadTrace {
    }

    /** No handoff is possible: the adapter record says so (claims 11, 19), or the card is full. */
    record HandoffNotPossible(FourTuple conn, String reason) implements OffloadTrace {
    }

    /** The connection moved in the handoff state machine. */
    record StateChanged(FourTuple conn, HandoffState from, HandoffState to) implements OffloadTrace {
    }

    /** InitiateOffload submitted with a CCB image of {@code imageBytes} (claims 16, 20). */
    record InitiateSubmitted(FourTuple conn, String handle, int imageBytes) implements OffloadTrace {
    }

    /** The adapter installed the CCB; {@code heldFrames} arrived at the host during the handoff. */
    record Installed(FourTuple conn, String handle, int heldFrames) implements OffloadTrace {
    }

    /** The adapter refused; the connection resumes on the host. */
    record Refused(FourTuple conn, CommandStatus status) implements OffloadTrace {
    }

    /** A receive buffer of {@code lenBytes} was posted with the handle (claims 15, 17, 18). */
    record BufferPosted(FourTuple conn, long hostAddr, int lenBytes) implements OffloadTrace {
    }

    /**
     * The adapter indicated {@code bytesIndicated} bytes (no buffer posted); the socket took
     * {@code bytesTaken}, and {@code acceptedBytes} have been accepted since the install.
     */
    record Indicated(FourTuple conn, int bytesIndicated, int bytesTaken, long acceptedBytes) implements OffloadTrace {
    }

    /** The adapter completed a posted buffer with {@code bytesPlaced} payload bytes (claims 1, 3). */
    record BufferCompleted(FourTuple conn, int bytesPlaced, CommandStatus status, long acceptedBytes)
            implements OffloadTrace {
    }

    /** Window credit pushed to the adapter: the application has accepted {@code acceptedBytes} (claim 13). */
    record CreditGiven(FourTuple conn, long acceptedBytes) implements OffloadTrace {
    }

    /** A send request of {@code lenBytes} (claim 9). */
    record SendPosted(FourTuple conn, long hostAddr, int lenBytes) implements OffloadTrace {
    }

    /** A send request completed: {@code bytesAcked} acknowledged by the peer. */
    record SendCompleted(FourTuple conn, int bytesAcked, CommandStatus status) implements OffloadTrace {
    }

    /** The application's close went to the adapter (a send request with fin). */
    record DisconnectPosted(FourTuple conn) implements OffloadTrace {
    }

    /** The peer's FIN, announced by the adapter, reached the application as the end of the stream. */
    record PeerClosed(FourTuple conn, long acceptedBytes) implements OffloadTrace {
    }

    /** The adapter asked for the connection back. */
    record UploadRequested(FourTuple conn, UploadReason reason) implements OffloadTrace {
    }

    /** TerminateOffload submitted (claim 8). */
    record FlushStarted(FourTuple conn, FlushCause cause) implements OffloadTrace {
    }

    /** The CCB came back and the host stack resumed the connection. */
    record FlushCompleted(FourTuple conn, FlushCause cause, CommandStatus status, long undeliveredBytes)
            implements OffloadTrace {
    }

    /** A frame of an offloaded connection reached the host (slow path, claim 14). */
    record SlowPathFrame(FourTuple conn, int heldFrames) implements OffloadTrace {
    }

    /** Frames of an offloaded connection that reached the host were given to the adapter (ForwardFrames). */
    record FramesForwarded(FourTuple conn, int frames) implements OffloadTrace {
    }

    /** Statistics were read from the adapter (claim 12). */
    record StatsPolled(FourTuple conn, long segmentsIn, long payloadBytesIn, CommandStatus status)
            implements OffloadTrace {
    }
}
