package org.toesim.nic.device;

import java.util.Objects;

/** Entries of the {@link RingId#SEND} ring. */
public sealed interface TxDescriptor extends RingEntry {
    /** Host-chosen id echoed by the completion. */
    long cookie();

    /**
     * Transmit offload (claim 9): send {@code lenBytes} bytes at {@code hostAddr} on the
     * offloaded connection {@code handle}; the adapter segments them and completes with a
     * {@link DeviceCompletion.SendCompletion} once the peer has acknowledged them.
     *
     * <p>With {@code fin} (graceful disconnect, as a Chimney disconnect request rides the send
     * queue) the adapter closes the connection after this request's bytes and every earlier
     * request's: the FIN follows the last byte (RFC 9293 section 3.10.4), and the request
     * completes when the peer has acknowledged the FIN. {@code lenBytes} may then be 0. Offered
     * when the capability lists {@link OffloadFeature#CLOSE_ON_CARD}.
     */
    record ToeSend(OffloadHandle handle, long hostAddr, int lenBytes, long cookie, boolean fin) implements TxDescriptor {
        public ToeSend {
            Objects.requireNonNull(handle, "handle");
            if (lenBytes < 0 || lenBytes == 0 && !fin) {
                throw new IllegalArgumentException("lenBytes must be > 0 (>= 0 with fin), got " + lenBytes);
            }
        }

        /** A send of data only (no FIN). */
        public ToeSend(OffloadHandle handle, long hostAddr, int lenBytes, long cookie) {
            this(handle, hostAddr, lenBytes, cookie, false);
        }
    }

    /**
     * Plain-NIC transmit of one frame of {@code lenBytes} bytes at {@code hostAddr} (host memory
     * holds a {@link DmaData.FrameImage}); with {@code checksumOffload} the adapter fills in the
     * IP/TCP checksums. With {@code tsoMssBytes > 0} the frame may carry one TCP segment larger
     * than the MTU allows and the adapter cuts it into frames of at most {@code tsoMssBytes}
     * payload bytes (TCP segmentation offload); 0 means send the frame as it is.
     */
    record NicSend(long hostAddr, int lenBytes, boolean checksumOffload, long cookie, int tsoMssBytes)
            implements TxDescriptor {
        public NicSend {
            if (lenBytes <= 0) {
                throw new IllegalArgumentException("lenBytes must be > 0, got " + lenBytes);
            }
            if (tsoMssBytes < 0) {
                throw new IllegalArgumentException("tsoMssBytes must be >= 0, got " + tsoMssBytes);
            }
        }

        /** A send of one ready frame (no segmentation). */
        public NicSend(long hostAddr, int lenBytes, boolean checksumOffload, long cookie) {
            this(hostAddr, lenBytes, checksumOffload, cookie, 0);
        }
    }
}
