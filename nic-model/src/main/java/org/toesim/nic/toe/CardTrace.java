package org.toesim.nic.toe;

import org.toesim.core.trace.TraceCategory;
import org.toesim.core.trace.TraceRecord;
import org.toesim.tcp.segment.FourTuple;

/**
 * Trace records of the TOE card (component {@code <host>.card}): what it does with each command,
 * descriptor and frame. Connections are named from the card's side ({@code local>remote}); the
 * card's TCP engines write their own {@code TcpTrace} records as {@code <host>.toe.tcp}.
 */
public sealed interface CardTrace extends TraceRecord {
    @Override
    default TraceCategory traceCategory() {
        return TraceCategory.CARD;
    }

    /** A command fetched from the COMMAND ring runs (its completion follows on the COMPLETION ring). */
    record Command(FourTuple conn, String command) implements CardTrace {
    }

    /** A send request, posted buffer or indication buffer fetched from its ring. */
    record Descriptor(FourTuple conn, String descriptor) implements CardTrace {
    }

    /**
     * A frame from the wire, classified: {@code path} is the classifier's reason (FAST_DATA,
     * FAST_ACK: the card's engine takes it; anything else goes to the host).
     */
    record Classified(FourTuple conn, String path, long seq, long ack, int lenBytes, String flags)
            implements CardTrace {
    }

    /** The card's engine sent a segment (data, an ACK, a retransmission). */
    record SegmentOut(FourTuple conn, long seq, long ack, int lenBytes, String flags, int window)
            implements CardTrace {
    }

    /** In-order payload placed straight into a buffer the host posted (direct data placement). */
    record Placed(FourTuple conn, long hostAddr, int lenBytes) implements CardTrace {
    }

    /** Payload copied into an indication buffer (no buffer posted). */
    record Indicated(FourTuple conn, long hostAddr, int lenBytes) implements CardTrace {
    }

    /** The card asks the host to take the connection back. */
    record UploadRequest(FourTuple conn, String reason) implements CardTrace {
    }
}
