package org.toesim.nic.device;

import java.util.Objects;

/** Unsolicited notices the adapter writes to the {@link RingId#EVENT} ring. */
public sealed interface DeviceEvent extends RingEntry {
    /** The connection's handle. */
    OffloadHandle handle();

    /** The adapter asks the host to take the connection back (the host answers with a flush). */
    record UploadRequest(OffloadHandle handle, UploadReason reason) implements DeviceEvent {
        public UploadRequest {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The peer's FIN arrived in order and every byte before it has been placed in posted
     * buffers: once the host has seen receive completions for {@code bytesCompleted} bytes (all
     * its buffers' placements since the install, the last partly filled buffer completed with
     * push), the application's next read sees the end of the stream
     * ({@link OffloadFeature#CLOSE_ON_CARD}). The count, not ring order, tells the host when.
     */
    record PeerClosed(OffloadHandle handle, long bytesCompleted) implements DeviceEvent {
        public PeerClosed {
            Objects.requireNonNull(handle, "handle");
        }
    }

    /**
     * Data arrived with no posted buffer: {@code bytesPlaced} bytes were placed in the indication
     * buffer {@code cookie}; {@code bytesPending} more wait on the card.
     */
    record IndicateData(OffloadHandle handle, long cookie, int bytesPlaced, int bytesPending) implements DeviceEvent {
        public IndicateData {
            Objects.requireNonNull(handle, "handle");
        }
    }
}
