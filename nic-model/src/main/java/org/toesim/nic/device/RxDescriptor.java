package org.toesim.nic.device;

import java.util.Objects;

/** Entries of the {@link RingId#RECEIVE} ring: buffers the host lends the adapter. */
public sealed interface RxDescriptor extends RingEntry {
    /** Host address of the buffer. */
    long hostAddr();

    /** Buffer length. */
    int lenBytes();

    /** Host-chosen id echoed by the completion. */
    long cookie();

    /**
     * A receive buffer for one offloaded connection (claims 1, 15, 17, 18): the adapter places
     * the connection's in-order payload, free of headers, at {@code hostAddr}, and completes it
     * with a {@link DeviceCompletion.ReceiveCompletion}. A {@code noPush} buffer completes only
     * when full (or when the connection is flushed): PSH and the push timer do not complete it,
     * so buffers posted behind it are filled strictly after it (the nonpush mode of TCP Chimney
     * receive requests, Microsoft "Posting and Completing Receive Requests"; MSG_WAITALL reads).
     */
    record PostBuffer(OffloadHandle handle, long hostAddr, int lenBytes, long cookie, boolean noPush)
            implements RxDescriptor {
        public PostBuffer {
            Objects.requireNonNull(handle, "handle");
            requirePositive(lenBytes);
        }

        /** A push-mode buffer (completes on PSH or the push timer too). */
        public PostBuffer(OffloadHandle handle, long hostAddr, int lenBytes, long cookie) {
            this(handle, hostAddr, lenBytes, cookie, false);
        }
    }

    /** A driver-owned buffer for data of any offloaded connection that has no posted buffer ({@link DeviceEvent.IndicateData}). */
    record IndicationBuffer(long hostAddr, int lenBytes, long cookie) implements RxDescriptor {
        public IndicationBuffer {
            requirePositive(lenBytes);
        }
    }

    /** A plain-NIC receive buffer for one whole frame. */
    record NicBuffer(long hostAddr, int lenBytes, long cookie) implements RxDescriptor {
        public NicBuffer {
            requirePositive(lenBytes);
        }
    }

    private static void requirePositive(int lenBytes) {
        if (lenBytes <= 0) {
            throw new IllegalArgumentException("lenBytes must be > 0, got " + lenBytes);
        }
    }
}
