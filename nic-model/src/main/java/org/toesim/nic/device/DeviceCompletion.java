package org.toesim.nic.device;

import java.util.Objects;

/** Entries the adapter writes to the {@link RingId#COMPLETION} ring. */
public sealed interface DeviceCompletion extends RingEntry {

    /** A command finished; {@code resultBytes} bytes were written at the command's result address. */
    record CommandCompletion(long commandId, CommandStatus status, int resultBytes) implements DeviceCompletion {
        public CommandCompletion {
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * A posted buffer is handed back with {@code bytesPlaced} payload bytes in it (claims 1, 17);
     * {@code push} when the data ended on a PSH boundary. {@link CommandStatus#FLUSHED} returns an
     * unfilled or partly filled buffer at flush.
     */
    record ReceiveCompletion(OffloadHandle handle, long cookie, int bytesPlaced, boolean push, CommandStatus status)
            implements DeviceCompletion {
        public ReceiveCompletion {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(status, "status");
        }
    }

    /** A send request is finished: {@code bytesAcked} of its bytes were acknowledged by the peer. */
    record SendCompletion(OffloadHandle handle, long cookie, int bytesAcked, CommandStatus status)
            implements DeviceCompletion {
        public SendCompletion {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * Plain NIC: the frame of a {@link TxDescriptor.NicSend} has left (all {@code framesSent}
     * frames cut from it by TSO were handed to the MAC; 0 when the adapter refused it as
     * malformed); its buffer may be reused.
     */
    record NicSendCompletion(long cookie, int framesSent) implements DeviceCompletion {
        public NicSendCompletion {
            if (framesSent < 0) {
                throw new IllegalArgumentException("framesSent must be >= 0, got " + framesSent);
            }
        }

        /** A completion of a descriptor that went out as one frame. */
        public NicSendCompletion(long cookie) {
            this(cookie, 1);
        }
    }

    /**
     * Plain NIC: a frame of {@code lenBytes} was placed in the buffer {@code cookie} of receive
     * queue {@code queue}.
     *
     * @param cookie            the {@link RxDescriptor.NicBuffer}'s cookie
     * @param lenBytes          frame length placed (no FCS)
     * @param checksumVerified  the adapter checked the IP and TCP checksums and they are good
     *                          (receive checksum offload on); the host need not touch the bytes
     * @param queue             receive queue the frame was steered to (RSS)
     * @param rssHash           the 32-bit Toeplitz hash of the four-tuple (0 when RSS is off)
     * @param coalescedSegments TCP segments merged into this frame by LRO (1 without LRO); the
     *                          host pays per-packet protocol cost once for all of them
     */
    record NicReceiveCompletion(long cookie, int lenBytes, boolean checksumVerified, int queue, int rssHash,
            int coalescedSegments) implements DeviceCompletion {
        public NicReceiveCompletion {
            if (lenBytes <= 0 || queue < 0 || coalescedSegments < 1) {
                throw new IllegalArgumentException("bad receive completion: len " + lenBytes + ", queue " + queue
                        + ", segments " + coalescedSegments);
            }
        }

        /** A single-queue, single-segment completion. */
        public NicReceiveCompletion(long cookie, int lenBytes, boolean checksumVerified) {
            this(cookie, lenBytes, checksumVerified, 0, 0, 1);
        }
    }
}
